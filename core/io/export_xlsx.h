/*
 * Exporting the register as an Excel workbook (libxlsxwriter): one sheet,
 * the header row in the staff's words (the field labels, which the
 * importer also reads), bold and frozen, then a cooperative a row, every
 * field in export order.  Counts and money are numbers, dates Excel dates
 * shown dd/mm/yyyy, the code and the phone text (a leading zero stays),
 * sectors, statuses and answers in Vietnamese.  Rows are streamed
 * (constant-memory mode): memory does not grow with the register.
 */
#ifndef HTX_EXPORT_XLSX_H
#define HTX_EXPORT_XLSX_H

#include "query.h"
#include "store.h"

/* Writes the matching cooperatives to the workbook at path (replacing it);
 * *count receives how many.  Errors: MSG_XLSX_FAILED. */
htx_status htx_export_coops_xlsx(htx_store *s, const htx_filter *f, const char *path, long *count,
                                 htx_error *err);

#endif
