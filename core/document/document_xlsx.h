/*
 * A document as an Excel workbook (libxlsxwriter), for staff who work in
 * Excel: one sheet with the title block (the issuing body, the title, the
 * subject, the day the list is of), the bold header row frozen under it,
 * the rows, the total.  Cells keep their kinds: numbers as numbers, dates
 * as Excel dates shown dd/mm/yyyy, codes and phones as text so that a
 * leading zero stays.  Rows are written as they are read (libxlsxwriter's
 * constant-memory mode), so memory does not grow with the rows.
 */
#ifndef HTX_DOCUMENT_XLSX_H
#define HTX_DOCUMENT_XLSX_H

#include "document.h"

/* Writes doc to path (replacing it).  Errors: MSG_XLSX_FAILED. */
htx_status htx_doc_write_xlsx(const htx_document *doc, const char *path, htx_error *err);

#endif
