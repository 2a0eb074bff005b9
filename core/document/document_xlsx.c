#include "document_xlsx.h"

#include <stdio.h>
#include <string.h>

#include <xlsxwriter.h>

#include "date.h"
#include "display.h"

typedef struct xlsx_formats {
    lxw_format *body_heading; /* the issuing body, bold capitals */
    lxw_format *title;        /* bold, larger, centred */
    lxw_format *subject;      /* centred */
    lxw_format *header;       /* bold, bordered, wrapped, shaded */
    lxw_format *text, *number, *date, *code;
    lxw_format *total;
} xlsx_formats;

static lxw_format *bordered(lxw_workbook *book)
{
    lxw_format *f = workbook_add_format(book);
    format_set_border(f, LXW_BORDER_THIN);
    format_set_text_wrap(f);
    format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    format_set_font_name(f, "Times New Roman");
    format_set_font_size(f, 12);
    return f;
}

static void make_formats(lxw_workbook *book, xlsx_formats *f)
{
    f->body_heading = workbook_add_format(book);
    format_set_bold(f->body_heading);
    format_set_font_name(f->body_heading, "Times New Roman");
    f->title = workbook_add_format(book);
    format_set_bold(f->title);
    format_set_font_size(f->title, 14);
    format_set_align(f->title, LXW_ALIGN_CENTER);
    format_set_font_name(f->title, "Times New Roman");
    f->subject = workbook_add_format(book);
    format_set_align(f->subject, LXW_ALIGN_CENTER);
    format_set_font_name(f->subject, "Times New Roman");
    f->header = bordered(book);
    format_set_bold(f->header);
    format_set_align(f->header, LXW_ALIGN_CENTER);
    format_set_bg_color(f->header, 0xE6E6E6);
    f->text = bordered(book);
    f->code = bordered(book);
    format_set_num_format(f->code, "@"); /* text: Excel keeps the leading zero */
    f->number = bordered(book);
    format_set_num_format(f->number, "0");
    f->date = bordered(book);
    format_set_num_format(f->date, "dd/mm/yyyy");
    format_set_align(f->date, LXW_ALIGN_CENTER);
    f->total = workbook_add_format(book);
    format_set_bold(f->total);
    format_set_font_name(f->total, "Times New Roman");
}

/* A title line across the table's width. */
static void title_row(lxw_worksheet *sheet, lxw_row_t row, int columns, const char *text, lxw_format *format)
{
    if (!text || !text[0])
        return;
    worksheet_merge_range(sheet, row, 0, row, (lxw_col_t)(columns - 1), text, format);
}

/* "1.250" → 1250: the document's numbers carry thousands dots. */
static double number_of(const char *cell)
{
    double value = 0;
    for (const char *p = cell; *p; p++)
        if (*p >= '0' && *p <= '9')
            value = value * 10 + (*p - '0');
    return value;
}

static void write_cell(lxw_worksheet *sheet, lxw_row_t row, lxw_col_t col, htx_cell_kind kind, const char *cell,
                       const xlsx_formats *f)
{
    htx_date day;
    if (cell[0] == '\0') {
        worksheet_write_blank(sheet, row, col, kind == HTX_CELL_DATE ? f->date : f->text);
        return;
    }
    switch (kind) {
    case HTX_CELL_NUMBER: worksheet_write_number(sheet, row, col, number_of(cell), f->number); break;
    case HTX_CELL_DATE:
        if (htx_date_parse(cell, &day)) {
            lxw_datetime when = {day.year, day.month, day.day, 0, 0, 0};
            worksheet_write_datetime(sheet, row, col, &when, f->date);
        } else {
            worksheet_write_string(sheet, row, col, cell, f->text);
        }
        break;
    case HTX_CELL_CODE: worksheet_write_string(sheet, row, col, cell, f->code); break;
    default: worksheet_write_string(sheet, row, col, cell, f->text); break;
    }
}

/* Column widths in characters: a share column wide, the others as their
 * widest cell, measured by display width (NFC Vietnamese). */
static void set_widths(lxw_worksheet *sheet, const htx_document *doc)
{
    char cell[1400];
    for (int c = 0; c < doc->column_count; c++) {
        const htx_doc_column *col = &doc->columns[c];
        double width = (double)htx_text_width(col->title) + 2;
        if (col->share > 0) {
            width = 12.0 * col->share;
        } else {
            for (int r = 0; r < doc->row_count && r < 2000; r++) {
                htx_doc_cell(doc, r, c, cell, sizeof cell);
                if ((double)htx_text_width(cell) + 2 > width)
                    width = (double)htx_text_width(cell) + 2;
            }
        }
        worksheet_set_column(sheet, (lxw_col_t)c, (lxw_col_t)c, width, NULL);
    }
}

htx_status htx_doc_write_xlsx(const htx_document *doc, const char *path, htx_error *err)
{
    lxw_workbook_options options = {.constant_memory = LXW_TRUE};
    lxw_workbook *book = workbook_new_opt(path, &options);
    if (!book)
        return htx_fail(err, HTX_ERR_IO, MSG_XLSX_FAILED, NULL, path, "workbook_new");
    const htx_doc_texts *t = &doc->texts;
    workbook_set_properties(book, &(lxw_doc_properties){.title = (char *)t->title, .author = (char *)t->issuer});
    lxw_worksheet *sheet = workbook_add_worksheet(book, "Danh sách");
    xlsx_formats f;
    make_formats(book, &f);
    set_widths(sheet, doc);

    /* The title block, rows in order (constant-memory mode writes each row once). */
    int columns = doc->column_count;
    lxw_row_t row = 0;
    if (t->parent_body[0])
        worksheet_write_string(sheet, row++, 0, t->parent_body, NULL);
    worksheet_write_string(sheet, row++, 0, t->issuer, f.body_heading);
    row++;
    title_row(sheet, row++, columns, t->title, f.title);
    title_row(sheet, row++, columns, t->subtitle, f.subject);
    if (t->as_of_line[0])
        title_row(sheet, row++, columns, t->as_of_line, f.subject);
    row++;

    lxw_row_t header = row++;
    worksheet_set_row(sheet, header, 32, NULL);
    for (int c = 0; c < columns; c++)
        worksheet_write_string(sheet, header, (lxw_col_t)c, doc->columns[c].title, f.header);
    worksheet_freeze_panes(sheet, header + 1, 0);

    char cell[1400];
    for (int r = 0; r < doc->row_count; r++, row++)
        for (int c = 0; c < columns; c++) {
            htx_doc_cell(doc, r, c, cell, sizeof cell);
            write_cell(sheet, row, (lxw_col_t)c, doc->columns[c].kind, cell, &f);
        }
    row++;
    worksheet_write_string(sheet, row, 0, t->total, f.total);

    lxw_error result = workbook_close(book);
    if (result != LXW_NO_ERROR)
        return htx_fail(err, HTX_ERR_IO, MSG_XLSX_FAILED, NULL, path, lxw_strerror(result));
    return HTX_OK;
}
