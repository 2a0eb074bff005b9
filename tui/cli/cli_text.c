#include "cli_text.h"

const cli_text_catalog cli_text_catalog_data = {
#define CT(id, vi, en) .id##_vi = vi, .id##_en = en,
#include "cli_text.def"
#undef CT
};

/* By id, the same arrays: one copy of each text. */
static const char *const texts[CT_COUNT][2] = {
#define CT(id, vi, en) [id] = {cli_text_catalog_data.id##_vi, cli_text_catalog_data.id##_en},
#include "cli_text.def"
#undef CT
};

const char *cli_text(cli_text_id id, htx_lang lang)
{
    if ((int)id < 0 || id >= CT_COUNT)
        return "";
    return texts[id][lang == HTX_LANG_EN ? 1 : 0];
}
