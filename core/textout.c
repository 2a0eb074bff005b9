#include "textout.h"

#include <stdbool.h>
#include <string.h>

static bool needs_csv_quotes(const char *value)
{
    size_t length = strlen(value);
    if (length == 0)
        return false;
    /* Spreadsheets trim unquoted edges, so spaces there survive only quoted. */
    if (value[0] == ' ' || value[0] == '\t' || value[length - 1] == ' ' || value[length - 1] == '\t')
        return true;
    return strpbrk(value, ",\"\r\n") != NULL;
}

void htx_csv_field(FILE *out, const char *value)
{
    if (!value)
        return;
    if (!needs_csv_quotes(value)) {
        fputs(value, out);
        return;
    }
    fputc('"', out);
    for (const char *p = value; *p; p++) {
        if (*p == '"')
            fputc('"', out);
        fputc(*p, out);
    }
    fputc('"', out);
}

void htx_tsv_field(FILE *out, const char *value)
{
    if (!value)
        return;
    for (const char *p = value; *p; p++) {
        switch (*p) {
        case '\t': fputs("\\t", out); break;
        case '\n': fputs("\\n", out); break;
        case '\r': fputs("\\r", out); break;
        case '\\': fputs("\\\\", out); break;
        default: fputc(*p, out); break;
        }
    }
}

void htx_json_string(FILE *out, const char *value)
{
    fputc('"', out);
    for (const char *p = value ? value : ""; *p; p++) {
        unsigned char c = (unsigned char)*p;
        switch (c) {
        case '"': fputs("\\\"", out); break;
        case '\\': fputs("\\\\", out); break;
        case '\b': fputs("\\b", out); break;
        case '\f': fputs("\\f", out); break;
        case '\n': fputs("\\n", out); break;
        case '\r': fputs("\\r", out); break;
        case '\t': fputs("\\t", out); break;
        default:
            /* Bytes from 0x80 up are UTF-8, which JSON carries as is. */
            if (c < 0x20)
                fprintf(out, "\\u%04x", c);
            else
                fputc(c, out);
            break;
        }
    }
    fputc('"', out);
}
