/*
 * A document as plain text: pages of fixed width, for a line printer,
 * `less` or a terminal.
 */
#ifndef HTX_DOCUMENT_TXT_H
#define HTX_DOCUMENT_TXT_H

#include <stdio.h>

#include "document.h"

typedef struct htx_txt_layout {
    int width;          /* columns of a line; at least HTX_TXT_MIN_WIDTH */
    int lines_per_page; /* at least HTX_TXT_MIN_LINES */
} htx_txt_layout;

#define HTX_TXT_WIDTH 120 /* A4 landscape at 12 cpi, or portrait condensed */
#define HTX_TXT_LINES 60  /* A4 at 6 lines per inch, margins left */
#define HTX_TXT_MIN_WIDTH 80
#define HTX_TXT_MIN_LINES 24

/*
 * Writes the document as paginated UTF-8 text: pages separated by a form
 * feed, the table header repeated on every page, "Trang i/n" at the foot of
 * each.  Every table line has the same display width; the words of shared
 * and shrunk columns wrap inside their cell.  A row is never split across
 * pages.  Returns the number of pages in *pages (when non-NULL).
 */
htx_status htx_doc_write_txt(const htx_document *doc, htx_txt_layout layout, FILE *out, int *pages,
                             htx_error *err);

#endif
