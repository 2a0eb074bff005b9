#include "coop_out.h"

#include <inttypes.h>

#include "textout.h"

/* Each field at its export position (coop_fields.def).  A position given
 * twice is a compiler warning (-Woverride-init, in -Wextra), one past the
 * count an error; so with every field placed, none is left out. */
const htx_field_id htx_record_fields[HTX_FIELD_COUNT] = {
#define HTX_RECORD_FIELD_(id, key, member, column, kind, max_chars, need, out, ...)               \
    [(out) - 1] = HTX_F_##id,
    HTX_COOP_FIELDS(HTX_RECORD_FIELD_)
#undef HTX_RECORD_FIELD_
};

void htx_record_value(const htx_coop *c, htx_field_id id, char *out, size_t size)
{
    htx_value_form form = htx_field_kinds[htx_fields[id].kind].record_form;
    htx_coop_value(c, id, form, HTX_LANG_VI, out, size);
}

void htx_records_begin(htx_record_writer *w, FILE *out, htx_record_format format)
{
    w->out = out;
    w->format = format;
    w->written = 0;
    if (format == HTX_RECORD_JSON) {
        fputc('[', out);
        return;
    }
    for (int i = 0; i < HTX_FIELD_COUNT; i++) {
        if (i)
            fputc(format == HTX_RECORD_CSV ? ',' : '\t', out);
        fputs(htx_fields[htx_record_fields[i]].key, out);
    }
    if (format == HTX_RECORD_TSV)
        fputs("\t" HTX_RECORD_VERSION_KEY, out);
    fputs(format == HTX_RECORD_TSV ? "\n" : "\r\n", out);
}

/* Numbers and answers as JSON numbers and booleans, from the field's plain
 * value; unknown is null.  Text is the record's value; an empty required
 * field is "" rather than null, as its column is never NULL. */
static void json_field(FILE *out, const htx_coop *c, htx_field_id id, const char *value)
{
    const htx_field_def *def = &htx_fields[id];
    htx_json_type type = htx_field_kinds[def->kind].json;
    if (type == HTX_JSON_STRING) {
        if (value[0] || def->required)
            htx_json_string(out, value);
        else
            fputs("null", out);
        return;
    }
    htx_scalar scalar;
    htx_coop_scalar(c, id, &scalar);
    if (scalar.type != HTX_SCALAR_INTEGER)
        fputs("null", out);
    else if (type == HTX_JSON_BOOL)
        fputs(scalar.integer ? "true" : "false", out);
    else
        fprintf(out, "%" PRId64, scalar.integer);
}

void htx_records_write(htx_record_writer *w, const htx_coop *c)
{
    char value[8192];
    FILE *out = w->out;
    if (w->format == HTX_RECORD_JSON)
        fputs(w->written ? ",\n {" : "\n {", out);
    for (int i = 0; i < HTX_FIELD_COUNT; i++) {
        htx_field_id id = htx_record_fields[i];
        htx_record_value(c, id, value, sizeof value);
        switch (w->format) {
        case HTX_RECORD_TSV:
            if (i)
                fputc('\t', out);
            htx_tsv_field(out, value);
            break;
        case HTX_RECORD_CSV:
        case HTX_RECORD_SHEET_TSV: {
            char separator = w->format == HTX_RECORD_CSV ? ',' : '\t';
            if (i)
                fputc(separator, out);
            htx_delimited_field(out, value, separator);
            break;
        }
        case HTX_RECORD_JSON:
            if (i)
                fputs(", ", out);
            htx_json_string(out, htx_fields[id].key);
            fputs(": ", out);
            json_field(out, c, id, value);
            break;
        }
    }
    /* Scripts read the version to save with compare-and-set (htx edit
     * --if-version); exports for spreadsheets and re-import leave it out. */
    if (w->format == HTX_RECORD_JSON)
        fprintf(out, ", \"" HTX_RECORD_VERSION_KEY "\": %" PRId64 "}", c->version);
    else if (w->format == HTX_RECORD_TSV)
        fprintf(out, "\t%" PRId64 "\n", c->version);
    else
        fputs("\r\n", out);
    w->written++;
}

void htx_records_end(htx_record_writer *w)
{
    if (w->format == HTX_RECORD_JSON)
        fputs(w->written ? "\n]\n" : "]\n", w->out);
}
