/*
 * htx join: adds cooperatives to a club from the command line, all or none,
 * so a script can build a club's membership as the TUI's "m" does one by one.
 */
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
    .usage = "htx join --club C [--role R] [--joined DATE] MÃ_SỐ…",
    .summary = CT_JOIN_SUMMARY,
    .options = options,
    .choices = choices,
    .max_operands = -1,
    .more_help = NULL,
    .run = cmd_join,
};

/* Every code joins in one transaction: one refusal leaves the club as it was. */
static htx_status join_all(htx_store *store, const cli_args *args, const htx_club *club, htx_role role,
                           const char *joined, const char *user, htx_error *err)
{
    htx_status st = htx_store_begin(store, err);
    if (st != HTX_OK)
        return st;
    htx_coop *coop = malloc(sizeof *coop);
    if (!coop)
        st = htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
    for (int i = 0; st == HTX_OK && i < args->operand_count; i++) {
        st = htx_coop_load(store, args->operands[i], coop, err);
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
    if (args.operand_count == 0) {
        cli_tell(ctx, ctx->err, CT_JOIN_NO_CODE);
        return CLI_USAGE;
    }
    htx_store *store = cli_open_store(ctx, HTX_OPEN_EXISTING);
    if (!store)
        return CLI_FAILURE;
    htx_status st = join_all(store, &args, &HTX_CLUBS[club], (htx_role)role, joined, htx_audit_user(ctx->user),
                             &err);
    htx_store_close(store);
    if (st != HTX_OK) {
        cli_report(ctx, &err);
        return cli_status_exit(st);
    }
    char counted[64];
    cli_tell(ctx, ctx->out, CT_JOIN_DONE,
             cli_count(ctx, args.operand_count, CT_N_COOPERATIVE, CT_N_COOPERATIVES, counted, sizeof counted),
             htx_club_name(&HTX_CLUBS[club], ctx->lang));
    return CLI_OK;
}
