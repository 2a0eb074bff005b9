#include <unistd.h>

#include "cli.h"
#include "demo.h"

static const cli_option options[] = {
    {"--demo", false, "điền dữ liệu mẫu (các HTX của Hà Nội cuối năm 2020)",
     "fill with demo data (Hanoi's cooperatives at the end of 2020)"},
    {"--help", false, "trợ giúp", "this help"},
    {NULL, false, NULL, NULL},
};

static const cli_spec init_spec = {
    .name = "init",
    .usage = "htx [--db TỆP] init [--demo]",
    .summary_vi = "Tạo cơ sở dữ liệu mới; không ghi đè tệp đã có.",
    .summary_en = "Create a new database; an existing file is never overwritten.",
    .options = options,
    .max_operands = 0,
    .more_help = NULL,
};

int cmd_init(const cli_context *ctx, int argc, char **argv)
{
    cli_args args;
    int early = cli_start(ctx, &init_spec, argc, argv, &args);
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
    cli_say(ctx, ctx->out, "Đã tạo cơ sở dữ liệu %s%s\n", "Created database %s%s\n", path,
            cli_flag(&args, "--demo") ? cli_tr(ctx, " (dữ liệu mẫu)", " (demo data)") : "");
    return CLI_OK;
}
