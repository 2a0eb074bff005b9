#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "cmd.h"
#include "coop_out.h"
#include "display.h"
#include "membership.h"
#include "registry.h"

static const cli_option options[] = {
    {"--format", true, CLI_TEXT_PAIR(CT_SHOW_OPT_FORMAT)},
    {"--help", false, CLI_TEXT_PAIR(CT_OPT_HELP)},
    {NULL, false, NULL, NULL},
};

#define LABEL_COLUMNS 34

/* "Label ........ : value", the value sanitised; notes keep their lines. */
static void print_field(FILE *out, const char *label, const char *value)
{
    char padded[256];
    htx_text_pad(label, LABEL_COLUMNS, padded, sizeof padded);
    fprintf(out, "%s: ", padded);
    const char *line = value;
    for (bool first = true; first || *line; first = false) {
        const char *end = strchr(line, '\n');
        size_t n = end ? (size_t)(end - line) : strlen(line);
        char *piece = strndup(line, n);
        char *safe = piece ? htx_text_sanitize(piece) : NULL;
        fprintf(out, "%*s%s\n", first ? 0 : LABEL_COLUMNS + 2, "", safe ? safe : "");
        free(safe);
        free(piece);
        line += n + (end ? 1 : 0);
        if (!end)
            break;
    }
}

typedef struct show_state {
    const cli_context *ctx;
    int count;
    htx_status status; /* the change log's own failure: out of memory */
} show_state;

static int print_membership(const htx_membership *m, void *data)
{
    show_state *s = data;
    const cli_context *ctx = s->ctx;
    const htx_club *club = htx_club_find(m->club);
    char joined[HTX_ISO_DATE_SIZE] = "", left[HTX_ISO_DATE_SIZE] = "";
    htx_date d;
    if (m->joined[0] && htx_date_parse(m->joined, &d))
        htx_date_display(d, joined);
    if (m->left[0] && htx_date_parse(m->left, &d))
        htx_date_display(d, left);
    fprintf(ctx->out, "  %s — %s", club ? htx_club_name(club, ctx->lang) : m->club,
            htx_role_name(m->role, ctx->lang));
    if (joined[0])
        fprintf(ctx->out, ", %s %s", cli_t(ctx, CT_SHOW_JOINED), joined);
    if (left[0])
        fprintf(ctx->out, ", %s %s", cli_t(ctx, CT_SHOW_LEFT), left);
    fputc('\n', ctx->out);
    s->count++;
    return 0;
}

/* The log's keys are field keys, plus those of membership events. */
static const char *change_label(const cli_context *ctx, const char *key)
{
    if (strcmp(key, "club") == 0)
        return cli_t(ctx, CT_CHANGE_CLUB);
    if (strcmp(key, "role") == 0)
        return cli_t(ctx, CT_CHANGE_ROLE);
    if (strcmp(key, "joined") == 0)
        return cli_t(ctx, CT_CHANGE_JOINED);
    if (strcmp(key, "left") == 0)
        return cli_t(ctx, CT_CHANGE_LEFT);
    const htx_field_def *field = htx_field_find(key);
    return field ? htx_field_label(field->id, ctx->lang) : key;
}

static const char *action_name(const cli_context *ctx, const char *action)
{
    if (strcmp(action, "create") == 0)
        return cli_t(ctx, CT_ACTION_CREATE);
    if (strcmp(action, "update") == 0)
        return cli_t(ctx, CT_ACTION_UPDATE);
    if (strcmp(action, "join") == 0)
        return cli_t(ctx, CT_ACTION_JOIN);
    if (strcmp(action, "leave") == 0)
        return cli_t(ctx, CT_ACTION_LEAVE);
    /* a code deleted and registered again keeps its old entries */
    if (strcmp(action, "delete") == 0)
        return cli_t(ctx, CT_ACTION_DELETE);
    return action;
}

/* A logged value in display form into a malloc'd string; "" counts as no value. */
static char *change_value(const cli_context *ctx, const char *key, const char *value)
{
    if (!value || !value[0])
        return strdup(cli_t(ctx, CT_CHANGE_EMPTY));
    /* room for the display form: a code becomes a name, digits gain dots */
    size_t size = 2 * strlen(value) + 160;
    char *shown = malloc(size);
    if (shown)
        htx_change_value_display(key, value, ctx->lang, shown, size);
    return shown;
}

/* "    Label: old → new" on one line: a value's line breaks and controls are
 * shown as visible symbols (display.h), never sent to the terminal. */
static bool print_change(const cli_context *ctx, const htx_change *change)
{
    char *before = change_value(ctx, change->key, change->old_value);
    char *after = change_value(ctx, change->key, change->new_value);
    const char *label = change_label(ctx, change->key);
    size_t size = before && after ? strlen(label) + strlen(before) + strlen(after) + 16 : 0;
    char *line = size ? malloc(size) : NULL, *safe = NULL;
    if (line) {
        snprintf(line, size, "%s: %s → %s", label, before, after);
        safe = htx_text_sanitize(line);
    }
    if (safe)
        fprintf(ctx->out, "    %s\n", safe);
    free(safe);
    free(line);
    free(before);
    free(after);
    return safe != NULL;
}

/* An entry: its time (UTC, as "Last updated" above), user and action, then
 * one line per changed field. */
static int print_audit(const htx_audit_entry *e, void *data)
{
    show_state *s = data;
    const cli_context *ctx = s->ctx;
    /* every column as stored, so a hand-edited database is made safe too */
    char *safe_at = htx_text_sanitize(e->at);
    char *safe_user = htx_text_sanitize(e->user);
    char *safe_action = htx_text_sanitize(action_name(ctx, e->action));
    if (safe_at && safe_user && safe_action) {
        /* padded by columns, not bytes, so that accented names line up */
        size_t width = htx_text_width(safe_user);
        fprintf(ctx->out, "  %s  %s%*s %s\n", safe_at, safe_user, width < 10 ? (int)(10 - width) : 0, "",
                safe_action);
    }
    bool printed = safe_at && safe_user && safe_action;
    free(safe_at);
    free(safe_user);
    free(safe_action);
    if (!printed) {
        s->status = HTX_ERR_NOMEM;
        return 1;
    }
    s->count++;

    htx_change_iter it;
    htx_change change;
    htx_change_iter_init(&it, e->changes);
    while (printed && htx_change_iter_next(&it, &change))
        printed = print_change(ctx, &change);
    htx_status st = htx_change_iter_end(&it);
    if (!printed || st == HTX_ERR_NOMEM) {
        s->status = HTX_ERR_NOMEM;
        return 1;
    }
    if (st != HTX_OK) {
        /* a text of another shape (edited by hand): shown as it is, made safe */
        char *safe = htx_text_sanitize(e->changes);
        cli_tell(ctx, ctx->out, CT_CHANGE_UNREADABLE, safe ? safe : "");
        free(safe);
    }
    return 0;
}

static int show_text(const cli_context *ctx, htx_store *store, const htx_coop *c)
{
    char value[8192];
    for (int i = 0; i < HTX_FIELD_COUNT; i++) {
        htx_coop_value(c, htx_fields[i].id, HTX_VALUE_DISPLAY, ctx->lang, value, sizeof value);
        print_field(ctx->out, htx_field_label(htx_fields[i].id, ctx->lang), value);
    }
    char version[32];
    snprintf(version, sizeof version, "%lld", (long long)c->version);
    print_field(ctx->out, cli_t(ctx, CT_SHOW_UPDATED), c->updated_at);
    print_field(ctx->out, cli_t(ctx, CT_SHOW_VERSION), version);

    htx_error err;
    show_state s = {.ctx = ctx};
    fprintf(ctx->out, "\n%s:\n", cli_t(ctx, CT_SHOW_CLUBS));
    htx_status st = htx_membership_each(store, c->id, print_membership, &s, &err);
    if (st == HTX_OK && s.count == 0)
        fprintf(ctx->out, "  %s\n", cli_t(ctx, CT_SHOW_NO_CLUB));
    if (st == HTX_OK) {
        s.count = 0;
        fprintf(ctx->out, "\n%s:\n", cli_t(ctx, CT_SHOW_CHANGE_LOG));
        st = htx_audit_recent(store, c->code, 10, print_audit, &s, &err);
        if (st == HTX_OK && s.status != HTX_OK)
            st = htx_fail(&err, s.status, MSG_NOMEM, NULL, NULL, NULL);
    }
    if (st != HTX_OK) {
        cli_report(ctx, &err);
        return cli_status_exit(st);
    }
    return CLI_OK;
}

static int cmd_show(const cli_context *ctx, int argc, char **argv);

const cli_spec cmd_show_spec = {
    .name = "show",
    .brief = CT_COMMAND_SHOW,
    .usage = "htx show MÃ_SỐ [--format text|json]",
    .summary = CT_SHOW_SUMMARY,
    .options = options,
    .max_operands = -1,
    .more_help = NULL,
    .run = cmd_show,
};

static int cmd_show(const cli_context *ctx, int argc, char **argv)
{
    cli_args args;
    int early = cli_start(ctx, &cmd_show_spec, argc, argv, &args);
    if (early >= 0)
        return early;
    if (args.operand_count != 1) {
        cli_tell(ctx, ctx->err, CT_SHOW_ONE_CODE);
        return CLI_USAGE;
    }
    const char *format = cli_value(&args, "--format");
    bool json = format && strcmp(format, "json") == 0;
    if (format && !json && strcmp(format, "text") != 0) {
        cli_tell(ctx, ctx->err, CT_SHOW_BAD_FORMAT, format);
        return CLI_USAGE;
    }
    htx_error err;
    char code[HTX_CODE_SIZE];
    if (htx_parse_code(args.operands[0], code, &err) != HTX_OK) {
        cli_report(ctx, &err);
        return CLI_USAGE;
    }
    htx_store *store = cli_open_store(ctx, HTX_OPEN_READ);
    if (!store)
        return CLI_FAILURE;
    htx_coop *c = malloc(sizeof *c);
    htx_status st = c ? htx_coop_load(store, code, c, &err)
                      : htx_fail(&err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
    int status;
    if (st != HTX_OK) {
        cli_report(ctx, &err);
        status = CLI_FAILURE;
    } else if (json) {
        htx_record_writer w;
        htx_records_begin(&w, ctx->out, HTX_RECORD_JSON);
        htx_records_write(&w, c);
        htx_records_end(&w);
        status = CLI_OK;
    } else {
        status = show_text(ctx, store, c);
    }
    free(c);
    htx_store_close(store);
    return status;
}
