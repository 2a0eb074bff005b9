#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "cli_filter.h"
#include "cli_table.h"
#include "format.h"
#include "query.h"
#include "textout.h"

static const cli_option options[] = {
    {"--by", true, CLI_TEXT_PAIR(CT_STATS_OPT_BY)},
    CLI_FILTER_OPTIONS,
    {"--format", true, CLI_TEXT_PAIR(CT_STATS_OPT_FORMAT)},
    {"--help", false, CLI_TEXT_PAIR(CT_OPT_HELP)},
    {NULL, false, NULL, NULL},
};

#define MAX_ROWS 8200

typedef struct stat_rows {
    htx_stat_row rows[MAX_ROWS];
    char names[MAX_ROWS][128]; /* a row's name is only valid during the visit */
    int count;
    int64_t total;
} stat_rows;

static int collect(const htx_stat_row *row, void *data)
{
    stat_rows *r = data;
    if (r->count == MAX_ROWS)
        return 1;
    r->rows[r->count] = *row;
    snprintf(r->names[r->count], sizeof r->names[r->count], "%s", row->name);
    r->rows[r->count].name = r->names[r->count];
    r->total += row->count;
    r->count++;
    return 0;
}

static void print_tsv(const cli_context *ctx, const stat_rows *r)
{
    fputs("key\tname\tcount\n", ctx->out);
    for (int i = 0; i < r->count; i++) {
        htx_tsv_field(ctx->out, r->rows[i].key);
        fputc('\t', ctx->out);
        htx_tsv_field(ctx->out, r->rows[i].name);
        fprintf(ctx->out, "\t%" PRId64 "\n", r->rows[i].count);
    }
}

static void print_table(const cli_context *ctx, const stat_rows *r, const char *group_label)
{
    cli_column cols[] = {
        {group_label, 0, false},
        {cli_t(ctx, CT_STATS_COLUMN_COUNT), 9, true},
        {cli_t(ctx, CT_STATS_COLUMN_SHARE), 7, true},
    };
    int width = cli_terminal_width();
    cli_table_layout(cols, 3, width < 80 ? width : 80);
    cli_table_header(ctx->out, cols, 3);
    for (int i = 0; i < r->count; i++) {
        char count[32], share[16];
        htx_format_number(r->rows[i].count, ctx->lang, count, sizeof count);
        htx_format_share(r->rows[i].count, r->total, ctx->lang, share, sizeof share);
        const char *cells[] = {r->rows[i].name, count, share};
        cli_table_row(ctx->out, cols, 3, cells);
    }
    char total[32];
    htx_format_number(r->total, ctx->lang, total, sizeof total);
    const char *cells[] = {cli_t(ctx, CT_STATS_TOTAL), total, ""};
    cli_table_row(ctx->out, cols, 3, cells);
}

static int cmd_stats(const cli_context *ctx, int argc, char **argv);

const cli_spec cmd_stats_spec = {
    .name = "stats",
    .brief = CT_COMMAND_STATS,
    .usage = "htx stats --by sector|district|club|year [bộ lọc như htx list] [--format table|tsv]",
    .summary = CT_STATS_SUMMARY,
    .options = options,
    .choices = cli_filter_choices,
    .max_operands = 0,
    .more_help = NULL,
    .run = cmd_stats,
};

static int cmd_stats(const cli_context *ctx, int argc, char **argv)
{
    cli_args args;
    int early = cli_start(ctx, &cmd_stats_spec, argc, argv, &args);
    if (early >= 0)
        return early;
    const char *by_text = cli_value(&args, "--by");
    int by = by_text ? htx_stats_by_parse(by_text) : HTX_STATS_SECTOR;
    if (by < 0) {
        cli_tell(ctx, ctx->err, CT_STATS_BAD_BY, by_text);
        return CLI_USAGE;
    }
    const char *format = cli_value(&args, "--format");
    bool tsv = format && strcmp(format, "tsv") == 0;
    if (format && !tsv && strcmp(format, "table") != 0) {
        cli_tell(ctx, ctx->err, CT_STATS_BAD_FORMAT, format);
        return CLI_USAGE;
    }
    htx_filter f;
    if (!cli_filter_from_args(ctx, &args, &f))
        return CLI_USAGE;

    htx_store *store = cli_open_store(ctx, HTX_OPEN_READ);
    if (!store)
        return CLI_FAILURE;
    stat_rows *rows = calloc(1, sizeof *rows);
    htx_error err;
    htx_status st = rows ? htx_query_stats(store, &f, (htx_stats_by)by, ctx->lang, collect, rows, &err)
                         : htx_fail(&err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
    htx_store_close(store);
    if (st != HTX_OK) {
        cli_report(ctx, &err);
        free(rows);
        return cli_status_exit(st);
    }
    static const cli_text_id labels[] = {
        [HTX_STATS_SECTOR] = CT_STATS_BY_SECTOR,
        [HTX_STATS_DISTRICT] = CT_STATS_BY_DISTRICT,
        [HTX_STATS_CLUB] = CT_STATS_BY_CLUB,
        [HTX_STATS_YEAR] = CT_STATS_BY_YEAR,
        [HTX_STATS_COMMUNE] = CT_STATS_BY_COMMUNE,
    };
    if (tsv)
        print_tsv(ctx, rows);
    else
        print_table(ctx, rows, cli_t(ctx, labels[by]));
    free(rows);
    return CLI_OK;
}
