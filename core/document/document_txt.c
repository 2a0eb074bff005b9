/*
 * A document as paginated plain text (document_txt.h), for a line printer or
 * a terminal: the administrative layout drawn with characters.
 */
#include "document_txt.h"

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
    const htx_document *doc;
    int width[HTX_DOC_MAX_COLUMNS];
    int total; /* columns of a table line */
} txt_table;

static int widest(const htx_document *doc, int col)
{
    int most = 0;
    char cell[1024];
    for (int r = 0; r < doc->row_count; r++) {
        htx_doc_cell(doc, r, col, cell, sizeof cell);
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

/* The content-wide column to shrink next: the lowest rank above after, or -1. */
static int next_to_shrink(const htx_document *doc, int after)
{
    int found = -1;
    for (int c = 0; c < doc->column_count; c++) {
        int rank = doc->columns[c].shrink_rank;
        if (rank > after && doc->columns[c].share == 0 && (found < 0 || rank < doc->columns[found].shrink_rank))
            found = c;
    }
    return found;
}

/* Content-wide columns as wide as their content; the shared ones divide
 * what is left by their shares.  A table line is "| a | b | … |": three
 * columns between cells and two at each edge. */
static txt_table lay_out_table(const htx_document *doc, int width)
{
    txt_table t = {.doc = doc};
    int frame = 3 * (doc->column_count - 1) + 4;
    int fixed = 0, shares = 0;
    for (int c = 0; c < doc->column_count; c++) {
        const htx_doc_column *col = &doc->columns[c];
        if (col->share > 0) {
            shares += col->share;
            continue;
        }
        t.width[c] = at_least(widest(doc, c), col->min_width);
        fixed += t.width[c];
    }
    /* On a narrow page the words of these columns wrap rather than widen the table. */
    for (int c = next_to_shrink(doc, 0); c >= 0; c = next_to_shrink(doc, doc->columns[c].shrink_rank))
        while (frame + fixed + 16 > width && t.width[c] > doc->columns[c].narrowest) {
            t.width[c]--;
            fixed--;
        }
    int left = at_least(width - frame - fixed, 16);
    int given = 0, last_shared = -1;
    for (int c = 0; c < doc->column_count; c++)
        if (doc->columns[c].share > 0) {
            t.width[c] = left * doc->columns[c].share / shares;
            given += t.width[c];
            last_shared = c;
        }
    if (last_shared >= 0)
        t.width[last_shared] += left - given;
    t.total = frame + fixed + (last_shared >= 0 ? left : 0);
    return t;
}

static void put_spaces(FILE *out, int n)
{
    for (int i = 0; i < n; i++)
        fputc(' ', out);
}

static int max_lines(const txt_table *t, htx_wrapped cells[HTX_DOC_MAX_COLUMNS])
{
    int height = 1;
    for (int c = 0; c < t->doc->column_count; c++)
        if (cells[c].count > height)
            height = cells[c].count;
    return height;
}

/* One table row from cells already wrapped. */
static void put_table_lines(FILE *out, const txt_table *t, htx_wrapped cells[HTX_DOC_MAX_COLUMNS], bool header)
{
    int height = max_lines(t, cells);
    for (int line = 0; line < height; line++) {
        fputs("|", out);
        for (int c = 0; c < t->doc->column_count; c++) {
            const char *text = line < cells[c].count ? cells[c].lines[line] : "";
            int gap = t->width[c] - (int)htx_text_width(text);
            bool right = !header && t->doc->columns[c].number;
            fputc(' ', out);
            if (right)
                put_spaces(out, gap);
            fputs(text, out);
            if (!right)
                put_spaces(out, gap);
            fputs(" |", out);
        }
        fputc('\n', out);
    }
}

static void put_rule(FILE *out, const txt_table *t)
{
    for (int c = 0; c < t->doc->column_count; c++) {
        fputc('+', out);
        for (int i = 0; i < t->width[c] + 2; i++)
            fputc('-', out);
    }
    fputs("+\n", out);
}

static void free_cells(const txt_table *t, htx_wrapped cells[HTX_DOC_MAX_COLUMNS])
{
    for (int c = 0; c < t->doc->column_count; c++)
        htx_wrapped_free(&cells[c]);
}

static bool wrap_header(const txt_table *t, htx_wrapped cells[HTX_DOC_MAX_COLUMNS])
{
    memset(cells, 0, HTX_DOC_MAX_COLUMNS * sizeof *cells);
    bool ok = true;
    for (int c = 0; c < t->doc->column_count; c++)
        ok = wrap_text(t->doc->columns[c].title, t->width[c], &cells[c]) && ok;
    return ok;
}

static bool wrap_row(const txt_table *t, int row, htx_wrapped cells[HTX_DOC_MAX_COLUMNS])
{
    memset(cells, 0, HTX_DOC_MAX_COLUMNS * sizeof *cells);
    bool ok = true;
    char text[1024];
    for (int c = 0; c < t->doc->column_count; c++) {
        htx_doc_cell(t->doc, row, c, text, sizeof text);
        /* stored text holds no controls, but a report must never carry one */
        char *safe = htx_text_sanitize(text);
        ok = safe && wrap_text(safe, t->width[c], &cells[c]) && ok;
        free(safe);
    }
    return ok;
}

/* text centred in a block of block columns that starts at column indent,
 * cropped to the block; returns the column after it. */
static int put_centred_in(FILE *out, const char *text, int at, int indent, int block)
{
    char cropped[1024];
    int w = (int)htx_text_crop(text, (size_t)(block > 0 ? block : 0), cropped, sizeof cropped);
    int pad = w < block ? (block - w) / 2 : 0;
    put_spaces(out, indent + pad - at);
    fputs(cropped, out);
    return indent + pad + w;
}

/* text centred in a block of block columns that starts at column indent. */
static void put_centred(FILE *out, const char *text, int indent, int block)
{
    put_centred_in(out, text, 0, indent, block);
    fputc('\n', out);
}

/* A column of lines: a part of the heading or of the signature. */
typedef struct txt_block {
    char text[HTX_DOC_TEXT_SIZE * 3];
    const char *line[16];
    int count;
    bool centred;
} txt_block;

static void block_add(txt_block *b, const char *text)
{
    /* a text of several lines ("TM. BAN CHỦ NHIỆM\nCHỦ NHIỆM") gives each */
    size_t used = 0;
    for (int i = 0; i < b->count; i++)
        used += strlen(b->line[i]) + 1;
    while (b->count < (int)(sizeof b->line / sizeof b->line[0])) {
        size_t length = strcspn(text, "\n");
        if (used + length + 1 > sizeof b->text)
            return;
        memcpy(b->text + used, text, length);
        b->text[used + length] = '\0';
        b->line[b->count++] = b->text + used;
        used += length + 1;
        if (text[length] != '\n')
            return;
        text += length + 1;
    }
}

static int block_width(const txt_block *b)
{
    int most = 0;
    for (int i = 0; i < b->count; i++)
        if ((int)htx_text_width(b->line[i]) > most)
            most = (int)htx_text_width(b->line[i]);
    return most;
}

/* Two blocks side by side on a page of width columns: the right one as wide
 * as its widest line at the right edge, the left one in the room left. */
static void put_blocks(FILE *out, const txt_block *left, const txt_block *right, int width)
{
    int right_block = block_width(right);
    if (right_block > width / 2)
        right_block = width / 2;
    int right_at = width - right_block;
    int left_block = right_at - 2;
    int lines = left->count > right->count ? left->count : right->count;
    for (int i = 0; i < lines; i++) {
        int at = 0;
        if (i < left->count && left->centred) {
            at = put_centred_in(out, left->line[i], 0, 0, left_block);
        } else if (i < left->count) {
            char cropped[1024];
            at = (int)htx_text_crop(left->line[i], (size_t)left_block, cropped, sizeof cropped);
            fputs(cropped, out);
        }
        if (i < right->count)
            put_centred_in(out, right->line[i], at, right_at, right_block);
        fputc('\n', out);
    }
}

/* A rule of dashes under a text: as long as it (the motto), or a short one
 * (the issuing body's). */
static void rule_of(int length, char *out, size_t size)
{
    int n = length < (int)size - 1 ? length : (int)size - 1;
    memset(out, '-', (size_t)(n > 0 ? n : 0));
    out[n > 0 ? n : 0] = '\0';
}

/* The heading's two blocks: the parent and issuing body with the number on
 * the left, the nation, the motto and the date of issue on the right. */
static void heading_blocks(const htx_doc_texts *tx, txt_block *left, txt_block *right, char rules[2][256])
{
    memset(left, 0, sizeof *left);
    memset(right, 0, sizeof *right);
    left->centred = right->centred = true;
    if (tx->parent_body[0])
        block_add(left, tx->parent_body);
    block_add(left, tx->issuer);
    rule_of(8, rules[0], sizeof rules[0]);
    block_add(left, rules[0]);
    block_add(left, tx->number_line);
    block_add(right, tx->nation);
    block_add(right, tx->motto);
    rule_of((int)htx_text_width(tx->motto), rules[1], sizeof rules[1]);
    block_add(right, rules[1]);
    block_add(right, tx->date_line);
}

/* The lines the heading takes above the subject. */
static int heading_lines(const htx_doc_texts *tx)
{
    txt_block left, right;
    char rules[2][256];
    heading_blocks(tx, &left, &right, rules);
    int blocks = left.count > right.count ? left.count : right.count;
    return blocks + 1 /* blank */ + 1 /* title */ + (tx->as_of_line[0] ? 1 : 0) + 1 /* blank */;
}

static void put_heading(FILE *out, const htx_doc_texts *tx, const htx_wrapped *subject, int width)
{
    txt_block left, right;
    char rules[2][256];
    heading_blocks(tx, &left, &right, rules);
    put_blocks(out, &left, &right, width);
    fputc('\n', out);
    put_centred(out, tx->title, 0, width);
    for (int i = 0; i < subject->count; i++)
        put_centred(out, subject->lines[i], 0, width);
    if (tx->as_of_line[0])
        put_centred(out, tx->as_of_line, 0, width);
    fputc('\n', out);
}

/* The signature's blocks: the recipients on the left; the capacity, room to
 * sign and seal, and the signer's name (or where to write it) on the right. */
static void trailer_blocks(const htx_doc_texts *tx, txt_block *left, txt_block *right)
{
    memset(left, 0, sizeof *left);
    memset(right, 0, sizeof *right);
    right->centred = true;
    block_add(left, "Nơi nhận:");
    block_add(left, tx->recipients);
    block_add(right, tx->capacity);
    for (int i = 0; i < 3; i++)
        block_add(right, "");
    block_add(right, tx->signer[0] ? tx->signer : "(Ký, ghi rõ họ tên)");
}

static int trailer_lines(const htx_doc_texts *tx)
{
    txt_block left, right;
    trailer_blocks(tx, &left, &right);
    return 3 + (left.count > right.count ? left.count : right.count);
}

static void put_trailer(FILE *out, const htx_doc_texts *tx, int width)
{
    txt_block left, right;
    trailer_blocks(tx, &left, &right);
    fputc('\n', out);
    fputs(tx->total, out);
    fputs("\n\n", out);
    put_blocks(out, &left, &right, width);
}

static void put_footer(FILE *out, int page, int pages, int width)
{
    char label[64];
    htx_doc_page_label(page, pages, label, sizeof label);
    fputc('\n', out);
    put_centred(out, label, 0, width);
}

enum { TXT_FOOTER_LINES = 2 };

typedef struct txt_pages {
    int heading_lines;
    int header_lines;
    int trailer_lines;
    int lines_per_page;
} txt_pages;

/*
 * Page breaks: first_row[p] is the first row of page p; a row is never
 * split, and the last row goes with the trailer so the total and the
 * signature never stand alone on a page.  Returns the page count.
 */
static int paginate(const int *row_lines, int rows, txt_pages sizes, int *first_row)
{
    int body = sizes.lines_per_page - TXT_FOOTER_LINES;
    int page = 0;
    int used = sizes.heading_lines + sizes.header_lines + 1; /* + the closing rule */
    first_row[0] = 0;
    for (int r = 0; r < rows; r++) {
        int need = row_lines[r] + (r == rows - 1 ? sizes.trailer_lines : 0);
        bool page_has_rows = r > first_row[page];
        if (used + need > body && page_has_rows) {
            first_row[++page] = r;
            used = sizes.header_lines + 1;
        }
        used += row_lines[r];
    }
    if (rows > 0 && used + sizes.trailer_lines > body) /* a last row taller than a page: the trailer goes alone */
        first_row[++page] = rows;
    return page + 1;
}

static void put_blank_lines(FILE *out, int n)
{
    for (int i = 0; i < n; i++)
        fputc('\n', out);
}

/* The pages, once every row's height is known. */
static bool put_pages(FILE *out, const txt_table *t, htx_wrapped header[HTX_DOC_MAX_COLUMNS],
                      const htx_wrapped *subject, const int *first_row, int pages, txt_pages sizes, int width)
{
    const htx_document *doc = t->doc;
    bool ok = true;
    for (int p = 0; ok && p < pages; p++) {
        if (p > 0)
            fputc('\f', out);
        int used = 0;
        if (p == 0) {
            put_heading(out, &doc->texts, subject, width);
            used += sizes.heading_lines;
        }
        bool has_rows = first_row[p] < first_row[p + 1] || doc->row_count == 0;
        if (has_rows) {
            put_rule(out, t);
            put_table_lines(out, t, header, true);
            put_rule(out, t);
            used += sizes.header_lines;
            for (int r = first_row[p]; ok && r < first_row[p + 1]; r++) {
                htx_wrapped cells[HTX_DOC_MAX_COLUMNS];
                ok = wrap_row(t, r, cells);
                if (ok)
                    put_table_lines(out, t, cells, false);
                used += max_lines(t, cells);
                free_cells(t, cells);
            }
            put_rule(out, t);
            used += 1;
        }
        if (p == pages - 1) {
            put_trailer(out, &doc->texts, width);
            used += sizes.trailer_lines;
        }
        put_blank_lines(out, sizes.lines_per_page - TXT_FOOTER_LINES - used);
        put_footer(out, p + 1, pages, width);
    }
    return ok;
}

htx_status htx_doc_write_txt(const htx_document *doc, htx_txt_layout layout, FILE *out, int *pages_out,
                             htx_error *err)
{
    if (layout.width < HTX_TXT_MIN_WIDTH)
        layout.width = HTX_TXT_MIN_WIDTH;
    if (layout.lines_per_page < HTX_TXT_MIN_LINES)
        layout.lines_per_page = HTX_TXT_MIN_LINES;
    txt_table t = lay_out_table(doc, layout.width);
    int width = t.total > layout.width ? t.total : layout.width;

    htx_wrapped header[HTX_DOC_MAX_COLUMNS] = {{0}};
    htx_wrapped subject = {0};
    int *row_lines = calloc((size_t)doc->row_count + 1, sizeof *row_lines);
    int *first_row = calloc((size_t)doc->row_count + 2, sizeof *first_row);
    bool ok = row_lines && first_row && wrap_header(&t, header) && wrap_text(doc->texts.subtitle, width, &subject);
    for (int r = 0; ok && r < doc->row_count; r++) {
        htx_wrapped cells[HTX_DOC_MAX_COLUMNS];
        ok = wrap_row(&t, r, cells);
        row_lines[r] = max_lines(&t, cells);
        free_cells(&t, cells);
    }
    int pages = 0;
    if (ok) {
        txt_pages sizes = {heading_lines(&doc->texts) + subject.count, max_lines(&t, header) + 2,
                           trailer_lines(&doc->texts), layout.lines_per_page};
        pages = paginate(row_lines, doc->row_count, sizes, first_row);
        first_row[pages] = doc->row_count;
        ok = put_pages(out, &t, header, &subject, first_row, pages, sizes, width);
    }
    free_cells(&t, header);
    htx_wrapped_free(&subject);
    free(row_lines);
    free(first_row);
    if (!ok)
        return htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
    if (pages_out)
        *pages_out = pages;
    return HTX_OK;
}
