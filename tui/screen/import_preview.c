/* The import screen's preview of a file (import_preview.h). */
#include "import_preview.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coop.h"
#include "csv_read.h"
#include "display.h"
#include "ui_text.h"

#define PREVIEW_WIDTH_MAX 26

void import_preview_free(import_preview *p)
{
    for (int r = 0; r < p->rows; r++) {
        for (int k = 0; k < p->columns; k++)
            free(p->cells[r][k]);
        free(p->problems[r]);
    }
    memset(p, 0, sizeof *p);
}

/* What a cell shows: the value as the import reads it, after the value as
 * written when the two differ ("500 triệu → 500.000.000 đ"); the district
 * found elsewhere says where from. */
static char *shown_cell(const char *written, const htx_coop *c, int field, htx_district_source from,
                        htx_lang lang)
{
    char value[512], typed[512], text[1200];
    htx_coop_value(c, (htx_field_id)field, HTX_VALUE_DISPLAY, lang, value, sizeof value);
    while (*written == ' ' || *written == '\t')
        written++;
    snprintf(typed, sizeof typed, "%s", written);
    for (size_t n = strlen(typed); n && (typed[n - 1] == ' ' || typed[n - 1] == '\t');)
        typed[--n] = '\0';
    if (field == HTX_F_DISTRICT && from != HTX_DISTRICT_OWN)
        snprintf(text, sizeof text, "%s (%s)", value,
                 ui_text(from == HTX_DISTRICT_GIVEN ? UI_IMPORT_DISTRICT_GIVEN : UI_IMPORT_DISTRICT_ADDRESS, lang));
    else if (typed[0] && value[0] && strcmp(typed, value) != 0)
        snprintf(text, sizeof text, "%s → %s", typed, value);
    else
        snprintf(text, sizeof text, "%s", typed[0] ? typed : value);
    return htx_text_sanitize(text);
}

void import_preview_read(import_preview *p, const htx_import_file *f, const htx_import_options *opt, htx_lang lang)
{
    size_t source[PREVIEW_COLUMNS];
    bool has_district = false;
    for (size_t i = 0; i < f->column_count; i++)
        has_district |= f->columns[i].field == HTX_F_DISTRICT;
    /* No district column: the one each row takes is shown first all the same. */
    if (!has_district) {
        source[p->columns] = (size_t)-1;
        p->field[p->columns++] = HTX_F_DISTRICT;
    }
    for (size_t i = 0; i < f->column_count && p->columns < PREVIEW_COLUMNS; i++)
        if (f->columns[i].field >= 0) {
            source[p->columns] = i;
            p->field[p->columns++] = f->columns[i].field;
        }
    for (int k = 0; k < p->columns; k++)
        p->natural[k] = (int)htx_text_width(htx_field_label((htx_field_id)p->field[k], lang));
    htx_import_rows *r = NULL;
    htx_csv_row row = {0};
    htx_error err;
    if (htx_import_rows_open(f, &r, &err) != HTX_OK) {
        htx_error_text(&err, lang, p->error, sizeof p->error);
        return;
    }
    htx_coop *c = malloc(sizeof *c);
    htx_report *report = malloc(sizeof *report);
    while (c && report && p->rows < PREVIEW_ROWS) {
        htx_status st = htx_import_rows_next(r, &row, &err);
        if (st == HTX_ERR_INVALID)
            htx_error_text(&err, lang, p->error, sizeof p->error);
        if (st != HTX_OK)
            break;
        htx_district_source from;
        htx_import_convert_row(f, opt, &row, c, report, &from);
        p->lines[p->rows] = row.line;
        for (int k = 0; k < p->columns; k++) {
            const char *written = source[k] < row.count ? row.fields[source[k]] : "";
            char *cell = shown_cell(written, c, p->field[k], from, lang);
            p->cells[p->rows][k] = cell;
            int width = cell ? (int)htx_text_width(cell) : 0;
            if (width > p->natural[k])
                p->natural[k] = width;
        }
        for (int i = 0; i < report->count && !p->problems[p->rows]; i++)
            if (!report->is_warning[i]) {
                char text[600];
                htx_error_text(&report->items[i], lang, text, sizeof text);
                p->problems[p->rows] = htx_text_sanitize(text);
            }
        p->rows++;
    }
    free(c);
    free(report);
    htx_csv_row_free(&row);
    htx_import_rows_close(r);
}

/* Columns as wide as their content, as many as fit; the last one shown
 * takes what is left, cropped. */
static int preview_widths(const import_preview *p, int room, int widths[PREVIEW_COLUMNS])
{
    int used = 0, shown = 0;
    for (int k = 0; k < p->columns; k++) {
        int w = p->natural[k] < PREVIEW_WIDTH_MAX ? p->natural[k] : PREVIEW_WIDTH_MAX;
        if (used + w > room) {
            if (room - used >= 8)
                widths[shown++] = room - used;
            break;
        }
        widths[shown++] = w;
        used += w + 2;
    }
    return shown;
}

int import_preview_draw(const import_preview *p, tui_app *app, tui_canvas *c, int y, tui_rect a)
{
    int widths[PREVIEW_COLUMNS];
    int shown = preview_widths(p, a.width - 2, widths);
    int x = a.x + 1;
    for (int k = 0; k < shown; x += widths[k] + 2, k++)
        canvas_text(c, y, x, widths[k], htx_field_label((htx_field_id)p->field[k], app->lang), STYLE_HEADER);
    y++;
    for (int r = 0; r < p->rows && y < a.y + a.height - 2; r++, y++) {
        x = a.x + 1;
        for (int k = 0; k < shown; x += widths[k] + 2, k++)
            canvas_text(c, y, x, widths[k], p->cells[r][k] ? p->cells[r][k] : "", STYLE_NORMAL);
    }
    for (int r = 0; r < p->rows && y < a.y + a.height - 2; r++)
        if (p->problems[r]) {
            char line[800];
            snprintf(line, sizeof line, "%s %ld: %s", ui_text(UI_IMPORT_LINE, app->lang), p->lines[r], p->problems[r]);
            canvas_text_safe(c, y++, a.x + 1, a.width - 2, line, STYLE_ERROR);
        }
    if (p->error[0] && y < a.y + a.height - 2)
        canvas_text_safe(c, y++, a.x + 1, a.width - 2, p->error, STYLE_ERROR);
    return y;
}

