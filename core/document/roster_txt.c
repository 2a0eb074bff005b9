/*
 * The roster as paginated plain text (roster_txt.h), for a line printer or
 * a terminal: the administrative layout drawn with characters.
 */
#include "roster_txt.h"

#include <stdlib.h>
#include <string.h>

#include "display.h"
#include "text.h"
#include "text_wrap.h"

static bool wrap_text(const char *text, int width, htx_wrapped *out)
{
    return htx_wrap_columns(text, width, out);
}


typedef struct txt_table {
    int width[HTX_RCOL_COUNT];
    int total; /* columns of a table line */
} txt_table;

static int widest(const htx_roster_doc *doc, htx_roster_col col)
{
    int most = 0;
    char cell[1024];
    for (int r = 0; r < doc->count; r++) {
        htx_roster_cell(doc, r, col, cell, sizeof cell);
        int w = (int)htx_text_width(cell);
        if (w > most)
            most = w;
    }
    return most;
}

static int at_least(int value, int minimum)
{
    return value < minimum ? minimum : value;
}

/* Fixed columns as wide as their content; the name and the representative
 * share what is left, the name taking the larger part.  A table line is
 * "| a | b | … |": three columns between cells and two at each edge. */
static txt_table lay_out_table(const htx_roster_doc *doc, int width)
{
    txt_table t;
    t.width[HTX_RCOL_NO] = at_least(widest(doc, HTX_RCOL_NO), 3);
    t.width[HTX_RCOL_DISTRICT] = at_least(widest(doc, HTX_RCOL_DISTRICT), 10);
    t.width[HTX_RCOL_PHONE] = at_least(widest(doc, HTX_RCOL_PHONE), 10);
    t.width[HTX_RCOL_ROLE] = at_least(widest(doc, HTX_RCOL_ROLE), 7);
    t.width[HTX_RCOL_JOINED] = 10;
    int frame = 3 * (HTX_RCOL_COUNT - 1) + 4;
    /* On a narrow page the words of these columns wrap rather than widen the table. */
    static const struct {
        htx_roster_col col;
        int narrowest;
    } shrinkable[] = {{HTX_RCOL_ROLE, 7}, {HTX_RCOL_DISTRICT, 6}, {HTX_RCOL_PHONE, 8}};
    int fixed = 0;
    for (int c = 0; c < HTX_RCOL_COUNT; c++)
        if (c != HTX_RCOL_NAME && c != HTX_RCOL_REPRESENTATIVE)
            fixed += t.width[c];
    for (size_t i = 0; i < sizeof shrinkable / sizeof shrinkable[0]; i++)
        while (frame + fixed + 16 > width && t.width[shrinkable[i].col] > shrinkable[i].narrowest) {
            t.width[shrinkable[i].col]--;
            fixed--;
        }
    int left = at_least(width - frame - fixed, 16);
    t.width[HTX_RCOL_NAME] = left * 3 / 5;
    t.width[HTX_RCOL_REPRESENTATIVE] = left - t.width[HTX_RCOL_NAME];
    t.total = frame + fixed + left;
    return t;
}

/* One table row from cells already wrapped; returns false when out of memory. */
static void put_spaces(FILE *out, int n)
{
    for (int i = 0; i < n; i++)
        fputc(' ', out);
}

static void put_table_lines(FILE *out, const txt_table *t, htx_wrapped cells[HTX_RCOL_COUNT], bool right_number)
{
    int height = 1;
    for (int c = 0; c < HTX_RCOL_COUNT; c++)
        if (cells[c].count > height)
            height = cells[c].count;
    for (int line = 0; line < height; line++) {
        fputs("|", out);
        for (int c = 0; c < HTX_RCOL_COUNT; c++) {
            const char *text = line < cells[c].count ? cells[c].lines[line] : "";
            int gap = t->width[c] - (int)htx_text_width(text);
            fputc(' ', out);
            if (right_number && c == HTX_RCOL_NO)
                put_spaces(out, gap);
            fputs(text, out);
            if (!(right_number && c == HTX_RCOL_NO))
                put_spaces(out, gap);
            fputs(" |", out);
        }
        fputc('\n', out);
    }
}

static void put_rule(FILE *out, const txt_table *t)
{
    for (int c = 0; c < HTX_RCOL_COUNT; c++) {
        fputc('+', out);
        for (int i = 0; i < t->width[c] + 2; i++)
            fputc('-', out);
    }
    fputs("+\n", out);
}

static int max_lines(htx_wrapped cells[HTX_RCOL_COUNT])
{
    int height = 1;
    for (int c = 0; c < HTX_RCOL_COUNT; c++)
        if (cells[c].count > height)
            height = cells[c].count;
    return height;
}

static void free_cells(htx_wrapped cells[HTX_RCOL_COUNT])
{
    for (int c = 0; c < HTX_RCOL_COUNT; c++)
        htx_wrapped_free(&cells[c]);
}

static bool wrap_header(const txt_table *t, htx_wrapped cells[HTX_RCOL_COUNT])
{
    bool ok = true;
    for (int c = 0; c < HTX_RCOL_COUNT; c++)
        ok = wrap_text(htx_roster_col_title((htx_roster_col)c), t->width[c], &cells[c]) && ok;
    return ok;
}

static bool wrap_row(const htx_roster_doc *doc, int row, const txt_table *t, htx_wrapped cells[HTX_RCOL_COUNT])
{
    bool ok = true;
    char text[1024];
    for (int c = 0; c < HTX_RCOL_COUNT; c++) {
        htx_roster_cell(doc, row, (htx_roster_col)c, text, sizeof text);
        /* stored text holds no controls, but a report must never carry one */
        char *safe = htx_text_sanitize(text);
        ok = safe && wrap_text(safe, t->width[c], &cells[c]) && ok;
        free(safe);
    }
    return ok;
}

/* Left text and right text on one line of width columns, cropped so both fit. */
static void put_left_right(FILE *out, const char *left, const char *right, int width)
{
    int right_width = (int)htx_text_width(right);
    int room = width - right_width - 2;
    char cropped[512];
    int used = room > 0 ? (int)htx_text_crop(left, (size_t)room, cropped, sizeof cropped) : 0;
    if (room <= 0)
        cropped[0] = '\0';
    fputs(cropped, out);
    put_spaces(out, width - used - right_width);
    fputs(right, out);
    fputc('\n', out);
}

/* text centred in a block of block columns that starts at column indent. */
static void put_centred(FILE *out, const char *text, int indent, int block)
{
    int w = (int)htx_text_width(text);
    int pad = w < block ? (block - w) / 2 : 0;
    put_spaces(out, indent + pad);
    fputs(text, out);
    fputc('\n', out);
}

enum { TXT_HEADING_LINES = 8, TXT_TRAILER_LINES = 5, TXT_FOOTER_LINES = 2 };

static void put_heading(FILE *out, const htx_roster_texts *tx, int width)
{
    int right_block = (int)htx_text_width(tx->nation);
    int right_at = width - right_block;
    put_left_right(out, tx->organisation, tx->nation, width);
    /* the motto centred under the nation, the unit on the left */
    int motto = (int)htx_text_width(tx->motto);
    char motto_line[256];
    int pad = (right_block - motto) / 2;
    snprintf(motto_line, sizeof motto_line, "%*s%s%*s", pad, "", tx->motto, right_block - motto - pad, "");
    put_left_right(out, tx->unit, motto_line, width);
    char underline[256];
    int rule = motto < (int)sizeof underline - 1 ? motto : (int)sizeof underline - 1;
    memset(underline, '-', (size_t)rule);
    underline[rule] = '\0';
    put_centred(out, underline, right_at, right_block);
    put_centred(out, tx->date_line, right_at, right_block);
    fputc('\n', out);
    put_centred(out, tx->title, 0, width);
    put_centred(out, tx->subtitle, 0, width);
    fputc('\n', out);
}

static void put_trailer(FILE *out, const htx_roster_texts *tx, int width)
{
    fputc('\n', out);
    fputs(tx->total, out);
    fputc('\n', out);
    fputc('\n', out);
    int block = (int)htx_text_width(tx->sign_hint) + 8;
    put_centred(out, tx->signer, width - block, block);
    put_centred(out, tx->sign_hint, width - block, block);
}

static void put_footer(FILE *out, int page, int pages, int width)
{
    char label[64];
    htx_roster_page_label(page, pages, label, sizeof label);
    fputc('\n', out);
    put_centred(out, label, 0, width);
}

/*
 * Page breaks: first_row[p] is the first member row of page p; a row is
 * never split, and the last row goes with the trailer so the total and the
 * signature never stand alone on a page.  Returns the page count.
 */
static int paginate(const int *row_lines, int rows, int header_lines, int lines_per_page, int *first_row)
{
    int body = lines_per_page - TXT_FOOTER_LINES;
    int page = 0;
    int used = TXT_HEADING_LINES + header_lines + 1; /* + the closing rule */
    first_row[0] = 0;
    for (int r = 0; r < rows; r++) {
        int need = row_lines[r] + (r == rows - 1 ? TXT_TRAILER_LINES : 0);
        bool page_has_rows = r > first_row[page];
        if (used + need > body && page_has_rows) {
            first_row[++page] = r;
            used = header_lines + 1;
        }
        used += row_lines[r];
    }
    if (rows == 0 || used + TXT_TRAILER_LINES > body) {
        if (rows > 0) /* a last row taller than a page: the trailer goes alone */
            first_row[++page] = rows;
    }
    return page + 1;
}

static void put_blank_lines(FILE *out, int n)
{
    for (int i = 0; i < n; i++)
        fputc('\n', out);
}

htx_status htx_roster_write_txt(const htx_roster_doc *doc, htx_roster_txt_layout layout, FILE *out,
                                int *pages_out, htx_error *err)
{
    if (layout.width < HTX_ROSTER_TXT_MIN_WIDTH)
        layout.width = HTX_ROSTER_TXT_MIN_WIDTH;
    if (layout.lines_per_page < HTX_ROSTER_TXT_MIN_LINES)
        layout.lines_per_page = HTX_ROSTER_TXT_MIN_LINES;
    txt_table t = lay_out_table(doc, layout.width);
    int width = t.total > layout.width ? t.total : layout.width;
    htx_roster_texts tx;
    htx_roster_doc_texts(doc, &tx);

    htx_wrapped header[HTX_RCOL_COUNT];
    int *row_lines = calloc((size_t)doc->count + 1, sizeof *row_lines);
    int *first_row = calloc((size_t)doc->count + 2, sizeof *first_row);
    bool ok = row_lines && first_row && wrap_header(&t, header);
    int header_lines = ok ? max_lines(header) + 2 : 0;
    for (int r = 0; ok && r < doc->count; r++) {
        htx_wrapped cells[HTX_RCOL_COUNT];
        ok = wrap_row(doc, r, &t, cells);
        row_lines[r] = max_lines(cells);
        free_cells(cells);
    }
    if (!ok) {
        if (row_lines && first_row)
            free_cells(header);
        free(row_lines);
        free(first_row);
        return htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
    }
    int pages = paginate(row_lines, doc->count, header_lines, layout.lines_per_page, first_row);
    first_row[pages] = doc->count;
    for (int p = 0; ok && p < pages; p++) {
        if (p > 0)
            fputc('\f', out);
        int used = 0;
        if (p == 0) {
            put_heading(out, &tx, width);
            used += TXT_HEADING_LINES;
        }
        bool has_rows = first_row[p] < first_row[p + 1] || doc->count == 0;
        if (has_rows) {
            put_rule(out, &t);
            put_table_lines(out, &t, header, false);
            put_rule(out, &t);
            used += header_lines;
            for (int r = first_row[p]; ok && r < first_row[p + 1]; r++) {
                htx_wrapped cells[HTX_RCOL_COUNT];
                ok = wrap_row(doc, r, &t, cells);
                if (ok)
                    put_table_lines(out, &t, cells, true);
                free_cells(cells);
                used += row_lines[r];
            }
            put_rule(out, &t);
            used += 1;
        }
        if (p == pages - 1) {
            put_trailer(out, &tx, width);
            used += TXT_TRAILER_LINES;
        }
        put_blank_lines(out, layout.lines_per_page - TXT_FOOTER_LINES - used);
        put_footer(out, p + 1, pages, width);
    }
    free_cells(header);
    free(row_lines);
    free(first_row);
    if (!ok)
        return htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
    if (pages_out)
        *pages_out = pages;
    return HTX_OK;
}

