/*
 * Reading the rows of a workbook: Office Open XML (.xlsx), OpenDocument
 * (.ods) and the old Excel format (.xls, through FreeXL).  A workbook is
 * recognised by its first bytes, whatever its name (htx_workbook_sniff).
 *
 * One sheet is read: the first, or the one chosen by its name (marks and
 * case ignored) or its number from 1.  Its rows come out as the CSV reader's
 * do (csv_read.h: htx_csv_row, one field a cell, as text in UTF-8), the
 * line being the sheet's row number, so that an error names the row the
 * office sees.  Cells become text as a spreadsheet shows them: a shared or
 * inline string as written, a number in its shortest decimal form
 * (500000000, 1.5), a cell formatted as a date (Excel serials, the 1900 and
 * the 1904 systems; ODS date values) as dd/mm/yyyy, a boolean as TRUE or
 * FALSE, a formula by its cached value; an empty cell or the covered part
 * of a merged one as "".  Rows whose every cell is empty are skipped.
 *
 * The container is read by libzip and the XML by expat; the sheet is
 * streamed (one row at a time), so memory is the shared-string table, the
 * styles and one row.  Every part has a bound on its unpacked size and on
 * what it may hold (zip bombs, huge string tables), a DOCTYPE is refused
 * (entity expansion), and a damaged part is an error naming it.
 */
#ifndef HTX_WORKBOOK_READ_H
#define HTX_WORKBOOK_READ_H

#include <stdbool.h>
#include <stddef.h>

#include "csv_read.h"
#include "error.h"

typedef enum htx_workbook_kind {
    HTX_WORKBOOK_NONE, /* not a workbook: text to decode */
    HTX_WORKBOOK_ZIP,  /* a ZIP container: .xlsx or .ods, told by what it holds */
    HTX_WORKBOOK_XLSX,
    HTX_WORKBOOK_ODS,
    HTX_WORKBOOK_XLS, /* an OLE2 compound file, as the old .xls */
} htx_workbook_kind;

/* What the first bytes of a file say (ZIP, XLS or NONE). */
htx_workbook_kind htx_workbook_sniff(const void *head, size_t len);

/* "xlsx", "ods", "xls". */
const char *htx_workbook_kind_name(htx_workbook_kind kind);

/* Bounds on what a workbook may hold. */
#define HTX_WORKBOOK_MAX_PART ((size_t)1 << 30)     /* a sheet's XML, unpacked */
#define HTX_WORKBOOK_MAX_SMALL_PART ((size_t)16 << 20) /* workbook, styles, relations */
#define HTX_WORKBOOK_MAX_STRINGS ((size_t)128 << 20)   /* the shared strings' text */
#define HTX_WORKBOOK_MAX_COLUMNS 16384
#define HTX_WORKBOOK_MAX_ROW_BYTES (1024 * 1024)

typedef struct htx_workbook htx_workbook;

/* Opens the workbook in fd (read through a descriptor of its own, by
 * pread: fd may be closed after, its offset is untouched;
 * path names it in messages and is what FreeXL opens for .xls); sheet is
 * NULL or "" for the first, else a name or a number.  Errors:
 * MSG_WORKBOOK_NOT_SPREADSHEET, MSG_WORKBOOK_BROKEN, MSG_WORKBOOK_TOO_LARGE,
 * MSG_WORKBOOK_NO_SHEET, MSG_WORKBOOK_XLS_UNREADABLE, I/O. */
htx_status htx_workbook_open_fd(int fd, const char *path, const char *sheet, htx_workbook **out,
                                htx_error *err);
/* The same on bytes in memory (.xlsx and .ods only), which must outlive it. */
htx_status htx_workbook_open_memory(const void *data, size_t len, const char *sheet, htx_workbook **out,
                                    htx_error *err);
htx_workbook_kind htx_workbook_kind_of(const htx_workbook *w);
void htx_workbook_close(htx_workbook *w);

/* The rows of the chosen sheet, from its first, each time they are opened. */
typedef struct htx_workbook_rows htx_workbook_rows;
htx_status htx_workbook_rows_open(htx_workbook *w, htx_workbook_rows **out, htx_error *err);
/* HTX_OK, HTX_ERR_NOT_FOUND after the last row, or an error (a damaged or
 * too large part, a missing sheet, a row longer than
 * HTX_WORKBOOK_MAX_ROW_BYTES: nothing after it can be read). */
htx_status htx_workbook_rows_next(htx_workbook_rows *r, htx_csv_row *row, htx_error *err);
/* How far the reading is, in thousandths. */
unsigned htx_workbook_rows_progress(const htx_workbook_rows *r);
void htx_workbook_rows_close(htx_workbook_rows *r);

#endif
