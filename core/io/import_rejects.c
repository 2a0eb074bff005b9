/*
 * The rows an import sets aside (import_internal.h, rejects), each with its
 * line and its reason, in the format the office sent: a text file in its
 * own encoding with its own separator, a workbook as an .xlsx, so that the
 * office can correct the rows and send them again as they are.
 */
#include "import_internal.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#include "text.h"
#include "textout.h"

/* ---- text, in the source's encoding --------------------------------------- */

/* A text that the source's encoding cannot hold whole (a mark the reason
 * has): each character it lacks written as "?". */
static void write_encoded_by_character(FILE *out, const char *text, size_t len, htx_encoding enc)
{
    for (size_t i = 0; i < len;) {
        int32_t cp;
        int n = htx_utf8_decode(text + i, &cp);
        size_t step = n > 0 ? (size_t)n : 1;
        unsigned char *bytes;
        size_t count;
        htx_error ignored;
        if (htx_encode(text + i, step, enc, false, &bytes, &count, &ignored) == HTX_OK) {
            fwrite(bytes, 1, count, out);
            free(bytes);
        } else {
            fputc('?', out);
        }
        i += step;
    }
}

static void write_encoded(rejects *rj, const char *text, size_t len, bool first)
{
    htx_encoding enc = rj->source->encoding;
    if (enc == HTX_ENC_UTF8) {
        if (first)
            fputs("\xEF\xBB\xBF", rj->out); /* UTF-8 with BOM: opens in Excel */
        fwrite(text, 1, len, rj->out);
        return;
    }
    unsigned char *bytes;
    size_t count;
    htx_error ignored;
    bool bom = first && (enc == HTX_ENC_UTF16 || enc == HTX_ENC_UTF16BE);
    if (htx_encode(text, len, enc, bom, &bytes, &count, &ignored) == HTX_OK) {
        fwrite(bytes, 1, count, rj->out);
        free(bytes);
    } else {
        write_encoded_by_character(rj->out, text, len, enc);
    }
}

/* One record: the line, the reason, then the cells, as the source separates them. */
static void write_text_record(rejects *rj, const char *line, const char *reason, char *const *cells, size_t count,
                              bool first)
{
    char *text = NULL;
    size_t len = 0;
    FILE *record = open_memstream(&text, &len);
    if (!record) {
        rj->failed = true;
        return;
    }
    char sep = rj->source->separator ? rj->source->separator : ',';
    htx_delimited_field(record, line, sep);
    fputc(sep, record);
    htx_delimited_field(record, reason, sep);
    for (size_t i = 0; i < count; i++) {
        fputc(sep, record);
        htx_delimited_field(record, cells[i], sep);
    }
    fputs("\r\n", record);
    if (fclose(record) != 0) {
        free(text);
        rj->failed = true;
        return;
    }
    write_encoded(rj, text, len, first);
    free(text);
}

/* ---- a workbook's rows, as an .xlsx ----------------------------------------- */

static void write_sheet_record(rejects *rj, const char *line, const char *reason, char *const *cells, size_t count)
{
    lxw_row_t r = (lxw_row_t)rj->rows_written;
    lxw_error e = line ? worksheet_write_string(rj->sheet, r, 0, line, NULL)
                       : worksheet_write_number(rj->sheet, r, 0, 0, NULL);
    if (e == LXW_NO_ERROR)
        e = worksheet_write_string(rj->sheet, r, 1, reason, NULL);
    for (size_t i = 0; e == LXW_NO_ERROR && i < count && i + 2 < LXW_COL_MAX; i++)
        if (cells[i][0])
            e = worksheet_write_string(rj->sheet, r, (lxw_col_t)(i + 2), cells[i], NULL);
    if (e != LXW_NO_ERROR)
        rj->failed = true;
}

static bool open_sheet(rejects *rj, htx_lang lang)
{
    lxw_workbook_options options = {.constant_memory = LXW_TRUE};
    rj->book = workbook_new_opt(htx_outfile_name(&rj->file), &options);
    if (rj->book)
        rj->sheet = workbook_add_worksheet(rj->book, lang == HTX_LANG_EN ? "Rejected" : "Bị loại");
    return rj->book && rj->sheet;
}

/* ---- either ------------------------------------------------------------------ */

static void write_record(rejects *rj, const char *line, const char *reason, char *const *cells, size_t count)
{
    if (rj->book)
        write_sheet_record(rj, line, reason, cells, count);
    else
        write_text_record(rj, line, reason, cells, count, rj->rows_written == 0);
    rj->rows_written++;
}

static bool open_rejects(rejects *rj, htx_lang lang)
{
    htx_error ignored;
    if (htx_outfile_open(&rj->file, rj->path, &ignored) != HTX_OK)
        return false;
    rj->out = rj->file.file;
    if (rj->source->workbook != HTX_WORKBOOK_NONE && !open_sheet(rj, lang))
        return false;
    const htx_import_file *f = rj->source;
    char **headers = calloc(f->column_count + 1, sizeof *headers);
    if (!headers)
        return false;
    for (size_t i = 0; i < f->column_count; i++)
        headers[i] = f->columns[i].header;
    write_record(rj, lang == HTX_LANG_EN ? "line" : "dòng", lang == HTX_LANG_EN ? "reason" : "lý do", headers,
                 f->column_count);
    free(headers);
    return true;
}

void imp_rejects_write(rejects *rj, const htx_csv_row *row, const char *reason, htx_lang lang)
{
    if (!rj->path || rj->failed)
        return;
    if (!rj->out && !open_rejects(rj, lang)) {
        rj->failed = true;
        return;
    }
    char line[24];
    snprintf(line, sizeof line, "%ld", row->line);
    write_record(rj, line, reason, row->fields, row->count);
}

htx_status imp_rejects_check(const rejects *rj, htx_error *err)
{
    if (rj->failed || (rj->out && ferror(rj->out)))
        return htx_fail_os(err, HTX_ERR_IO, MSG_IO, NULL, rj->path, errno ? errno : EIO);
    return HTX_OK;
}

htx_status imp_rejects_settle(rejects *rj, bool committed, htx_error *err)
{
    if (!rj->out)
        return HTX_OK;
    rj->out = NULL;
    /* The workbook is written when it is closed, into the temporary file. */
    bool written = !rj->book || workbook_close(rj->book) == LXW_NO_ERROR;
    rj->book = NULL;
    if (committed && written)
        return htx_outfile_commit(&rj->file, err);
    htx_outfile_abandon(&rj->file);
    if (committed)
        return htx_fail_os(err, HTX_ERR_IO, MSG_IO, NULL, rj->path, EIO);
    return HTX_OK;
}
