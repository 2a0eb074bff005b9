/*
 * A workbook recognised by its bytes and opened by the part that reads its
 * kind (workbook_internal.h); its rows through that part.
 */
#include "workbook_internal.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct htx_workbook {
    htx_workbook_kind kind;
    const wb_ops *ops;
    void *book;
};

struct htx_workbook_rows {
    const wb_ops *ops;
    void *rows;
};

htx_workbook_kind htx_workbook_sniff(const void *head, size_t len)
{
    static const unsigned char zip[] = {'P', 'K', 3, 4};
    static const unsigned char ole2[] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
    if (len >= sizeof zip && memcmp(head, zip, sizeof zip) == 0)
        return HTX_WORKBOOK_ZIP;
    if (len >= sizeof ole2 && memcmp(head, ole2, sizeof ole2) == 0)
        return HTX_WORKBOOK_XLS;
    return HTX_WORKBOOK_NONE;
}

const char *htx_workbook_kind_name(htx_workbook_kind kind)
{
    switch (kind) {
    case HTX_WORKBOOK_XLSX:
        return "xlsx";
    case HTX_WORKBOOK_ODS:
        return "ods";
    case HTX_WORKBOOK_XLS:
        return "xls";
    case HTX_WORKBOOK_ZIP:
        return "zip";
    default:
        return "";
    }
}

/* An OpenDocument file says what it is in its first member. */
static bool is_ods(wb_zip *z)
{
    char *mimetype;
    size_t len;
    htx_error ignored;
    if (wb_zip_read(z, "mimetype", 256, &mimetype, &len, &ignored) != HTX_OK)
        return false;
    bool ods = strncmp(mimetype, "application/vnd.oasis.opendocument.spreadsheet", 46) == 0;
    free(mimetype);
    return ods;
}

static htx_status open_zip(wb_zip *z, const char *sheet, htx_workbook *w, htx_error *err)
{
    if (wb_zip_has(z, "xl/workbook.xml")) {
        w->kind = HTX_WORKBOOK_XLSX;
        return wb_xlsx_open(z, sheet, &w->ops, &w->book, err);
    }
    if (is_ods(z)) {
        w->kind = HTX_WORKBOOK_ODS;
        return wb_ods_open(z, sheet, &w->ops, &w->book, err);
    }
    const char *what = wb_zip_has(z, "word/document.xml")         ? "docx"
                       : wb_zip_has(z, "mimetype")                  ? "OpenDocument"
                                                                    : "zip";
    wb_zip_close(z);
    return htx_fail(err, HTX_ERR_INVALID, MSG_WORKBOOK_NOT_SPREADSHEET, NULL, what, NULL);
}

static htx_status finish_open(htx_workbook *w, htx_status st, htx_workbook **out)
{
    if (st != HTX_OK) {
        free(w);
        return st;
    }
    *out = w;
    return HTX_OK;
}

htx_status htx_workbook_open_fd(int fd, const char *path, const char *sheet, htx_workbook **out,
                                htx_error *err)
{
    *out = NULL;
    unsigned char head[8];
    ssize_t got = pread(fd, head, sizeof head, 0);
    htx_workbook_kind kind = got > 0 ? htx_workbook_sniff(head, (size_t)got) : HTX_WORKBOOK_NONE;
    if (kind == HTX_WORKBOOK_NONE)
        return htx_fail(err, HTX_ERR_INVALID, MSG_WORKBOOK_NOT_SPREADSHEET, NULL, path, NULL);
    htx_workbook *w = calloc(1, sizeof *w);
    if (!w)
        return htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
    if (kind == HTX_WORKBOOK_XLS) {
        w->kind = HTX_WORKBOOK_XLS;
        return finish_open(w, wb_xls_open(path, sheet, &w->ops, &w->book, err), out);
    }
    wb_zip *z;
    htx_status st = wb_zip_open_fd(fd, &z, err);
    if (st == HTX_OK)
        st = open_zip(z, sheet, w, err);
    return finish_open(w, st, out);
}

htx_status htx_workbook_open_memory(const void *data, size_t len, const char *sheet, htx_workbook **out,
                                    htx_error *err)
{
    *out = NULL;
    if (htx_workbook_sniff(data, len) != HTX_WORKBOOK_ZIP)
        return htx_fail(err, HTX_ERR_INVALID, MSG_WORKBOOK_NOT_SPREADSHEET, NULL, "", NULL);
    htx_workbook *w = calloc(1, sizeof *w);
    if (!w)
        return htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
    wb_zip *z;
    htx_status st = wb_zip_open_memory(data, len, &z, err);
    if (st == HTX_OK)
        st = open_zip(z, sheet, w, err);
    return finish_open(w, st, out);
}

htx_workbook_kind htx_workbook_kind_of(const htx_workbook *w)
{
    return w->kind;
}

void htx_workbook_close(htx_workbook *w)
{
    if (!w)
        return;
    w->ops->close(w->book);
    free(w);
}

htx_status htx_workbook_rows_open(htx_workbook *w, htx_workbook_rows **out, htx_error *err)
{
    *out = NULL;
    htx_workbook_rows *r = calloc(1, sizeof *r);
    if (!r)
        return htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
    r->ops = w->ops;
    htx_status st = w->ops->rows_open(w->book, &r->rows, err);
    if (st != HTX_OK) {
        free(r);
        return st;
    }
    *out = r;
    return HTX_OK;
}

htx_status htx_workbook_rows_next(htx_workbook_rows *r, htx_csv_row *row, htx_error *err)
{
    return r->ops->rows_next(r->rows, row, err);
}

unsigned htx_workbook_rows_progress(const htx_workbook_rows *r)
{
    return r->ops->rows_progress(r->rows);
}

void htx_workbook_rows_close(htx_workbook_rows *r)
{
    if (!r)
        return;
    r->ops->rows_close(r->rows);
    free(r);
}
