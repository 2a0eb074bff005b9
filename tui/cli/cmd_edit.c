/*
 * `htx add key=value…` and `htx edit CODE key=value…`: every value goes
 * through the same rules as the forms (coop.h); nothing is stored unless
 * every value is valid.
 */
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "registry.h"
#include "audit.h"
#include "display.h"

static const cli_option options[] = {
    {"--allow-duplicate", false, CLI_TEXT_PAIR(CT_OPT_ALLOW_DUPLICATE)},
    {"--help", false, CLI_TEXT_PAIR(CT_OPT_HELP)},
    {NULL, false, NULL, NULL},
};

static const cli_option edit_options[] = {
    {"--if-version", true, CLI_TEXT_PAIR(CT_EDIT_OPT_IF_VERSION)},
    {"--allow-duplicate", false, CLI_TEXT_PAIR(CT_OPT_ALLOW_DUPLICATE)},
    {"--help", false, CLI_TEXT_PAIR(CT_OPT_HELP)},
    {NULL, false, NULL, NULL},
};


/*
 * The values a field of a choice kind takes, as the form offers them, each
 * with the stored code a script may type instead: what the name is read as
 * gives the code, so the two cannot disagree.
 */
static void print_field_values(const cli_context *ctx, const htx_field_def *def, htx_coop *scratch)
{
    const htx_field_kind_ops *kind = &htx_field_kinds[def->kind];
    if (!kind->choices)
        return;
    enum { MAX_VALUES = 64 };
    const char *names[MAX_VALUES];
    int count = kind->choices(ctx->lang, names, MAX_VALUES);
    if (count > MAX_VALUES)
        count = MAX_VALUES;
    char labels[MAX_VALUES][160];
    const char *words[MAX_VALUES];
    for (int i = 0; i < count; i++) {
        htx_report r;
        htx_report_init(&r);
        char code[64] = "";
        if (htx_coop_set(scratch, def->key, names[i], &r) == HTX_OK)
            htx_coop_value(scratch, def->id, HTX_VALUE_RAW, ctx->lang, code, sizeof code);
        htx_name_with_code(names[i], code[0] ? code : names[i], labels[i], sizeof labels[i]);
        words[i] = labels[i];
    }
    fputs("      ", ctx->out);
    cli_print_wrapped(ctx->out, words, (size_t)count, 6, 80);
}

static void print_field_keys(const cli_context *ctx)
{
    fprintf(ctx->out, "\n%s:\n", cli_t(ctx, CT_EDIT_FIELDS));
    htx_coop *scratch = malloc(sizeof *scratch);
    for (int i = 0; i < HTX_FIELD_COUNT; i++) {
        fprintf(ctx->out, "  %-15s %s%s\n", htx_fields[i].key, htx_field_label(htx_fields[i].id, ctx->lang),
                htx_fields[i].required ? cli_t(ctx, CT_EDIT_REQUIRED) : "");
        if (scratch) {
            htx_coop_init(scratch);
            print_field_values(ctx, &htx_fields[i], scratch);
        }
    }
    free(scratch);
}

/* How a script changes a value it has read without losing a colleague's
 * save in between: compare-and-set on the record's version. */
static void print_edit_help(const cli_context *ctx)
{
    print_field_keys(ctx);
    fputs(cli_t(ctx, CT_EDIT_RETRY_HELP), ctx->out);
}

static void print_report(const cli_context *ctx, const htx_report *r)
{
    for (int i = 0; i < r->count; i++) {
        char text[1024];
        htx_error_text(&r->items[i], ctx->lang, text, sizeof text);
        char *safe = htx_text_sanitize(text);
        fprintf(ctx->err, "htx: %s%s\n",
                r->is_warning[i] ? cli_t(ctx, CT_WARNING_PREFIX) : "", safe ? safe : text);
        free(safe);
        cli_point_to_names(ctx, &r->items[i]);
    }
}

/* Applies "key=value" operands from index first on to c. */
static void apply_assignments(const cli_args *args, int first, htx_coop *c, htx_report *r)
{
    for (int i = first; i < args->operand_count; i++) {
        const char *a = args->operands[i];
        const char *eq = strchr(a, '=');
        if (!eq || eq == a) {
            htx_report_add(r, false, MSG_EXPECTED_ASSIGNMENT, "", a, NULL);
            continue;
        }
        char key[64];
        snprintf(key, sizeof key, "%.*s", (int)(eq - a), a);
        htx_coop_set(c, key, eq + 1, r);
    }
}

/* A likely duplicate is refused unless the user said it is another
 * cooperative: a script that registers the same cooperative twice under
 * "HTX …" and "Hợp tác xã …" must not succeed quietly.  Prints the
 * candidates and returns true when c is refused. */
static bool refuse_similar(const cli_context *ctx, htx_store *store, const htx_coop *c)
{
    htx_coop *similar = malloc(HTX_SIMILAR_MAX * sizeof *similar);
    int count = 0;
    htx_error err;
    if (!similar || htx_coop_find_similar(store, c->name, c->district, c->id, similar, HTX_SIMILAR_MAX, &count,
                                          &err) != HTX_OK || count == 0) {
        free(similar);
        return false;
    }
    char district[128], line[1200];
    htx_coop_value(c, HTX_F_DISTRICT, HTX_VALUE_DISPLAY, ctx->lang, district, sizeof district);
    cli_tell(ctx, ctx->err, CT_SIMILAR_HEAD, district);
    for (int i = 0; i < count && i < HTX_SIMILAR_MAX; i++) {
        htx_coop_identify(&similar[i], ctx->lang, line, sizeof line);
        fprintf(ctx->err, "  %s\n", line);
    }
    if (count > HTX_SIMILAR_MAX)
        cli_tell(ctx, ctx->err, CT_SIMILAR_MORE, count - HTX_SIMILAR_MAX);
    cli_tell(ctx, ctx->err, CT_SIMILAR_REFUSED);
    free(similar);
    return true;
}

/* Whether saving c over before (NULL: a new record) could make a duplicate:
 * the name or the district is new. */
static bool may_duplicate(const htx_coop *before, const htx_coop *c)
{
    return !before || strcmp(before->name, c->name) != 0 || strcmp(before->district, c->district) != 0;
}

static int save(const cli_context *ctx, const cli_args *args, htx_store *store, htx_coop *c,
                const htx_coop *before)
{
    htx_report r;
    htx_report_init(&r);
    htx_coop_check(c, &r);
    print_report(ctx, &r);
    if (r.errors > 0)
        return CLI_USAGE;
    if (!cli_flag(args, "--allow-duplicate") && may_duplicate(before, c) && refuse_similar(ctx, store, c))
        return CLI_USAGE;

    bool is_new = before == NULL;
    htx_error err;
    const char *user = htx_audit_user(ctx->user);
    htx_status st = is_new ? htx_coop_insert(store, c, user, &err) : htx_coop_update(store, c, user, &err);
    if (st != HTX_OK) {
        cli_report(ctx, &err);
        return cli_status_exit(st);
    }
    char *safe = htx_text_sanitize(c->name);
    cli_tell(ctx, ctx->out, is_new ? CT_ADD_DONE : CT_EDIT_DONE, safe ? safe : "", c->code);
    free(safe);
    return CLI_OK;
}

static int cmd_add(const cli_context *ctx, int argc, char **argv);

const cli_spec cmd_add_spec = {
    .name = "add",
    .brief = CT_COMMAND_ADD,
    .usage = "htx add code=MÃ_SỐ name=TÊN district=QUẬN sector=NGÀNH [trường=giá_trị…]",
    .summary = CT_ADD_SUMMARY,
    .options = options,
    .max_operands = -1,
    .more_help = print_field_keys,
    .run = cmd_add,
};

static int cmd_add(const cli_context *ctx, int argc, char **argv)
{
    cli_args args;
    int early = cli_start(ctx, &cmd_add_spec, argc, argv, &args);
    if (early >= 0)
        return early;
    if (args.operand_count == 0) {
        cli_tell(ctx, ctx->err, CT_ADD_NO_FIELDS);
        return CLI_USAGE;
    }
    htx_coop *c = malloc(sizeof *c);
    if (!c)
        return CLI_FAILURE;
    htx_coop_init(c);
    htx_report r;
    htx_report_init(&r);
    apply_assignments(&args, 0, c, &r);
    int status;
    if (r.errors > 0) {
        print_report(ctx, &r);
        status = CLI_USAGE;
    } else {
        htx_store *store = cli_open_store(ctx, HTX_OPEN_EXISTING);
        status = store ? save(ctx, &args, store, c, NULL) : CLI_FAILURE;
        htx_store_close(store);
    }
    free(c);
    return status;
}

static int cmd_edit(const cli_context *ctx, int argc, char **argv);

const cli_spec cmd_edit_spec = {
    .name = "edit",
    .brief = CT_COMMAND_EDIT,
    .usage = "htx edit MÃ_SỐ trường=giá_trị…",
    .summary = CT_EDIT_SUMMARY,
    .options = edit_options,
    .max_operands = -1,
    .more_help = print_edit_help,
    .run = cmd_edit,
};

static int cmd_edit(const cli_context *ctx, int argc, char **argv)
{
    cli_args args;
    int early = cli_start(ctx, &cmd_edit_spec, argc, argv, &args);
    if (early >= 0)
        return early;
    if (args.operand_count < 2) {
        cli_tell(ctx, ctx->err, CT_EDIT_NO_FIELDS);
        return CLI_USAGE;
    }
    htx_error err;
    char code[HTX_CODE_SIZE];
    if (htx_parse_code(args.operands[0], code, &err) != HTX_OK) {
        cli_report(ctx, &err);
        return CLI_USAGE;
    }
    const char *if_version = cli_value(&args, "--if-version");
    long long expected = 0;
    if (if_version) {
        char *end = NULL;
        expected = strtoll(if_version, &end, 10);
        if (!if_version[0] || *end || expected < 1) {
            cli_tell(ctx, ctx->err, CT_EDIT_BAD_VERSION, if_version);
            return CLI_USAGE;
        }
    }
    htx_store *store = cli_open_store(ctx, HTX_OPEN_EXISTING);
    if (!store)
        return CLI_FAILURE;
    htx_coop *c = malloc(sizeof *c), *before = malloc(sizeof *before);
    int status = CLI_FAILURE;
    if (c && before && htx_coop_load(store, code, c, &err) != HTX_OK) {
        cli_report(ctx, &err);
    } else if (c && before) {
        *before = *c;
        htx_report r;
        htx_report_init(&r);
        /* The registry saves only over the version it is given: the one the
         * script read, when it names one. */
        if (if_version)
            c->version = expected;
        apply_assignments(&args, 1, c, &r);
        if (r.errors > 0) {
            print_report(ctx, &r);
            status = CLI_USAGE;
        } else {
            status = save(ctx, &args, store, c, before);
        }
    }
    free(before);
    free(c);
    htx_store_close(store);
    return status;
}
