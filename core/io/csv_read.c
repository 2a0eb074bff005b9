#include "csv_read.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char htx_csv_detect_separator(const char *text, size_t len)
{
    static const char candidates[] = {',', ';', '\t'};
    size_t counts[3] = {0, 0, 0};
    bool quoted = false;
    for (size_t i = 0; i < len; i++) {
        char ch = text[i];
        if (ch == '"')
            quoted = !quoted;
        else if (!quoted && (ch == '\n' || ch == '\r'))
            break;
        else if (!quoted)
            for (int k = 0; k < 3; k++)
                counts[k] += ch == candidates[k];
    }
    int best = 0;
    for (int k = 1; k < 3; k++)
        if (counts[k] > counts[best])
            best = k;
    return candidates[best];
}

void htx_csv_reader_init(htx_csv_reader *r, const char *text, size_t len, char separator)
{
    r->text = text;
    r->len = len;
    r->pos = 0;
    r->line = 1;
    r->separator = separator;
}

static bool row_char(htx_csv_row *row, char ch)
{
    if (row->chars_len + 1 >= row->chars_cap) {
        size_t cap = row->chars_cap ? row->chars_cap * 2 : 256;
        char *grown = realloc(row->chars, cap);
        if (!grown)
            return false;
        row->chars = grown;
        row->chars_cap = cap;
    }
    row->chars[row->chars_len++] = ch;
    return true;
}

/* Ends the current field (NUL-terminates it) and starts the next. */
static bool row_end_field(htx_csv_row *row, size_t *field_start)
{
    if (!row_char(row, '\0'))
        return false;
    if (row->count == row->field_cap) {
        size_t cap = row->field_cap ? row->field_cap * 2 : 32;
        size_t *grown = realloc(row->offsets, cap * sizeof *grown);
        if (!grown)
            return false;
        row->offsets = grown;
        char **fields = realloc(row->fields, cap * sizeof *fields);
        if (!fields)
            return false;
        row->fields = fields;
        row->field_cap = cap;
    }
    row->offsets[row->count++] = *field_start;
    *field_start = row->chars_len;
    return true;
}

/* LF, CRLF, or a lone CR (what "CSV (Macintosh)" writes). */
static bool at_line_end(const htx_csv_reader *r)
{
    return r->text[r->pos] == '\n' || r->text[r->pos] == '\r';
}

static void skip_line_end(htx_csv_reader *r)
{
    bool crlf = r->text[r->pos] == '\r' && r->pos + 1 < r->len && r->text[r->pos + 1] == '\n';
    r->pos += crlf ? 2 : 1;
    r->line++;
}

static bool blank(const char *s)
{
    for (; *s; s++)
        if (*s != ' ' && *s != '\t')
            return false;
    return true;
}

static htx_status next_record(htx_csv_reader *r, htx_csv_row *row, htx_error *err);

htx_status htx_csv_next(htx_csv_reader *r, htx_csv_row *row, htx_error *err)
{
    /* A row of separators only (spreadsheets leave them below the data) is
     * a blank line too. */
    for (;;) {
        htx_status st = next_record(r, row, err);
        if (st != HTX_OK)
            return st;
        for (size_t i = 0; i < row->count; i++)
            if (!blank(row->fields[i]))
                return HTX_OK;
    }
}

static htx_status next_record(htx_csv_reader *r, htx_csv_row *row, htx_error *err)
{
    row->count = 0;
    row->chars_len = 0;
    while (r->pos < r->len && at_line_end(r))
        skip_line_end(r); /* blank lines */
    if (r->pos >= r->len)
        return HTX_ERR_NOT_FOUND;
    row->line = r->line;

    size_t field_start = 0;
    bool ok = true;
    for (;;) {
        /* One field. */
        if (r->pos < r->len && r->text[r->pos] == '"') {
            long opened = r->line;
            r->pos++;
            for (;;) {
                if (r->pos >= r->len) {
                    char line[24];
                    snprintf(line, sizeof line, "%ld", opened);
                    return htx_fail(err, HTX_ERR_INVALID, MSG_CSV_OPEN_QUOTE, NULL, line, NULL);
                }
                char ch = r->text[r->pos];
                if (ch == '"') {
                    if (r->pos + 1 < r->len && r->text[r->pos + 1] == '"') {
                        ok &= row_char(row, '"');
                        r->pos += 2;
                        continue;
                    }
                    r->pos++;
                    break;
                }
                if (ch == '\n' || (ch == '\r' && (r->pos + 1 >= r->len || r->text[r->pos + 1] != '\n')))
                    r->line++;
                ok &= row_char(row, ch);
                r->pos++;
            }
        }
        /* Unquoted text, or what follows a closing quote (kept as typed). */
        while (r->pos < r->len && r->text[r->pos] != r->separator && !at_line_end(r)) {
            ok &= row_char(row, r->text[r->pos]);
            r->pos++;
        }
        ok &= row_end_field(row, &field_start);
        if (r->pos < r->len && r->text[r->pos] == r->separator) {
            r->pos++;
            continue;
        }
        if (r->pos < r->len)
            skip_line_end(r);
        break;
    }
    if (!ok)
        return htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
    for (size_t i = 0; i < row->count; i++)
        row->fields[i] = row->chars + row->offsets[i];
    return HTX_OK;
}

void htx_csv_row_free(htx_csv_row *row)
{
    free(row->fields);
    free(row->offsets);
    free(row->chars);
    memset(row, 0, sizeof *row);
}
