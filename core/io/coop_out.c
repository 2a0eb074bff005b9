#include "coop_out.h"

#include <string.h>

#include "textout.h"

const htx_field_id htx_record_fields[HTX_FIELD_COUNT] = {
    HTX_F_CODE,    HTX_F_NAME,           HTX_F_DISTRICT, HTX_F_SECTOR,   HTX_F_FOUNDED,
    HTX_F_MEMBERS, HTX_F_CAPITAL,        HTX_F_REPRESENTATIVE, HTX_F_PHONE, HTX_F_STATUS,
    HTX_F_WARD,    HTX_F_ADDRESS,        HTX_F_EMAIL,    HTX_F_PRODUCTS, HTX_F_COMPLIANT,
    HTX_F_PROFITABLE, HTX_F_NOTES,
};

void htx_record_value(const htx_coop *c, htx_field_id id, char *out, size_t size)
{
    /* The district is written by name: people read these files too, and the
     * importer accepts names. */
    htx_value_form form = id == HTX_F_DISTRICT ? HTX_VALUE_DISPLAY : HTX_VALUE_RAW;
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
    fputs(format == HTX_RECORD_TSV ? "\n" : "\r\n", out);
}

static bool is_number_field(htx_field_id id)
{
    return id == HTX_F_MEMBERS || id == HTX_F_CAPITAL;
}

static void json_field(FILE *out, htx_field_id id, const char *value)
{
    if (id == HTX_F_COMPLIANT || id == HTX_F_PROFITABLE) {
        fputs(strcmp(value, "yes") == 0 ? "true" : strcmp(value, "no") == 0 ? "false" : "null", out);
    } else if (!value[0]) {
        fputs(id == HTX_F_CODE || id == HTX_F_NAME ? "\"\"" : "null", out);
    } else if (is_number_field(id)) {
        fputs(value, out);
    } else {
        htx_json_string(out, value);
    }
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
            json_field(out, id, value);
            break;
        }
    }
    if (w->format == HTX_RECORD_JSON)
        fputc('}', out);
    else
        fputs(w->format == HTX_RECORD_TSV ? "\n" : "\r\n", out);
    w->written++;
}

void htx_records_end(htx_record_writer *w)
{
    if (w->format == HTX_RECORD_JSON)
        fputs(w->written ? "\n]\n" : "]\n", w->out);
}
