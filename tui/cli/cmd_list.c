#include <inttypes.h>
#include <string.h>

#include "cmd.h"
#include "cli_filter.h"
#include "cli_table.h"
#include "coop_out.h"
#include "query.h"
#include "refdata.h"

static const cli_option options[] = {
    CLI_FILTER_OPTIONS,
    {"--sort", true, CLI_TEXT_PAIR(CT_LIST_OPT_SORT)},
    {"--format", true, CLI_TEXT_PAIR(CT_LIST_OPT_FORMAT)},
    {"--count", false, CLI_TEXT_PAIR(CT_LIST_OPT_COUNT)},
    {"--help", false, CLI_TEXT_PAIR(CT_OPT_HELP)},
    {NULL, false, NULL, NULL},
};

enum { FORMAT_TABLE = -1 };

static int parse_format(const char *text)
{
    if (!text || strcmp(text, "table") == 0)
        return FORMAT_TABLE;
    if (strcmp(text, "tsv") == 0)
        return HTX_RECORD_TSV;
    if (strcmp(text, "csv") == 0)
        return HTX_RECORD_CSV;
    if (strcmp(text, "json") == 0)
        return HTX_RECORD_JSON;
    return -2;
}

typedef struct table_state {
    const cli_context *ctx;
    cli_column cols[6];
    long rows;
} table_state;

static int print_table_row(const htx_coop *c, void *data)
{
    table_state *t = data;
    char district[64], sector[128], founded[16], members[32];
    htx_coop_value(c, HTX_F_DISTRICT, HTX_VALUE_DISPLAY, t->ctx->lang, district, sizeof district);
    htx_coop_value(c, HTX_F_SECTOR, HTX_VALUE_DISPLAY, t->ctx->lang, sector, sizeof sector);
    htx_coop_value(c, HTX_F_FOUNDED, HTX_VALUE_DISPLAY, t->ctx->lang, founded, sizeof founded);
    htx_coop_value(c, HTX_F_MEMBERS, HTX_VALUE_DISPLAY, t->ctx->lang, members, sizeof members);
    const char *cells[] = {c->code, c->name, district, sector, founded, members};
    cli_table_row(t->ctx->out, t->cols, 6, cells);
    t->rows++;
    return 0;
}

static int print_record(const htx_coop *c, void *data)
{
    htx_records_write(data, c);
    return 0;
}

static int list_table(const cli_context *ctx, htx_store *store, const htx_filter *f)
{
    table_state t = {.ctx = ctx,
                     .cols = {
                         {htx_field_label(HTX_F_CODE, ctx->lang), 14, false},
                         {htx_field_label(HTX_F_NAME, ctx->lang), 0, false},
                         {htx_field_label(HTX_F_DISTRICT, ctx->lang), 12, false},
                         {htx_field_label(HTX_F_SECTOR, ctx->lang), 20, false},
                         {cli_t(ctx, CT_LIST_COLUMN_FOUNDED), 10, false},
                         {cli_t(ctx, CT_LIST_COLUMN_MEMBERS), 10, true},
                     }};
    cli_table_layout(t.cols, 6, cli_terminal_width());
    cli_table_header(ctx->out, t.cols, 6);
    htx_error err;
    htx_status st = htx_query_each(store, f, print_table_row, &t, &err);
    if (st != HTX_OK) {
        cli_report(ctx, &err);
        return cli_status_exit(st);
    }
    char total[64];
    cli_tell(ctx, ctx->out, CT_LIST_TOTAL, cli_count(ctx, t.rows, CT_N_COOPERATIVE, CT_N_COOPERATIVES, total, sizeof total));
    return CLI_OK;
}

static int cmd_list(const cli_context *ctx, int argc, char **argv);

const cli_spec cmd_list_spec = {
    .name = "list",
    .brief = CT_COMMAND_LIST,
    .usage = "htx list [--district D] [--sector S] [--club C] [--status S] [--search TEXT] " "[--founded-from DATE] [--founded-to DATE] [--sort KEY] [--format F] [--count]",
    .summary = CT_LIST_SUMMARY,
    .options = options,
    .choices = cli_filter_choices,
    .max_operands = 0,
    .more_help = NULL,
    .run = cmd_list,
};

static int cmd_list(const cli_context *ctx, int argc, char **argv)
{
    cli_args args;
    int early = cli_start(ctx, &cmd_list_spec, argc, argv, &args);
    if (early >= 0)
        return early;
    htx_filter f;
    if (!cli_filter_from_args(ctx, &args, &f))
        return CLI_USAGE;
    const char *sort = cli_value(&args, "--sort");
    if (sort) {
        int s = htx_sort_parse(sort);
        if (s < 0) {
            cli_tell(ctx, ctx->err, CT_LIST_BAD_SORT, sort);
            return CLI_USAGE;
        }
        f.sort = (htx_sort)s;
    }
    int format = parse_format(cli_value(&args, "--format"));
    if (format == -2) {
        cli_tell(ctx, ctx->err, CT_LIST_BAD_FORMAT, cli_value(&args, "--format"));
        return CLI_USAGE;
    }

    htx_store *store = cli_open_store(ctx, HTX_OPEN_READ);
    if (!store)
        return CLI_FAILURE;
    int status = CLI_OK;
    htx_error err;
    if (cli_flag(&args, "--count")) {
        int64_t n = 0;
        htx_status st = htx_query_count(store, &f, &n, &err);
        if (st == HTX_OK)
            fprintf(ctx->out, "%" PRId64 "\n", n);
        else {
            cli_report(ctx, &err);
            status = cli_status_exit(st);
        }
    } else if (format == FORMAT_TABLE) {
        status = list_table(ctx, store, &f);
    } else {
        htx_record_writer w;
        htx_records_begin(&w, ctx->out, (htx_record_format)format);
        htx_status st = htx_query_each(store, &f, print_record, &w, &err);
        htx_records_end(&w);
        if (st != HTX_OK) {
            cli_report(ctx, &err);
            status = cli_status_exit(st);
        }
    }
    htx_store_close(store);
    return status;
}
