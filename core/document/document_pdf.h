/*
 * A document as a PDF: A4 portrait in the layout of Nghị định 30/2020
 * (Phụ lục I), drawn with cairo.
 *
 * Margins: top and bottom 20 mm, left 30 mm, right 15 mm.  The face is a
 * Times-metric serif (Liberation Serif): the Quốc hiệu in 12.5 pt bold
 * capitals, the Tiêu ngữ in 13.5 pt bold with a rule as long as it, the
 * place and date of issue in 13.5 pt italics, the title in 14 pt bold, the
 * table in 11.5 pt (NĐ 30 lets tables be smaller than the body), "Nơi
 * nhận" in 12 and 11 pt, the signature in 13.5 pt bold.  Page numbers in
 * Arabic figures are centred in the top margin from the second page on.
 *
 * Text is laid out by Pango (shaping, wrapping at words, justification);
 * a character the face lacks is drawn in another installed font that has it
 * (fontconfig's fallback), and one that no font has as a visible box with
 * its code: a single unusual name never stops a list.  The table has
 * borders; its header is repeated on every page; each cell's text wraps to
 * its measured width so nothing runs outside its cell.
 */
#ifndef HTX_DOCUMENT_PDF_H
#define HTX_DOCUMENT_PDF_H

#include "document.h"

/* The family asked of fontconfig. */
#define HTX_PDF_FONT_FAMILY "Liberation Serif"

/* Writes doc as a PDF to path (replacing it); the page count goes to
 * *pages when non-NULL.  Errors: MSG_PDF_FAILED. */
htx_status htx_doc_write_pdf(const htx_document *doc, const char *path, int *pages, htx_error *err);

#endif
