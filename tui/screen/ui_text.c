#include "ui_text.h"

static const char *const texts[UI_COUNT][2] = {
#define UI(id, vi, en) [id] = {vi, en},
#define UI_SHORT(id, vi, en)
#include "ui_text.def"
#undef UI_SHORT
#undef UI
};

static const char *const short_texts[UI_COUNT][2] = {
#define UI(id, vi, en)
#define UI_SHORT(id, vi, en) [id] = {vi, en},
#include "ui_text.def"
#undef UI_SHORT
#undef UI
};

const char *ui_text(ui_id id, htx_lang lang)
{
    if ((int)id < 0 || id >= UI_COUNT)
        return "";
    return texts[id][lang == HTX_LANG_EN ? 1 : 0];
}

const char *ui_text_short(ui_id id, htx_lang lang)
{
    if ((int)id < 0 || id >= UI_COUNT)
        return "";
    const char *text = short_texts[id][lang == HTX_LANG_EN ? 1 : 0];
    return text ? text : ui_text(id, lang);
}
