#include "cli_filter.h"

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
    const char *v;
    if ((v = cli_value(args, "--district"))) {
        const htx_district *d = htx_district_find(v);
        if (!d)
            return refuse(ctx, MSG_UNKNOWN_DISTRICT, "district", v);
        f->district = d->code;
    }
    if ((v = cli_value(args, "--commune"))) {
        const htx_commune *c = strcmp(v, "none") == 0 ? NULL : htx_commune_find(v);
        if (!c && strcmp(v, "none") != 0)
            return refuse(ctx, MSG_UNKNOWN_COMMUNE, "commune", v);
        f->commune = c ? c->name : NULL;
        f->without_commune = c == NULL;
    }
    if ((v = cli_value(args, "--sector"))) {
        const htx_sector *s = htx_sector_find(v);
        if (!s)
            return refuse(ctx, MSG_UNKNOWN_SECTOR, "sector", v);
        f->sector = s->code;
    }
    if ((v = cli_value(args, "--club"))) {
        const htx_club *c = htx_club_find(v);
        if (!c)
            return refuse(ctx, MSG_UNKNOWN_CLUB, "club", v);
        f->club = c->code;
    }
    if ((v = cli_value(args, "--status"))) {
        f->status = htx_status_parse(v);
        if (f->status < 0)
            return refuse(ctx, MSG_UNKNOWN_STATUS, "status", v);
    }
    f->search = cli_value(args, "--search");
    return date_option(ctx, cli_value(args, "--founded-from"), "founded", f->founded_from) &&
           date_option(ctx, cli_value(args, "--founded-to"), "founded", f->founded_to);
}
