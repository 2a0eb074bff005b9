/*
 * htx roster: a club's members on a day, as paginated text, CSV, TSV or PDF,
 * to a file, to standard output or to a printer through CUPS.
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "date.h"
#include "document_pdf.h"
#include "document_txt.h"
#include "document_xlsx.h"
#include "outfile.h"
#include "print.h"
#include "roster_doc.h"
#include "stream_out.h"
#include "text.h"

static const cli_option options[] = {
    {"--club", true, CLI_TEXT_PAIR(CT_ROSTER_OPT_CLUB)},
    {"--as-of", true, CLI_TEXT_PAIR(CT_ROSTER_OPT_AS_OF)},
    {"--date", true, CLI_TEXT_PAIR(CT_ROSTER_OPT_DATE)},
    {"--number", true, CLI_TEXT_PAIR(CT_ROSTER_OPT_NUMBER)},
    {"--sort", true, CLI_TEXT_PAIR(CT_ROSTER_OPT_SORT)},
    {"--format", true, CLI_TEXT_PAIR(CT_ROSTER_OPT_FORMAT)},
    {"-o", true, CLI_TEXT_PAIR(CT_ROSTER_OPT_OUTPUT)},
    {"--force", false, CLI_TEXT_PAIR(CT_OPT_FORCE)},
    {"--print", false, CLI_TEXT_PAIR(CT_ROSTER_OPT_PRINT)},
    {"--printer", true, CLI_TEXT_PAIR(CT_ROSTER_OPT_PRINTER)},
    {"--copies", true, CLI_TEXT_PAIR(CT_ROSTER_OPT_COPIES)},
    {"--encoding", true, CLI_TEXT_PAIR(CT_ROSTER_OPT_ENCODING)},
    {"--lines", true, CLI_TEXT_PAIR(CT_ROSTER_OPT_LINES)},
    {"--width", true, CLI_TEXT_PAIR(CT_ROSTER_OPT_WIDTH)},
    {"--help", false, CLI_TEXT_PAIR(CT_OPT_HELP)},
    {NULL, false, NULL, NULL},
};

static const cli_choices choices[] = {
    {"--club", HTX_CHOOSE_CLUB},
    {NULL, 0},
};

typedef enum roster_format { FORMAT_TXT, FORMAT_CSV, FORMAT_TSV, FORMAT_PDF, FORMAT_XLSX, FORMAT_COUNT } roster_format;

static const char *const format_names[FORMAT_COUNT] = {"txt", "csv", "tsv", "pdf", "xlsx"};

/* PDF and Excel are files of their own, written by their libraries to a path. */
static bool is_binary(roster_format format)
{
    return format == FORMAT_PDF || format == FORMAT_XLSX;
}

static htx_status write_binary(roster_format format, const htx_document *doc, const char *path, int *pages,
                               htx_error *err)
{
    if (format == FORMAT_XLSX)
        return htx_doc_write_xlsx(doc, path, err);
    return htx_doc_write_pdf(doc, path, pages, err);
}

static int format_parse(const char *text)
{
    for (int f = 0; f < FORMAT_COUNT; f++)
        if (strcmp(text, format_names[f]) == 0)
            return f;
    return -1;
}

/* The format a file name asks for by its ending; -1 when it says nothing. */
static int format_of_path(const char *path)
{
    const char *dot = strrchr(path, '.');
    if (!dot)
        return -1;
    for (int f = 0; f < FORMAT_COUNT; f++)
        if (strcasecmp(dot + 1, format_names[f]) == 0)
            return f;
    return -1;
}

typedef struct roster_options {
    const char *club;
    char as_of[HTX_ISO_DATE_SIZE];
    bool issued_given;
    htx_date issued;
    const char *number;
    htx_roster_sort sort;
    roster_format format;
    const char *output; /* NULL: standard output */
    bool force;         /* an existing file may be replaced */
    bool print;
    const char *printer;
    int copies;
    const char *encoding;
    htx_txt_layout layout;
} roster_options;

static bool parse_count(const char *text, int low, int high, int *out)
{
    char *end;
    errno = 0;
    long value = strtol(text, &end, 10);
    if (errno || end == text || *end || value < low || value > high)
        return false;
    *out = (int)value;
    return true;
}

/* Every refusal of an option names one value: message id takes one %s. */
static bool usage_error(const cli_context *ctx, cli_text_id message, const char *value)
{
    cli_tell(ctx, ctx->err, message, value);
    return false;
}

static bool read_options(const cli_context *ctx, const cli_args *args, roster_options *o)
{
    memset(o, 0, sizeof *o);
    o->club = cli_value(args, "--club");
    if (!o->club) {
        cli_tell(ctx, ctx->err, CT_ROSTER_NEEDS_CLUB);
        return false;
    }
    const char *as_of = cli_value(args, "--as-of");
    if (as_of) {
        htx_date day;
        if (!htx_date_parse(as_of, &day))
            return usage_error(ctx, CT_ROSTER_BAD_AS_OF, as_of);
        htx_date_iso(day, o->as_of);
    }
    const char *issued = cli_value(args, "--date");
    if (issued) {
        if (!htx_date_parse(issued, &o->issued))
            return usage_error(ctx, CT_ROSTER_BAD_DATE, issued);
        o->issued_given = true;
    }
    o->number = cli_value(args, "--number");
    if (o->number) {
        /* printed on an official paper: one clean line, short */
        char *clean = NULL;
        htx_error ignored;
        bool fine = htx_text_normalize(o->number, HTX_TEXT_LINE, 20, "--number", &clean, &ignored) == HTX_OK;
        free(clean);
        if (!fine)
            return usage_error(ctx, CT_ROSTER_BAD_NUMBER, o->number);
    }
    const char *sort = cli_value(args, "--sort");
    static const char *const sorts[HTX_ROSTER_SORT_COUNT] = {"name", "district", "joined"};
    o->sort = HTX_ROSTER_BY_NAME;
    if (sort) {
        int found = -1;
        for (int s = 0; s < HTX_ROSTER_SORT_COUNT; s++)
            if (strcmp(sort, sorts[s]) == 0)
                found = s;
        if (found < 0)
            return usage_error(ctx, CT_ROSTER_BAD_SORT, sort);
        o->sort = (htx_roster_sort)found;
    }
    o->output = cli_value(args, "-o");
    if (o->output && strcmp(o->output, "-") == 0)
        o->output = NULL; /* -o - is standard output */
    o->force = cli_flag(args, "--force");
    const char *format = cli_value(args, "--format");
    int f = format ? format_parse(format) : (o->output ? format_of_path(o->output) : -1);
    if (format && f < 0)
        return usage_error(ctx, CT_ROSTER_BAD_FORMAT, format);
    o->format = f < 0 ? FORMAT_TXT : (roster_format)f;
    o->print = cli_flag(args, "--print");
    o->printer = cli_value(args, "--printer");
    o->copies = 1;
    const char *copies = cli_value(args, "--copies");
    if (copies && !parse_count(copies, 1, 999, &o->copies))
        return usage_error(ctx, CT_ROSTER_BAD_COPIES, copies);
    if ((o->printer || copies) && !o->print)
        return usage_error(ctx, CT_ROSTER_NEEDS_PRINT, o->printer ? "--printer" : "--copies");
    o->encoding = cli_value(args, "--encoding");
    if (o->encoding && is_binary(o->format))
        return usage_error(ctx, CT_ROSTER_ENCODING_PDF, format_names[o->format]);
    o->layout.lines_per_page = HTX_TXT_LINES;
    o->layout.width = HTX_TXT_WIDTH;
    const char *lines = cli_value(args, "--lines");
    if (lines && !parse_count(lines, HTX_TXT_MIN_LINES, 1000, &o->layout.lines_per_page))
        return usage_error(ctx, CT_ROSTER_BAD_LINES, lines);
    const char *width = cli_value(args, "--width");
    if (width && !parse_count(width, HTX_TXT_MIN_WIDTH, 1000, &o->layout.width))
        return usage_error(ctx, CT_ROSTER_BAD_WIDTH, width);
    return true;
}

/* ---- writing -------------------------------------------------------------------- */

/* txt, csv or tsv rendered in UTF-8 into memory, then written in the encoding asked. */
static htx_status write_text_format(const roster_options *o, const htx_roster_doc *roster, FILE *to, int *pages,
                                    htx_error *err)
{
    char *text = NULL;
    size_t length = 0;
    FILE *memory = open_memstream(&text, &length);
    if (!memory)
        return htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
    bool utf8 = !o->encoding || strcasecmp(o->encoding, "UTF-8") == 0 || strcasecmp(o->encoding, "UTF8") == 0;
    htx_status st;
    htx_document doc;
    htx_roster_document(roster, &doc);
    switch (o->format) {
    case FORMAT_CSV: st = htx_doc_write_csv(&doc, utf8, memory, err); break;
    case FORMAT_TSV: st = htx_roster_write_tsv(roster, memory, err); break;
    default: st = htx_doc_write_txt(&doc, o->layout, memory, pages, err); break;
    }
    fclose(memory);
    /* a form feed is for paper: on a terminal a page break is a blank line */
    if (st == HTX_OK && isatty(fileno(to)))
        for (size_t i = 0; i < length; i++)
            if (text[i] == '\f')
                text[i] = '\n';
    if (st == HTX_OK)
        st = htx_write_encoded(text, length, o->encoding, to, err);
    free(text);
    return st;
}

/* A private temporary file name for a PDF or a workbook. */
static bool temporary_file(char *path, size_t size, roster_format format)
{
    const char *dir = getenv("TMPDIR");
    snprintf(path, size, "%s/htx-roster-XXXXXX.%s", dir && dir[0] ? dir : "/tmp", format_names[format]);
    int fd = mkstemps(path, (int)strlen(format_names[format]) + 1);
    if (fd < 0)
        return false;
    close(fd);
    return true;
}

static htx_status copy_file(const char *path, FILE *to, htx_error *err)
{
    FILE *from = fopen(path, "rb");
    if (!from)
        return htx_fail_os(err, HTX_ERR_IO, MSG_IO, NULL, path, errno);
    char buffer[8192];
    size_t n;
    while ((n = fread(buffer, 1, sizeof buffer, from)) > 0)
        fwrite(buffer, 1, n, to);
    fclose(from);
    if (fflush(to) != 0 || ferror(to))
        return htx_fail_os(err, HTX_ERR_IO, MSG_IO, NULL, "stdout", errno);
    return HTX_OK;
}

/* The document to -o FILE, or to standard output (never a PDF to a terminal). */
static int save(const cli_context *ctx, const roster_options *o, const htx_roster_doc *roster)
{
    htx_document doc;
    htx_roster_document(roster, &doc);
    htx_error err;
    htx_status st;
    int pages = 0;
    if (is_binary(o->format)) {
        if (!o->output && isatty(fileno(ctx->out))) {
            cli_tell(ctx, ctx->err, CT_ROSTER_NO_PDF_TO_TERMINAL);
            return CLI_USAGE;
        }
        char temporary[PATH_MAX];
        htx_outfile file;
        if (o->output) {
            /* The old file stays until the new one is whole (outfile.h). */
            st = cli_outfile_open(ctx, &file, o->output, o->force, &err);
            if (st == HTX_OK)
                st = write_binary(o->format, &doc, htx_outfile_name(&file), &pages, &err);
            if (st == HTX_OK)
                st = htx_outfile_commit(&file, &err);
            else if (file.file)
                htx_outfile_abandon(&file);
        } else if (!temporary_file(temporary, sizeof temporary, o->format)) {
            st = htx_fail_os(&err, HTX_ERR_IO, MSG_IO, NULL, temporary, errno);
        } else {
            st = write_binary(o->format, &doc, temporary, &pages, &err);
            if (st == HTX_OK)
                st = copy_file(temporary, ctx->out, &err);
            unlink(temporary);
        }
    } else if (o->output) {
        htx_outfile file;
        st = cli_outfile_open(ctx, &file, o->output, o->force, &err);
        if (st == HTX_OK) {
            st = write_text_format(o, roster, file.file, &pages, &err);
            if (st == HTX_OK)
                st = htx_outfile_commit(&file, &err);
            else
                htx_outfile_abandon(&file);
        }
    } else {
        st = write_text_format(o, roster, ctx->out, &pages, &err);
    }
    if (st != HTX_OK) {
        cli_report(ctx, &err);
        return cli_status_exit(st);
    }
    if (o->output) {
        char members[64], counted_pages[64];
        cli_count(ctx, roster->count, CT_N_MEMBER, CT_N_MEMBERS, members, sizeof members);
        if (pages > 0)
            cli_tell(ctx, ctx->err, CT_ROSTER_WROTE_PAGES, members,
                     cli_count(ctx, pages, CT_N_PAGE, CT_N_PAGES, counted_pages, sizeof counted_pages), o->output);
        else
            cli_tell(ctx, ctx->err, CT_ROSTER_WROTE, members, o->output);
    }
    return CLI_OK;
}

/* The PDF through the print command: the job id, or CUPS' refusal. */
static int print_roster(const cli_context *ctx, const roster_options *o, const htx_roster_doc *roster)
{
    htx_document doc;
    htx_roster_document(roster, &doc);
    char temporary[PATH_MAX];
    htx_error err;
    int pages = 0;
    if (!temporary_file(temporary, sizeof temporary, FORMAT_PDF)) {
        htx_fail_os(&err, HTX_ERR_IO, MSG_IO, NULL, temporary, errno);
        cli_report(ctx, &err);
        return CLI_FAILURE;
    }
    htx_status st = htx_doc_write_pdf(&doc, temporary, &pages, &err);
    char job[HTX_PRINT_JOB_SIZE] = "";
    if (st == HTX_OK) {
        char title[600];
        snprintf(title, sizeof title, "%s %s", doc.texts.title, doc.texts.subtitle);
        htx_print_request req = {
            .command = getenv("HTX_LP"),
            .file = temporary,
            .printer = o->printer,
            .copies = o->copies,
            .title = title,
        };
        st = htx_print_file(&req, job, &err);
    }
    unlink(temporary);
    if (st != HTX_OK) {
        cli_report(ctx, &err);
        if (err.msg == MSG_PRINT_NO_PRINTER || err.msg == MSG_PRINT_NO_DEFAULT)
            cli_tell(ctx, ctx->err, CT_ROSTER_NAME_A_PRINTER);
        return cli_status_exit(st);
    }
    char counted_pages[64], copies[64];
    cli_tell(ctx, ctx->out, CT_ROSTER_PRINTED, job,
             cli_count(ctx, pages, CT_N_PAGE, CT_N_PAGES, counted_pages, sizeof counted_pages),
             cli_count(ctx, o->copies, CT_N_COPY, CT_N_COPIES, copies, sizeof copies));
    return CLI_OK;
}

static int cmd_roster(const cli_context *ctx, int argc, char **argv);

const cli_spec cmd_roster_spec = {
    .name = "roster",
    .brief = CT_COMMAND_ROSTER,
    .usage = "htx roster --club C [--as-of DATE] [--sort name|district|joined] [--format txt|csv|tsv|pdf] [-o FILE]"
             " [--print [--printer NAME] [--copies N]] [--encoding ENC] [--lines N] [--width N]",
    .summary = CT_ROSTER_SUMMARY,
    .options = options,
    .choices = choices,
    .max_operands = 0,
    .more_help = NULL,
    .run = cmd_roster,
};

static int cmd_roster(const cli_context *ctx, int argc, char **argv)
{
    cli_args args;
    int early = cli_start(ctx, &cmd_roster_spec, argc, argv, &args);
    if (early >= 0)
        return early;
    roster_options o;
    if (!read_options(ctx, &args, &o))
        return CLI_USAGE;
    htx_store *store = cli_open_store(ctx, HTX_OPEN_READ);
    if (!store)
        return CLI_FAILURE;
    htx_roster_doc doc;
    htx_error err;
    htx_status st = htx_roster_doc_load(store, o.club, o.as_of, o.sort, &doc, &err);
    htx_store_close(store);
    if (o.issued_given)
        doc.issued = o.issued;
    if (o.number)
        snprintf(doc.number, sizeof doc.number, "%s", o.number);
    if (st != HTX_OK) {
        cli_report(ctx, &err);
        htx_roster_doc_free(&doc);
        return cli_status_exit(st);
    }
    int status = CLI_OK;
    if (!o.print || o.output)
        status = save(ctx, &o, &doc);
    if (status == CLI_OK && o.print)
        status = print_roster(ctx, &o, &doc);
    htx_roster_doc_free(&doc);
    return status;
}
