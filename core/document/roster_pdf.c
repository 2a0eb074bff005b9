#include "roster_pdf.h"

#include <stdlib.h>
#include <string.h>

#include <cairo-ft.h>
#include <cairo-pdf.h>
#include <cairo.h>
#include <fontconfig/fontconfig.h>

#include "display.h"
#include "text.h"
#include "text_wrap.h"

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
#define HEADING_HEIGHT 112.0
#define TRAILER_HEIGHT 96.0

typedef enum face_style { FACE_REGULAR, FACE_BOLD, FACE_ITALIC, FACE_COUNT } face_style;

typedef struct pdf_fonts {
    cairo_font_face_t *face[FACE_COUNT];
    FcCharSet *charset[FACE_COUNT];
    char family[128];
} pdf_fonts;

typedef struct pdf_table {
    double width[HTX_RCOL_COUNT];
    double x[HTX_RCOL_COUNT + 1]; /* left edges, and the right edge last */
} pdf_table;

typedef struct pdf_writer {
    const htx_roster_doc *doc;
    cairo_t *cr;
    pdf_fonts fonts;
    pdf_table table;
    htx_roster_texts texts;
    double header_height;
    double *row_height;
    int *first_row;
    int pages;
} pdf_writer;

/* ---- fonts ------------------------------------------------------------------------- */

static const char *const face_spec[FACE_COUNT] = {
    HTX_PDF_FONT_FAMILY, HTX_PDF_FONT_FAMILY ":bold", HTX_PDF_FONT_FAMILY ":italic",
};

static bool open_face(pdf_fonts *f, face_style style)
{
    FcPattern *pattern = FcNameParse((const FcChar8 *)face_spec[style]);
    if (!pattern)
        return false;
    FcConfigSubstitute(NULL, pattern, FcMatchPattern);
    FcDefaultSubstitute(pattern);
    FcResult result;
    FcPattern *match = FcFontMatch(NULL, pattern, &result);
    FcPatternDestroy(pattern);
    if (!match)
        return false;
    FcCharSet *charset;
    if (FcPatternGetCharSet(match, FC_CHARSET, 0, &charset) == FcResultMatch)
        f->charset[style] = FcCharSetCopy(charset);
    FcChar8 *family;
    if (style == FACE_REGULAR && FcPatternGetString(match, FC_FAMILY, 0, &family) == FcResultMatch)
        snprintf(f->family, sizeof f->family, "%s", (const char *)family);
    /* cairo keeps its own reference to the pattern */
    f->face[style] = cairo_ft_font_face_create_for_pattern(match);
    FcPatternDestroy(match);
    return f->charset[style] && cairo_font_face_status(f->face[style]) == CAIRO_STATUS_SUCCESS;
}

static void close_fonts(pdf_fonts *f)
{
    for (int s = 0; s < FACE_COUNT; s++) {
        if (f->face[s])
            cairo_font_face_destroy(f->face[s]);
        if (f->charset[s])
            FcCharSetDestroy(f->charset[s]);
    }
}

/* The first character of text some face lacks, described for the error; "" when all are there. */
static void find_missing(const pdf_fonts *f, const char *text, char *missing, size_t size)
{
    int32_t cp;
    int n;
    for (const char *p = text; (n = htx_utf8_decode(p, &cp)) > 0; p += n) {
        if (cp == ' ')
            continue;
        for (int s = 0; s < FACE_COUNT; s++) {
            if (!FcCharSetHasChar(f->charset[s], (FcChar32)cp)) {
                snprintf(missing, size, "\"%.*s\" (U+%04X)", n, p, (unsigned)cp);
                return;
            }
        }
    }
}

/* Checks every text the document will draw before drawing any. */
static htx_status check_coverage(pdf_writer *w, htx_error *err)
{
    char missing[64] = "";
    const htx_roster_texts *t = &w->texts;
    const char *fixed[] = {t->organisation, t->unit, t->nation, t->motto, t->date_line, t->title,
                           t->subtitle, t->total, t->signer, t->sign_hint, "Trang 0123456789/"};
    for (size_t i = 0; !missing[0] && i < sizeof fixed / sizeof fixed[0]; i++)
        find_missing(&w->fonts, fixed[i], missing, sizeof missing);
    for (int c = 0; !missing[0] && c < HTX_RCOL_COUNT; c++)
        find_missing(&w->fonts, htx_roster_col_title((htx_roster_col)c), missing, sizeof missing);
    char cell[1024];
    for (int r = 0; !missing[0] && r < w->doc->count; r++)
        for (int c = 0; !missing[0] && c < HTX_RCOL_COUNT; c++) {
            htx_roster_cell(w->doc, r, (htx_roster_col)c, cell, sizeof cell);
            find_missing(&w->fonts, cell, missing, sizeof missing);
        }
    if (missing[0])
        return htx_fail(err, HTX_ERR_IO, MSG_PDF_FONT, NULL, w->fonts.family, missing);
    return HTX_OK;
}

static void use_font(cairo_t *cr, const pdf_fonts *f, face_style style, double size)
{
    cairo_set_font_face(cr, f->face[style]);
    cairo_set_font_size(cr, size);
}

/* ---- measuring and wrapping --------------------------------------------------------- */

static double text_width(cairo_t *cr, const char *text)
{
    cairo_text_extents_t extents;
    cairo_text_extents(cr, text, &extents);
    return extents.x_advance;
}

static double measure_advance(const char *text, size_t length, void *ctx)
{
    char piece[32];
    if (length >= sizeof piece)
        length = sizeof piece - 1;
    memcpy(piece, text, length);
    piece[length] = '\0';
    return text_width(ctx, piece);
}

/* A cell's text wrapped in the current font to the column's inner width. */
static bool wrap_cell(cairo_t *cr, const char *text, double column_width, htx_wrapped *out)
{
    char *safe = htx_text_sanitize(text);
    if (!safe)
        return false;
    bool ok = htx_wrap(safe, column_width - 2 * CELL_PAD, measure_advance, cr, out);
    free(safe);
    return ok;
}

/* ---- layout ------------------------------------------------------------------------ */

static void lay_out_table(pdf_table *t)
{
    static const double fixed[HTX_RCOL_COUNT] = {
        [HTX_RCOL_NO] = 26, [HTX_RCOL_DISTRICT] = 70, [HTX_RCOL_REPRESENTATIVE] = 86,
        [HTX_RCOL_PHONE] = 66, [HTX_RCOL_ROLE] = 70, [HTX_RCOL_JOINED] = 60,
    };
    double used = 0;
    for (int c = 0; c < HTX_RCOL_COUNT; c++)
        used += fixed[c];
    for (int c = 0; c < HTX_RCOL_COUNT; c++)
        t->width[c] = c == HTX_RCOL_NAME ? TABLE_WIDTH - used : fixed[c];
    t->x[0] = MARGIN_LEFT;
    for (int c = 0; c < HTX_RCOL_COUNT; c++)
        t->x[c + 1] = t->x[c] + t->width[c];
}

typedef struct pdf_row {
    htx_wrapped cell[HTX_RCOL_COUNT];
    int lines;
} pdf_row;

static void row_free(pdf_row *row)
{
    for (int c = 0; c < HTX_RCOL_COUNT; c++)
        htx_wrapped_free(&row->cell[c]);
}

/* Wraps a member's row (row >= 0) or the header (row < 0). */
static bool row_wrap(pdf_writer *w, int row, pdf_row *out)
{
    memset(out, 0, sizeof *out);
    use_font(w->cr, &w->fonts, row < 0 ? FACE_BOLD : FACE_REGULAR, BODY_SIZE);
    out->lines = 1;
    char text[1024];
    for (int c = 0; c < HTX_RCOL_COUNT; c++) {
        if (row < 0)
            snprintf(text, sizeof text, "%s", htx_roster_col_title((htx_roster_col)c));
        else
            htx_roster_cell(w->doc, row, (htx_roster_col)c, text, sizeof text);
        if (!wrap_cell(w->cr, text, w->table.width[c], &out->cell[c])) {
            row_free(out);
            return false;
        }
        if (out->cell[c].count > out->lines)
            out->lines = out->cell[c].count;
    }
    return true;
}

static double row_height(int lines)
{
    return lines * LINE_HEIGHT + 2 * CELL_PAD;
}

/* Page breaks as in the text form: rows whole, the last row with the trailer. */
static void paginate(pdf_writer *w)
{
    double bottom = PAGE_HEIGHT - MARGIN_BOTTOM;
    int rows = w->doc->count;
    int page = 0;
    double y = MARGIN_TOP + HEADING_HEIGHT + w->header_height;
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

static void text_at(cairo_t *cr, double x, double baseline, const char *text)
{
    cairo_move_to(cr, x, baseline);
    cairo_show_text(cr, text);
}

static void text_centred(cairo_t *cr, double centre, double baseline, const char *text)
{
    text_at(cr, centre - text_width(cr, text) / 2, baseline, text);
}

static void draw_heading(pdf_writer *w)
{
    cairo_t *cr = w->cr;
    const htx_roster_texts *t = &w->texts;
    double left_centre = MARGIN_LEFT + 115;
    double right_centre = PAGE_WIDTH - MARGIN_RIGHT - 135;
    double y = MARGIN_TOP + 10;

    use_font(cr, &w->fonts, FACE_REGULAR, 9.5);
    text_centred(cr, left_centre, y, t->organisation);
    use_font(cr, &w->fonts, FACE_BOLD, 9.5);
    text_centred(cr, left_centre, y + 13, t->unit);
    double unit_rule = 40;
    cairo_move_to(cr, left_centre - unit_rule, y + 19.5);
    cairo_line_to(cr, left_centre + unit_rule, y + 19.5);

    use_font(cr, &w->fonts, FACE_BOLD, 9.5);
    text_centred(cr, right_centre, y, t->nation);
    use_font(cr, &w->fonts, FACE_BOLD, 10);
    text_centred(cr, right_centre, y + 13, t->motto);
    double motto_half = text_width(cr, t->motto) / 2;
    cairo_move_to(cr, right_centre - motto_half, y + 16);
    cairo_line_to(cr, right_centre + motto_half, y + 16);
    cairo_set_line_width(cr, 0.6);
    cairo_stroke(cr);
    use_font(cr, &w->fonts, FACE_ITALIC, 9.5);
    text_centred(cr, right_centre, y + 32, t->date_line);

    double centre = MARGIN_LEFT + TABLE_WIDTH / 2;
    use_font(cr, &w->fonts, FACE_BOLD, 13);
    text_centred(cr, centre, y + 62, t->title);
    use_font(cr, &w->fonts, FACE_BOLD, 11);
    text_centred(cr, centre, y + 78, t->subtitle);
}

static void draw_row(pdf_writer *w, const pdf_row *row, double top, bool header)
{
    cairo_t *cr = w->cr;
    double height = row_height(row->lines);
    const pdf_table *t = &w->table;
    if (header) {
        cairo_set_source_rgb(cr, 0.88, 0.88, 0.88);
        cairo_rectangle(cr, t->x[0], top, TABLE_WIDTH, height);
        cairo_fill(cr);
        cairo_set_source_rgb(cr, 0, 0, 0);
    }
    use_font(cr, &w->fonts, header ? FACE_BOLD : FACE_REGULAR, BODY_SIZE);
    cairo_font_extents_t fe;
    cairo_font_extents(cr, &fe);
    for (int c = 0; c < HTX_RCOL_COUNT; c++) {
        for (int l = 0; l < row->cell[c].count; l++) {
            const char *line = row->cell[c].lines[l];
            double baseline = top + CELL_PAD + l * LINE_HEIGHT + fe.ascent;
            double x = t->x[c] + CELL_PAD;
            if (header)
                x = t->x[c] + (t->width[c] - text_width(cr, line)) / 2;
            else if (c == HTX_RCOL_NO)
                x = t->x[c + 1] - CELL_PAD - text_width(cr, line);
            text_at(cr, x, baseline, line);
        }
        cairo_rectangle(cr, t->x[c], top, t->width[c], height);
    }
    cairo_set_line_width(cr, 0.5);
    cairo_stroke(cr);
}

static void draw_trailer(pdf_writer *w, double y)
{
    cairo_t *cr = w->cr;
    const htx_roster_texts *t = &w->texts;
    use_font(cr, &w->fonts, FACE_BOLD, 10);
    text_at(cr, MARGIN_LEFT, y + 18, t->total);
    double right_centre = PAGE_WIDTH - MARGIN_RIGHT - 110;
    text_centred(cr, right_centre, y + 44, t->signer);
    use_font(cr, &w->fonts, FACE_ITALIC, 9.5);
    text_centred(cr, right_centre, y + 57, t->sign_hint);
}

static void draw_footer(pdf_writer *w, int page)
{
    char label[64];
    htx_roster_page_label(page, w->pages, label, sizeof label);
    use_font(w->cr, &w->fonts, FACE_REGULAR, 8.5);
    text_centred(w->cr, PAGE_WIDTH / 2, PAGE_HEIGHT - MARGIN_BOTTOM / 2, label);
}

static bool draw_page(pdf_writer *w, int page, const pdf_row *header)
{
    double y = MARGIN_TOP;
    if (page == 0) {
        draw_heading(w);
        y += HEADING_HEIGHT;
    }
    int first = w->first_row[page], end = w->first_row[page + 1];
    if (first < end || w->doc->count == 0) {
        draw_row(w, header, y, true);
        y += w->header_height;
    }
    for (int r = first; r < end; r++) {
        pdf_row row;
        if (!row_wrap(w, r, &row))
            return false;
        draw_row(w, &row, y, false);
        y += row_height(row.lines);
        row_free(&row);
    }
    if (page == w->pages - 1)
        draw_trailer(w, y);
    draw_footer(w, page + 1);
    cairo_show_page(w->cr);
    return true;
}

/* ---- the document --------------------------------------------------------------------- */

static htx_status cairo_failure(const char *path, cairo_status_t status, htx_error *err)
{
    return htx_fail(err, HTX_ERR_IO, MSG_PDF_FAILED, NULL, path, cairo_status_to_string(status));
}

/* Measures every row, then draws the pages. */
static htx_status render(pdf_writer *w, htx_error *err)
{
    pdf_row header;
    if (!row_wrap(w, -1, &header))
        return htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
    w->header_height = row_height(header.lines);
    bool ok = true;
    for (int r = 0; ok && r < w->doc->count; r++) {
        pdf_row row;
        ok = row_wrap(w, r, &row);
        if (ok) {
            w->row_height[r] = row_height(row.lines);
            row_free(&row);
        }
    }
    if (ok) {
        paginate(w);
        for (int p = 0; ok && p < w->pages; p++)
            ok = draw_page(w, p, &header);
    }
    row_free(&header);
    return ok ? HTX_OK : htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
}

htx_status htx_roster_write_pdf(const htx_roster_doc *doc, const char *path, int *pages, htx_error *err)
{
    pdf_writer w;
    memset(&w, 0, sizeof w);
    w.doc = doc;
    htx_roster_doc_texts(doc, &w.texts);
    lay_out_table(&w.table);
    htx_status st = HTX_OK;
    for (int s = 0; s < FACE_COUNT; s++)
        if (!open_face(&w.fonts, (face_style)s))
            st = htx_fail(err, HTX_ERR_IO, MSG_PDF_FONT, NULL, HTX_PDF_FONT_FAMILY, "fontconfig");
    if (st == HTX_OK)
        st = check_coverage(&w, err);
    w.row_height = calloc((size_t)doc->count + 1, sizeof *w.row_height);
    w.first_row = calloc((size_t)doc->count + 2, sizeof *w.first_row);
    if (st == HTX_OK && (!w.row_height || !w.first_row))
        st = htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
    cairo_surface_t *surface = NULL;
    if (st == HTX_OK) {
        surface = cairo_pdf_surface_create(path, PAGE_WIDTH, PAGE_HEIGHT);
        if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS)
            st = cairo_failure(path, cairo_surface_status(surface), err);
    }
    if (st == HTX_OK) {
        char title[512];
        snprintf(title, sizeof title, "%s %s", w.texts.title, w.texts.subtitle);
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title);
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, w.texts.organisation);
        w.cr = cairo_create(surface);
        st = render(&w, err);
        if (st == HTX_OK && cairo_status(w.cr) != CAIRO_STATUS_SUCCESS)
            st = cairo_failure(path, cairo_status(w.cr), err);
        cairo_destroy(w.cr);
        cairo_surface_finish(surface);
        if (st == HTX_OK && cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS)
            st = cairo_failure(path, cairo_surface_status(surface), err);
    }
    if (surface)
        cairo_surface_destroy(surface);
    close_fonts(&w.fonts);
    free(w.row_height);
    free(w.first_row);
    if (st == HTX_OK && pages)
        *pages = w.pages;
    return st;
}
