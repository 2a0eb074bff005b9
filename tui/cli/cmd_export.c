/*
 * `htx export`: the cooperatives the list filters select, every field, as
 * CSV (UTF-8 with a BOM by default, which Excel needs), TSV or JSON, in any
 * encoding the importer reads, or an Excel workbook (-o FILE.xlsx); with
 * their club memberships on request.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "cmd.h"
#include "cli_filter.h"
#include "export.h"
#include "export_xlsx.h"
#include "outfile.h"
#include "import.h"

static const cli_option options[] = {
    CLI_FILTER_OPTIONS,
    {"--format", true, CLI_TEXT_PAIR(CT_EXPORT_OPT_FORMAT)},
    {"--encoding", true, CLI_TEXT_PAIR(CT_EXPORT_OPT_ENCODING)},
    {"--bom", false, CLI_TEXT_PAIR(CT_EXPORT_OPT_BOM)},
    {"--no-bom", false, CLI_TEXT_PAIR(CT_EXPORT_OPT_NO_BOM)},
    {"-o", true, CLI_TEXT_PAIR(CT_EXPORT_OPT_OUTPUT)},
    {"--force", false, CLI_TEXT_PAIR(CT_OPT_FORCE)},
    {"--with-memberships", false, CLI_TEXT_PAIR(CT_EXPORT_OPT_WITH_MEMBERSHIPS)},
    {"--help", false, CLI_TEXT_PAIR(CT_OPT_HELP)},
    {NULL, false, NULL, NULL},
};

static int cmd_export(const cli_context *ctx, int argc, char **argv);

const cli_spec cmd_export_spec = {
    .name = "export",
    .brief = CT_COMMAND_EXPORT,
    .usage = "htx export [--district D] [--sector S] [--club C] [--status S] [--search TEXT] "
             "[--founded-from DATE] [--founded-to DATE] [--format csv|tsv|json|xlsx] [--encoding ENC] "
             "[--bom] [-o FILE|-] [--force] [--with-memberships]",
    .summary = CT_EXPORT_SUMMARY,
    .options = options,
    .choices = cli_filter_choices,
    .max_operands = 0,
    .more_help = NULL,
    .run = cmd_export,
};

static bool parse_options(const cli_context *ctx, const cli_args *args, htx_export_options *opt)
{
    htx_export_options_init(opt);
    const char *format = cli_value(args, "--format");
    /* The spreadsheet kind of TSV, not `htx list`'s escaped one: what is
     * exported must import back exactly, tabs and line breaks included. */
    if (format && strcmp(format, "tsv") == 0)
        opt->format = HTX_RECORD_SHEET_TSV;
    else if (format && strcmp(format, "json") == 0)
        opt->format = HTX_RECORD_JSON;
    else if (format && strcmp(format, "csv") != 0) {
        cli_tell(ctx, ctx->err, CT_EXPORT_BAD_FORMAT, format);
        return false;
    }
    const char *enc = cli_value(args, "--encoding");
    if (enc) {
        int e = htx_encoding_parse(enc);
        if (e <= HTX_ENC_AUTO) {
            cli_tell(ctx, ctx->err, CT_EXPORT_BAD_ENCODING, enc);
            return false;
        }
        opt->encoding = (htx_encoding)e;
    }
    bool utf16 = opt->encoding == HTX_ENC_UTF16 || opt->encoding == HTX_ENC_UTF16BE;
    opt->bom = utf16 || (opt->format == HTX_RECORD_CSV && opt->encoding == HTX_ENC_UTF8);
    if (cli_flag(args, "--bom"))
        opt->bom = true;
    if (cli_flag(args, "--no-bom"))
        opt->bom = false;
    return true;
}

static int export_to(const cli_context *ctx, htx_store *store, const htx_filter *f,
                     const htx_export_options *opt, const char *path, bool force, bool memberships)
{
    htx_error err;
    htx_outfile file = {0};
    /* The file is replaced only once the export is whole: a refused export
     * (a character the encoding lacks) leaves the old file as it was. */
    if (path && cli_outfile_open(ctx, &file, path, force, &err) != HTX_OK) {
        cli_report(ctx, &err);
        return CLI_FAILURE;
    }
    FILE *out = path ? file.file : ctx->out;
    long count = 0;
    htx_status st = memberships ? htx_export_memberships(store, f, opt, out, &count, &err)
                                : htx_export_coops(store, f, opt, out, &count, &err);
    if (path && st == HTX_OK)
        st = htx_outfile_commit(&file, &err);
    else if (path)
        htx_outfile_abandon(&file);
    if (st != HTX_OK) {
        cli_report(ctx, &err);
        return cli_status_exit(st);
    }
    char counted[64];
    if (path && memberships)
        cli_tell(ctx, ctx->err, CT_EXPORT_MEMBERSHIPS_DONE,
                 cli_count(ctx, count, CT_N_MEMBERSHIP, CT_N_MEMBERSHIPS, counted, sizeof counted), path);
    else if (path)
        cli_tell(ctx, ctx->err, CT_EXPORT_DONE,
                 cli_count(ctx, count, CT_N_COOPERATIVE, CT_N_COOPERATIVES, counted, sizeof counted), path);
    return CLI_OK;
}

/* Whether the workbook is asked for: by --format, or by the file's ending. */
static bool wants_workbook(const cli_args *args)
{
    const char *format = cli_value(args, "--format");
    if (format)
        return strcmp(format, "xlsx") == 0;
    const char *path = cli_value(args, "-o");
    const char *dot = path ? strrchr(path, '.') : NULL;
    return dot && strcasecmp(dot, ".xlsx") == 0;
}

/* The workbook: a file of its own, written whole by libxlsxwriter, then
 * put in place (outfile.h). */
static int export_workbook(const cli_context *ctx, htx_store *store, const htx_filter *f, const char *path,
                           bool force)
{
    htx_error err;
    htx_outfile file;
    long count = 0;
    htx_status st = cli_outfile_open(ctx, &file, path, force, &err);
    if (st == HTX_OK) {
        st = htx_export_coops_xlsx(store, f, htx_outfile_name(&file), &count, &err);
        if (st == HTX_OK)
            st = htx_outfile_commit(&file, &err);
        else
            htx_outfile_abandon(&file);
    }
    if (st != HTX_OK) {
        cli_report(ctx, &err);
        return cli_status_exit(st);
    }
    char counted[64];
    cli_tell(ctx, ctx->err, CT_EXPORT_DONE, cli_count(ctx, count, CT_N_COOPERATIVE, CT_N_COOPERATIVES, counted,
                                                       sizeof counted), path);
    return CLI_OK;
}

static int cmd_export(const cli_context *ctx, int argc, char **argv)
{
    cli_args args;
    int early = cli_start(ctx, &cmd_export_spec, argc, argv, &args);
    if (early >= 0)
        return early;
    htx_filter f;
    if (!cli_filter_from_args(ctx, &args, &f))
        return CLI_USAGE;
    bool workbook = wants_workbook(&args);
    htx_export_options opt;
    if (!workbook && !parse_options(ctx, &args, &opt))
        return CLI_USAGE;
    const char *path = cli_value(&args, "-o");
    if (workbook && (!path || strcmp(path, "-") == 0 || cli_value(&args, "--encoding") ||
                     cli_flag(&args, "--with-memberships"))) {
        cli_tell(ctx, ctx->err, CT_EXPORT_XLSX_ALONE);
        return CLI_USAGE;
    }
    if (path && strcmp(path, "-") == 0)
        path = NULL; /* -o - is standard output */
    bool force = cli_flag(&args, "--force");
    bool memberships = cli_flag(&args, "--with-memberships");
    if (memberships && !path) {
        cli_tell(ctx, ctx->err, CT_EXPORT_NEEDS_OUTPUT);
        return CLI_USAGE;
    }
    /* Bytes of an 8-bit or UTF-16 encoding are not text for a terminal: some
     * (VISCII, TCVN 5712 VN1 capitals) are control codes it would obey. */
    if (!path && opt.encoding != HTX_ENC_UTF8 && isatty(fileno(ctx->out))) {
        cli_tell(ctx, ctx->err, CT_EXPORT_FILE_ONLY, htx_encoding_name(opt.encoding));
        return CLI_USAGE;
    }
    f.sort = HTX_SORT_CODE; /* a stable order: the same register gives the same file */

    htx_store *store = cli_open_store(ctx, HTX_OPEN_READ);
    if (!store)
        return CLI_FAILURE;
    if (workbook) {
        int done = export_workbook(ctx, store, &f, path, force);
        htx_store_close(store);
        return done;
    }
    int status = export_to(ctx, store, &f, &opt, path, force, false);
    if (status == CLI_OK && memberships) {
        char sibling[HTX_SIBLING_PATH_SIZE];
        htx_import_memberships_path(path, sibling, sizeof sibling);
        status = export_to(ctx, store, &f, &opt, sibling, force, true);
    }
    htx_store_close(store);
    return status;
}
