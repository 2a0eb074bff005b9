/*
 * A document as a PDF: A4 portrait, drawn with cairo.
 *
 * Text is laid out by Pango in DejaVu Sans; a character that face lacks is
 * drawn in another installed font that has it (fontconfig's fallback), and
 * one that no font has is drawn as a visible box with its code: a single
 * unusual name never stops a list.  The table has borders; its header is
 * repeated on every page; each cell's text is wrapped by its measured width
 * so nothing runs outside its cell.  Every page shows "Trang i/n".
 */
#ifndef HTX_DOCUMENT_PDF_H
#define HTX_DOCUMENT_PDF_H

#include "document.h"

/* The family asked of fontconfig. */
#define HTX_PDF_FONT_FAMILY "DejaVu Sans"

/* Writes doc as a PDF to path (replacing it); the page count goes to
 * *pages when non-NULL.  Errors: MSG_PDF_FAILED. */
htx_status htx_doc_write_pdf(const htx_document *doc, const char *path, int *pages, htx_error *err);

#endif
