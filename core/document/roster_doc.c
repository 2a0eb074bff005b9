#include "roster_doc.h"

#include "encoding.h"

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "display.h"
#include "format.h"
#include "text.h"
#include "textout.h"

/* ---- the model ------------------------------------------------------------- */

typedef struct collector {
    htx_roster_doc *doc;
    bool out_of_memory;
} collector;

static int collect(const htx_roster_entry *e, void *data)
{
    collector *into = data;
    htx_roster_doc *doc = into->doc;
    if (doc->count == doc->capacity) {
        int capacity = doc->capacity ? doc->capacity * 2 : 64;
        htx_roster_entry *grown = realloc(doc->entries, (size_t)capacity * sizeof *grown);
        if (!grown) {
            into->out_of_memory = true;
            return 1;
        }
        doc->entries = grown;
        doc->capacity = capacity;
    }
    doc->entries[doc->count++] = *e;
    return 0;
}

htx_status htx_roster_doc_load(htx_store *s, const char *club, const char *as_of_iso,
                               htx_roster_sort sort, htx_roster_doc *doc, htx_error *err)
{
    memset(doc, 0, sizeof *doc);
    doc->club = club ? htx_club_find(club) : NULL;
    if (!doc->club)
        return htx_fail(err, HTX_ERR_INVALID, MSG_UNKNOWN_CLUB, "club", club ? club : "", NULL);
    if (as_of_iso && as_of_iso[0]) {
        if (!htx_date_parse(as_of_iso, &doc->as_of))
            return htx_fail(err, HTX_ERR_INVALID, MSG_DATE_FORMAT, NULL, as_of_iso, NULL);
    } else {
        doc->as_of = htx_date_today();
    }
    doc->sort = sort;
    char day[HTX_ISO_DATE_SIZE];
    htx_date_iso(doc->as_of, day);
    collector into = {doc, false};
    htx_status st = htx_roster_each(s, doc->club->code, day, sort, collect, &into, err);
    if (st == HTX_OK && into.out_of_memory)
        st = htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
    return st;
}

void htx_roster_doc_free(htx_roster_doc *doc)
{
    free(doc->entries);
    doc->entries = NULL;
    doc->count = doc->capacity = 0;
}

/* Vietnamese upper case, letter by letter: "CLB Nhựa Hà Nội" → "CLB NHỰA HÀ NỘI". */
static void upper_case(const char *text, char *out, size_t size)
{
    size_t used = 0;
    int32_t cp;
    int n;
    while ((n = htx_utf8_decode(text, &cp)) > 0) {
        char utf8[4];
        int len = htx_utf8_encode(utf8proc_toupper(cp), utf8);
        if (used + (size_t)len + 1 > size)
            break;
        memcpy(out + used, utf8, (size_t)len);
        used += (size_t)len;
        text += n;
    }
    if (size > 0)
        out[used] = '\0';
}

void htx_roster_doc_texts(const htx_roster_doc *doc, htx_roster_texts *out)
{
    memset(out, 0, sizeof *out);
    out->organisation = "LIÊN MINH HTX THÀNH PHỐ HÀ NỘI";
    upper_case(doc->club->name, out->unit, sizeof out->unit);
    out->nation = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    out->motto = "Độc lập – Tự do – Hạnh phúc";
    htx_date_line("Hà Nội", doc->as_of, out->date_line, (int)sizeof out->date_line);
    out->title = "DANH SÁCH THÀNH VIÊN";
    snprintf(out->subtitle, sizeof out->subtitle, "%s", out->unit);
    char count[32];
    htx_format_thousands(doc->count, count, sizeof count);
    snprintf(out->total, sizeof out->total, "Tổng số: %s thành viên", count);
    out->signer = "NGƯỜI LẬP BIỂU";
    out->sign_hint = "(Ký, ghi rõ họ tên)";
}

const char *htx_roster_col_title(htx_roster_col col)
{
    static const char *const titles[HTX_RCOL_COUNT] = {
        "STT", "Tên HTX", "Quận/Huyện", "Người đại diện", "Điện thoại", "Vai trò", "Ngày tham gia",
    };
    return col < HTX_RCOL_COUNT ? titles[col] : "";
}

const char *htx_roster_col_key(htx_roster_col col)
{
    static const char *const keys[HTX_RCOL_COUNT] = {
        "no", "name", "district", "representative", "phone", "role", "joined",
    };
    return col < HTX_RCOL_COUNT ? keys[col] : "";
}

void htx_roster_cell(const htx_roster_doc *doc, int row, htx_roster_col col, char *out, size_t size)
{
    const htx_roster_entry *e = &doc->entries[row];
    const htx_district *district;
    htx_date day;
    out[0] = '\0';
    switch (col) {
    case HTX_RCOL_NO: htx_format_thousands(row + 1, out, size); break;
    case HTX_RCOL_NAME: snprintf(out, size, "%s", e->name); break;
    case HTX_RCOL_DISTRICT:
        district = htx_district_by_code(e->district);
        snprintf(out, size, "%s", district ? district->name : e->district);
        break;
    case HTX_RCOL_REPRESENTATIVE: snprintf(out, size, "%s", e->representative); break;
    case HTX_RCOL_PHONE: snprintf(out, size, "%s", e->phone); break;
    case HTX_RCOL_ROLE: snprintf(out, size, "%s", htx_role_name(e->role, HTX_LANG_VI)); break;
    case HTX_RCOL_JOINED:
        if (e->joined[0] && htx_date_parse(e->joined, &day) && size >= HTX_ISO_DATE_SIZE)
            htx_date_display(day, out);
        break;
    default: break;
    }
}

void htx_roster_page_label(int page, int pages, char *out, size_t size)
{
    snprintf(out, size, "Trang %d/%d", page, pages);
}

/* ---- wrapping by display width ---------------------------------------------------- */

static void wrapped_free(htx_wrapped *w)
{
    for (int i = 0; i < w->count; i++)
        free(w->lines[i]);
    free(w->lines);
    w->lines = NULL;
    w->count = 0;
}

void htx_wrapped_free(htx_wrapped *w)
{
    wrapped_free(w);
}

static bool wrapped_add(htx_wrapped *w, const char *start, size_t length)
{
    char **grown = realloc(w->lines, (size_t)(w->count + 1) * sizeof *grown);
    if (!grown)
        return false;
    w->lines = grown;
    char *line = malloc(length + 1);
    if (!line)
        return false;
    memcpy(line, start, length);
    line[length] = '\0';
    w->lines[w->count++] = line;
    return true;
}

/* Bytes of the character at p with the marks that follow it. */
static size_t cluster_at(const char *p)
{
    int32_t cp;
    size_t length = (size_t)htx_utf8_decode(p, &cp);
    for (;;) {
        int32_t next;
        int n = htx_utf8_decode(p + length, &next);
        if (n == 0 || !htx_cp_is_mark(next))
            break;
        length += (size_t)n;
    }
    return length;
}

bool htx_wrap(const char *text, double width, htx_measure_fn measure, void *ctx, htx_wrapped *out)
{
    out->lines = NULL;
    out->count = 0;
    const char *line = text;
    while (*line == ' ')
        line++;
    if (!*line)
        return wrapped_add(out, "", 0);
    while (*line) {
        const char *p = line, *last_space = NULL;
        double used = 0;
        while (*p) {
            size_t length = cluster_at(p);
            double w = measure(p, length, ctx);
            if (used + w > width)
                break;
            if (*p == ' ')
                last_space = p;
            used += w;
            p += length;
        }
        const char *end = p;
        if (*p && *p != ' ' && last_space && last_space > line)
            end = last_space;
        if (end == line) /* not even one character fits: take it anyway */
            end = line + cluster_at(line);
        size_t length = (size_t)(end - line);
        while (length > 0 && line[length - 1] == ' ')
            length--;
        if (!wrapped_add(out, line, length)) {
            wrapped_free(out);
            return false;
        }
        line = end;
        while (*line == ' ')
            line++;
    }
    return true;
}

/* Terminal columns of one character with its marks. */
static double measure_columns(const char *p, size_t length, void *ctx)
{
    (void)ctx;
    (void)length;
    int32_t cp;
    htx_utf8_decode(p, &cp);
    return htx_cp_width(cp);
}

static bool wrap_text(const char *text, int width, htx_wrapped *out)
{
    return htx_wrap(text, width, measure_columns, NULL, out);
}

/* ---- plain text -------------------------------------------------------------------- */

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
        wrapped_free(&cells[c]);
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

/* ---- CSV and TSV ---------------------------------------------------------------------- */

static htx_status finish_stream(FILE *out, htx_error *err)
{
    if (fflush(out) != 0 || ferror(out))
        return htx_fail(err, HTX_ERR_IO, MSG_IO, NULL, "", strerror(errno));
    return HTX_OK;
}

htx_status htx_roster_write_csv(const htx_roster_doc *doc, bool bom, FILE *out, htx_error *err)
{
    if (bom)
        fputs("\xEF\xBB\xBF", out);
    for (int c = 0; c < HTX_RCOL_COUNT; c++) {
        if (c > 0)
            fputc(',', out);
        htx_csv_field(out, htx_roster_col_title((htx_roster_col)c));
    }
    fputs("\r\n", out);
    char cell[1024];
    for (int r = 0; r < doc->count; r++) {
        for (int c = 0; c < HTX_RCOL_COUNT; c++) {
            if (c > 0)
                fputc(',', out);
            if (c == HTX_RCOL_NO) /* a plain number: spreadsheets read "1.000" as one */
                snprintf(cell, sizeof cell, "%d", r + 1);
            else
                htx_roster_cell(doc, r, (htx_roster_col)c, cell, sizeof cell);
            htx_csv_field(out, cell);
        }
        fputs("\r\n", out);
    }
    return finish_stream(out, err);
}

htx_status htx_roster_write_tsv(const htx_roster_doc *doc, FILE *out, htx_error *err)
{
    fputs("no\tcode", out);
    for (int c = HTX_RCOL_NAME; c < HTX_RCOL_COUNT; c++)
        fprintf(out, "\t%s", htx_roster_col_key((htx_roster_col)c));
    fputc('\n', out);
    char cell[1024];
    for (int r = 0; r < doc->count; r++) {
        const htx_roster_entry *e = &doc->entries[r];
        fprintf(out, "%d\t", r + 1);
        htx_tsv_field(out, e->code);
        for (int c = HTX_RCOL_NAME; c < HTX_RCOL_COUNT; c++) {
            fputc('\t', out);
            if (c == HTX_RCOL_ROLE)
                htx_tsv_field(out, htx_role_code(e->role));
            else if (c == HTX_RCOL_JOINED)
                htx_tsv_field(out, e->joined);
            else {
                htx_roster_cell(doc, r, (htx_roster_col)c, cell, sizeof cell);
                htx_tsv_field(out, cell);
            }
        }
        fputc('\n', out);
    }
    return finish_stream(out, err);
}

/* ---- encodings ----------------------------------------------------------------------- */

static bool is_utf8_name(const char *encoding)
{
    return strcmp(encoding, "UTF-8") == 0 || strcmp(encoding, "utf-8") == 0 ||
           strcmp(encoding, "UTF8") == 0 || strcmp(encoding, "utf8") == 0;
}

static void describe_character(const char *utf8, const char *at, char *out, size_t size)
{
    int32_t cp;
    int n = htx_utf8_decode(at, &cp);
    int line = 1;
    for (const char *p = utf8; p < at; p++)
        if (*p == '\n')
            line++;
    snprintf(out, size, "\"%.*s\" (U+%04X), dòng/line %d", n, at, (unsigned)cp, line);
}

htx_status htx_write_encoded(const char *utf8, size_t length, const char *encoding, FILE *out,
                             htx_error *err)
{
    if (!encoding || !encoding[0] || is_utf8_name(encoding)) {
        fwrite(utf8, 1, length, out);
        return finish_stream(out, err);
    }
    iconv_t cd = iconv_open(encoding, "UTF-8");
    if (cd == (iconv_t)-1)
        return htx_fail(err, HTX_ERR_INVALID, MSG_ENCODING_UNKNOWN, NULL, encoding, NULL);
    size_t capacity = length * 2 + 16;
    char *converted = malloc(capacity);
    if (!converted) {
        iconv_close(cd);
        return htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
    }
    char *in = (char *)utf8, *to = converted;
    size_t in_left = length, to_left = capacity;
    htx_status st = HTX_OK;
    while (in_left > 0 && st == HTX_OK) {
        if (iconv(cd, &in, &in_left, &to, &to_left) != (size_t)-1)
            break;
        if (errno == EILSEQ || errno == EINVAL) {
            int32_t cp;
            int n = htx_utf8_decode(in, &cp);
            const char *stand_in = htx_punctuation_stand_in(cp);
            if (stand_in && to_left > strlen(stand_in)) {
                size_t k = strlen(stand_in);
                memcpy(to, stand_in, k);
                to += k;
                to_left -= k;
                in += n;
                in_left -= (size_t)n;
                continue;
            }
            char where[HTX_ERROR_ARG_MAX];
            describe_character(utf8, in, where, sizeof where);
            st = htx_fail(err, HTX_ERR_INVALID, MSG_ENCODING_CHAR, NULL, encoding, where);
        } else if (errno == E2BIG) {
            size_t done = (size_t)(to - converted);
            capacity *= 2;
            char *grown = realloc(converted, capacity);
            if (!grown) {
                st = htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
                break;
            }
            converted = grown;
            to = converted + done;
            to_left = capacity - done;
        } else {
            st = htx_fail(err, HTX_ERR_IO, MSG_IO, NULL, encoding, strerror(errno));
        }
    }
    iconv_close(cd);
    if (st == HTX_OK) {
        fwrite(converted, 1, (size_t)(to - converted), out);
        st = finish_stream(out, err);
    }
    free(converted);
    return st;
}
