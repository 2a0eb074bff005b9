#include <unistd.h>

#include "cmd.h"
#include "demo.h"

static const cli_option options[] = {
    {"--demo", false, CLI_TEXT_PAIR(CT_INIT_OPT_DEMO)},
    {"--help", false, CLI_TEXT_PAIR(CT_OPT_HELP)},
    {NULL, false, NULL, NULL},
};

static int cmd_init(const cli_context *ctx, int argc, char **argv);

const cli_spec cmd_init_spec = {
    .name = "init",
    .brief = CT_COMMAND_INIT,
    .usage = "htx [--db TỆP] init [--demo]",
    .summary = CT_INIT_SUMMARY,
    .options = options,
    .max_operands = 0,
    .more_help = NULL,
    .run = cmd_init,
};

static int cmd_init(const cli_context *ctx, int argc, char **argv)
{
    cli_args args;
    int early = cli_start(ctx, &cmd_init_spec, argc, argv, &args);
    if (early >= 0)
        return early;
    htx_store *store = cli_open_store(ctx, HTX_OPEN_CREATE_NEW);
    if (!store)
        return CLI_FAILURE;
    char path[4096];
    cli_db_path(ctx, path, sizeof path);
    if (cli_flag(&args, "--demo")) {
        htx_error err;
        htx_status st = htx_demo_populate(store, &err);
        if (st != HTX_OK) {
            cli_report(ctx, &err);
            htx_store_close(store);
            unlink(path); /* a half-filled demo is no use to anyone */
            return CLI_FAILURE;
        }
    }
    htx_store_close(store);
    cli_tell(ctx, ctx->out, cli_flag(&args, "--demo") ? CT_INIT_CREATED_DEMO : CT_INIT_CREATED, path);
    return CLI_OK;
}
