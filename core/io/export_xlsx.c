#include "export_xlsx.h"

#include <stdlib.h>

#include <xlsxwriter.h>

#include "coop_out.h"
#include "date.h"
#include "display.h"
#include "field_kind.h"

typedef struct sheet_writer {
    lxw_worksheet *sheet;
    lxw_format *text, *code, *number, *date;
    lxw_row_t row;
    long written;
} sheet_writer;

static void write_value(sheet_writer *w, lxw_col_t col, const htx_coop *c, htx_field_id id)
{
    char value[8192];
    htx_field_kind kind = htx_fields[id].kind;
    htx_date day;
    /* numbers and dates as their raw value; the rest as staff read it */
    bool raw = kind == HTX_KIND_COUNT || kind == HTX_KIND_MONEY || kind == HTX_KIND_DATE || kind == HTX_KIND_CODE ||
               kind == HTX_KIND_PHONE;
    htx_coop_value(c, id, raw ? HTX_VALUE_RAW : HTX_VALUE_DISPLAY, HTX_LANG_VI, value, sizeof value);
    if (value[0] == '\0')
        return;
    switch (kind) {
    case HTX_KIND_COUNT:
    case HTX_KIND_MONEY: worksheet_write_number(w->sheet, w->row, col, strtod(value, NULL), w->number); break;
    case HTX_KIND_DATE:
        if (htx_date_parse(value, &day)) {
            lxw_datetime when = {day.year, day.month, day.day, 0, 0, 0};
            worksheet_write_datetime(w->sheet, w->row, col, &when, w->date);
        } else {
            worksheet_write_string(w->sheet, w->row, col, value, w->text); /* a year alone: as written */
        }
        break;
    case HTX_KIND_CODE:
    case HTX_KIND_PHONE: worksheet_write_string(w->sheet, w->row, col, value, w->code); break;
    default: worksheet_write_string(w->sheet, w->row, col, value, w->text); break;
    }
}

static int write_row(const htx_coop *c, void *ctx)
{
    sheet_writer *w = ctx;
    for (int i = 0; i < HTX_FIELD_COUNT; i++)
        write_value(w, (lxw_col_t)i, c, htx_record_fields[i]);
    w->row++;
    w->written++;
    return 0;
}

/* Room for what a column holds: names and addresses wide, codes and dates
 * as their text. */
static double column_width(const htx_field_def *def)
{
    double label = (double)htx_text_width(def->label_vi) + 2;
    double content = def->kind == HTX_KIND_TEXT || def->kind == HTX_KIND_MULTILINE ? 30
                     : def->kind == HTX_KIND_SECTOR                               ? 28
                                                                                  : 12;
    return label > content ? label : content;
}

htx_status htx_export_coops_xlsx(htx_store *s, const htx_filter *f, const char *path, long *count,
                                 htx_error *err)
{
    *count = 0;
    lxw_workbook_options options = {.constant_memory = LXW_TRUE};
    lxw_workbook *book = workbook_new_opt(path, &options);
    if (!book)
        return htx_fail(err, HTX_ERR_IO, MSG_XLSX_FAILED, NULL, path, "workbook_new");
    sheet_writer w = {.sheet = workbook_add_worksheet(book, "HTX")};
    lxw_format *header = workbook_add_format(book);
    format_set_bold(header);
    format_set_bg_color(header, 0xE6E6E6);
    format_set_border(header, LXW_BORDER_THIN);
    format_set_text_wrap(header);
    w.text = workbook_add_format(book);
    w.code = workbook_add_format(book);
    format_set_num_format(w.code, "@");
    w.number = workbook_add_format(book);
    format_set_num_format(w.number, "#,##0");
    w.date = workbook_add_format(book);
    format_set_num_format(w.date, "dd/mm/yyyy");
    for (int i = 0; i < HTX_FIELD_COUNT; i++) {
        const htx_field_def *def = &htx_fields[htx_record_fields[i]];
        worksheet_set_column(w.sheet, (lxw_col_t)i, (lxw_col_t)i, column_width(def), NULL);
        worksheet_write_string(w.sheet, 0, (lxw_col_t)i, def->label_vi, header);
    }
    worksheet_freeze_panes(w.sheet, 1, 0);
    w.row = 1;
    htx_status st = htx_query_each(s, f, write_row, &w, err);
    worksheet_autofilter(w.sheet, 0, 0, w.row > 1 ? w.row - 1 : 0, (lxw_col_t)(HTX_FIELD_COUNT - 1));
    lxw_error result = workbook_close(book);
    if (st == HTX_OK && result != LXW_NO_ERROR)
        st = htx_fail(err, HTX_ERR_IO, MSG_XLSX_FAILED, NULL, path, lxw_strerror(result));
    *count = w.written;
    return st;
}
