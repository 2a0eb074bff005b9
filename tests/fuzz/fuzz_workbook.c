/*
 * The workbook reader (workbook_read.h) on any bytes: a damaged archive,
 * broken or hostile XML (entities, a DOCTYPE), zip bombs, huge shared-string
 * tables, cells far to the right.
 *
 * Properties: the reader ends, with memory bounded (libFuzzer's RSS limit);
 * every row it gives has at least one cell, at most
 * HTX_WORKBOOK_MAX_COLUMNS, NUL-terminated cells within
 * HTX_WORKBOOK_MAX_ROW_BYTES, not all blank, on increasing row numbers; a
 * failure is one of the reader's own messages (a clear error, never a
 * crash); and nothing is written (the reader works on the bytes alone).
 * The first two bytes choose the sheet asked for, so that choosing by name
 * and by number is exercised too.
 */
#include "fuzz_support.h"

#include "workbook_read.h"

static bool reader_message(htx_msg msg)
{
    return msg == MSG_WORKBOOK_BROKEN || msg == MSG_WORKBOOK_TOO_LARGE || msg == MSG_WORKBOOK_NO_SHEET ||
           msg == MSG_WORKBOOK_NOT_SPREADSHEET || msg == MSG_WORKBOOK_ROW_TOO_LONG || msg == MSG_NOMEM;
}

static void check_row(const htx_csv_row *row, long *last_line)
{
    FUZZ_CHECK(row->count >= 1 && row->count <= HTX_WORKBOOK_MAX_COLUMNS);
    FUZZ_CHECK(row->line > *last_line);
    *last_line = row->line;
    size_t bytes = 0;
    bool blank = true;
    for (size_t i = 0; i < row->count; i++) {
        FUZZ_CHECK(row->fields[i] != NULL);
        size_t n = strlen(row->fields[i]);
        bytes += n;
        for (size_t k = 0; k < n; k++)
            blank &= row->fields[i][k] == ' ' || row->fields[i][k] == '\t';
    }
    FUZZ_CHECK(bytes <= HTX_WORKBOOK_MAX_ROW_BYTES);
    FUZZ_CHECK(!blank);
}

static void read_sheet(const uint8_t *data, size_t size, const char *sheet)
{
    htx_workbook *w;
    htx_error err;
    htx_status st = htx_workbook_open_memory(data, size, sheet, &w, &err);
    if (st != HTX_OK) {
        FUZZ_CHECK(st == HTX_ERR_INVALID || st == HTX_ERR_NOMEM);
        FUZZ_CHECK(reader_message(err.msg));
        return;
    }
    FUZZ_CHECK(htx_workbook_kind_of(w) == HTX_WORKBOOK_XLSX || htx_workbook_kind_of(w) == HTX_WORKBOOK_ODS);
    /* Twice: the rows are read from the start each time they are opened. */
    for (int pass = 0; pass < 2; pass++) {
        htx_workbook_rows *rows;
        st = htx_workbook_rows_open(w, &rows, &err);
        if (st != HTX_OK) {
            FUZZ_CHECK(reader_message(err.msg));
            break;
        }
        htx_csv_row row = {0};
        long last_line = 0;
        while ((st = htx_workbook_rows_next(rows, &row, &err)) == HTX_OK) {
            check_row(&row, &last_line);
            FUZZ_CHECK(htx_workbook_rows_progress(rows) <= 1000);
        }
        FUZZ_CHECK(st == HTX_ERR_NOT_FOUND || reader_message(err.msg));
        htx_csv_row_free(&row);
        htx_workbook_rows_close(rows);
    }
    htx_workbook_close(w);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const sheets[] = {NULL, "2", "Sheet1", "Danh sách"};
    const char *sheet = size ? sheets[data[0] % 4] : NULL;
    read_sheet(data, size, sheet);
    return 0;
}
