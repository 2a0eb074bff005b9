/*
 * htx list: the cooperatives a filter gives, as a table, TSV, CSV or JSON
 * for scripts, or as the document the screens print (PDF, paginated text),
 * to standard output or to a file.
 */
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "cmd.h"
#include "cli_filter.h"
#include "cli_table.h"
#include "coop_list_doc.h"
#include "coop_out.h"
#include "document_pdf.h"
#include "document_xlsx.h"
#include "document_txt.h"
#include "outfile.h"
#include "query.h"
#include "refdata.h"

static const cli_option options[] = {
    CLI_FILTER_OPTIONS,
    {"--sort", true, CLI_TEXT_PAIR(CT_LIST_OPT_SORT)},
    {"--format", true, CLI_TEXT_PAIR(CT_LIST_OPT_FORMAT)},
    {"-o", true, CLI_TEXT_PAIR(CT_LIST_OPT_OUTPUT)},
    {"--force", false, CLI_TEXT_PAIR(CT_OPT_FORCE)},
    {"--count", false, CLI_TEXT_PAIR(CT_LIST_OPT_COUNT)},
    {"--help", false, CLI_TEXT_PAIR(CT_OPT_HELP)},
    {NULL, false, NULL, NULL},
};

enum { FORMAT_TABLE = -1, FORMAT_PDF = -3, FORMAT_TXT = -4, FORMAT_XLSX = -5, FORMAT_UNKNOWN = -2 };

/* PDF and Excel are files of their own, written by their libraries to a path. */
static bool is_binary(int format)
{
    return format == FORMAT_PDF || format == FORMAT_XLSX;
}

static int parse_format(const char *text)
{
    static const struct {
        const char *name;
        int format;
    } formats[] = {
        {"table", FORMAT_TABLE}, {"tsv", HTX_RECORD_TSV}, {"csv", HTX_RECORD_CSV},
        {"json", HTX_RECORD_JSON}, {"pdf", FORMAT_PDF},   {"txt", FORMAT_TXT}, {"xlsx", FORMAT_XLSX},
    };
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
        if (strcmp(text, formats[i].name) == 0)
            return formats[i].format;
    return FORMAT_UNKNOWN;
}

/* The format a file name asks for by its ending; a table when it says none. */
static int format_of_path(const char *path)
{
    const char *dot = strrchr(path, '.');
    if (!dot || strchr(dot, '/') || strcasecmp(dot + 1, "table") == 0)
        return FORMAT_TABLE;
    char ending[8];
    snprintf(ending, sizeof ending, "%s", dot + 1);
    for (char *p = ending; *p; p++)
        *p = (char)(*p >= 'A' && *p <= 'Z' ? *p - 'A' + 'a' : *p);
    int f = parse_format(ending);
    return f == FORMAT_UNKNOWN ? FORMAT_TABLE : f;
}

typedef struct table_state {
    const cli_context *ctx;
    FILE *out;
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
    cli_table_row(t->out, t->cols, 6, cells);
    t->rows++;
    return 0;
}

static int print_record(const htx_coop *c, void *data)
{
    htx_records_write(data, c);
    return 0;
}

static htx_status list_table(const cli_context *ctx, htx_store *store, const htx_filter *f, FILE *out,
                             htx_error *err)
{
    table_state t = {.ctx = ctx,
                     .out = out,
                     .cols = {
                         {htx_field_label(HTX_F_CODE, ctx->lang), 14, false},
                         {htx_field_label(HTX_F_NAME, ctx->lang), 0, false},
                         {htx_field_label(HTX_F_DISTRICT, ctx->lang), 12, false},
                         {htx_field_label(HTX_F_SECTOR, ctx->lang), 20, false},
                         {cli_t(ctx, CT_LIST_COLUMN_FOUNDED), 10, false},
                         {cli_t(ctx, CT_LIST_COLUMN_MEMBERS), 10, true},
                     }};
    cli_table_layout(t.cols, 6, cli_terminal_width());
    cli_table_header(out, t.cols, 6);
    htx_status st = htx_query_each(store, f, print_table_row, &t, err);
    char total[64];
    if (st == HTX_OK)
        cli_tell(ctx, out, CT_LIST_TOTAL, cli_count(ctx, t.rows, CT_N_COOPERATIVE, CT_N_COOPERATIVES, total, sizeof total));
    return st;
}

static htx_status list_records(htx_store *store, const htx_filter *f, int format, FILE *out, htx_error *err)
{
    htx_record_writer w;
    htx_records_begin(&w, out, (htx_record_format)format);
    htx_status st = htx_query_each(store, f, print_record, &w, err);
    htx_records_end(&w);
    return st;
}

/* The paginated text; a form feed is for paper: on a terminal a page break is a blank line. */
static htx_status write_pages(const htx_document *doc, FILE *out, int *pages, htx_error *err)
{
    htx_txt_layout layout = {HTX_TXT_WIDTH, HTX_TXT_LINES};
    if (!isatty(fileno(out)))
        return htx_doc_write_txt(doc, layout, out, pages, err);
    char *text = NULL;
    size_t length = 0;
    FILE *memory = open_memstream(&text, &length);
    if (!memory)
        return htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
    htx_status st = htx_doc_write_txt(doc, layout, memory, pages, err);
    fclose(memory);
    for (size_t i = 0; st == HTX_OK && i < length; i++)
        if (text[i] == '\f')
            text[i] = '\n';
    if (st == HTX_OK && fwrite(text, 1, length, out) != length)
        st = htx_fail_os(err, HTX_ERR_IO, MSG_IO, NULL, "stdout", errno);
    free(text);
    return st;
}

/* The list as the screens print it: the paginated text, or the PDF drawn
 * into path (a file of its own: cairo writes it). */
static htx_status list_document(htx_store *store, const htx_filter *f, int format, FILE *out, const char *path,
                                int *rows, int *pages, htx_error *err)
{
    htx_coop_list_doc list;
    htx_status st = htx_coop_list_doc_load(store, f, &list, err);
    if (st == HTX_OK) {
        htx_document doc;
        htx_coop_list_document(&list, &doc);
        *rows = doc.row_count;
        if (format == FORMAT_PDF)
            st = htx_doc_write_pdf(&doc, path, pages, err);
        else if (format == FORMAT_XLSX)
            st = htx_doc_write_xlsx(&doc, path, err);
        else
            st = write_pages(&doc, out, pages, err);
    }
    htx_coop_list_doc_free(&list);
    return st;
}

typedef struct list_output {
    int format;
    const char *path; /* NULL: standard output */
    bool force;
} list_output;

static htx_status write_list(const cli_context *ctx, htx_store *store, const htx_filter *f, const list_output *o,
                             FILE *out, const char *pdf_path, int *rows, int *pages, htx_error *err)
{
    if (is_binary(o->format) || o->format == FORMAT_TXT)
        return list_document(store, f, o->format, out, pdf_path, rows, pages, err);
    if (o->format == FORMAT_TABLE)
        return list_table(ctx, store, f, out, err);
    return list_records(store, f, o->format, out, err);
}

/* A PDF or a workbook for standard output is drawn into a private file first. */
static htx_status pdf_to_stdout(const cli_context *ctx, htx_store *store, const htx_filter *f,
                                const list_output *o, int *rows, int *pages, htx_error *err)
{
    const char *dir = getenv("TMPDIR");
    char temporary[PATH_MAX];
    const char *ending = o->format == FORMAT_XLSX ? ".xlsx" : ".pdf";
    snprintf(temporary, sizeof temporary, "%s/htx-list-XXXXXX%s", dir && dir[0] ? dir : "/tmp", ending);
    int fd = mkstemps(temporary, (int)strlen(ending));
    if (fd < 0)
        return htx_fail_os(err, HTX_ERR_IO, MSG_IO, NULL, temporary, errno);
    close(fd);
    htx_status st = write_list(ctx, store, f, o, NULL, temporary, rows, pages, err);
    FILE *from = st == HTX_OK ? fopen(temporary, "rb") : NULL;
    if (st == HTX_OK && !from)
        st = htx_fail_os(err, HTX_ERR_IO, MSG_IO, NULL, temporary, errno);
    if (from) {
        char buffer[8192];
        size_t n;
        while ((n = fread(buffer, 1, sizeof buffer, from)) > 0)
            fwrite(buffer, 1, n, ctx->out);
        fclose(from);
        if (fflush(ctx->out) != 0 || ferror(ctx->out))
            st = htx_fail_os(err, HTX_ERR_IO, MSG_IO, NULL, "stdout", errno);
    }
    unlink(temporary);
    return st;
}

/* The list to -o FILE (replaced only once whole), or to standard output. */
static int output_list(const cli_context *ctx, htx_store *store, const htx_filter *f, const list_output *o)
{
    htx_error err;
    htx_status st;
    int rows = 0, pages = 0;
    if (o->path) {
        htx_outfile file;
        st = cli_outfile_open(ctx, &file, o->path, o->force, &err);
        if (st == HTX_OK) {
            st = write_list(ctx, store, f, o, file.file, htx_outfile_name(&file), &rows, &pages, &err);
            if (st == HTX_OK)
                st = htx_outfile_commit(&file, &err);
            else
                htx_outfile_abandon(&file);
        }
    } else if (is_binary(o->format)) {
        st = pdf_to_stdout(ctx, store, f, o, &rows, &pages, &err);
    } else {
        st = write_list(ctx, store, f, o, ctx->out, NULL, &rows, &pages, &err);
    }
    if (st != HTX_OK) {
        cli_report(ctx, &err);
        return cli_status_exit(st);
    }
    char coops[64], counted_pages[64];
    if (o->path && pages > 0)
        cli_tell(ctx, ctx->err, CT_LIST_WROTE_PAGES,
                 cli_count(ctx, rows, CT_N_COOPERATIVE, CT_N_COOPERATIVES, coops, sizeof coops),
                 cli_count(ctx, pages, CT_N_PAGE, CT_N_PAGES, counted_pages, sizeof counted_pages), o->path);
    else if (o->path)
        cli_tell(ctx, ctx->err, CT_LIST_WROTE, o->path);
    return CLI_OK;
}

static int cmd_list(const cli_context *ctx, int argc, char **argv);

const cli_spec cmd_list_spec = {
    .name = "list",
    .brief = CT_COMMAND_LIST,
    .usage = "htx list [--district D] [--sector S] [--club C] [--status S] [--search TEXT] "
             "[--founded-from DATE] [--founded-to DATE] [--sort KEY] [--format F] [-o FILE [--force]] [--count]",
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
    list_output o = {.path = cli_value(&args, "-o"), .force = cli_flag(&args, "--force")};
    if (o.path && strcmp(o.path, "-") == 0)
        o.path = NULL; /* -o - is standard output */
    const char *format = cli_value(&args, "--format");
    o.format = format ? parse_format(format) : o.path ? format_of_path(o.path) : FORMAT_TABLE;
    if (o.format == FORMAT_UNKNOWN) {
        cli_tell(ctx, ctx->err, CT_LIST_BAD_FORMAT, format);
        return CLI_USAGE;
    }
    if (is_binary(o.format) && !o.path && isatty(fileno(ctx->out))) {
        cli_tell(ctx, ctx->err, CT_LIST_NO_PDF_TO_TERMINAL);
        return CLI_USAGE;
    }

    htx_store *store = cli_open_store(ctx, HTX_OPEN_READ);
    if (!store)
        return CLI_FAILURE;
    int status = CLI_OK;
    if (cli_flag(&args, "--count")) {
        htx_error err;
        int64_t n = 0;
        htx_status st = htx_query_count(store, &f, &n, &err);
        if (st == HTX_OK)
            fprintf(ctx->out, "%" PRId64 "\n", n);
        else {
            cli_report(ctx, &err);
            status = cli_status_exit(st);
        }
    } else {
        status = output_list(ctx, store, &f, &o);
    }
    htx_store_close(store);
    return status;
}
