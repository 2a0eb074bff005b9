/*
 * The import screen's view of a file before it is imported (view_import.c):
 * its first rows as the importer reads them — each column under the field
 * it fills, each value as written beside the value read when they differ
 * ("500 triệu → 500.000.000 đ", "Gia Lâm (theo địa chỉ)"), each row's first
 * problem with its line.  Read once when the file is opened; every text is
 * sanitised for the terminal.
 */
#ifndef HTX_TUI_IMPORT_PREVIEW_H
#define HTX_TUI_IMPORT_PREVIEW_H

#include "import.h"
#include "view.h"

#define PREVIEW_ROWS 6
#define PREVIEW_COLUMNS 8

/* The first rows of the file as the importer reads them, sanitised for the
 * terminal, read once when the file is opened. */
typedef struct import_preview {
    int columns;
    int field[PREVIEW_COLUMNS];   /* htx_field_id of each shown column */
    int natural[PREVIEW_COLUMNS]; /* widest of the label and the cells */
    char *cells[PREVIEW_ROWS][PREVIEW_COLUMNS]; /* "as written → as read" when they differ */
    char *problems[PREVIEW_ROWS];               /* the row's first problem, or NULL */
    long lines[PREVIEW_ROWS];
    int rows;
    char error[512]; /* the file cannot be read past the shown rows */
} import_preview;

/* Reads the first rows of f with the options opt into p, which is empty
 * (zeroed, or as import_preview_free leaves it). */
void import_preview_read(import_preview *p, const htx_import_file *f, const htx_import_options *opt, htx_lang lang);
void import_preview_free(import_preview *p);

/* Draws the rows from line y in area a, as many columns as fit; returns
 * the line after them. */
int import_preview_draw(const import_preview *p, tui_app *app, tui_canvas *c, int y, tui_rect a);

#endif
