#include "document_pdf.h"

#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include "display.h"
#include "text.h"

/* A4 in points, and the page's frame. */
#define PAGE_WIDTH 595.276
#define PAGE_HEIGHT 841.89
#define MARGIN_LEFT 42.0
#define MARGIN_RIGHT 36.0
#define MARGIN_TOP 40.0
#define MARGIN_BOTTOM 48.0
#define TABLE_WIDTH (PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT)

#define BODY_SIZE 8.5
#define LINE_HEIGHT 10.8
#define CELL_PAD 3.0
#define HEADING_HEIGHT 112.0 /* with a subject of one line */
#define SUBJECT_SIZE 11.0
#define SUBJECT_LINE 13.5
#define TRAILER_HEIGHT 96.0

typedef enum face_style { FACE_REGULAR, FACE_BOLD, FACE_ITALIC, FACE_COUNT } face_style;

typedef struct pdf_table {
    double width[HTX_DOC_MAX_COLUMNS];
    double x[HTX_DOC_MAX_COLUMNS + 1]; /* left edges, and the right edge last */
} pdf_table;

typedef struct pdf_writer {
    const htx_document *doc;
    cairo_t *cr;
    PangoLayout *layout; /* one layout, set up anew for every piece of text */
    pdf_table table;
    const htx_doc_texts *texts;
    double header_height;
    double heading_height; /* the first page's heading: longer with a subject of two lines */
    double *row_height;
    int *first_row;
    int pages;
} pdf_writer;

/* ---- text through Pango ------------------------------------------------------------ */

/*
 * Pango lays text out: it shapes it with HarfBuzz, breaks lines at word
 * boundaries (between characters in a word too long for its cell, never
 * inside a letter with its marks), and finds each character a font through
 * fontconfig.  A name holding Chinese, an emoji or a character no installed
 * font has is therefore drawn, in another font or as a visible box with its
 * code, and never stops the list.
 */
static void set_text(pdf_writer *w, face_style style, double size, const char *text)
{
    PangoFontDescription *font = pango_font_description_from_string(HTX_PDF_FONT_FAMILY);
    pango_font_description_set_absolute_size(font, size * PANGO_SCALE);
    if (style == FACE_BOLD)
        pango_font_description_set_weight(font, PANGO_WEIGHT_BOLD);
    else if (style == FACE_ITALIC)
        pango_font_description_set_style(font, PANGO_STYLE_ITALIC);
    pango_layout_set_font_description(w->layout, font);
    pango_font_description_free(font);
    /* Stored text is shown, not interpreted: no markup, controls made visible. */
    char *safe = htx_text_sanitize(text);
    pango_layout_set_text(w->layout, safe ? safe : "", -1);
    free(safe);
    pango_layout_set_width(w->layout, -1);
    pango_layout_set_alignment(w->layout, PANGO_ALIGN_LEFT);
}

/* Wraps the current text into lines of width points. */
static void set_wrap(pdf_writer *w, double width, PangoAlignment alignment)
{
    pango_layout_set_width(w->layout, (int)(width * PANGO_SCALE));
    pango_layout_set_wrap(w->layout, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(w->layout, alignment);
}

static double text_width(pdf_writer *w)
{
    PangoRectangle logical;
    pango_layout_get_extents(w->layout, NULL, &logical);
    return (double)logical.width / PANGO_SCALE;
}

static double text_height(pdf_writer *w)
{
    PangoRectangle logical;
    pango_layout_get_extents(w->layout, NULL, &logical);
    return (double)logical.height / PANGO_SCALE;
}

/* Draws the current text with the first line's baseline at baseline. */
static void show_at(pdf_writer *w, double x, double baseline)
{
    double ascent = (double)pango_layout_get_baseline(w->layout) / PANGO_SCALE;
    cairo_move_to(w->cr, x, baseline - ascent);
    pango_cairo_show_layout(w->cr, w->layout);
}

static void text_at(pdf_writer *w, face_style style, double size, double x, double baseline,
                    const char *text)
{
    set_text(w, style, size, text);
    show_at(w, x, baseline);
}

/* Draws text centred on centre; returns its width. */
static double text_centred(pdf_writer *w, face_style style, double size, double centre,
                           double baseline, const char *text)
{
    set_text(w, style, size, text);
    double width = text_width(w);
    show_at(w, centre - width / 2, baseline);
    return width;
}

/* ---- layout ------------------------------------------------------------------------ */

/* Columns of a fixed width have it; the others share what is left. */
static void lay_out_table(const htx_document *doc, pdf_table *t)
{
    double used = 0;
    int shares = 0;
    for (int c = 0; c < doc->column_count; c++) {
        used += doc->columns[c].pdf_width;
        if (doc->columns[c].pdf_width <= 0)
            shares += doc->columns[c].share > 0 ? doc->columns[c].share : 1;
    }
    double left = TABLE_WIDTH - used;
    for (int c = 0; c < doc->column_count; c++) {
        const htx_doc_column *col = &doc->columns[c];
        t->width[c] = col->pdf_width > 0 ? col->pdf_width : left * (col->share > 0 ? col->share : 1) / shares;
    }
    t->x[0] = MARGIN_LEFT;
    for (int c = 0; c < doc->column_count; c++)
        t->x[c + 1] = t->x[c] + t->width[c];
}

/* The text of a row's cell (row >= 0) or of the header (row < 0). */
static void cell_text(const pdf_writer *w, int row, int col, char *out, size_t size)
{
    if (row < 0)
        snprintf(out, size, "%s", w->doc->columns[col].title);
    else
        htx_doc_cell(w->doc, row, col, out, size);
}

/* Sets up the layout for one cell, wrapped to the column's inner width. */
static void set_cell(pdf_writer *w, int row, int col)
{
    char text[1024];
    cell_text(w, row, col, text, sizeof text);
    set_text(w, row < 0 ? FACE_BOLD : FACE_REGULAR, BODY_SIZE, text);
    PangoAlignment alignment = row < 0                        ? PANGO_ALIGN_CENTER
                               : w->doc->columns[col].number ? PANGO_ALIGN_RIGHT
                                                              : PANGO_ALIGN_LEFT;
    set_wrap(w, w->table.width[col] - 2 * CELL_PAD, alignment);
}

/* The height of a row: its tallest cell, with the padding. */
static double measure_row(pdf_writer *w, int row)
{
    double tallest = LINE_HEIGHT;
    for (int c = 0; c < w->doc->column_count; c++) {
        set_cell(w, row, c);
        double height = text_height(w);
        if (height > tallest)
            tallest = height;
    }
    return tallest + 2 * CELL_PAD;
}

/* Page breaks as in the text form: rows whole, the last row with the trailer. */
static void paginate(pdf_writer *w)
{
    double bottom = PAGE_HEIGHT - MARGIN_BOTTOM;
    int rows = w->doc->row_count;
    int page = 0;
    double y = MARGIN_TOP + w->heading_height + w->header_height;
    w->first_row[0] = 0;
    for (int r = 0; r < rows; r++) {
        double need = w->row_height[r] + (r == rows - 1 ? TRAILER_HEIGHT : 0);
        if (y + need > bottom && r > w->first_row[page]) {
            w->first_row[++page] = r;
            y = MARGIN_TOP + w->header_height;
        }
        y += w->row_height[r];
    }
    if (rows > 0 && y + TRAILER_HEIGHT > bottom)
        w->first_row[++page] = rows;
    w->pages = page + 1;
    w->first_row[w->pages] = rows;
}

/* ---- drawing ------------------------------------------------------------------------- */

/* The subject under the title, wrapped to the table's width and centred. */
static void set_subject(pdf_writer *w)
{
    set_text(w, FACE_BOLD, SUBJECT_SIZE, w->texts->subtitle);
    set_wrap(w, TABLE_WIDTH, PANGO_ALIGN_CENTER);
}

static void draw_heading(pdf_writer *w)
{
    cairo_t *cr = w->cr;
    const htx_doc_texts *t = w->texts;
    double left_centre = MARGIN_LEFT + 115;
    double right_centre = PAGE_WIDTH - MARGIN_RIGHT - 135;
    double y = MARGIN_TOP + 10;

    /* the issuing body under its parent body, or on the first line when it has none */
    double unit_y = y;
    if (t->organisation && t->organisation[0]) {
        text_centred(w, FACE_REGULAR, 9.5, left_centre, y, t->organisation);
        unit_y = y + 13;
    }
    text_centred(w, FACE_BOLD, 9.5, left_centre, unit_y, t->unit);
    double unit_rule = 40;
    cairo_move_to(cr, left_centre - unit_rule, unit_y + 6.5);
    cairo_line_to(cr, left_centre + unit_rule, unit_y + 6.5);

    text_centred(w, FACE_BOLD, 9.5, right_centre, y, t->nation);
    double motto_half = text_centred(w, FACE_BOLD, 10, right_centre, y + 13, t->motto) / 2;
    cairo_move_to(cr, right_centre - motto_half, y + 16);
    cairo_line_to(cr, right_centre + motto_half, y + 16);
    cairo_set_line_width(cr, 0.6);
    cairo_stroke(cr);
    text_centred(w, FACE_ITALIC, 9.5, right_centre, y + 32, t->date_line);

    double centre = MARGIN_LEFT + TABLE_WIDTH / 2;
    text_centred(w, FACE_BOLD, 13, centre, y + 62, t->title);
    set_subject(w);
    show_at(w, MARGIN_LEFT, y + 78);
}

static void draw_row(pdf_writer *w, int row, double top, double height)
{
    cairo_t *cr = w->cr;
    const pdf_table *t = &w->table;
    if (row < 0) {
        cairo_set_source_rgb(cr, 0.88, 0.88, 0.88);
        cairo_rectangle(cr, t->x[0], top, TABLE_WIDTH, height);
        cairo_fill(cr);
        cairo_set_source_rgb(cr, 0, 0, 0);
    }
    for (int c = 0; c < w->doc->column_count; c++) {
        set_cell(w, row, c);
        cairo_move_to(cr, t->x[c] + CELL_PAD, top + CELL_PAD);
        pango_cairo_show_layout(cr, w->layout);
        cairo_rectangle(cr, t->x[c], top, t->width[c], height);
    }
    cairo_set_line_width(cr, 0.5);
    cairo_stroke(cr);
}

static void draw_trailer(pdf_writer *w, double y)
{
    const htx_doc_texts *t = w->texts;
    text_at(w, FACE_BOLD, 10, MARGIN_LEFT, y + 18, t->total);
    double right_centre = PAGE_WIDTH - MARGIN_RIGHT - 110;
    text_centred(w, FACE_BOLD, 10, right_centre, y + 44, t->signer);
    text_centred(w, FACE_ITALIC, 9.5, right_centre, y + 57, t->sign_hint);
}

static void draw_footer(pdf_writer *w, int page)
{
    char label[64];
    htx_doc_page_label(page, w->pages, label, sizeof label);
    text_centred(w, FACE_REGULAR, 8.5, PAGE_WIDTH / 2, PAGE_HEIGHT - MARGIN_BOTTOM / 2, label);
}

static void draw_page(pdf_writer *w, int page)
{
    double y = MARGIN_TOP;
    if (page == 0) {
        draw_heading(w);
        y += w->heading_height;
    }
    int first = w->first_row[page], end = w->first_row[page + 1];
    if (first < end || w->doc->row_count == 0) {
        draw_row(w, -1, y, w->header_height);
        y += w->header_height;
    }
    for (int r = first; r < end; r++) {
        draw_row(w, r, y, w->row_height[r]);
        y += w->row_height[r];
    }
    if (page == w->pages - 1)
        draw_trailer(w, y);
    draw_footer(w, page + 1);
    cairo_show_page(w->cr);
}

/* ---- the document --------------------------------------------------------------------- */

static htx_status cairo_failure(const char *path, cairo_status_t status, htx_error *err)
{
    return htx_fail(err, HTX_ERR_IO, MSG_PDF_FAILED, NULL, path, cairo_status_to_string(status));
}

/* Measures every row, then draws the pages. */
static void render(pdf_writer *w)
{
    set_subject(w);
    w->heading_height = HEADING_HEIGHT + (double)(pango_layout_get_line_count(w->layout) - 1) * SUBJECT_LINE;
    w->header_height = measure_row(w, -1);
    for (int r = 0; r < w->doc->row_count; r++)
        w->row_height[r] = measure_row(w, r);
    paginate(w);
    for (int p = 0; p < w->pages; p++)
        draw_page(w, p);
}

htx_status htx_doc_write_pdf(const htx_document *doc, const char *path, int *pages, htx_error *err)
{
    pdf_writer w;
    memset(&w, 0, sizeof w);
    w.doc = doc;
    w.texts = &doc->texts;
    lay_out_table(doc, &w.table);
    htx_status st = HTX_OK;
    w.row_height = calloc((size_t)doc->row_count + 1, sizeof *w.row_height);
    w.first_row = calloc((size_t)doc->row_count + 2, sizeof *w.first_row);
    if (st == HTX_OK && (!w.row_height || !w.first_row))
        st = htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
    cairo_surface_t *surface = NULL;
    if (st == HTX_OK) {
        surface = cairo_pdf_surface_create(path, PAGE_WIDTH, PAGE_HEIGHT);
        if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS)
            st = cairo_failure(path, cairo_surface_status(surface), err);
    }
    if (st == HTX_OK) {
        char title[sizeof w.texts->subtitle + 128];
        snprintf(title, sizeof title, "%s %s", w.texts->title, w.texts->subtitle);
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title);
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR,
                                       w.texts->organisation && w.texts->organisation[0] ? w.texts->organisation
                                                                                         : w.texts->unit);
        w.cr = cairo_create(surface);
        w.layout = pango_cairo_create_layout(w.cr);
        /* Sizes in points: the PDF surface's unit is the point. */
        pango_cairo_context_set_resolution(pango_layout_get_context(w.layout), 72);
        pango_layout_context_changed(w.layout);
        render(&w);
        if (cairo_status(w.cr) != CAIRO_STATUS_SUCCESS)
            st = cairo_failure(path, cairo_status(w.cr), err);
        g_object_unref(w.layout);
        cairo_destroy(w.cr);
        cairo_surface_finish(surface);
        if (st == HTX_OK && cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS)
            st = cairo_failure(path, cairo_surface_status(surface), err);
    }
    if (surface)
        cairo_surface_destroy(surface);
    free(w.row_height);
    free(w.first_row);
    if (st == HTX_OK && pages)
        *pages = w.pages;
    return st;
}
