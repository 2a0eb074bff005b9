/*
 * htx join: adds cooperatives to a club from the command line, all or none,
 * so a script can build a club's membership as the TUI's "m" does one by one.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "cmd.h"
#include "date.h"
#include "membership.h"
#include "registry.h"

static const cli_option options[] = {
    {"--club", true, CLI_TEXT_PAIR(CT_JOIN_OPT_CLUB)},
    {"--role", true, CLI_TEXT_PAIR(CT_JOIN_OPT_ROLE)},
    {"--joined", true, CLI_TEXT_PAIR(CT_JOIN_OPT_JOINED)},
    {"--from", true, CLI_TEXT_PAIR(CT_JOIN_OPT_FROM)},
    {"--help", false, CLI_TEXT_PAIR(CT_OPT_HELP)},
    {NULL, false, NULL, NULL},
};

static const cli_choices choices[] = {
    {"--club", HTX_CHOOSE_CLUB},
    {"--role", HTX_CHOOSE_ROLE},
    {NULL, 0},
};

static int cmd_join(const cli_context *ctx, int argc, char **argv);

const cli_spec cmd_join_spec = {
    .name = "join",
    .brief = CT_COMMAND_JOIN,
    .usage = "htx join --club C [--role R] [--joined DATE] [--from FILE] MÃ_SỐ…",
    .summary = CT_JOIN_SUMMARY,
    .options = options,
    .choices = choices,
    .max_operands = -1,
    .more_help = NULL,
    .run = cmd_join,
};

/* The codes to join: the operands, then those of --from. */
typedef struct code_list {
    const char **codes;
    size_t count;
    char *text; /* what --from held, cut into the codes */
} code_list;

static void code_list_free(code_list *list)
{
    free(list->codes);
    free(list->text);
}

static bool code_list_add(code_list *list, size_t *capacity, const char *code)
{
    if (list->count == *capacity) {
        size_t more = *capacity ? 2 * *capacity : 64;
        const char **grown = realloc(list->codes, more * sizeof *grown);
        if (!grown)
            return false;
        list->codes = grown;
        *capacity = more;
    }
    list->codes[list->count++] = code;
    return true;
}

/* The whole of path ("-": standard input) as a string. */
static htx_status read_all(const char *path, char **out, htx_error *err)
{
    bool standard_input = strcmp(path, "-") == 0;
    FILE *in = standard_input ? stdin : fopen(path, "rb");
    if (!in)
        return htx_fail_os(err, HTX_ERR_IO, MSG_IO, NULL, path, errno);
    char *text = NULL;
    size_t size = 0;
    FILE *memory = open_memstream(&text, &size);
    char buffer[8192];
    size_t n;
    while (memory && (n = fread(buffer, 1, sizeof buffer, in)) > 0)
        fwrite(buffer, 1, n, memory);
    bool failed = ferror(in);
    int read_errno = errno;
    if (!standard_input)
        fclose(in);
    if (!memory || fclose(memory) != 0) {
        free(text);
        return htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
    }
    if (failed) {
        free(text);
        return htx_fail_os(err, HTX_ERR_IO, MSG_IO, NULL, path, read_errno);
    }
    *out = text;
    return HTX_OK;
}

/* The operands and the codes of --from, separated there by white space or
 * commas (one a line, as a column copied from a spreadsheet, or in a row). */
static htx_status gather_codes(const cli_args *args, code_list *list, htx_error *err)
{
    memset(list, 0, sizeof *list);
    size_t capacity = 0;
    for (int i = 0; i < args->operand_count; i++)
        if (!code_list_add(list, &capacity, args->operands[i]))
            return htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
    const char *from = cli_value(args, "--from");
    if (!from)
        return HTX_OK;
    htx_status st = read_all(from, &list->text, err);
    if (st != HTX_OK)
        return st;
    static const char separators[] = " \t\r\n,;";
    char *save = NULL;
    for (char *code = strtok_r(list->text, separators, &save); code; code = strtok_r(NULL, separators, &save))
        if (!code_list_add(list, &capacity, code))
            return htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
    return HTX_OK;
}

/* Every code joins in one transaction: one refusal leaves the club as it was. */
static htx_status join_all(htx_store *store, const code_list *list, const htx_club *club, htx_role role,
                           const char *joined, const char *user, htx_error *err)
{
    htx_status st = htx_store_begin(store, err);
    if (st != HTX_OK)
        return st;
    htx_coop *coop = malloc(sizeof *coop);
    if (!coop)
        st = htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
    for (size_t i = 0; st == HTX_OK && i < list->count; i++) {
        st = htx_coop_load(store, list->codes[i], coop, err);
        if (st == HTX_OK)
            st = htx_membership_add_in_tx(store, coop->id, club->code, role, joined, user, err);
    }
    free(coop);
    return htx_store_finish(store, st, err);
}

static int cmd_join(const cli_context *ctx, int argc, char **argv)
{
    cli_args args;
    int early = cli_start(ctx, &cmd_join_spec, argc, argv, &args);
    if (early >= 0)
        return early;
    htx_error err;
    const char *club_text = cli_value(&args, "--club");
    size_t club;
    if (htx_choice_find(HTX_CHOOSE_CLUB, club_text, "club", &club, &err) != HTX_OK) {
        cli_report(ctx, &err);
        return CLI_USAGE;
    }
    const char *role_text = cli_value(&args, "--role");
    size_t role = HTX_ROLE_MEMBER;
    if (role_text && htx_choice_find(HTX_CHOOSE_ROLE, role_text, "role", &role, &err) != HTX_OK) {
        cli_report(ctx, &err);
        return CLI_USAGE;
    }
    /* Joining is recorded on a day: today unless another is given. */
    char joined[HTX_ISO_DATE_SIZE];
    const char *joined_text = cli_value(&args, "--joined");
    htx_date day = htx_date_today();
    if (joined_text && !htx_date_parse(joined_text, &day)) {
        htx_fail(&err, HTX_ERR_INVALID, MSG_DATE_FORMAT, NULL, joined_text, NULL);
        cli_report(ctx, &err);
        return CLI_USAGE;
    }
    htx_date_iso(day, joined);
    code_list codes;
    if (gather_codes(&args, &codes, &err) != HTX_OK) {
        code_list_free(&codes);
        cli_report(ctx, &err);
        return CLI_FAILURE;
    }
    if (codes.count == 0) {
        code_list_free(&codes);
        cli_tell(ctx, ctx->err, CT_JOIN_NO_CODE);
        return CLI_USAGE;
    }
    htx_store *store = cli_open_store(ctx, HTX_OPEN_EXISTING);
    htx_status st = store ? join_all(store, &codes, &HTX_CLUBS[club], (htx_role)role, joined,
                                     htx_audit_user(ctx->user), &err)
                          : HTX_ERR_DB;
    size_t joined_count = codes.count;
    code_list_free(&codes);
    if (!store)
        return CLI_FAILURE;
    htx_store_close(store);
    if (st != HTX_OK) {
        cli_report(ctx, &err);
        return cli_status_exit(st);
    }
    char counted[64];
    cli_tell(ctx, ctx->out, CT_JOIN_DONE,
             cli_count(ctx, (long long)joined_count, CT_N_COOPERATIVE, CT_N_COOPERATIVES, counted, sizeof counted),
             htx_club_name(&HTX_CLUBS[club], ctx->lang));
    return CLI_OK;
}
