/*
 * The old Excel format (.xls, BIFF in an OLE2 compound file), read by
 * FreeXL.  FreeXL reads the whole workbook at open (such a file holds at
 * most 65,536 rows) and gives each cell typed: text already in UTF-8,
 * numbers, and dates as ISO text.
 */
#include "workbook_internal.h"

#include <freexl.h>
#include <stdlib.h>
#include <string.h>

typedef struct xls_book {
    const void *handle;
    unsigned rows;
    unsigned short columns;
} xls_book;

typedef struct xls_rows {
    xls_book *book;
    unsigned next;
} xls_rows;

static htx_status unreadable(htx_error *err, int code)
{
    char why[32];
    snprintf(why, sizeof why, "FreeXL %d", code);
    return htx_fail(err, HTX_ERR_INVALID, MSG_WORKBOOK_XLS_UNREADABLE, NULL, why, NULL);
}

/* The text of one cell. */
static void cell_text(const FreeXL_CellValue *cell, char number[WB_CELL_TEXT], const char **text)
{
    *text = number;
    number[0] = '\0';
    switch (cell->type) {
    case FREEXL_CELL_INT:
        snprintf(number, WB_CELL_TEXT, "%d", cell->value.int_value);
        break;
    case FREEXL_CELL_DOUBLE: {
        char stored[WB_CELL_TEXT];
        snprintf(stored, sizeof stored, "%.17g", cell->value.double_value);
        wb_number_text(stored, number);
        break;
    }
    case FREEXL_CELL_DATE:
    case FREEXL_CELL_DATETIME:
        if (!wb_iso_date(cell->value.text_value, number))
            *text = cell->value.text_value;
        break;
    case FREEXL_CELL_TEXT:
    case FREEXL_CELL_SST_TEXT:
    case FREEXL_CELL_TIME:
        *text = cell->value.text_value ? cell->value.text_value : "";
        break;
    default:
        break;
    }
}

static htx_status rows_next(void *rows, htx_csv_row *row, htx_error *err)
{
    xls_rows *r = rows;
    const xls_book *b = r->book;
    while (r->next < b->rows) {
        wb_row build;
        wb_row_start(&build, row, (long)r->next + 1);
        for (unsigned short c = 0; c < b->columns; c++) {
            FreeXL_CellValue cell;
            int code = freexl_get_cell_value(b->handle, r->next, c, &cell);
            if (code != FREEXL_OK) {
                r->next = b->rows;
                return unreadable(err, code);
            }
            char number[WB_CELL_TEXT];
            const char *text;
            cell_text(&cell, number, &text);
            if (text[0]) {
                htx_status st = wb_row_cell(&build, c, text, strlen(text), err);
                if (st != HTX_OK) {
                    r->next = b->rows;
                    return st;
                }
            }
        }
        r->next++;
        htx_csv_row_finish(row);
        if (build.any)
            return HTX_OK;
    }
    return HTX_ERR_NOT_FOUND;
}

static htx_status rows_open(void *book, void **out, htx_error *err)
{
    xls_rows *r = calloc(1, sizeof *r);
    if (!r)
        return htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
    r->book = book;
    *out = r;
    return HTX_OK;
}

static unsigned rows_progress(const void *rows)
{
    const xls_rows *r = rows;
    return r->book->rows ? (unsigned)((unsigned long long)r->next * 1000 / r->book->rows) : 1000;
}

static void rows_close(void *rows)
{
    free(rows);
}

static void book_free(void *book)
{
    xls_book *b = book;
    if (!b)
        return;
    if (b->handle)
        freexl_close(b->handle);
    free(b);
}

static const wb_ops xls_ops = {rows_open, rows_next, rows_progress, rows_close, book_free};

static htx_status choose_sheet(xls_book *b, const char *sheet, htx_error *err)
{
    unsigned count = 0;
    int code = freexl_get_info(b->handle, FREEXL_BIFF_SHEET_COUNT, &count);
    if (code != FREEXL_OK)
        return unreadable(err, code);
    char names[HTX_ERROR_ARG_MAX] = "";
    for (unsigned i = 0; i < count && i < 65535; i++) {
        const char *name = NULL;
        if (freexl_get_worksheet_name(b->handle, (unsigned short)i, &name) != FREEXL_OK || !name)
            name = "";
        wb_names_add(names, sizeof names, name);
        if (!wb_sheet_chosen(sheet, (long)i + 1, name))
            continue;
        code = freexl_select_active_worksheet(b->handle, (unsigned short)i);
        if (code == FREEXL_OK)
            code = freexl_worksheet_dimensions(b->handle, &b->rows, &b->columns);
        return code == FREEXL_OK ? HTX_OK : unreadable(err, code);
    }
    return wb_no_sheet(sheet, names, err);
}

htx_status wb_xls_open(const char *path, const char *sheet, const wb_ops **ops, void **book, htx_error *err)
{
    *book = NULL;
    xls_book *b = calloc(1, sizeof *b);
    if (!b)
        return htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
    int code = freexl_open(path, &b->handle);
    htx_status st = code == FREEXL_OK ? choose_sheet(b, sheet, err) : unreadable(err, code);
    if (st != HTX_OK) {
        book_free(b);
        return st;
    }
    *ops = &xls_ops;
    *book = b;
    return HTX_OK;
}
