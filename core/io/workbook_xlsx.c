/*
 * Office Open XML workbooks (.xlsx): the workbook part names the sheets
 * and the date system, its relations where each sheet is, the styles which
 * cells are dates, the shared strings the text of most cells; the sheet
 * itself is streamed a row at a time.
 */
#include "workbook_internal.h"

#include <stdlib.h>
#include <string.h>

enum { MAX_STYLES = 65536, MAX_DATE_FORMATS = 4096, MAX_STRINGS = 8 * 1024 * 1024 };

typedef struct xlsx_book {
    wb_zip *zip;
    bool date1904;
    char sheet_path[512];
    /* shared strings: their text end to end, each NUL-terminated */
    char *text;
    size_t text_len, text_cap;
    size_t *starts;
    size_t count, cap;
    /* cell styles (cellXfs) that show a date */
    bool *date_style;
    size_t style_count;
} xlsx_book;

/* A growing buffer of bytes, within a limit. */
static bool append(char **buf, size_t *len, size_t *cap, const char *s, size_t n, size_t limit)
{
    if (*len + n + 1 > limit)
        return false;
    if (*len + n + 1 > *cap) {
        size_t grown = *cap ? *cap : 256;
        while (grown < *len + n + 1)
            grown *= 2;
        char *p = realloc(*buf, grown);
        if (!p)
            return false;
        *buf = p;
        *cap = grown;
    }
    memcpy(*buf + *len, s, n);
    *len += n;
    (*buf)[*len] = '\0';
    return true;
}

static htx_status too_much(wb_xml *x, const char *part, size_t limit)
{
    char bytes[32];
    snprintf(bytes, sizeof bytes, "%zu MB", limit >> 20);
    htx_error why;
    htx_fail(&why, HTX_ERR_INVALID, MSG_WORKBOOK_TOO_LARGE, NULL, part, bytes);
    wb_xml_fail(x, &why);
    return why.status;
}

/* ---- workbook.xml and its relations ------------------------------------------- */

typedef struct workbook_scan {
    xlsx_book *book;
    const char *choice;
    long number;
    char rel_id[128];
    char names[HTX_ERROR_ARG_MAX];
} workbook_scan;

static bool is_true(const char *v)
{
    return v && (strcmp(v, "1") == 0 || strcmp(v, "true") == 0);
}

static void XMLCALL workbook_start(void *user, const XML_Char *name, const XML_Char **atts)
{
    workbook_scan *w = ((wb_xml *)user)->owner;
    const char *local = wb_local(name);
    if (strcmp(local, "workbookPr") == 0) {
        w->book->date1904 = is_true(wb_attr(atts, "date1904"));
    } else if (strcmp(local, "sheet") == 0) {
        const char *sheet = wb_attr(atts, "name"), *id = wb_attr(atts, "id");
        w->number++;
        wb_names_add(w->names, sizeof w->names, sheet ? sheet : "");
        if (!w->rel_id[0] && id && wb_sheet_chosen(w->choice, w->number, sheet ? sheet : ""))
            snprintf(w->rel_id, sizeof w->rel_id, "%s", id);
    }
}

static void XMLCALL rels_start(void *user, const XML_Char *name, const XML_Char **atts)
{
    workbook_scan *w = ((wb_xml *)user)->owner;
    if (strcmp(wb_local(name), "Relationship") != 0)
        return;
    const char *id = wb_attr(atts, "Id"), *target = wb_attr(atts, "Target");
    if (!id || !target || strcmp(id, w->rel_id) != 0)
        return;
    if (target[0] == '/')
        snprintf(w->book->sheet_path, sizeof w->book->sheet_path, "%s", target + 1);
    else
        snprintf(w->book->sheet_path, sizeof w->book->sheet_path, "xl/%s", target);
}

static htx_status parse_part(xlsx_book *b, const char *name, size_t limit, bool needed, void *owner,
                             XML_StartElementHandler start, XML_EndElementHandler end,
                             XML_CharacterDataHandler text, htx_error *err)
{
    wb_xml x;
    htx_status st = wb_xml_open(&x, b->zip, name, limit, owner, start, end, text, err);
    if (st == HTX_ERR_NOT_FOUND)
        return needed ? htx_fail(err, HTX_ERR_INVALID, MSG_WORKBOOK_BROKEN, NULL, name, "missing") : HTX_OK;
    if (st == HTX_OK)
        st = wb_xml_parse_all(&x, err);
    wb_xml_close(&x);
    return st;
}

static htx_status find_sheet(xlsx_book *b, const char *choice, htx_error *err)
{
    workbook_scan w = {.book = b, .choice = choice};
    htx_status st = parse_part(b, "xl/workbook.xml", HTX_WORKBOOK_MAX_SMALL_PART, true, &w, workbook_start,
                               NULL, NULL, err);
    if (st != HTX_OK)
        return st;
    if (!w.rel_id[0])
        return wb_no_sheet(choice, w.names, err);
    st = parse_part(b, "xl/_rels/workbook.xml.rels", HTX_WORKBOOK_MAX_SMALL_PART, true, &w, rels_start, NULL,
                    NULL, err);
    if (st == HTX_OK && !b->sheet_path[0])
        st = htx_fail(err, HTX_ERR_INVALID, MSG_WORKBOOK_BROKEN, NULL, "xl/_rels/workbook.xml.rels", w.rel_id);
    return st;
}

/* ---- styles: which cells are dates ---------------------------------------------- */

typedef struct styles_scan {
    xlsx_book *book;
    wb_xml *xml;
    bool in_cell_xfs;
    long date_formats[MAX_DATE_FORMATS];
    size_t date_format_count;
} styles_scan;

static bool custom_date(const styles_scan *s, long id)
{
    for (size_t i = 0; i < s->date_format_count; i++)
        if (s->date_formats[i] == id)
            return true;
    return false;
}

static void XMLCALL styles_start(void *user, const XML_Char *name, const XML_Char **atts)
{
    styles_scan *s = ((wb_xml *)user)->owner;
    const char *local = wb_local(name);
    if (strcmp(local, "numFmt") == 0) {
        const char *id = wb_attr(atts, "numFmtId"), *code = wb_attr(atts, "formatCode");
        if (id && code && wb_format_code_is_date(code) && s->date_format_count < MAX_DATE_FORMATS)
            s->date_formats[s->date_format_count++] = strtol(id, NULL, 10);
    } else if (strcmp(local, "cellXfs") == 0) {
        s->in_cell_xfs = true;
    } else if (strcmp(local, "xf") == 0 && s->in_cell_xfs) {
        xlsx_book *b = s->book;
        if (b->style_count >= MAX_STYLES) {
            too_much(user, "xl/styles.xml", HTX_WORKBOOK_MAX_SMALL_PART);
            return;
        }
        bool *grown = realloc(b->date_style, (b->style_count + 1) * sizeof *grown);
        if (!grown) {
            htx_error why;
            htx_fail(&why, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
            wb_xml_fail(user, &why);
            return;
        }
        b->date_style = grown;
        const char *fmt = wb_attr(atts, "numFmtId");
        long id = fmt ? strtol(fmt, NULL, 10) : 0;
        b->date_style[b->style_count++] = wb_builtin_format_is_date(id) || custom_date(s, id);
    }
}

static void XMLCALL styles_end(void *user, const XML_Char *name)
{
    styles_scan *s = ((wb_xml *)user)->owner;
    if (strcmp(wb_local(name), "cellXfs") == 0)
        s->in_cell_xfs = false;
}

/* ---- shared strings ------------------------------------------------------------- */

typedef struct strings_scan {
    xlsx_book *book;
    bool in_item, in_text;
    int in_phonetic; /* <rPh>: a reading aid, not the text */
} strings_scan;

static void XMLCALL strings_start(void *user, const XML_Char *name, const XML_Char **atts)
{
    (void)atts;
    strings_scan *s = ((wb_xml *)user)->owner;
    xlsx_book *b = s->book;
    const char *local = wb_local(name);
    if (strcmp(local, "si") == 0) {
        if (b->count >= MAX_STRINGS) {
            too_much(user, "xl/sharedStrings.xml", HTX_WORKBOOK_MAX_STRINGS);
            return;
        }
        if (b->count == b->cap) {
            size_t cap = b->cap ? b->cap * 2 : 1024;
            size_t *grown = realloc(b->starts, cap * sizeof *grown);
            if (!grown) {
                htx_error why;
                htx_fail(&why, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
                wb_xml_fail(user, &why);
                return;
            }
            b->starts = grown;
            b->cap = cap;
        }
        b->starts[b->count++] = b->text_len;
        s->in_item = true;
    } else if (strcmp(local, "rPh") == 0) {
        s->in_phonetic++;
    } else if (strcmp(local, "t") == 0 && s->in_item && !s->in_phonetic) {
        s->in_text = true;
    }
}

static void XMLCALL strings_end(void *user, const XML_Char *name)
{
    strings_scan *s = ((wb_xml *)user)->owner;
    xlsx_book *b = s->book;
    const char *local = wb_local(name);
    if (strcmp(local, "si") == 0 && s->in_item) {
        s->in_item = false;
        /* each string NUL-terminated in the arena */
        if (!append(&b->text, &b->text_len, &b->text_cap, "", 1, HTX_WORKBOOK_MAX_STRINGS))
            too_much(user, "xl/sharedStrings.xml", HTX_WORKBOOK_MAX_STRINGS);
    } else if (strcmp(local, "rPh") == 0 && s->in_phonetic) {
        s->in_phonetic--;
    } else if (strcmp(local, "t") == 0) {
        s->in_text = false;
    }
}

static void XMLCALL strings_text(void *user, const XML_Char *text, int len)
{
    strings_scan *s = ((wb_xml *)user)->owner;
    xlsx_book *b = s->book;
    if (s->in_text && !append(&b->text, &b->text_len, &b->text_cap, text, (size_t)len, HTX_WORKBOOK_MAX_STRINGS))
        too_much(user, "xl/sharedStrings.xml", HTX_WORKBOOK_MAX_STRINGS);
}

static void book_free(void *book)
{
    xlsx_book *b = book;
    if (!b)
        return;
    wb_zip_close(b->zip);
    free(b->text);
    free(b->starts);
    free(b->date_style);
    free(b);
}

/* ---- the sheet, a row at a time ------------------------------------------------- */

typedef struct xlsx_rows {
    xlsx_book *book;
    wb_xml xml;
    wb_row build;
    htx_csv_row *out;
    bool row_ready;
    bool in_row, in_cell, in_value, in_inline;
    int in_phonetic;
    long line;
    size_t col;
    char type[16];
    long style;
    char *value;
    size_t value_len, value_cap;
} xlsx_rows;

static void row_fail(wb_xml *x, htx_status st, const htx_error *why)
{
    if (st != HTX_OK)
        wb_xml_fail(x, why);
}

/* "BC12" → column 54 (from 0); -1 for no letters. */
static long column_of(const char *ref)
{
    long col = 0;
    const char *p = ref;
    for (; *p >= 'A' && *p <= 'Z' && col <= HTX_WORKBOOK_MAX_COLUMNS; p++)
        col = col * 26 + (*p - 'A' + 1);
    return p == ref ? -1 : col - 1;
}

static void XMLCALL sheet_start(void *user, const XML_Char *name, const XML_Char **atts)
{
    xlsx_rows *r = ((wb_xml *)user)->owner;
    const char *local = wb_local(name);
    if (strcmp(local, "row") == 0) {
        const char *number = wb_attr(atts, "r");
        long line = number ? strtol(number, NULL, 10) : 0;
        r->line = line > r->line ? line : r->line + 1;
        r->in_row = true;
        r->col = 0;
        wb_row_start(&r->build, r->out, r->line);
    } else if (strcmp(local, "c") == 0 && r->in_row) {
        const char *ref = wb_attr(atts, "r"), *type = wb_attr(atts, "t"), *style = wb_attr(atts, "s");
        long col = ref ? column_of(ref) : -1;
        r->col = col >= 0 ? (size_t)col : r->build.columns;
        snprintf(r->type, sizeof r->type, "%s", type ? type : "n");
        r->style = style ? strtol(style, NULL, 10) : 0;
        r->value_len = 0;
        r->in_cell = true;
    } else if (r->in_cell && strcmp(local, "v") == 0) {
        r->in_value = true;
    } else if (r->in_cell && strcmp(local, "is") == 0) {
        r->in_inline = true;
    } else if (r->in_inline && strcmp(local, "rPh") == 0) {
        r->in_phonetic++;
    } else if (r->in_inline && !r->in_phonetic && strcmp(local, "t") == 0) {
        r->in_value = true;
    }
}

/* The text of the cell just read. */
static htx_status cell_text(xlsx_rows *r, const char **text, size_t *len, char number[WB_CELL_TEXT],
                            htx_error *err)
{
    const xlsx_book *b = r->book;
    const char *v = r->value ? r->value : "";
    *text = v;
    *len = r->value_len;
    if (strcmp(r->type, "s") == 0) {
        char *end;
        long i = strtol(v, &end, 10);
        if (end == v || *end || i < 0 || (size_t)i >= b->count)
            return htx_fail(err, HTX_ERR_INVALID, MSG_WORKBOOK_BROKEN, NULL, "xl/sharedStrings.xml", v);
        *text = b->text + b->starts[i];
        *len = strlen(*text);
    } else if (strcmp(r->type, "b") == 0) {
        *text = strcmp(v, "1") == 0 ? "TRUE" : "FALSE";
        *len = strlen(*text);
    } else if (strcmp(r->type, "d") == 0) {
        if (wb_iso_date(v, number)) {
            *text = number;
            *len = strlen(number);
        }
    } else if (strcmp(r->type, "n") == 0 && r->value_len) {
        bool date = r->style >= 0 && (size_t)r->style < b->style_count && b->date_style[r->style];
        if (!date || !wb_serial_date(strtod(v, NULL), b->date1904, number))
            wb_number_text(v, number);
        *text = number;
        *len = strlen(number);
    }
    return HTX_OK;
}

static void XMLCALL sheet_end(void *user, const XML_Char *name)
{
    wb_xml *x = user;
    xlsx_rows *r = x->owner;
    const char *local = wb_local(name);
    htx_error why;
    if (strcmp(local, "row") == 0 && r->in_row) {
        r->in_row = false;
        htx_csv_row_finish(r->out);
        if (r->build.any) {
            r->row_ready = true;
            wb_xml_pause(x);
        }
    } else if (strcmp(local, "c") == 0 && r->in_cell) {
        r->in_cell = r->in_value = r->in_inline = false;
        r->in_phonetic = 0;
        const char *text;
        size_t len;
        char number[WB_CELL_TEXT];
        htx_status st = cell_text(r, &text, &len, number, &why);
        if (st == HTX_OK)
            st = wb_row_cell(&r->build, r->col, text, len, &why);
        row_fail(x, st, &why);
    } else if (strcmp(local, "v") == 0 || strcmp(local, "t") == 0) {
        r->in_value = false;
    } else if (strcmp(local, "rPh") == 0 && r->in_phonetic) {
        r->in_phonetic--;
    }
}

static void XMLCALL sheet_text(void *user, const XML_Char *text, int len)
{
    xlsx_rows *r = ((wb_xml *)user)->owner;
    if (!r->in_value)
        return;
    if (!append(&r->value, &r->value_len, &r->value_cap, text, (size_t)len, HTX_WORKBOOK_MAX_ROW_BYTES)) {
        char line[24], limit[24];
        snprintf(line, sizeof line, "%ld", r->line);
        snprintf(limit, sizeof limit, "%d KB", HTX_WORKBOOK_MAX_ROW_BYTES / 1024);
        htx_error why;
        htx_fail(&why, HTX_ERR_INVALID, MSG_WORKBOOK_ROW_TOO_LONG, NULL, line, limit);
        wb_xml_fail(user, &why);
    }
}

static void rows_close(void *rows)
{
    xlsx_rows *r = rows;
    if (!r)
        return;
    wb_xml_close(&r->xml);
    free(r->value);
    free(r);
}

static htx_status rows_open(void *book, void **out, htx_error *err)
{
    xlsx_book *b = book;
    *out = NULL;
    xlsx_rows *r = calloc(1, sizeof *r);
    if (!r)
        return htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
    r->book = b;
    htx_status st = wb_xml_open(&r->xml, b->zip, b->sheet_path, HTX_WORKBOOK_MAX_PART, r, sheet_start, sheet_end,
                                sheet_text, err);
    if (st == HTX_ERR_NOT_FOUND)
        st = htx_fail(err, HTX_ERR_INVALID, MSG_WORKBOOK_BROKEN, NULL, b->sheet_path, "missing");
    if (st != HTX_OK) {
        rows_close(r);
        return st;
    }
    *out = r;
    return HTX_OK;
}

static htx_status rows_next(void *rows, htx_csv_row *row, htx_error *err)
{
    xlsx_rows *r = rows;
    r->out = row;
    r->row_ready = false;
    htx_status st;
    while ((st = wb_xml_step(&r->xml, err)) == HTX_OK)
        if (r->row_ready)
            return HTX_OK;
    return st;
}

static unsigned rows_progress(const void *rows)
{
    return wb_xml_progress(&((const xlsx_rows *)rows)->xml);
}

static const wb_ops xlsx_ops = {rows_open, rows_next, rows_progress, rows_close, book_free};

htx_status wb_xlsx_open(wb_zip *z, const char *sheet, const wb_ops **ops, void **book, htx_error *err)
{
    *book = NULL;
    xlsx_book *b = calloc(1, sizeof *b);
    if (!b) {
        wb_zip_close(z);
        return htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
    }
    b->zip = z;
    htx_status st = find_sheet(b, sheet, err);
    if (st == HTX_OK) {
        styles_scan *styles = calloc(1, sizeof *styles);
        if (!styles) {
            st = htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
        } else {
            styles->book = b;
            st = parse_part(b, "xl/styles.xml", HTX_WORKBOOK_MAX_SMALL_PART, false, styles, styles_start,
                            styles_end, NULL, err);
            free(styles);
        }
    }
    if (st == HTX_OK) {
        strings_scan strings = {.book = b};
        st = parse_part(b, "xl/sharedStrings.xml", HTX_WORKBOOK_MAX_PART, false, &strings, strings_start,
                        strings_end, strings_text, err);
    }
    if (st != HTX_OK) {
        book_free(b);
        return st;
    }
    *ops = &xlsx_ops;
    *book = b;
    return HTX_OK;
}
