#include "document_pdf.h"

#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include "display.h"
#include "text.h"

/* A4 in points, and the page's frame (NĐ 30: top and bottom 20–25 mm, left
 * 30–35 mm, right 15–20 mm; the smallest of each leaves the table most room). */
#define MM (72.0 / 25.4)
#define PAGE_WIDTH 595.276
#define PAGE_HEIGHT 841.89
#define MARGIN_LEFT (30 * MM)
#define MARGIN_RIGHT (15 * MM)
#define MARGIN_TOP (20 * MM)
#define MARGIN_BOTTOM (20 * MM)
#define TEXT_WIDTH (PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT)

/* Sizes in points, as NĐ 30 sets them. */
#define NATION_SIZE 12.5   /* Quốc hiệu: 12–13, bold capitals */
#define MOTTO_SIZE 13.5    /* Tiêu ngữ: 13–14, bold */
#define BODY_SIZE 13.5     /* the date line, the number, the subject, the total: 13–14 */
#define BODIES_SIZE 12.5   /* the parent and the issuing body: 12–13 capitals */
#define TITLE_SIZE 14.0    /* the document's name: 13–14 bold */
#define TABLE_SIZE 11.0    /* a table may be smaller: 11–13 */
#define RECIPIENTS_SIZE 11 /* the recipients: 11; their heading 12 */
#define CELL_PAD 2.5
#define SIGNATURE_ROOM 64.0 /* room for the signature and the seal */

typedef enum face_style { FACE_REGULAR, FACE_BOLD, FACE_ITALIC, FACE_BOLD_ITALIC, FACE_COUNT } face_style;

typedef struct pdf_table {
    double width[HTX_DOC_MAX_COLUMNS];
    bool one_line[HTX_DOC_MAX_COLUMNS]; /* as wide as its widest cell: every cell one line */
    double x[HTX_DOC_MAX_COLUMNS + 1]; /* left edges, and the right edge last */
} pdf_table;

typedef struct pdf_writer {
    const htx_document *doc;
    cairo_t *cr;
    PangoLayout *layout; /* one layout, set up anew for every piece of text */
    pdf_table table;
    const htx_doc_texts *texts;
    bool drawing; /* false while measuring: the same code says how tall a part is */
    double table_line; /* the height of a line of the table's text */
    double header_height;
    double heading_height; /* the first page's heading */
    double trailer_height; /* the total, the recipients and the signature */
    double *row_height;
    int *first_row;
    int pages;
    PangoFontDescription *fonts[FACE_COUNT];
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
    /* One description per face, made once: a long list sets text tens of
     * thousands of times. */
    PangoFontDescription *font = w->fonts[style];
    if (!font) {
        font = w->fonts[style] = pango_font_description_from_string(HTX_PDF_FONT_FAMILY);
        if (style == FACE_BOLD || style == FACE_BOLD_ITALIC)
            pango_font_description_set_weight(font, PANGO_WEIGHT_BOLD);
        if (style == FACE_ITALIC || style == FACE_BOLD_ITALIC)
            pango_font_description_set_style(font, PANGO_STYLE_ITALIC);
    }
    pango_font_description_set_absolute_size(font, size * PANGO_SCALE);
    pango_layout_set_font_description(w->layout, font);
    /* Stored text is shown, not interpreted: no markup, controls made
     * visible; the document's own texts of several lines keep their lines. */
    GString *shown = g_string_new(NULL);
    for (const char *line = text;;) {
        size_t length = strcspn(line, "\n");
        char *piece = g_strndup(line, length);
        char *safe = htx_text_sanitize(piece);
        g_string_append(shown, safe ? safe : "");
        free(safe);
        g_free(piece);
        if (line[length] != '\n')
            break;
        g_string_append_c(shown, '\n');
        line += length + 1;
    }
    pango_layout_set_text(w->layout, shown->str, -1);
    g_string_free(shown, TRUE);
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

/* The width of the widest line of the current text. */
static double widest_line(pdf_writer *w)
{
    double most = 0;
    PangoLayoutIter *lines = pango_layout_get_iter(w->layout);
    do {
        PangoRectangle line;
        pango_layout_iter_get_line_extents(lines, NULL, &line);
        if ((double)line.width / PANGO_SCALE > most)
            most = (double)line.width / PANGO_SCALE;
    } while (pango_layout_iter_next_line(lines));
    pango_layout_iter_free(lines);
    return most;
}

/* The height of one line of text in this size, as Pango sets lines. */
static double line_height(pdf_writer *w, double size)
{
    set_text(w, FACE_REGULAR, size, "Ay");
    return text_height(w);
}

/*
 * A block of text wrapped to width and centred on centre, its first line
 * at the top top; returns the bottom of its last line.  Texts of several
 * lines ("TM. BAN CHỦ NHIỆM\nCHỦ NHIỆM") keep their lines.  *widest, when
 * given, gets the width of the widest line, for a rule under it.
 */
static double block_centred(pdf_writer *w, face_style style, double size, double centre, double width,
                            double top, const char *text, double *widest)
{
    set_text(w, style, size, text);
    set_wrap(w, width, PANGO_ALIGN_CENTER);
    if (widest)
        *widest = widest_line(w);
    if (w->drawing) {
        cairo_move_to(w->cr, centre - width / 2, top);
        pango_cairo_show_layout(w->cr, w->layout);
    }
    return top + text_height(w);
}

/* A block of text at the left edge x, wrapped to width. */
static double block_left(pdf_writer *w, face_style style, double size, double x, double width, double top,
                         const char *text)
{
    set_text(w, style, size, text);
    set_wrap(w, width, PANGO_ALIGN_LEFT);
    if (w->drawing) {
        cairo_move_to(w->cr, x, top);
        pango_cairo_show_layout(w->cr, w->layout);
    }
    return top + text_height(w);
}

static void rule(pdf_writer *w, double centre, double length, double y)
{
    if (!w->drawing)
        return;
    cairo_move_to(w->cr, centre - length / 2, y);
    cairo_line_to(w->cr, centre + length / 2, y);
    cairo_set_line_width(w->cr, 0.6);
    cairo_stroke(w->cr);
}

/* ---- layout ------------------------------------------------------------------------ */

/* The characters of text's longest word, in display columns. */
static size_t longest_word_chars(const char *text)
{
    size_t most = 0;
    char word[256];
    for (const char *p = text; *p;) {
        size_t n = strcspn(p, " ");
        snprintf(word, sizeof word, "%.*s", (int)n, p);
        size_t width = htx_text_width(word);
        if (width > most)
            most = width;
        p += n;
        while (*p == ' ')
            p++;
    }
    return most;
}

/* The widest word of text in style: laid out one word a line (a width of
 * nothing breaks at every space), the widest line. */
static double widest_word_in(pdf_writer *w, face_style style, const char *text)
{
    set_text(w, style, TABLE_SIZE, text);
    pango_layout_set_width(w->layout, 1);
    pango_layout_set_wrap(w->layout, PANGO_WRAP_WORD);
    return widest_line(w);
}

static double widest_word(pdf_writer *w, const char *text)
{
    return widest_word_in(w, FACE_BOLD, text);
}

/* The widest cell of column c (whole, or its widest word), and of its title's words. */
static double widest_cell(pdf_writer *w, int c, bool by_word)
{
    const htx_document *doc = w->doc;
    double most = widest_word(w, doc->columns[c].title);
    char cell[1400];
    /* For the longest word, only the cells whose longest word has the most
     * characters are laid out: shaping every cell of a long list again is
     * what makes it slow, and a word of fewer characters is narrower but
     * for the widest letters, which the margin of candidates covers. */
    enum { CANDIDATES = 16 };
    int candidate[CANDIDATES], candidate_chars[CANDIDATES], candidates = 0;
    for (int r = 0; r < doc->row_count; r++) {
        htx_doc_cell(doc, r, c, cell, sizeof cell);
        if (!by_word) {
            set_text(w, FACE_REGULAR, TABLE_SIZE, cell);
            if (text_width(w) > most)
                most = text_width(w);
            continue;
        }
        int chars = (int)longest_word_chars(cell);
        int weakest = 0;
        for (int k = 1; k < candidates; k++)
            if (candidate_chars[k] < candidate_chars[weakest])
                weakest = k;
        if (candidates < CANDIDATES) {
            candidate[candidates] = r;
            candidate_chars[candidates++] = chars;
        } else if (chars > candidate_chars[weakest]) {
            candidate[weakest] = r;
            candidate_chars[weakest] = chars;
        }
    }
    for (int k = 0; k < candidates; k++) {
        htx_doc_cell(doc, candidate[k], c, cell, sizeof cell);
        double width = widest_word_in(w, FACE_REGULAR, cell);
        if (width > most)
            most = width;
    }
    return most + 2 * CELL_PAD + 1;
}

/*
 * A column without a share is as wide as its widest cell; the others share
 * what is left, each at least as wide as its longest word, so a name never
 * breaks inside a word.  When the fixed columns would leave the shared ones
 * less than 45 % of the page, those with a shrink rank wrap at their words,
 * rank 1 first.
 */
static void lay_out_table(pdf_writer *w)
{
    const htx_document *doc = w->doc;
    pdf_table *t = &w->table;
    double fixed = 0, least[HTX_DOC_MAX_COLUMNS] = {0};
    int shares = 0;
    for (int c = 0; c < doc->column_count; c++) {
        const htx_doc_column *col = &doc->columns[c];
        if (col->share > 0) {
            shares += col->share;
            least[c] = widest_cell(w, c, true);
            continue;
        }
        t->width[c] = widest_cell(w, c, false);
        t->one_line[c] = t->width[c] <= TEXT_WIDTH / 3;
        if (!t->one_line[c])
            t->width[c] = TEXT_WIDTH / 3;
        fixed += t->width[c];
    }
    for (int rank = 1; rank <= HTX_DOC_MAX_COLUMNS && fixed > TEXT_WIDTH * 0.55; rank++)
        for (int c = 0; c < doc->column_count; c++)
            if (doc->columns[c].share == 0 && doc->columns[c].shrink_rank == rank) {
                double narrowest = widest_cell(w, c, true);
                double give = t->width[c] - narrowest;
                if (give > fixed - TEXT_WIDTH * 0.55)
                    give = fixed - TEXT_WIDTH * 0.55;
                if (give > 0) {
                    t->width[c] -= give;
                    fixed -= give;
                    t->one_line[c] = false;
                }
            }
    /* the shared room: each its share, but never below its longest word */
    double left = TEXT_WIDTH - fixed, spare = left;
    int spare_shares = shares;
    for (int c = 0; c < doc->column_count; c++)
        if (doc->columns[c].share > 0 && left * doc->columns[c].share / shares < least[c]) {
            t->width[c] = least[c];
            spare -= least[c];
            spare_shares -= doc->columns[c].share;
        }
    for (int c = 0; c < doc->column_count; c++)
        if (doc->columns[c].share > 0 && t->width[c] == 0)
            t->width[c] = spare_shares > 0 ? spare * doc->columns[c].share / spare_shares : least[c];
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
    char text[1400];
    cell_text(w, row, col, text, sizeof text);
    set_text(w, row < 0 ? FACE_BOLD : FACE_REGULAR, TABLE_SIZE, text);
    PangoAlignment alignment = row < 0                        ? PANGO_ALIGN_CENTER
                               : w->doc->columns[col].number ? PANGO_ALIGN_RIGHT
                                                              : PANGO_ALIGN_LEFT;
    set_wrap(w, w->table.width[col] - 2 * CELL_PAD, alignment);
}

/* The height of a row: its tallest cell, with the padding. */
static double measure_row(pdf_writer *w, int row)
{
    double tallest = w->table_line;
    for (int c = 0; c < w->doc->column_count; c++) {
        if (row >= 0 && w->table.one_line[c])
            continue; /* one line, whatever it holds: no need to lay it out */
        set_cell(w, row, c);
        double height = text_height(w);
        if (height > tallest)
            tallest = height;
    }
    return tallest + 2 * CELL_PAD;
}

/* Page breaks: rows whole, the last row with the trailer, so the total and
 * the signature never stand alone on a page. */
static void paginate(pdf_writer *w)
{
    double bottom = PAGE_HEIGHT - MARGIN_BOTTOM;
    int rows = w->doc->row_count;
    int page = 0;
    double y = MARGIN_TOP + w->heading_height + w->header_height;
    w->first_row[0] = 0;
    for (int r = 0; r < rows; r++) {
        double need = w->row_height[r] + (r == rows - 1 ? w->trailer_height : 0);
        if (y + need > bottom && r > w->first_row[page]) {
            w->first_row[++page] = r;
            y = MARGIN_TOP + w->header_height;
        }
        y += w->row_height[r];
    }
    if (rows > 0 && y + w->trailer_height > bottom)
        w->first_row[++page] = rows;
    w->pages = page + 1;
    w->first_row[w->pages] = rows;
}

/* ---- the parts ----------------------------------------------------------------------- */

/*
 * The heading: on the left the parent body (upright), the issuing body
 * (bold) with a short rule under it and the number; on the right the
 * Quốc hiệu, the Tiêu ngữ with a rule as long as it, and the place and
 * date of issue in italics; under both the title, the subject and the day
 * the list is as of.  The right block is as wide as the Quốc hiệu needs;
 * the left one takes the rest.  Returns the bottom.
 */
static double heading(pdf_writer *w, double top)
{
    const htx_doc_texts *t = w->texts;
    set_text(w, FACE_BOLD, NATION_SIZE, t->nation);
    double right_width = text_width(w) + 8;
    double left_width = TEXT_WIDTH - right_width - 12;
    double left_centre = MARGIN_LEFT + left_width / 2;
    double right_centre = PAGE_WIDTH - MARGIN_RIGHT - right_width / 2;

    double left = top;
    if (t->parent_body[0])
        left = block_centred(w, FACE_REGULAR, BODIES_SIZE, left_centre, left_width, left, t->parent_body, NULL);
    double issuer_line = 0;
    left = block_centred(w, FACE_BOLD, BODIES_SIZE, left_centre, left_width, left, t->issuer, &issuer_line);
    /* NĐ 30: a line under the issuing body, a third to a half of its length */
    rule(w, left_centre, issuer_line * 0.4, left + 1.5);
    left = block_centred(w, FACE_REGULAR, BODY_SIZE, left_centre, left_width, left + 8, t->number_line, NULL);

    double right = block_centred(w, FACE_BOLD, NATION_SIZE, right_centre, right_width, top, t->nation, NULL);
    double motto_line = 0;
    right = block_centred(w, FACE_BOLD, MOTTO_SIZE, right_centre, right_width, right, t->motto, &motto_line);
    rule(w, right_centre, motto_line, right + 1.5);
    right = block_centred(w, FACE_ITALIC, BODY_SIZE, right_centre, right_width, right + 8, t->date_line, NULL);

    double centre = MARGIN_LEFT + TEXT_WIDTH / 2;
    double y = (left > right ? left : right) + 22;
    y = block_centred(w, FACE_BOLD, TITLE_SIZE, centre, TEXT_WIDTH, y, t->title, NULL);
    y = block_centred(w, FACE_BOLD, BODY_SIZE, centre, TEXT_WIDTH, y, t->subtitle, NULL);
    if (t->as_of_line[0])
        y = block_centred(w, FACE_ITALIC, BODY_SIZE, centre, TEXT_WIDTH, y, t->as_of_line, NULL);
    return y + 12;
}

static void draw_row(pdf_writer *w, int row, double top, double height)
{
    cairo_t *cr = w->cr;
    const pdf_table *t = &w->table;
    if (row < 0) {
        cairo_set_source_rgb(cr, 0.9, 0.9, 0.9);
        cairo_rectangle(cr, t->x[0], top, TEXT_WIDTH, height);
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

/*
 * The total, then "Nơi nhận:" and its recipients at the left, and at the
 * right the signatory's capacity (bold capitals), room for the signature
 * and the seal, and the signatory's full name (bold).  Returns the bottom.
 */
static double trailer(pdf_writer *w, double top)
{
    const htx_doc_texts *t = w->texts;
    double y = block_left(w, FACE_BOLD, BODY_SIZE, MARGIN_LEFT, TEXT_WIDTH, top + 8, t->total) + 14;
    double right_width = TEXT_WIDTH * 0.5;
    double right_centre = PAGE_WIDTH - MARGIN_RIGHT - right_width / 2;
    double left_width = TEXT_WIDTH - right_width - 12;
    double left = block_left(w, FACE_BOLD_ITALIC, 12, MARGIN_LEFT, left_width, y, "Nơi nhận:");
    left = block_left(w, FACE_REGULAR, RECIPIENTS_SIZE, MARGIN_LEFT, left_width, left, t->recipients);
    double right = block_centred(w, FACE_BOLD, BODY_SIZE, right_centre, right_width, y, t->capacity, NULL);
    right += SIGNATURE_ROOM;
    if (t->signer[0])
        right = block_centred(w, FACE_BOLD, BODY_SIZE, right_centre, right_width, right, t->signer, NULL);
    return left > right ? left : right;
}

/* NĐ 30: the page number in Arabic figures, centred in the top margin, from
 * the second page on. */
static void page_number(pdf_writer *w, int page)
{
    if (page < 2)
        return;
    char number[16];
    snprintf(number, sizeof number, "%d", page);
    double size = BODY_SIZE;
    block_centred(w, FACE_REGULAR, size, MARGIN_LEFT + TEXT_WIDTH / 2, TEXT_WIDTH,
                  MARGIN_TOP / 2 - line_height(w, size) / 2, number, NULL);
}

static void draw_page(pdf_writer *w, int page)
{
    double y = MARGIN_TOP;
    if (page == 0)
        y = heading(w, y);
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
        trailer(w, y);
    page_number(w, page + 1);
    cairo_show_page(w->cr);
}

/* ---- the document --------------------------------------------------------------------- */

static htx_status cairo_failure(const char *path, cairo_status_t status, htx_error *err)
{
    return htx_fail(err, HTX_ERR_IO, MSG_PDF_FAILED, NULL, path, cairo_status_to_string(status));
}

/* Measures the parts and every row, then draws the pages. */
static void render(pdf_writer *w)
{
    w->drawing = false;
    w->table_line = line_height(w, TABLE_SIZE);
    lay_out_table(w);
    w->heading_height = heading(w, MARGIN_TOP) - MARGIN_TOP;
    w->trailer_height = trailer(w, 0);
    w->header_height = measure_row(w, -1);
    for (int r = 0; r < w->doc->row_count; r++)
        w->row_height[r] = measure_row(w, r);
    paginate(w);
    w->drawing = true;
    for (int p = 0; p < w->pages; p++)
        draw_page(w, p);
}

htx_status htx_doc_write_pdf(const htx_document *doc, const char *path, int *pages, htx_error *err)
{
    pdf_writer w;
    memset(&w, 0, sizeof w);
    w.doc = doc;
    w.texts = &doc->texts;
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
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, w.texts->issuer);
        w.cr = cairo_create(surface);
        w.layout = pango_cairo_create_layout(w.cr);
        /* Sizes in points: the PDF surface's unit is the point. */
        pango_cairo_context_set_resolution(pango_layout_get_context(w.layout), 72);
        pango_layout_context_changed(w.layout);
        render(&w);
        if (cairo_status(w.cr) != CAIRO_STATUS_SUCCESS)
            st = cairo_failure(path, cairo_status(w.cr), err);
        g_object_unref(w.layout);
        for (int f = 0; f < FACE_COUNT; f++)
            if (w.fonts[f])
                pango_font_description_free(w.fonts[f]);
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
