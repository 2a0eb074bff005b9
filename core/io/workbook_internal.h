/*
 * What the parts of the workbook reader share (private to core/io/):
 *
 *   workbook_read.c   recognising a workbook, opening it, its rows (the API)
 *   workbook_xlsx.c   Office Open XML: workbook, relations, styles, shared
 *                     strings, the sheet streamed
 *   workbook_ods.c    OpenDocument: content.xml streamed
 *   workbook_xls.c    the old Excel format, through FreeXL
 *   workbook_zip.c    the container (libzip) and its XML parts (expat),
 *                     both bounded
 *   workbook_cells.c  cells as text: numbers, dates, the row being built,
 *                     the sheet chosen
 */
#ifndef HTX_WORKBOOK_INTERNAL_H
#define HTX_WORKBOOK_INTERNAL_H

#ifndef HTX_PRIVATE_CORE_IO
#error "workbook_internal.h is private to core/io/: include workbook_read.h instead"
#endif

#include <expat.h>
#include <stdbool.h>
#include <stdint.h>
#include <zip.h>

#include "workbook_read.h"

/* What a part does with an opened workbook and its rows. */
typedef struct wb_ops {
    htx_status (*rows_open)(void *book, void **rows, htx_error *err);
    htx_status (*rows_next)(void *rows, htx_csv_row *row, htx_error *err);
    unsigned (*rows_progress)(const void *rows);
    void (*rows_close)(void *rows);
    void (*close)(void *book);
} wb_ops;

/* ---- the container and its XML parts (workbook_zip.c) --------------------- */

typedef struct wb_zip wb_zip;

htx_status wb_zip_open_fd(int fd, wb_zip **out, htx_error *err);
htx_status wb_zip_open_memory(const void *data, size_t len, wb_zip **out, htx_error *err);
void wb_zip_close(wb_zip *z);
bool wb_zip_has(wb_zip *z, const char *name);
/* The whole of a small member (at most limit bytes), NUL-terminated. */
htx_status wb_zip_read(wb_zip *z, const char *name, size_t limit, char **text, size_t *len, htx_error *err);

/* An XML member parsed as it is unpacked.  The handlers get the wb_xml
 * as their user data (owner: the part's own).  Element and attribute names
 * reach them as "namespace local" (wb_local gives the local part), so that
 * prefixes do not matter. */
typedef struct wb_xml {
    XML_Parser parser;
    void *owner;
    zip_file_t *file;
    char *buf;
    const char *name; /* of the member, for messages */
    uint64_t unpacked, size, limit;
    bool suspended, at_end;
    htx_status failed; /* set by a handler through wb_xml_fail */
    htx_error failure;
} wb_xml;

/* HTX_ERR_NOT_FOUND (err untouched) when there is no such member. */
htx_status wb_xml_open(wb_xml *x, wb_zip *z, const char *name, size_t limit, void *user,
                       XML_StartElementHandler start, XML_EndElementHandler end,
                       XML_CharacterDataHandler text, htx_error *err);
/* Parses on until a handler pauses (HTX_OK) or the member ends
 * (HTX_ERR_NOT_FOUND); an error for broken XML, a part too large or what
 * a handler failed with. */
htx_status wb_xml_step(wb_xml *x, htx_error *err);
/* The whole member (handlers never pause). */
htx_status wb_xml_parse_all(wb_xml *x, htx_error *err);
void wb_xml_pause(wb_xml *x);
void wb_xml_fail(wb_xml *x, const htx_error *why);
unsigned wb_xml_progress(const wb_xml *x);
void wb_xml_close(wb_xml *x);

const char *wb_local(const char *name);
/* The value of the attribute whose local name is local, or NULL. */
const char *wb_attr(const char **atts, const char *local);

/* ---- cells as text (workbook_cells.c) -------------------------------------- */

#define WB_CELL_TEXT 32

/* A number as the sheet stores it ("5E+8", "1.50") in its shortest
 * decimal form ("500000000", "1.5"); the text itself when not a number. */
void wb_number_text(const char *stored, char out[WB_CELL_TEXT]);
/* A date serial (days since 1899-12-30, or 1904-01-01 in the 1904 system)
 * as dd/mm/yyyy; false for none (negative, the 1900 system's 29/02/1900). */
bool wb_serial_date(double serial, bool system_1904, char out[WB_CELL_TEXT]);
/* "yyyy-mm-dd" with or without a time, as dd/mm/yyyy; false otherwise. */
bool wb_iso_date(const char *iso, char out[WB_CELL_TEXT]);
/* Whether a number format shows a date: a built-in id or a format code. */
bool wb_builtin_format_is_date(long id);
bool wb_format_code_is_date(const char *code);

/* The sheet chosen: NULL or "" the first; digits its number; else its
 * name, marks and case ignored. */
bool wb_sheet_chosen(const char *choice, long number, const char *name);
/* Adds "name" to a list of names for a message. */
void wb_names_add(char *list, size_t size, const char *name);
htx_status wb_no_sheet(const char *choice, const char *names, htx_error *err);

/* A row built cell by cell: the cell of column col (from 0) after the
 * ones before it, the missing ones empty.  Errors: a row too long or out
 * of memory. */
typedef struct wb_row {
    htx_csv_row *row;
    size_t columns;   /* cells in the row so far */
    bool any;         /* a cell with text */
} wb_row;

void wb_row_start(wb_row *b, htx_csv_row *row, long line);
htx_status wb_row_cell(wb_row *b, size_t col, const char *text, size_t len, htx_error *err);

/* ---- the parts --------------------------------------------------------------- */

/* Each sets *ops and *book for a workbook opened from z (taken over, also
 * on failure) or path. */
htx_status wb_xlsx_open(wb_zip *z, const char *sheet, const wb_ops **ops, void **book, htx_error *err);
htx_status wb_ods_open(wb_zip *z, const char *sheet, const wb_ops **ops, void **book, htx_error *err);
htx_status wb_xls_open(const char *path, const char *sheet, const wb_ops **ops, void **book, htx_error *err);

#endif
