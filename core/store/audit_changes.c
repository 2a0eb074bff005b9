#include "audit_changes.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coop.h"
#include "date.h"
#include "refdata.h"
#include "text.h"
#include "textout.h"

/* ---- writing ----------------------------------------------------------------- */

htx_status htx_changes_open(htx_changes *ch, htx_error *err)
{
    memset(ch, 0, sizeof *ch);
    FILE *f = open_memstream(&ch->json, &ch->size);
    if (!f)
        return htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
    fputc('{', f);
    ch->stream = f;
    return HTX_OK;
}

static void json_value(FILE *f, const char *value)
{
    if (value)
        htx_json_string(f, value);
    else
        fputs("null", f);
}

void htx_changes_add(htx_changes *ch, const char *field, const char *old_value, const char *new_value)
{
    FILE *f = ch->stream;
    if (ch->count++)
        fputs(", ", f);
    htx_json_string(f, field);
    fputs(": [", f);
    json_value(f, old_value);
    fputs(", ", f);
    json_value(f, new_value);
    fputc(']', f);
}

htx_status htx_changes_finish(htx_changes *ch, htx_error *err)
{
    FILE *f = ch->stream;
    fputc('}', f);
    int failed = ferror(f);
    fclose(f);
    ch->stream = NULL;
    if (failed || !ch->json) {
        free(ch->json);
        ch->json = NULL;
        return htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
    }
    return HTX_OK;
}

/* ---- reading ----------------------------------------------------------------- */

/*
 * Each string of a change is decoded into the iterator's one buffer, one
 * after the other.  A string literal of n bytes (quotes included) decodes to
 * at most n - 2 bytes (no escape is shorter than what it stands for: \n is
 * 2 bytes for 1, \uXXXX 6 for at most 3, a surrogate pair 12 for 4), so with
 * its NUL it takes at most n - 1: a buffer as long as the whole text holds
 * the strings of any one change.  put_bytes still checks every write, so a
 * mistake in that reasoning would be an error value, not an overflow.
 */

typedef struct reader {
    htx_change_iter *it;
    const char *p;
    size_t used; /* bytes of it->buffer taken by this change's strings */
} reader;

/* Records the first problem at the reader's position; always false. */
static bool invalid(reader *r)
{
    if (r->it->status == HTX_OK) {
        r->it->status = HTX_ERR_INVALID;
        r->it->error_at = (size_t)(r->p - r->it->json);
    }
    return false;
}

/* JSON's whitespace: space, tab, line feed, carriage return. */
static void skip_space(reader *r)
{
    while (*r->p == ' ' || *r->p == '\t' || *r->p == '\n' || *r->p == '\r')
        r->p++;
}

/* Skips whitespace and the expected punctuation c. */
static bool expect(reader *r, char c)
{
    skip_space(r);
    if (*r->p != c)
        return invalid(r);
    r->p++;
    return true;
}

static bool put_bytes(reader *r, const char *bytes, size_t n)
{
    if (r->used + n >= r->it->buffer_size) /* keeps room for the NUL */
        return invalid(r);
    memcpy(r->it->buffer + r->used, bytes, n);
    r->used += n;
    return true;
}

static bool put_cp(reader *r, int32_t cp)
{
    char utf8[4];
    int n = htx_utf8_encode(cp, utf8);
    if (n <= 0) /* not a code point: cannot come from four hex digits, but never trusted */
        n = htx_utf8_encode(0xFFFD, utf8);
    return put_bytes(r, utf8, (size_t)n);
}

static int hex_digit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Four hex digits at p; stops at the first other byte, so never reads past a NUL. */
static bool hex4(const char *p, int32_t *out)
{
    int32_t value = 0;
    for (int i = 0; i < 4; i++) {
        int digit = hex_digit(p[i]);
        if (digit < 0)
            return false;
        value = value * 16 + digit;
    }
    *out = value;
    return true;
}

/* A \uXXXX escape, r->p on the 'u'; a surrogate pair becomes one code point. */
static bool unicode_escape(reader *r)
{
    int32_t cp;
    if (!hex4(r->p + 1, &cp))
        return invalid(r);
    r->p += 5;
    if (cp >= 0xD800 && cp <= 0xDBFF) {
        int32_t low;
        if (r->p[0] == '\\' && r->p[1] == 'u' && hex4(r->p + 2, &low) && low >= 0xDC00 && low <= 0xDFFF) {
            r->p += 6;
            return put_cp(r, 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00));
        }
        /* an unpaired high surrogate; whatever follows is read on its own */
        return put_cp(r, 0xFFFD);
    }
    if (cp >= 0xDC00 && cp <= 0xDFFF)
        return put_cp(r, 0xFFFD);
    /* a C string cannot hold NUL: it would end the value early */
    return put_cp(r, cp == 0 ? 0xFFFD : cp);
}

/* A string literal into the buffer; *out points to its decoded text. */
static bool read_string(reader *r, const char **out)
{
    skip_space(r);
    if (*r->p != '"')
        return invalid(r);
    r->p++;
    size_t start = r->used;
    for (;;) {
        unsigned char c = (unsigned char)*r->p;
        if (c == '"')
            break;
        if (c == '\0') /* the text ends inside the string */
            return invalid(r);
        if (c < 0x20) /* JSON has no raw control characters in strings, the writer escapes them */
            return invalid(r);
        if (c != '\\') {
            /* bytes from 0x80 up are copied as they are: UTF-8, or what an
             * older writer let through, for the caller's sanitiser */
            if (!put_bytes(r, (const char *)r->p, 1))
                return false;
            r->p++;
            continue;
        }
        r->p++;
        char simple;
        switch (*r->p) {
        case '"': simple = '"'; break;
        case '\\': simple = '\\'; break;
        case '/': simple = '/'; break;
        case 'b': simple = '\b'; break;
        case 'f': simple = '\f'; break;
        case 'n': simple = '\n'; break;
        case 'r': simple = '\r'; break;
        case 't': simple = '\t'; break;
        case 'u':
            if (!unicode_escape(r))
                return false;
            continue;
        default: return invalid(r); /* an unknown escape, or the text's end */
        }
        if (!put_bytes(r, &simple, 1))
            return false;
        r->p++;
    }
    r->p++;
    if (!put_bytes(r, "", 1)) /* the NUL; put_bytes' own check kept room for it */
        return false;
    *out = r->it->buffer + start;
    return true;
}

/* A value: a string, or null for no value (*out NULL). */
static bool read_value(reader *r, const char **out)
{
    skip_space(r);
    if (strncmp(r->p, "null", 4) == 0) {
        r->p += 4;
        *out = NULL;
        return true;
    }
    return read_string(r, out);
}

/* A member "key": [old, new]. */
static bool read_change(reader *r, htx_change *change)
{
    return read_string(r, &change->key) && expect(r, ':') && expect(r, '[') &&
           read_value(r, &change->old_value) && expect(r, ',') && read_value(r, &change->new_value) &&
           expect(r, ']');
}

void htx_change_iter_init(htx_change_iter *it, const char *json)
{
    *it = (htx_change_iter){.json = json ? json : "{}", .status = HTX_OK};
    it->next = it->json;
}

/* The opening brace, and the buffer, once. */
static bool start(htx_change_iter *it, reader *r)
{
    it->started = true;
    if (!expect(r, '{'))
        return false;
    it->buffer_size = strlen(it->json) + 1;
    it->buffer = malloc(it->buffer_size);
    if (!it->buffer) {
        it->status = HTX_ERR_NOMEM;
        return false;
    }
    return true;
}

bool htx_change_iter_next(htx_change_iter *it, htx_change *change)
{
    if (it->finished || it->status != HTX_OK)
        return false;
    reader r = {it, it->next, 0};
    if (!it->started && !start(it, &r)) {
        it->finished = true;
        return false;
    }
    skip_space(&r);
    if (*r.p == '}') {
        r.p++;
        skip_space(&r);
        /* nothing may follow the object: a text with more is not one of ours */
        if (*r.p != '\0')
            invalid(&r);
        it->finished = true;
        return false;
    }
    if (it->count > 0 && !expect(&r, ','))
        return false;
    if (!read_change(&r, change))
        return false;
    it->count++;
    it->next = r.p;
    return true;
}

htx_status htx_change_iter_end(htx_change_iter *it)
{
    free(it->buffer);
    it->buffer = NULL;
    it->buffer_size = 0;
    it->finished = true;
    return it->status;
}

/* ---- showing ------------------------------------------------------------------- */

static void copy(const char *value, char *out, size_t size)
{
    if (size)
        snprintf(out, size, "%s", value);
}

static void display_date(const char *iso, char *out, size_t size)
{
    htx_date date;
    char shown[HTX_ISO_DATE_SIZE];
    if (iso[0] && htx_date_parse(iso, &date)) {
        htx_date_display(date, shown);
        copy(shown, out, size);
    } else {
        copy(iso, out, size);
    }
}

void htx_change_value_display(const char *key, const char *value, htx_lang lang, char *out, size_t size)
{
    if (strcmp(key, "club") == 0) {
        const htx_club *club = htx_club_find(value);
        copy(club ? htx_club_name(club, lang) : value, out, size);
        return;
    }
    if (strcmp(key, "role") == 0) {
        int role = htx_role_parse(value);
        copy(role >= 0 ? htx_role_name((htx_role)role, lang) : value, out, size);
        return;
    }
    if (strcmp(key, "joined") == 0 || strcmp(key, "left") == 0) {
        display_date(value, out, size);
        return;
    }
    /*
     * A field's value goes through the record's own setter and display, so
     * the log shows values exactly as the record's fields do; the record is
     * a scratch one, on the heap for its size.
     */
    const htx_field_def *field = htx_field_find(key);
    htx_coop *scratch = field ? malloc(sizeof *scratch) : NULL;
    htx_report report;
    htx_report_init(&report);
    if (scratch)
        htx_coop_init(scratch);
    if (scratch && htx_coop_set(scratch, field->key, value, &report) == HTX_OK)
        htx_coop_value(scratch, field->id, HTX_VALUE_DISPLAY, lang, out, size);
    else
        copy(value, out, size);
    free(scratch);
}
