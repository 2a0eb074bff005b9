/*
 * `htx import FILE`: the register from a CSV/TSV file in any encoding
 * Vietnamese offices use.  All or nothing by default; every problem is
 * reported at once with its line.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "audit.h"
#include "cmd.h"
#include "display.h"
#include "import.h"

static const cli_option options[] = {
    {"--encoding", true, CLI_TEXT_PAIR(CT_IMPORT_OPT_ENCODING)},
    {"--sheet", true, CLI_TEXT_PAIR(CT_IMPORT_OPT_SHEET)},
    {"--header-row", true, CLI_TEXT_PAIR(CT_IMPORT_OPT_HEADER_ROW)},
    {"--district", true, CLI_TEXT_PAIR(CT_IMPORT_OPT_DISTRICT)},
    {"--dry-run", false, CLI_TEXT_PAIR(CT_IMPORT_OPT_DRY_RUN)},
    {"--on-duplicate", true, CLI_TEXT_PAIR(CT_IMPORT_OPT_ON_DUPLICATE)},
    {"--skip-invalid", false, CLI_TEXT_PAIR(CT_IMPORT_OPT_SKIP_INVALID)},
    {"--map", true, CLI_TEXT_PAIR(CT_IMPORT_OPT_MAP)},
    {"--with-memberships", false, CLI_TEXT_PAIR(CT_IMPORT_OPT_WITH_MEMBERSHIPS)},
    {"--memberships", true, CLI_TEXT_PAIR(CT_IMPORT_OPT_MEMBERSHIPS)},
    {"--help", false, CLI_TEXT_PAIR(CT_OPT_HELP)},
    {NULL, false, NULL, NULL},
};

static void more_help(const cli_context *ctx)
{
    cli_tell(ctx, ctx->out, CT_IMPORT_MORE_HELP);
}

static int cmd_import(const cli_context *ctx, int argc, char **argv);

const cli_spec cmd_import_spec = {
    .name = "import",
    .brief = CT_COMMAND_IMPORT,
    .usage = "htx import FILE [--encoding ENC] [--sheet NAME|N] [--header-row N] [--district NAME] [--dry-run] [--on-duplicate fail|skip|update] "
             "[--skip-invalid] [--map COLUMN=field…] [--with-memberships | --memberships FILE]",
    .summary = CT_IMPORT_SUMMARY,
    .options = options,
    .max_operands = 1,
    .more_help = more_help,
    .run = cmd_import,
};

/* Every --map: the parser keeps only the last value of an option. */
static size_t collect_maps(int argc, char **argv, htx_column_map *maps, size_t cap, const char **bad)
{
    size_t n = 0;
    for (int i = 0; i < argc && n < cap; i++) {
        const char *value = NULL;
        if (strcmp(argv[i], "--") == 0)
            break;
        if (strcmp(argv[i], "--map") == 0 && i + 1 < argc)
            value = argv[++i];
        else if (strncmp(argv[i], "--map=", 6) == 0)
            value = argv[i] + 6;
        if (!value)
            continue;
        const char *eq = strrchr(value, '=');
        char *column = eq && eq != value ? strndup(value, (size_t)(eq - value)) : NULL;
        if (!column) {
            *bad = value;
            for (size_t k = 0; k < n; k++)
                free((char *)maps[k].column);
            return (size_t)-1;
        }
        maps[n].column = column;
        maps[n].field = eq + 1;
        n++;
    }
    return n;
}

typedef struct progress_bar {
    FILE *to;
    int shown; /* percent last drawn, -1 before the first */
} progress_bar;

static void draw_progress(void *ctx, size_t done, size_t total)
{
    progress_bar *bar = ctx;
    int percent = total ? (int)(done * 100 / total) : 100;
    if (percent == bar->shown)
        return;
    bar->shown = percent;
    char cells[41];
    int filled = percent * 40 / 100;
    for (int i = 0; i < 40; i++)
        cells[i] = i < filled ? '#' : '.';
    cells[40] = '\0';
    fprintf(bar->to, "\r[%s] %3d%%", cells, percent);
    fflush(bar->to);
}

static void print_problems(const cli_context *ctx, const htx_import_result *r, const char *path,
                           const char *memberships)
{
    bool registered = false;
    for (size_t i = 0; i < r->problem_count; i++) {
        const htx_import_problem *p = &r->problems[i];
        char text[1024];
        htx_error_text(&p->error, ctx->lang, text, sizeof text);
        cli_tell(ctx, ctx->err, CT_IMPORT_PROBLEM, p->in_memberships ? memberships : path, p->line, text);
        registered |= p->error.msg == MSG_IMPORT_EXISTS;
    }
    if (registered)
        cli_tell(ctx, ctx->err, CT_IMPORT_DUPLICATE_HINT);
}

static void print_file_facts(const cli_context *ctx, const htx_import_file *f)
{
    const char *sep = f->separator == '\t' ? "tab" : f->separator == ';' ? ";" : ",";
    if (f->workbook != HTX_WORKBOOK_NONE)
        cli_tell(ctx, ctx->out, CT_IMPORT_WORKBOOK_FACTS, htx_workbook_kind_name(f->workbook));
    else
        cli_tell(ctx, ctx->out, f->detected ? CT_IMPORT_FILE_FACTS_DETECTED : CT_IMPORT_FILE_FACTS,
                 htx_encoding_name(f->encoding), sep);
    if (f->lines_above > 0)
        cli_tell(ctx, ctx->out, CT_IMPORT_LINES_ABOVE, f->header_line, f->lines_above);
    if (f->detected && f->unsure)
        cli_tell(ctx, ctx->err, CT_IMPORT_ENCODING_UNSURE, htx_encoding_name(f->encoding));
    char unknown[1024] = "";
    size_t used = 0;
    for (size_t i = 0; i < f->column_count; i++)
        if (f->columns[i].field < 0 && !f->columns[i].numbering && f->columns[i].header[0] &&
            used < sizeof unknown)
            used += (size_t)snprintf(unknown + used, sizeof unknown - used, "%s\"%s\"",
                                     used ? ", " : "", f->columns[i].header);
    if (used)
        cli_tell(ctx, ctx->err, CT_IMPORT_UNKNOWN_COLUMNS, unknown);
}

static int run_import(const cli_context *ctx, const char *path, htx_import_options *opt,
                      bool with_memberships)
{
    htx_error err;
    htx_import_file *file;
    htx_status st = htx_import_open(path, opt, &file, &err);
    if (st != HTX_OK) {
        char text[1024];
        htx_error_text(&err, ctx->lang, text, sizeof text);
        cli_tell(ctx, ctx->err, CT_PATH_ERROR, path, text);
        return cli_status_exit(st);
    }
    print_file_facts(ctx, file);

    char rejects[HTX_SIBLING_PATH_SIZE], memberships[HTX_SIBLING_PATH_SIZE];
    htx_import_file_rejects_path(file, path, rejects, sizeof rejects);
    opt->rejects_path = rejects;
    if (with_memberships) {
        htx_import_memberships_path(path, memberships, sizeof memberships);
        opt->memberships_path = memberships;
    }
    progress_bar bar = {ctx->err, -1};
    if (isatty(fileno(ctx->err)) && file->len > 256 * 1024) {
        opt->progress = draw_progress;
        opt->progress_ctx = &bar;
    }

    htx_store *store = cli_open_store(ctx, HTX_OPEN_EXISTING);
    if (!store) {
        htx_import_close(file);
        return CLI_FAILURE;
    }
    htx_import_result result;
    st = htx_import_run(store, file, opt, &result, &err);
    if (bar.shown >= 0)
        fputs("\r\033[K", ctx->err); /* clear the bar's line */
    htx_store_close(store);
    htx_import_close(file);

    print_problems(ctx, &result, path, opt->memberships_path ? opt->memberships_path : "");
    if (result.district_given || result.district_from_address)
        cli_tell(ctx, ctx->out, CT_IMPORT_DISTRICTS_FILLED, result.district_given,
                 opt->district ? opt->district : "-", result.district_from_address);
    int status = CLI_OK;
    if (st == HTX_ERR_INVALID && result.problem_count > 0) {
        char problems[64];
        cli_tell(ctx, ctx->err, CT_IMPORT_REFUSED,
                 cli_count(ctx, (long long)result.problem_count, CT_N_PROBLEM, CT_N_PROBLEMS, problems, sizeof problems));
        status = CLI_USAGE;
    } else if (st != HTX_OK) {
        cli_report(ctx, &err);
        status = cli_status_exit(st);
    } else if (opt->dry_run) {
        char rows[64], inserted[32], updated[32], skipped[32], rejected[32];
        cli_tell(ctx, ctx->out, CT_IMPORT_CHECKED, cli_count(ctx, result.rows, CT_N_ROW, CT_N_ROWS, rows, sizeof rows),
                 cli_number(ctx, result.inserted, inserted, sizeof inserted),
                 cli_number(ctx, result.updated, updated, sizeof updated),
                 cli_number(ctx, result.skipped, skipped, sizeof skipped),
                 cli_number(ctx, result.rejected, rejected, sizeof rejected));
    } else {
        char imported[64], inserted[32], updated[32], skipped[32];
        cli_tell(ctx, ctx->out, CT_IMPORT_DONE,
                 cli_count(ctx, result.inserted + result.updated, CT_N_COOPERATIVE, CT_N_COOPERATIVES, imported,
                           sizeof imported),
                 cli_number(ctx, result.inserted, inserted, sizeof inserted),
                 cli_number(ctx, result.updated, updated, sizeof updated),
                 cli_number(ctx, result.skipped, skipped, sizeof skipped));
        char counted[64];
        if (opt->memberships_path)
            cli_tell(ctx, ctx->out, CT_IMPORT_MEMBERSHIPS, cli_number(ctx, result.memberships, counted, sizeof counted));
        if (result.rejected > 0)
            cli_tell(ctx, ctx->out, CT_IMPORT_REJECTED,
                     cli_count(ctx, result.rejected, CT_N_ROW, CT_N_ROWS, counted, sizeof counted), rejects);
    }
    htx_import_result_free(&result);
    return status;
}

static int cmd_import(const cli_context *ctx, int argc, char **argv)
{
    cli_args args;
    int early = cli_start(ctx, &cmd_import_spec, argc, argv, &args);
    if (early >= 0)
        return early;
    if (args.operand_count != 1 || !args.operands[0][0]) {
        cli_tell(ctx, ctx->err, CT_IMPORT_NO_FILE);
        return CLI_USAGE;
    }
    htx_import_options opt;
    htx_import_options_init(&opt);
    opt.lang = ctx->lang;
    opt.user = htx_audit_user(ctx->user);
    opt.dry_run = cli_flag(&args, "--dry-run");
    opt.skip_invalid = cli_flag(&args, "--skip-invalid");
    opt.memberships_path = cli_value(&args, "--memberships");
    if (opt.memberships_path && cli_flag(&args, "--with-memberships")) {
        cli_tell(ctx, ctx->err, CT_IMPORT_BOTH_MEMBERSHIPS);
        return CLI_USAGE;
    }
    const char *enc = cli_value(&args, "--encoding");
    if (enc) {
        int e = htx_encoding_parse(enc);
        if (e < 0) {
            cli_tell(ctx, ctx->err, CT_IMPORT_BAD_ENCODING, enc);
            return CLI_USAGE;
        }
        opt.encoding = (htx_encoding)e;
    }
    opt.sheet = cli_value(&args, "--sheet");
    opt.district = cli_value(&args, "--district");
    const char *header_row = cli_value(&args, "--header-row");
    if (header_row) {
        char *end;
        long n = strtol(header_row, &end, 10);
        if (end == header_row || *end || n < 1) {
            cli_tell(ctx, ctx->err, CT_IMPORT_BAD_HEADER_ROW, header_row);
            return CLI_USAGE;
        }
        opt.header_row = n;
    }
    const char *dup = cli_value(&args, "--on-duplicate");
    if (dup) {
        int d = htx_on_duplicate_parse(dup);
        if (d < 0) {
            cli_tell(ctx, ctx->err, CT_IMPORT_BAD_DUPLICATE, dup);
            return CLI_USAGE;
        }
        opt.on_duplicate = (htx_on_duplicate)d;
    }
    htx_column_map maps[64];
    const char *bad = NULL;
    size_t map_count = collect_maps(argc, argv, maps, 64, &bad);
    if (map_count == (size_t)-1) {
        cli_tell(ctx, ctx->err, CT_IMPORT_BAD_MAP, bad ? bad : "");
        return CLI_USAGE;
    }
    opt.maps = maps;
    opt.map_count = map_count;
    int status = run_import(ctx, args.operands[0], &opt, cli_flag(&args, "--with-memberships"));
    for (size_t i = 0; i < map_count; i++)
        free((char *)maps[i].column);
    return status;
}
