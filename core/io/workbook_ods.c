/*
 * OpenDocument spreadsheets (.ods): content.xml holds every table; the
 * chosen one is streamed a row at a time.  Rows and cells may stand for
 * several (number-rows-repeated, number-columns-repeated): empty ones only
 * move the row number on, so that a sheet that "ends" at row 1048576 is
 * read as the rows it has.
 */
#include "workbook_internal.h"

#include <stdlib.h>
#include <string.h>

enum { MAX_ROW = 1048576 };

typedef struct ods_book {
    wb_zip *zip;
    char *choice;
} ods_book;

typedef struct ods_rows {
    ods_book *book;
    wb_xml xml;
    wb_row build;
    htx_csv_row *out;
    long tables;      /* tables met so far */
    bool in_table;    /* the chosen one */
    bool done;        /* past it */
    char names[HTX_ERROR_ARG_MAX];
    long line;        /* of the row being read */
    long repeat_rows;
    size_t col;       /* of the cell being read */
    long repeat_cols;
    bool in_cell, row_ready;
    int in_paragraph, in_note;
    char kind[16];    /* office:value-type */
    char value[WB_CELL_TEXT];
    char *text;
    size_t text_len, text_cap;
    /* a repeated row with text: given again until its count is used up */
    long pending;
} ods_rows;

static void fail_nomem(wb_xml *x)
{
    htx_error why;
    htx_fail(&why, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
    wb_xml_fail(x, &why);
}

static void row_too_long(wb_xml *x, long line)
{
    char number[24], limit[24];
    snprintf(number, sizeof number, "%ld", line);
    snprintf(limit, sizeof limit, "%d KB", HTX_WORKBOOK_MAX_ROW_BYTES / 1024);
    htx_error why;
    htx_fail(&why, HTX_ERR_INVALID, MSG_WORKBOOK_ROW_TOO_LONG, NULL, number, limit);
    wb_xml_fail(x, &why);
}

static void add_text(wb_xml *x, ods_rows *r, const char *s, size_t n)
{
    if (r->text_len + n + 1 > HTX_WORKBOOK_MAX_ROW_BYTES) {
        row_too_long(x, r->line);
        return;
    }
    if (r->text_len + n + 1 > r->text_cap) {
        size_t cap = r->text_cap ? r->text_cap : 256;
        while (cap < r->text_len + n + 1)
            cap *= 2;
        char *grown = realloc(r->text, cap);
        if (!grown) {
            fail_nomem(x);
            return;
        }
        r->text = grown;
        r->text_cap = cap;
    }
    memcpy(r->text + r->text_len, s, n);
    r->text_len += n;
    r->text[r->text_len] = '\0';
}

static long repeated(const char **atts, const char *local, long max)
{
    const char *v = wb_attr(atts, local);
    long n = v ? strtol(v, NULL, 10) : 1;
    return n < 1 ? 1 : n > max ? max : n;
}

static void table_start(ods_rows *r, const char **atts)
{
    const char *name = wb_attr(atts, "name");
    r->tables++;
    wb_names_add(r->names, sizeof r->names, name ? name : "");
    if (!r->done && wb_sheet_chosen(r->book->choice, r->tables, name ? name : "")) {
        r->in_table = true;
        r->line = 0;
    }
}

static void cell_start(ods_rows *r, const char **atts)
{
    r->in_cell = true;
    r->repeat_cols = repeated(atts, "number-columns-repeated", HTX_WORKBOOK_MAX_COLUMNS);
    r->text_len = 0;
    r->value[0] = '\0';
    const char *kind = wb_attr(atts, "value-type");
    snprintf(r->kind, sizeof r->kind, "%s", kind ? kind : "");
    const char *v;
    if (strcmp(r->kind, "date") == 0 && (v = wb_attr(atts, "date-value")) && !wb_iso_date(v, r->value))
        snprintf(r->value, sizeof r->value, "%s", v);
    else if (strcmp(r->kind, "boolean") == 0 && (v = wb_attr(atts, "boolean-value")))
        snprintf(r->value, sizeof r->value, "%s", strcmp(v, "true") == 0 ? "TRUE" : "FALSE");
    else if ((strcmp(r->kind, "float") == 0 || strcmp(r->kind, "currency") == 0 ||
              strcmp(r->kind, "percentage") == 0) &&
             (v = wb_attr(atts, "value")))
        wb_number_text(v, r->value);
}

static void XMLCALL content_start(void *user, const XML_Char *name, const XML_Char **atts)
{
    wb_xml *x = user;
    ods_rows *r = x->owner;
    const char *local = wb_local(name);
    if (strcmp(local, "table") == 0) {
        table_start(r, atts);
    } else if (!r->in_table) {
        return;
    } else if (strcmp(local, "table-row") == 0) {
        r->repeat_rows = repeated(atts, "number-rows-repeated", MAX_ROW);
        r->line++;
        wb_row_start(&r->build, r->out, r->line);
    } else if (strcmp(local, "table-cell") == 0 || strcmp(local, "covered-table-cell") == 0) {
        cell_start(r, atts);
    } else if (r->in_cell && strcmp(local, "annotation") == 0) {
        r->in_note++;
    } else if (r->in_cell && !r->in_note && strcmp(local, "p") == 0) {
        if (r->in_paragraph++ == 0 && r->text_len)
            add_text(x, r, "\n", 1);
    } else if (r->in_paragraph && !r->in_note && strcmp(local, "s") == 0) {
        for (long n = repeated(atts, "c", 1024); n > 0; n--)
            add_text(x, r, " ", 1);
    } else if (r->in_paragraph && !r->in_note && strcmp(local, "tab") == 0) {
        add_text(x, r, "\t", 1);
    } else if (r->in_paragraph && !r->in_note && strcmp(local, "line-break") == 0) {
        add_text(x, r, "\n", 1);
    }
}

static void cell_end(wb_xml *x, ods_rows *r)
{
    r->in_cell = false;
    r->in_paragraph = r->in_note = 0;
    const char *text = r->value[0] ? r->value : r->text ? r->text : "";
    size_t len = r->value[0] ? strlen(r->value) : r->text_len;
    if (!len) {
        /* empty cells only count: they become cells when one with text follows */
        r->col += (size_t)r->repeat_cols;
        if (r->col > HTX_WORKBOOK_MAX_COLUMNS)
            r->col = HTX_WORKBOOK_MAX_COLUMNS;
        return;
    }
    htx_error why;
    for (long i = 0; i < r->repeat_cols; i++) {
        htx_status st = wb_row_cell(&r->build, r->col++, text, len, &why);
        if (st != HTX_OK) {
            wb_xml_fail(x, &why);
            return;
        }
    }
}

static void XMLCALL content_end(void *user, const XML_Char *name)
{
    wb_xml *x = user;
    ods_rows *r = x->owner;
    if (!r->in_table)
        return;
    const char *local = wb_local(name);
    if (strcmp(local, "table") == 0) {
        r->in_table = false;
        r->done = true;
    } else if (strcmp(local, "table-row") == 0) {
        r->col = 0;
        htx_csv_row_finish(r->out);
        if (r->build.any) {
            r->pending = r->repeat_rows - 1;
            r->row_ready = true;
            wb_xml_pause(x);
        } else {
            r->line += r->repeat_rows - 1;
        }
        if (r->line > MAX_ROW)
            r->line = MAX_ROW;
    } else if (strcmp(local, "table-cell") == 0 || strcmp(local, "covered-table-cell") == 0) {
        cell_end(x, r);
    } else if (strcmp(local, "annotation") == 0 && r->in_note) {
        r->in_note--;
    } else if (strcmp(local, "p") == 0 && r->in_paragraph && !r->in_note) {
        r->in_paragraph--;
    }
}

static void XMLCALL content_text(void *user, const XML_Char *text, int len)
{
    wb_xml *x = user;
    ods_rows *r = x->owner;
    if (r->in_table && r->in_paragraph && !r->in_note)
        add_text(x, r, text, (size_t)len);
}

static void rows_close(void *rows)
{
    ods_rows *r = rows;
    if (!r)
        return;
    wb_xml_close(&r->xml);
    free(r->text);
    free(r);
}

static htx_status rows_open(void *book, void **out, htx_error *err)
{
    ods_book *b = book;
    *out = NULL;
    ods_rows *r = calloc(1, sizeof *r);
    if (!r)
        return htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
    r->book = b;
    htx_status st = wb_xml_open(&r->xml, b->zip, "content.xml", HTX_WORKBOOK_MAX_PART, r, content_start,
                                content_end, content_text, err);
    if (st == HTX_ERR_NOT_FOUND)
        st = htx_fail(err, HTX_ERR_INVALID, MSG_WORKBOOK_BROKEN, NULL, "content.xml", "missing");
    if (st != HTX_OK) {
        rows_close(r);
        return st;
    }
    *out = r;
    return HTX_OK;
}

static htx_status rows_next(void *rows, htx_csv_row *row, htx_error *err)
{
    ods_rows *r = rows;
    if (r->pending > 0 && r->line < MAX_ROW) {
        /* the same cells again, on the next row */
        r->pending--;
        row->line = ++r->line;
        return HTX_OK;
    }
    r->out = row;
    r->row_ready = false;
    htx_status st;
    while ((st = wb_xml_step(&r->xml, err)) == HTX_OK)
        if (r->row_ready)
            return HTX_OK;
    /* The end of the document and the table chosen never met. */
    if (st == HTX_ERR_NOT_FOUND && !r->done && !r->in_table)
        return wb_no_sheet(r->book->choice, r->names, err);
    return st;
}

static unsigned rows_progress(const void *rows)
{
    return wb_xml_progress(&((const ods_rows *)rows)->xml);
}

static void book_free(void *book)
{
    ods_book *b = book;
    if (!b)
        return;
    wb_zip_close(b->zip);
    free(b->choice);
    free(b);
}

static const wb_ops ods_ops = {rows_open, rows_next, rows_progress, rows_close, book_free};

htx_status wb_ods_open(wb_zip *z, const char *sheet, const wb_ops **ops, void **book, htx_error *err)
{
    *book = NULL;
    ods_book *b = calloc(1, sizeof *b);
    if (b)
        b->choice = strdup(sheet ? sheet : "");
    if (!b || !b->choice) {
        free(b);
        wb_zip_close(z);
        return htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
    }
    b->zip = z;
    *ops = &ods_ops;
    *book = b;
    return HTX_OK;
}
