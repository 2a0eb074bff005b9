/*
 * htx roster: a club's members on a day, as paginated text, CSV, TSV or PDF,
 * to a file, to standard output or to a printer through CUPS.
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "date.h"
#include "outfile.h"
#include "print.h"
#include "roster_doc.h"
#include "roster_txt.h"
#include "stream_out.h"
#include "roster_pdf.h"

static const cli_option options[] = {
    {"--club", true, "câu lạc bộ: mã (agriculture, trade, plastic, industry, credit) hoặc tên, dấu tùy ý",
     "club: code (agriculture, trade, plastic, industry, credit) or name, marks optional"},
    {"--as-of", true, "danh sách tại ngày dd/mm/yyyy (mặc định: hôm nay)", "members on this day, dd/mm/yyyy (default: today)"},
    {"--sort", true, "sắp xếp: name (mặc định), district, joined", "order: name (default), district, joined"},
    {"--format", true, "định dạng: txt (mặc định), csv, tsv, pdf", "format: txt (default), csv, tsv, pdf"},
    {"-o", true, "ghi ra tệp (định dạng theo đuôi .txt/.csv/.tsv/.pdf nếu không có --format)",
     "write to a file (format from its .txt/.csv/.tsv/.pdf ending unless --format is given)"},
    {"--print", false, "in bản PDF qua CUPS (lệnh lp, hoặc $HTX_LP)", "print the PDF through CUPS (lp, or $HTX_LP)"},
    {"--printer", true, "máy in (mặc định: máy in mặc định của CUPS)", "printer (default: CUPS' default)"},
    {"--copies", true, "số bản (mặc định 1)", "copies (default 1)"},
    {"--encoding", true, "bảng mã của txt/csv/tsv: UTF-8 (mặc định), CP1258, VISCII, TCVN5712-1",
     "encoding of txt/csv/tsv: UTF-8 (default), CP1258, VISCII, TCVN5712-1"},
    {"--lines", true, "txt: số dòng mỗi trang (mặc định 60)", "txt: lines per page (default 60)"},
    {"--width", true, "txt: số cột mỗi dòng (mặc định 120, ít nhất 80)", "txt: columns per line (default 120, at least 80)"},
    {"--help", false, "trợ giúp", "this help"},
    {NULL, false, NULL, NULL},
};

typedef enum roster_format { FORMAT_TXT, FORMAT_CSV, FORMAT_TSV, FORMAT_PDF, FORMAT_COUNT } roster_format;

static const char *const format_names[FORMAT_COUNT] = {"txt", "csv", "tsv", "pdf"};

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
    htx_roster_sort sort;
    roster_format format;
    const char *output;
    bool print;
    const char *printer;
    int copies;
    const char *encoding;
    htx_roster_txt_layout layout;
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

static bool usage_error(const cli_context *ctx, const char *vi, const char *en, const char *value)
{
    cli_say(ctx, ctx->err, vi, en, value);
    return false;
}

static bool read_options(const cli_context *ctx, const cli_args *args, roster_options *o)
{
    memset(o, 0, sizeof *o);
    o->club = cli_value(args, "--club");
    if (!o->club)
        return usage_error(ctx, "htx roster: cần --club (%s)\n", "htx roster: --club is required (%s)\n",
                           "agriculture, trade, plastic, industry, credit");
    const char *as_of = cli_value(args, "--as-of");
    if (as_of) {
        htx_date day;
        if (!htx_date_parse(as_of, &day))
            return usage_error(ctx, "htx roster: --as-of: \"%s\" không phải ngày dd/mm/yyyy\n",
                               "htx roster: --as-of: \"%s\" is not a dd/mm/yyyy date\n", as_of);
        htx_date_iso(day, o->as_of);
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
            return usage_error(ctx, "htx roster: --sort: không có cách xếp \"%s\" (name, district, joined)\n",
                               "htx roster: --sort: unknown order \"%s\" (name, district, joined)\n", sort);
        o->sort = (htx_roster_sort)found;
    }
    o->output = cli_value(args, "-o");
    const char *format = cli_value(args, "--format");
    int f = format ? format_parse(format) : (o->output ? format_of_path(o->output) : -1);
    if (format && f < 0)
        return usage_error(ctx, "htx roster: --format: không có định dạng \"%s\" (txt, csv, tsv, pdf)\n",
                           "htx roster: --format: unknown format \"%s\" (txt, csv, tsv, pdf)\n", format);
    o->format = f < 0 ? FORMAT_TXT : (roster_format)f;
    o->print = cli_flag(args, "--print");
    o->printer = cli_value(args, "--printer");
    o->copies = 1;
    const char *copies = cli_value(args, "--copies");
    if (copies && !parse_count(copies, 1, 999, &o->copies))
        return usage_error(ctx, "htx roster: --copies: \"%s\" không phải số bản từ 1 đến 999\n",
                           "htx roster: --copies: \"%s\" is not a number of copies from 1 to 999\n", copies);
    if ((o->printer || copies) && !o->print)
        return usage_error(ctx, "htx roster: %s chỉ dùng cùng --print\n", "htx roster: %s goes with --print\n",
                           o->printer ? "--printer" : "--copies");
    o->encoding = cli_value(args, "--encoding");
    if (o->encoding && o->format == FORMAT_PDF)
        return usage_error(ctx, "htx roster: --encoding không dùng cho %s (PDF luôn đủ dấu)\n",
                           "htx roster: --encoding does not apply to %s (a PDF always holds the marks)\n", "pdf");
    o->layout.lines_per_page = HTX_ROSTER_TXT_LINES;
    o->layout.width = HTX_ROSTER_TXT_WIDTH;
    const char *lines = cli_value(args, "--lines");
    if (lines && !parse_count(lines, HTX_ROSTER_TXT_MIN_LINES, 1000, &o->layout.lines_per_page))
        return usage_error(ctx, "htx roster: --lines: \"%s\" phải từ 24 đến 1000\n",
                           "htx roster: --lines: \"%s\" must be from 24 to 1000\n", lines);
    const char *width = cli_value(args, "--width");
    if (width && !parse_count(width, HTX_ROSTER_TXT_MIN_WIDTH, 1000, &o->layout.width))
        return usage_error(ctx, "htx roster: --width: \"%s\" phải từ 80 đến 1000\n",
                           "htx roster: --width: \"%s\" must be from 80 to 1000\n", width);
    return true;
}

/* ---- writing -------------------------------------------------------------------- */

/* txt, csv or tsv rendered in UTF-8 into memory, then written in the encoding asked. */
static htx_status write_text_format(const roster_options *o, const htx_roster_doc *doc, FILE *to, int *pages,
                                    htx_error *err)
{
    char *text = NULL;
    size_t length = 0;
    FILE *memory = open_memstream(&text, &length);
    if (!memory)
        return htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
    bool utf8 = !o->encoding || strcasecmp(o->encoding, "UTF-8") == 0 || strcasecmp(o->encoding, "UTF8") == 0;
    htx_status st;
    switch (o->format) {
    case FORMAT_CSV: st = htx_roster_write_csv(doc, utf8, memory, err); break;
    case FORMAT_TSV: st = htx_roster_write_tsv(doc, memory, err); break;
    default: st = htx_roster_write_txt(doc, o->layout, memory, pages, err); break;
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

/* A private temporary file name for a PDF. */
static bool temporary_pdf(char *path, size_t size)
{
    const char *dir = getenv("TMPDIR");
    snprintf(path, size, "%s/htx-roster-XXXXXX.pdf", dir && dir[0] ? dir : "/tmp");
    int fd = mkstemps(path, 4);
    if (fd < 0)
        return false;
    close(fd);
    return true;
}

static htx_status copy_file(const char *path, FILE *to, htx_error *err)
{
    FILE *from = fopen(path, "rb");
    if (!from)
        return htx_fail(err, HTX_ERR_IO, MSG_IO, NULL, path, strerror(errno));
    char buffer[8192];
    size_t n;
    while ((n = fread(buffer, 1, sizeof buffer, from)) > 0)
        fwrite(buffer, 1, n, to);
    fclose(from);
    if (fflush(to) != 0 || ferror(to))
        return htx_fail(err, HTX_ERR_IO, MSG_IO, NULL, "stdout", strerror(errno));
    return HTX_OK;
}

/* The document to -o FILE, or to standard output (never a PDF to a terminal). */
static int save(const cli_context *ctx, const roster_options *o, const htx_roster_doc *doc)
{
    htx_error err;
    htx_status st;
    int pages = 0;
    if (o->format == FORMAT_PDF) {
        if (!o->output && isatty(fileno(ctx->out))) {
            cli_say(ctx, ctx->err, "htx roster: không ghi PDF ra màn hình; dùng -o TỆP.pdf hoặc --print\n",
                    "htx roster: not writing a PDF to the terminal; use -o FILE.pdf or --print\n");
            return CLI_USAGE;
        }
        char temporary[PATH_MAX];
        htx_outfile file;
        if (o->output) {
            /* The old file stays until the new one is whole (outfile.h). */
            st = htx_outfile_open(&file, o->output, &err);
            if (st == HTX_OK)
                st = htx_roster_write_pdf(doc, htx_outfile_name(&file), &pages, &err);
            if (st == HTX_OK)
                st = htx_outfile_commit(&file, &err);
            else if (file.file)
                htx_outfile_abandon(&file);
        } else if (!temporary_pdf(temporary, sizeof temporary)) {
            st = htx_fail(&err, HTX_ERR_IO, MSG_IO, NULL, temporary, strerror(errno));
        } else {
            st = htx_roster_write_pdf(doc, temporary, &pages, &err);
            if (st == HTX_OK)
                st = copy_file(temporary, ctx->out, &err);
            unlink(temporary);
        }
    } else if (o->output) {
        htx_outfile file;
        st = htx_outfile_open(&file, o->output, &err);
        if (st == HTX_OK) {
            st = write_text_format(o, doc, file.file, &pages, &err);
            if (st == HTX_OK)
                st = htx_outfile_commit(&file, &err);
            else
                htx_outfile_abandon(&file);
        }
    } else {
        st = write_text_format(o, doc, ctx->out, &pages, &err);
    }
    if (st != HTX_OK) {
        cli_report(ctx, &err);
        return cli_status_exit(st);
    }
    if (o->output) {
        if (pages > 0)
            cli_say(ctx, ctx->err, "htx roster: đã ghi %d thành viên, %d trang vào %s\n",
                    "htx roster: wrote %d members, %d pages to %s\n", doc->count, pages, o->output);
        else
            cli_say(ctx, ctx->err, "htx roster: đã ghi %d thành viên vào %s\n", "htx roster: wrote %d members to %s\n",
                    doc->count, o->output);
    }
    return CLI_OK;
}

/* The PDF through the print command: the job id, or CUPS' refusal. */
static int print_roster(const cli_context *ctx, const roster_options *o, const htx_roster_doc *doc)
{
    char temporary[PATH_MAX];
    htx_error err;
    int pages = 0;
    if (!temporary_pdf(temporary, sizeof temporary)) {
        htx_fail(&err, HTX_ERR_IO, MSG_IO, NULL, temporary, strerror(errno));
        cli_report(ctx, &err);
        return CLI_FAILURE;
    }
    htx_status st = htx_roster_write_pdf(doc, temporary, &pages, &err);
    char job[HTX_PRINT_JOB_SIZE] = "";
    if (st == HTX_OK) {
        htx_roster_texts texts;
        htx_roster_doc_texts(doc, &texts);
        char title[300];
        snprintf(title, sizeof title, "%s %s", texts.title, texts.subtitle);
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
        if (err.msg == MSG_PRINT_NO_PRINTER)
            cli_say(ctx, ctx->err, "htx roster: chọn máy in bằng --printer TÊN, hoặc lưu ra tệp: -o TỆP.pdf\n",
                    "htx roster: name a printer with --printer NAME, or save a file instead: -o FILE.pdf\n");
        return cli_status_exit(st);
    }
    cli_say(ctx, ctx->out, "Đã gửi lệnh in %s (%d trang, %d bản)\n", "Print job %s sent (%d pages, %d copies)\n", job,
            pages, o->copies);
    return CLI_OK;
}

static const cli_spec roster_spec = {
    .name = "roster",
    .usage = "htx roster --club C [--as-of DATE] [--sort name|district|joined] [--format txt|csv|tsv|pdf] [-o FILE]"
             " [--print [--printer NAME] [--copies N]] [--encoding ENC] [--lines N] [--width N]",
    .summary_vi = "Danh sách thành viên một câu lạc bộ: xem, xuất tệp, in.",
    .summary_en = "A club's roster: view, export, print.",
    .options = options,
    .max_operands = 0,
    .more_help = NULL,
};

int cmd_roster(const cli_context *ctx, int argc, char **argv)
{
    cli_args args;
    int early = cli_start(ctx, &roster_spec, argc, argv, &args);
    if (early >= 0)
        return early;
    roster_options o;
    if (!read_options(ctx, &args, &o))
        return CLI_USAGE;
    htx_store *store = cli_open_store(ctx, HTX_OPEN_EXISTING);
    if (!store)
        return CLI_FAILURE;
    htx_roster_doc doc;
    htx_error err;
    htx_status st = htx_roster_doc_load(store, o.club, o.as_of, o.sort, &doc, &err);
    htx_store_close(store);
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
