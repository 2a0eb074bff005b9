#include "textout.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "text.h"

static bool needs_quotes(const char *value, char separator)
{
    size_t length = strlen(value);
    if (length == 0)
        return false;
    /* Spreadsheets trim unquoted edges, so spaces there survive only quoted. */
    if (value[0] == ' ' || value[0] == '\t' || value[length - 1] == ' ' || value[length - 1] == '\t')
        return true;
    return strpbrk(value, "\"\r\n") != NULL || strchr(value, separator) != NULL;
}

/* DEL and the C1 controls: no terminal should receive them raw. */
static bool is_other_control(int32_t cp)
{
    return cp == 0x7F || (cp >= 0x80 && cp <= 0x9F);
}

/* The decoder reads an invalid byte as U+FFFD, one byte long. */
static bool is_invalid_byte(const char *p, int32_t cp)
{
    return cp == 0xFFFD && (unsigned char)*p != 0xEF;
}

/* Writes cp as UTF-8. */
static void put_cp(FILE *out, int32_t cp)
{
    char utf8[4];
    int n = htx_utf8_encode(cp, utf8);
    fwrite(utf8, 1, (size_t)n, out);
}

/*
 * Stored text is valid, control-free UTF-8 (text.h), but a file can be
 * edited by other means: every writer below still never passes a control
 * character or an invalid byte through raw (those become U+FFFD).
 */

void htx_csv_field(FILE *out, const char *value)
{
    htx_delimited_field(out, value, ',');
}

void htx_delimited_field(FILE *out, const char *value, char separator)
{
    if (!value)
        return;
    bool quoted = needs_quotes(value, separator);
    if (quoted)
        fputc('"', out);
    int32_t cp;
    int n;
    /* Characters written as they are go out in runs: a million rows are
     * tens of millions of characters. */
    const char *run = value;
    const char *p = value;
    for (; (n = htx_utf8_decode(p, &cp)) > 0; p += n) {
        bool as_is = cp != '"' && cp >= 0x20 && !is_other_control(cp) && !is_invalid_byte(p, cp);
        if (as_is || cp == '\t' || cp == '\n' || cp == '\r')
            continue; /* tabs and line breaks, inside quotes, are part of the value */
        fwrite(run, 1, (size_t)(p - run), out);
        if (cp == '"')
            fputs("\"\"", out);
        else if (cp < 0x20)
            put_cp(out, 0x2400 + cp); /* the visible control pictures */
        else
            put_cp(out, 0xFFFD);
        run = p + n;
    }
    fwrite(run, 1, (size_t)(p - run), out);
    if (quoted)
        fputc('"', out);
}

void htx_tsv_field(FILE *out, const char *value)
{
    if (!value)
        return;
    int32_t cp;
    int n;
    for (const char *p = value; (n = htx_utf8_decode(p, &cp)) > 0; p += n) {
        switch (cp) {
        case '\t': fputs("\\t", out); break;
        case '\n': fputs("\\n", out); break;
        case '\r': fputs("\\r", out); break;
        case '\\': fputs("\\\\", out); break;
        default:
            if (cp < 0x20 || is_other_control(cp))
                fprintf(out, "\\x%02x", (unsigned)cp & 0xFF);
            else if (is_invalid_byte(p, cp))
                put_cp(out, 0xFFFD);
            else
                fwrite(p, 1, (size_t)n, out);
            break;
        }
    }
}

void htx_json_string(FILE *out, const char *value)
{
    fputc('"', out);
    int32_t cp;
    int n;
    for (const char *p = value ? value : ""; (n = htx_utf8_decode(p, &cp)) > 0; p += n) {
        switch (cp) {
        case '"': fputs("\\\"", out); break;
        case '\\': fputs("\\\\", out); break;
        case '\b': fputs("\\b", out); break;
        case '\f': fputs("\\f", out); break;
        case '\n': fputs("\\n", out); break;
        case '\r': fputs("\\r", out); break;
        case '\t': fputs("\\t", out); break;
        default:
            if (cp < 0x20 || is_other_control(cp))
                fprintf(out, "\\u%04x", (unsigned)cp);
            else if (is_invalid_byte(p, cp))
                fputs("\\ufffd", out);
            else
                fwrite(p, 1, (size_t)n, out);
            break;
        }
    }
    fputc('"', out);
}
