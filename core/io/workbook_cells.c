/*
 * A workbook's cells as text (workbook_internal.h): numbers in their
 * shortest decimal form, dates as dd/mm/yyyy, the row being built, the
 * sheet chosen.
 */
#include "workbook_internal.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "fold.h"

void wb_number_text(const char *stored, char out[WB_CELL_TEXT])
{
    char *end;
    double v = strtod(stored, &end);
    if (end == stored || *end || !isfinite(v)) {
        snprintf(out, WB_CELL_TEXT, "%s", stored);
        return;
    }
    if (v == floor(v) && fabs(v) < 1e15)
        snprintf(out, WB_CELL_TEXT, "%.0f", v);
    else
        snprintf(out, WB_CELL_TEXT, "%.15g", v);
}

/* The civil date of a count of days since 1970-01-01 (H. Hinnant's
 * days_from_civil inverted). */
static htx_date civil_from_days(long z)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    htx_date d;
    d.day = (int)(doy - (153 * mp + 2) / 5 + 1);
    d.month = (int)(mp < 10 ? mp + 3 : mp - 9);
    d.year = (int)(yoe + era * 400 + (d.month <= 2));
    return d;
}

bool wb_serial_date(double serial, bool system_1904, char out[WB_CELL_TEXT])
{
    if (!isfinite(serial) || serial < 1 || serial > 2958465) /* 31/12/9999 */
        return false;
    long days = (long)floor(serial);
    /* Days from 1970-01-01 of day 0 of each system: the 1900 system counts
     * a 29/02/1900 that never was, so its day 0 is 1899-12-30 from day 61
     * on and 1899-12-31 before. */
    if (system_1904)
        days -= 24107;
    else if (days == 60)
        return false;
    else
        days -= days > 60 ? 25569 : 25568;
    htx_date d = civil_from_days(days);
    snprintf(out, WB_CELL_TEXT, "%02d/%02d/%04d", d.day, d.month, d.year);
    return true;
}

bool wb_iso_date(const char *iso, char out[WB_CELL_TEXT])
{
    int y, m, d, n = 0;
    if (sscanf(iso, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 || (iso[n] && iso[n] != 'T'))
        return false;
    snprintf(out, WB_CELL_TEXT, "%02d/%02d/%04d", d, m, y);
    return true;
}

bool wb_builtin_format_is_date(long id)
{
    return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) ||
           (id >= 50 && id <= 58);
}

bool wb_format_code_is_date(const char *code)
{
    /* A day or a year outside quoted text, [colours] and escapes; a month
     * alone could be minutes. */
    bool month = false, time = false;
    for (const char *p = code; *p; p++) {
        if (*p == '"') {
            p = strchr(p + 1, '"');
            if (!p)
                return false;
        } else if (*p == '[') {
            p = strchr(p + 1, ']');
            if (!p)
                return false;
        } else if (*p == '\\' || *p == '_' || *p == '*') {
            if (!*++p)
                return false;
        } else {
            char c = (char)tolower((unsigned char)*p);
            if (c == 'd' || c == 'y')
                return true;
            month |= c == 'm';
            time |= c == 'h' || c == 's';
        }
    }
    return month && !time;
}

bool wb_sheet_chosen(const char *choice, long number, const char *name)
{
    if (!choice || !choice[0])
        return number == 1;
    char *end;
    long n = strtol(choice, &end, 10);
    if (!*end && end != choice)
        return n == number;
    char *a = htx_fold_plain(choice), *b = htx_fold_plain(name);
    bool same = a && b && strcmp(a, b) == 0;
    free(a);
    free(b);
    return same;
}

void wb_names_add(char *list, size_t size, const char *name)
{
    size_t used = strlen(list);
    if (used < size)
        snprintf(list + used, size - used, "%s\"%s\"", used ? ", " : "", name);
}

htx_status wb_no_sheet(const char *choice, const char *names, htx_error *err)
{
    return htx_fail(err, HTX_ERR_INVALID, MSG_WORKBOOK_NO_SHEET, NULL, choice && choice[0] ? choice : "1",
                    names[0] ? names : "-");
}

void wb_row_start(wb_row *b, htx_csv_row *row, long line)
{
    b->row = row;
    b->columns = 0;
    b->any = false;
    htx_csv_row_start(row, line);
}

htx_status wb_row_cell(wb_row *b, size_t col, const char *text, size_t len, htx_error *err)
{
    if (col < b->columns)
        col = b->columns; /* a cell named out of order goes after the others */
    char line[24], limit[24];
    if (col >= HTX_WORKBOOK_MAX_COLUMNS || b->row->chars_len + len + col - b->columns > HTX_WORKBOOK_MAX_ROW_BYTES) {
        snprintf(line, sizeof line, "%ld", b->row->line);
        snprintf(limit, sizeof limit, "%d KB", HTX_WORKBOOK_MAX_ROW_BYTES / 1024);
        return htx_fail(err, HTX_ERR_INVALID, MSG_WORKBOOK_ROW_TOO_LONG, NULL, line, limit);
    }
    bool ok = true;
    while (ok && b->columns < col) {
        ok = htx_csv_row_add(b->row, "", 0);
        b->columns++;
    }
    ok = ok && htx_csv_row_add(b->row, text, len);
    if (!ok)
        return htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
    b->columns++;
    for (size_t i = 0; i < len && !b->any; i++)
        b->any = text[i] != ' ' && text[i] != '\t';
    return HTX_OK;
}
