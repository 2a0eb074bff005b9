/*
 * `htx backup [FILE]` and `htx check`: keeping the register safe.  A backup
 * is a consistent copy taken while colleagues keep working; a check reads
 * the whole file and says in plain words whether it is sound.
 */
#include <libgen.h>
#include <string.h>

#include "backup.h"
#include "cmd.h"

static const cli_option backup_options[] = {
    {"--force", false, CLI_TEXT_PAIR(CT_OPT_FORCE)},
    {"--help", false, CLI_TEXT_PAIR(CT_OPT_HELP)},
    {NULL, false, NULL, NULL},
};

static void print_backup_help(const cli_context *ctx)
{
    fputs(cli_t(ctx, CT_BACKUP_MORE_HELP), ctx->out);
}

static int cmd_backup(const cli_context *ctx, int argc, char **argv);

const cli_spec cmd_backup_spec = {
    .name = "backup",
    .brief = CT_COMMAND_BACKUP,
    .usage = "htx backup [TỆP] [--force]",
    .summary = CT_BACKUP_SUMMARY,
    .options = backup_options,
    .max_operands = 1,
    .more_help = print_backup_help,
    .run = cmd_backup,
};

static int cmd_backup(const cli_context *ctx, int argc, char **argv)
{
    cli_args args;
    int early = cli_start(ctx, &cmd_backup_spec, argc, argv, &args);
    if (early >= 0)
        return early;
    char register_path[4096], target[4096];
    if (!cli_db_path(ctx, register_path, sizeof register_path)[0]) {
        cli_tell(ctx, ctx->err, CT_NO_HOME_FOR_DB);
        return CLI_USAGE;
    }
    /* Today's backup beside the register; run twice a day, the later copy
     * replaces the earlier one, as a nightly job wants. */
    bool default_name = args.operand_count == 0;
    if (default_name) {
        char directory[4096];
        snprintf(directory, sizeof directory, "%s", register_path);
        htx_backup_default_name(dirname(directory), target, sizeof target);
    } else {
        snprintf(target, sizeof target, "%s", args.operands[0]);
    }
    htx_error err;
    htx_outfile_rules rules = {.register_path = register_path,
                               .replace = default_name || cli_flag(&args, "--force")};
    if (htx_outfile_check(target, &rules, &err) != HTX_OK) {
        cli_report(ctx, &err);
        return CLI_FAILURE;
    }
    htx_store *store = cli_open_store(ctx, HTX_OPEN_READ);
    if (!store)
        return CLI_FAILURE;
    htx_status st = htx_store_backup(store, target, &err);
    htx_store_close(store);
    if (st != HTX_OK) {
        cli_report(ctx, &err);
        return cli_status_exit(st);
    }
    cli_tell(ctx, ctx->out, CT_BACKUP_DONE, target);
    return CLI_OK;
}

static const cli_option check_options[] = {
    {"--help", false, CLI_TEXT_PAIR(CT_OPT_HELP)},
    {NULL, false, NULL, NULL},
};

static int cmd_check(const cli_context *ctx, int argc, char **argv);

const cli_spec cmd_check_spec = {
    .name = "check",
    .brief = CT_COMMAND_CHECK,
    .usage = "htx check",
    .summary = CT_CHECK_SUMMARY,
    .options = check_options,
    .max_operands = 0,
    .more_help = NULL,
    .run = cmd_check,
};

static int cmd_check(const cli_context *ctx, int argc, char **argv)
{
    cli_args args;
    int early = cli_start(ctx, &cmd_check_spec, argc, argv, &args);
    if (early >= 0)
        return early;
    htx_store *store = cli_open_store(ctx, HTX_OPEN_READ);
    if (!store)
        return CLI_FAILURE;
    htx_error err;
    htx_check_result result;
    htx_status st = htx_store_check(store, &result, &err);
    htx_store_close(store);
    if (st != HTX_OK) {
        cli_report(ctx, &err);
        return CLI_FAILURE;
    }
    if (result.intact) {
        cli_tell(ctx, ctx->out, CT_CHECK_INTACT);
        return CLI_OK;
    }
    char counted[64];
    if (result.problems)
        cli_tell(ctx, ctx->out, CT_CHECK_DAMAGED,
                 cli_count(ctx, result.problems, CT_N_PROBLEM, CT_N_PROBLEMS, counted, sizeof counted), result.first);
    if (result.broken_links)
        cli_tell(ctx, ctx->out, CT_CHECK_BROKEN_LINKS,
                 cli_count(ctx, result.broken_links, CT_N_ROW, CT_N_ROWS, counted, sizeof counted));
    cli_tell(ctx, ctx->out, CT_CHECK_WHAT_TO_DO);
    return CLI_FAILURE;
}
