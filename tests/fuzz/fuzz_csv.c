/*
 * The CSV reader (csv_read.h) on any bytes, with each separator.
 *
 * Properties: records start on increasing lines within the text (so the
 * reader ends); every field is a NUL-terminated string;
 * and what it reads, written back as RFC 4180 (every field quoted, quotes
 * doubled), reads back as the same records.
 */
#include "fuzz_support.h"

#include "csv_read.h"

typedef struct records {
    char **fields; /* every field of every record, in order */
    size_t *counts; /* fields per record */
    size_t field_total, record_total;
    size_t field_cap, record_cap;
    bool complete; /* ended at the end of the text, not at an open quote */
} records;

static void records_add(records *rs, const htx_csv_row *row)
{
    if (rs->record_total == rs->record_cap) {
        rs->record_cap = rs->record_cap ? 2 * rs->record_cap : 16;
        rs->counts = realloc(rs->counts, rs->record_cap * sizeof *rs->counts);
        FUZZ_CHECK(rs->counts != NULL);
    }
    rs->counts[rs->record_total++] = row->count;
    for (size_t i = 0; i < row->count; i++) {
        if (rs->field_total == rs->field_cap) {
            rs->field_cap = rs->field_cap ? 2 * rs->field_cap : 64;
            rs->fields = realloc(rs->fields, rs->field_cap * sizeof *rs->fields);
            FUZZ_CHECK(rs->fields != NULL);
        }
        rs->fields[rs->field_total++] = strdup(row->fields[i]);
        FUZZ_CHECK(rs->fields[rs->field_total - 1] != NULL);
    }
}

static void records_free(records *rs)
{
    for (size_t i = 0; i < rs->field_total; i++)
        free(rs->fields[i]);
    free(rs->fields);
    free(rs->counts);
    memset(rs, 0, sizeof *rs);
}

/* Lines in the text as the reader counts them: LF, CRLF and a lone CR end one. */
static long line_count(const char *text, size_t len)
{
    long lines = 1;
    for (size_t i = 0; i < len; i++)
        if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= len || text[i + 1] != '\n')))
            lines++;
    return lines;
}

static void read_all(const char *text, size_t len, char separator, records *rs)
{
    htx_csv_reader r;
    htx_csv_reader_init(&r, text, len, separator);
    htx_csv_row row = {0};
    long lines = line_count(text, len), last_line = 0;
    for (;;) {
        htx_error err;
        htx_status st = htx_csv_next(&r, &row, &err);
        if (st == HTX_ERR_NOT_FOUND) {
            rs->complete = true;
            break;
        }
        if (st == HTX_ERR_INVALID) {
            FUZZ_CHECK(err.msg == MSG_CSV_OPEN_QUOTE);
            break;
        }
        FUZZ_CHECK(st == HTX_OK);
        FUZZ_CHECK(row.count >= 1);
        FUZZ_CHECK(row.line > last_line && row.line <= lines);
        last_line = row.line;
        bool all_blank = true;
        for (size_t i = 0; i < row.count; i++) {
            FUZZ_CHECK(row.fields[i] != NULL);
            for (const char *p = row.fields[i]; *p; p++)
                all_blank &= *p == ' ' || *p == '\t';
        }
        FUZZ_CHECK(!all_blank);
        records_add(rs, &row);
    }
    htx_csv_row_free(&row);
}

/* RFC 4180: every field quoted, quotes doubled, LF after each record. */
static char *write_all(const records *rs, char separator, size_t *len)
{
    size_t cap = 1;
    for (size_t i = 0; i < rs->field_total; i++)
        cap += 2 * strlen(rs->fields[i]) + 3;
    cap += rs->record_total;
    char *out = fuzz_alloc(cap);
    size_t o = 0, f = 0;
    for (size_t r = 0; r < rs->record_total; r++) {
        for (size_t i = 0; i < rs->counts[r]; i++, f++) {
            if (i > 0)
                out[o++] = separator;
            out[o++] = '"';
            for (const char *p = rs->fields[f]; *p; p++) {
                if (*p == '"')
                    out[o++] = '"';
                out[o++] = *p;
            }
            out[o++] = '"';
        }
        out[o++] = '\n';
    }
    out[o] = '\0';
    *len = o;
    return out;
}

static void check_separator(const char *text, size_t len, char separator)
{
    records first = {0}, again = {0};
    read_all(text, len, separator, &first);
    size_t written_len;
    char *written = write_all(&first, separator, &written_len);
    read_all(written, written_len, separator, &again);
    FUZZ_CHECK(again.complete);
    FUZZ_CHECK(again.record_total == first.record_total);
    FUZZ_CHECK(again.field_total == first.field_total);
    for (size_t r = 0; r < first.record_total; r++)
        FUZZ_CHECK(again.counts[r] == first.counts[r]);
    for (size_t i = 0; i < first.field_total; i++)
        FUZZ_CHECK(strcmp(again.fields[i], first.fields[i]) == 0);
    free(written);
    records_free(&first);
    records_free(&again);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* The reader is given exactly the bytes (no terminator to lean on). */
    char *text = fuzz_alloc(size);
    memcpy(text, data, size);
    char detected = htx_csv_detect_separator(text, size);
    FUZZ_CHECK(detected == ',' || detected == ';' || detected == '\t');
    check_separator(text, size, detected);
    for (const char *sep = ",;\t"; *sep; sep++)
        if (*sep != detected)
            check_separator(text, size, *sep);
    free(text);
    return 0;
}
