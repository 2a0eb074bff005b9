#include "cli_filter.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "commune.h"
#include "refdata.h"
#include "text.h"
#include "validate.h"

static bool refuse(const cli_context *ctx, htx_msg msg, const char *field, const char *value)
{
    htx_error e;
    htx_fail(&e, HTX_ERR_INVALID, msg, field, value, NULL);
    cli_report(ctx, &e);
    return false;
}

static bool date_option(const cli_context *ctx, const char *value, const char *option,
                        char out[HTX_ISO_DATE_SIZE])
{
    if (!value)
        return true;
    htx_date d;
    if (!htx_date_parse(value, &d))
        return refuse(ctx, MSG_DATE_FORMAT, option, value);
    htx_date_iso(d, out);
    return true;
}

const cli_choices cli_filter_choices[] = {
    {"--district", HTX_CHOOSE_DISTRICT},
    {"--sector", HTX_CHOOSE_SECTOR},
    {"--club", HTX_CHOOSE_CLUB},
    {"--status", HTX_CHOOSE_STATUS},
    {NULL, 0},
};

/* The entry of list the option names (SIZE_MAX when it is absent); false
 * after reporting a value that names none, or several. */
static bool choice_option(const cli_context *ctx, const cli_args *args, const char *option,
                          htx_choice_list list, size_t *index)
{
    const char *value = cli_value(args, option);
    *index = SIZE_MAX;
    htx_error e;
    if (value && htx_choice_find(list, value, option + 2, index, &e) != HTX_OK) {
        cli_report(ctx, &e);
        return false;
    }
    return true;
}

/* Option values are user text too: refuse invalid UTF-8 before using them. */
static bool valid_text(const cli_context *ctx, const char *value, const char *option)
{
    htx_error e;
    char *clean = NULL;
    if (htx_text_normalize(value, HTX_TEXT_LINE, 0, option, &clean, &e) != HTX_OK) {
        cli_report(ctx, &e);
        return false;
    }
    free(clean);
    return true;
}

bool cli_filter_from_args(const cli_context *ctx, const cli_args *args, htx_filter *f)
{
    htx_filter_init(f);
    static const char *const text_options[] = {"--district", "--commune", "--sector", "--club", "--status",
                                               "--search"};
    for (size_t i = 0; i < sizeof text_options / sizeof text_options[0]; i++) {
        const char *v = cli_value(args, text_options[i]);
        if (v && !valid_text(ctx, v, text_options[i] + 2))
            return false;
    }
    size_t i;
    if (!choice_option(ctx, args, "--district", HTX_CHOOSE_DISTRICT, &i))
        return false;
    if (i != SIZE_MAX)
        f->district = HTX_DISTRICTS[i].code;
    const char *commune = cli_value(args, "--commune");
    if (commune) {
        const htx_commune *c = strcmp(commune, "none") == 0 ? NULL : htx_commune_find(commune);
        if (!c && strcmp(commune, "none") != 0)
            return refuse(ctx, MSG_UNKNOWN_COMMUNE, "commune", commune);
        f->commune = c ? c->name : NULL;
        f->without_commune = c == NULL;
    }
    if (!choice_option(ctx, args, "--sector", HTX_CHOOSE_SECTOR, &i))
        return false;
    if (i != SIZE_MAX)
        f->sector = HTX_SECTORS[i].code;
    if (!choice_option(ctx, args, "--club", HTX_CHOOSE_CLUB, &i))
        return false;
    if (i != SIZE_MAX)
        f->club = HTX_CLUBS[i].code;
    if (!choice_option(ctx, args, "--status", HTX_CHOOSE_STATUS, &i))
        return false;
    if (i != SIZE_MAX)
        f->status = (int)i;
    f->search = cli_value(args, "--search");
    return date_option(ctx, cli_value(args, "--founded-from"), "founded", f->founded_from) &&
           date_option(ctx, cli_value(args, "--founded-to"), "founded", f->founded_to);
}
