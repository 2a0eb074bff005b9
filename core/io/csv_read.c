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
    memset(r, 0, sizeof *r);
    r->text = text;
    r->len = len;
    r->pos = 0;
    r->line = 1;
    r->separator = separator;
}

void htx_csv_reader_stream(htx_csv_reader *r, htx_csv_source source, void *ctx, char separator,
                           size_t max_record)
{
    htx_csv_reader_init(r, "", 0, separator);
    r->source = source;
    r->source_ctx = ctx;
    r->max_record = max_record;
}

void htx_csv_reader_free(htx_csv_reader *r)
{
    free(r->window);
    r->window = NULL;
    r->window_cap = 0;
    r->text = "";
    r->len = r->pos = 0;
}

/* Pulls text from the source until pos + k is inside it or the source has
 * no more; keeps only the text from pos on. */
static bool fill(htx_csv_reader *r, size_t k)
{
    while (r->pos + k >= r->len && r->source && !r->at_end) {
        size_t keep = r->len - r->pos;
        if (keep && r->pos)
            memmove(r->window, r->window + r->pos, keep);
        r->pos = 0;
        r->len = keep;
        const char *text;
        size_t n;
        htx_status st = r->source(r->source_ctx, &text, &n, &r->failure);
        if (st != HTX_OK || n == 0) {
            r->failed = st;
            r->at_end = true;
            break;
        }
        if (keep + n + 1 > r->window_cap) {
            size_t cap = r->window_cap ? r->window_cap : 65536;
            while (cap < keep + n + 1)
                cap *= 2;
            char *grown = realloc(r->window, cap);
            if (!grown) {
                r->failed = htx_fail(&r->failure, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
                r->at_end = true;
                break;
            }
            r->window = grown;
            r->window_cap = cap;
        }
        memcpy(r->window + keep, text, n);
        r->len = keep + n;
        r->window[r->len] = '\0';
        r->text = r->window;
    }
    return r->pos + k < r->len;
}

/* Whether the character k after pos is there (reading on when streaming). */
static inline bool have(htx_csv_reader *r, size_t k)
{
    return r->pos + k < r->len || (r->source && fill(r, k));
}

/* Where the text stops: its end, or the source's error. */
static htx_status text_stops(const htx_csv_reader *r, htx_status at_end, htx_error *err)
{
    if (r->failed == HTX_OK)
        return at_end;
    if (err)
        *err = r->failure;
    return r->failed;
}

htx_status htx_csv_peek(htx_csv_reader *r, const char **text, size_t *len, htx_error *err)
{
    have(r, 0);
    *text = r->text + r->pos;
    *len = r->len - r->pos;
    return *len ? HTX_OK : text_stops(r, HTX_OK, err);
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

/* LF, CRLF, or a lone CR (what "CSV (Macintosh)" writes); pos is in the text. */
static bool at_line_end(const htx_csv_reader *r)
{
    return r->text[r->pos] == '\n' || r->text[r->pos] == '\r';
}

static void skip_line_end(htx_csv_reader *r)
{
    bool cr = r->text[r->pos] == '\r';
    bool crlf = cr && have(r, 1) && r->text[r->pos + 1] == '\n';
    r->pos += crlf ? 2 : 1;
    r->line++;
}

static htx_status record_too_long(const htx_csv_reader *r, const htx_csv_row *row, htx_error *err)
{
    char line[24], limit[32];
    snprintf(line, sizeof line, "%ld", row->line);
    if (r->max_record % (1024 * 1024) == 0)
        snprintf(limit, sizeof limit, "%zu MiB", r->max_record / (1024 * 1024));
    else
        snprintf(limit, sizeof limit, "%zu bytes", r->max_record);
    return htx_fail(err, HTX_ERR_INVALID, MSG_CSV_RECORD_TOO_LONG, NULL, line, limit);
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
    while (have(r, 0) && at_line_end(r))
        skip_line_end(r); /* blank lines */
    if (!have(r, 0))
        return text_stops(r, HTX_ERR_NOT_FOUND, err);
    row->line = r->line;
    size_t limit = r->max_record ? r->max_record : (size_t)-1;

    size_t field_start = 0;
    bool ok = true;
    for (;;) {
        /* One field. */
        if (have(r, 0) && r->text[r->pos] == '"') {
            long opened = r->line;
            r->pos++;
            for (;;) {
                if (!have(r, 0)) {
                    if (r->failed != HTX_OK)
                        return text_stops(r, HTX_OK, err);
                    char line[24];
                    snprintf(line, sizeof line, "%ld", opened);
                    return htx_fail(err, HTX_ERR_INVALID, MSG_CSV_OPEN_QUOTE, NULL, line, NULL);
                }
                char ch = r->text[r->pos];
                if (ch == '"') {
                    if (have(r, 1) && r->text[r->pos + 1] == '"') {
                        ok &= row_char(row, '"');
                        r->pos += 2;
                        continue;
                    }
                    r->pos++;
                    break;
                }
                if (ch == '\n' || (ch == '\r' && (!have(r, 1) || r->text[r->pos + 1] != '\n')))
                    r->line++;
                ok &= row_char(row, ch);
                r->pos++;
                if (row->chars_len > limit)
                    return record_too_long(r, row, err);
            }
        }
        /* Unquoted text, or what follows a closing quote (kept as typed). */
        while (have(r, 0) && r->text[r->pos] != r->separator && !at_line_end(r)) {
            ok &= row_char(row, r->text[r->pos]);
            r->pos++;
            if (row->chars_len > limit)
                return record_too_long(r, row, err);
        }
        ok &= row_end_field(row, &field_start);
        if (have(r, 0) && r->text[r->pos] == r->separator) {
            r->pos++;
            continue;
        }
        if (have(r, 0))
            skip_line_end(r);
        break;
    }
    if (!ok)
        return htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
    htx_csv_row_finish(row);
    return HTX_OK;
}

void htx_csv_row_start(htx_csv_row *row, long line)
{
    row->count = 0;
    row->chars_len = 0;
    row->line = line;
}

bool htx_csv_row_add(htx_csv_row *row, const char *text, size_t len)
{
    size_t field_start = row->chars_len;
    for (size_t i = 0; i < len; i++)
        if (!row_char(row, text[i]))
            return false;
    return row_end_field(row, &field_start);
}

void htx_csv_row_finish(htx_csv_row *row)
{
    for (size_t i = 0; i < row->count; i++)
        row->fields[i] = row->chars + row->offsets[i];
}

void htx_csv_row_free(htx_csv_row *row)
{
    free(row->fields);
    free(row->offsets);
    free(row->chars);
    memset(row, 0, sizeof *row);
}
