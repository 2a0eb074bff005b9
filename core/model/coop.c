#include "coop.h"

#include <inttypes.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "collate.h"
#include "commune.h"
#include "display.h"
#include "fold.h"
#include "text.h"

/* A field's need in coop_fields.def. */
enum { HTX_FIELD_OPTIONAL = false, HTX_FIELD_REQUIRED = true };

const htx_field_def htx_fields[HTX_FIELD_COUNT] = {
#define HTX_FIELD_DEF_(id_, key_, member_, column_, kind_, max_chars_, need_, out_, vi_, en_)      \
    [HTX_F_##id_] = {                                                                              \
        .id = HTX_F_##id_,                                                                         \
        .key = key_,                                                                               \
        .label_vi = vi_,                                                                           \
        .label_en = en_,                                                                           \
        .kind = HTX_KIND_##kind_,                                                                  \
        .max_chars = max_chars_,                                                                   \
        .required = HTX_FIELD_##need_,                                                             \
        .column = column_,                                                                         \
        .export_position = out_,                                                                   \
        .offset = offsetof(htx_coop, member_),                                                     \
        .size = sizeof ((htx_coop *)0)->member_,                                                   \
    },
    HTX_COOP_FIELDS(HTX_FIELD_DEF_)
#undef HTX_FIELD_DEF_
};

static const htx_field_kind_ops *kind_of(const htx_field_def *def)
{
    return &htx_field_kinds[def->kind];
}

static void *slot_of(htx_coop *c, const htx_field_def *def)
{
    return (char *)c + def->offset;
}

static const void *value_of(const htx_coop *c, const htx_field_def *def)
{
    return (const char *)c + def->offset;
}

/* Other names staff put in column headers and on the command line. */
static const struct {
    const char *alias;
    htx_field_id id;
} field_aliases[] = {
    {"ma so", HTX_F_CODE},          {"ma so thue", HTX_F_CODE},
    {"ma htx", HTX_F_CODE},         {"ten", HTX_F_NAME},
    {"ten hop tac xa", HTX_F_NAME}, {"quan", HTX_F_DISTRICT},
    {"huyen", HTX_F_DISTRICT},      {"quan huyen", HTX_F_DISTRICT},
    {"phuong", HTX_F_WARD},         {"xa", HTX_F_WARD},
    {"phuong xa", HTX_F_WARD},      {"dia chi", HTX_F_ADDRESS},
    {"nguoi dai dien theo phap luat", HTX_F_REPRESENTATIVE},
    {"so dien thoai", HTX_F_PHONE}, {"dien thoai", HTX_F_PHONE},
    {"san pham", HTX_F_PRODUCTS},   {"luat htx", HTX_F_COMPLIANT},
    {"co lai", HTX_F_PROFITABLE},   {"founding date", HTX_F_FOUNDED},
    {"tax code", HTX_F_CODE},       {"representative", HTX_F_REPRESENTATIVE},
    {"mst", HTX_F_CODE},            {"ma so doanh nghiep", HTX_F_CODE},
    {"ten don vi", HTX_F_NAME},     {"so xa vien", HTX_F_MEMBERS},
    {"nganh nghe", HTX_F_SECTOR},   {"linh vuc", HTX_F_SECTOR},
    {"ma so hop tac xa", HTX_F_CODE}, {"ten hop tac xa", HTX_F_NAME},
    {"giam doc", HTX_F_REPRESENTATIVE}, {"chu tich hdqt", HTX_F_REPRESENTATIVE},
    {"chu tich hoi dong quan tri", HTX_F_REPRESENTATIVE},
    {"nguoi dai dien", HTX_F_REPRESENTATIVE},
    {"sdt", HTX_F_PHONE},           {"dt", HTX_F_PHONE},
    {"dia chi tru so", HTX_F_ADDRESS}, {"nam thanh lap", HTX_F_FOUNDED},
    {"ngay thanh lap", HTX_F_FOUNDED}, {"von dieu le", HTX_F_CAPITAL},
    {"von", HTX_F_CAPITAL},
    /* the unit of 1 July 2025, as offices head it now */
    {"don vi hanh chinh cap xa", HTX_F_COMMUNE}, {"dvhc cap xa", HTX_F_COMMUNE},
    {"xa phuong moi", HTX_F_COMMUNE}, {"phuong xa moi", HTX_F_COMMUNE},
    {"xa phuong sau sap nhap", HTX_F_COMMUNE}, {"xa cu", HTX_F_WARD}, {"phuong cu", HTX_F_WARD},
    {"xa phuong cu", HTX_F_WARD},
};

/* "Quận/Huyện" and "quan huyen" must meet: compare the words of a label. */
static void header_key(const char *text, char *out, size_t size)
{
    char *words = htx_fold_words(text);
    snprintf(out, size, "%s", words ? words : "");
    free(words);
}

const htx_field_def *htx_field_find(const char *key_or_label)
{
    if (!key_or_label)
        return NULL;
    for (int i = 0; i < HTX_FIELD_COUNT; i++)
        if (strcmp(htx_fields[i].key, key_or_label) == 0)
            return &htx_fields[i];

    char wanted[256], candidate[256];
    header_key(key_or_label, wanted, sizeof wanted);
    if (!wanted[0])
        return NULL;
    for (int i = 0; i < HTX_FIELD_COUNT; i++) {
        const char *names[] = {htx_fields[i].key, htx_fields[i].label_vi, htx_fields[i].label_en};
        for (size_t k = 0; k < 3; k++) {
            header_key(names[k], candidate, sizeof candidate);
            if (strcmp(candidate, wanted) == 0)
                return &htx_fields[i];
        }
    }
    for (size_t i = 0; i < sizeof field_aliases / sizeof field_aliases[0]; i++)
        if (strcmp(field_aliases[i].alias, wanted) == 0)
            return &htx_fields[field_aliases[i].id];
    return NULL;
}

const char *htx_field_label(htx_field_id id, htx_lang lang)
{
    if ((unsigned)id >= HTX_FIELD_COUNT)
        return "";
    return lang == HTX_LANG_EN ? htx_fields[id].label_en : htx_fields[id].label_vi;
}

void htx_error_text(const htx_error *err, htx_lang lang, char *buf, size_t size)
{
    char body[512];
    htx_error_message(err, lang, body, sizeof body);
    const htx_field_def *def = err->field[0] ? htx_field_find(err->field) : NULL;
    if (def)
        snprintf(buf, size, "%s: %s", htx_field_label(def->id, lang), body);
    else
        snprintf(buf, size, "%s", body);
}

void htx_coop_init(htx_coop *c)
{
    memset(c, 0, sizeof *c);
    for (int i = 0; i < HTX_FIELD_COUNT; i++)
        kind_of(&htx_fields[i])->init(slot_of(c, &htx_fields[i]), &htx_fields[i]);
}

static void report_error(htx_report *r, const htx_error *e)
{
    htx_report_add_error(r, false, e);
}

/* The screens page by the name's sort key: it must fit their buffers. */
static bool sort_key_fits(const char *name)
{
    /* Most names are short enough for the bound to answer: no key to build
     * (an import checks every row). */
    if (HTX_COLLATE_KEY_MAX(strlen(name)) <= HTX_SORT_KEY_LIMIT)
        return true;
    unsigned char *key = NULL;
    size_t length = 0;
    bool fits = htx_collate_key(name, &key, &length) == 0 && length <= HTX_SORT_KEY_LIMIT;
    free(key);
    return fits;
}

/* A unit formed from one former district gives the district, when none was
 * given: whoever types the address's unit need not look the district up. */
static void fill_district_from_commune(htx_coop *c)
{
    const htx_commune *unit = htx_commune_find(c->commune);
    const htx_district *only = unit ? htx_commune_only_district(unit) : NULL;
    if (only && !c->district[0])
        snprintf(c->district, sizeof c->district, "%s", only->code);
}

/* An old-style ward that names its new unit ("Xã Bát Tràng" in Gia Lâm)
 * gives the unit, when none was given: a file written before 1 July 2025,
 * or with its ward column headed the old way ("Phường/Xã"), lands with its
 * unit where the name says it, as the migration of version 7 did. */
static void fill_commune_from_ward(htx_coop *c)
{
    if (c->commune[0] || !c->ward[0] || !c->district[0])
        return;
    const htx_commune *unit = htx_commune_from_old_ward(c->ward, c->district);
    if (unit)
        snprintf(c->commune, sizeof c->commune, "%s", unit->name);
}

htx_status htx_coop_set(htx_coop *c, const char *key, const char *value, htx_report *report)
{
    htx_error e;
    const htx_field_def *def = htx_field_find(key);
    if (!def) {
        htx_report_add(report, false, MSG_UNKNOWN_FIELD, "", key, NULL);
        return HTX_ERR_INVALID;
    }
    const htx_field_kind_ops *kind = kind_of(def);
    char *clean = NULL;
    htx_text_kind rules = kind->multiline ? HTX_TEXT_MULTILINE : HTX_TEXT_LINE;
    htx_status st =
        htx_text_normalize(value ? value : "", rules, def->max_chars, def->key, &clean, &e);
    if (st != HTX_OK) {
        report_error(report, &e);
        return st;
    }
    if (def->id == HTX_F_NAME && !sort_key_fits(clean)) {
        char limit[16];
        snprintf(limit, sizeof limit, "%u", def->max_chars);
        htx_report_add(report, false, MSG_TOO_LONG, def->key, limit, NULL);
        free(clean);
        return HTX_ERR_INVALID;
    }
    st = kind->parse(slot_of(c, def), def, clean, &e);
    if (st != HTX_OK) {
        /* A parser names the field it was written for (validate.c's phone
         * rule says "phone"); the error belongs to this field, whichever
         * field of the kind it is. */
        snprintf(e.field, sizeof e.field, "%s", def->key);
        report_error(report, &e);
    }
    free(clean);
    if (st == HTX_OK && def->id == HTX_F_COMMUNE)
        fill_district_from_commune(c);
    if (st == HTX_OK && (def->id == HTX_F_WARD || def->id == HTX_F_DISTRICT))
        fill_commune_from_ward(c);
    return st;
}

static bool is_blank(const htx_coop *c, const htx_field_def *def)
{
    char first[64]; /* enough to tell "" from a value: only the first byte counts */
    kind_of(def)->format(value_of(c, def), HTX_VALUE_RAW, HTX_LANG_EN, first, sizeof first);
    return first[0] == '\0';
}

void htx_coop_check(const htx_coop *c, htx_report *report)
{
    for (int i = 0; i < HTX_FIELD_COUNT; i++) {
        const htx_field_def *def = &htx_fields[i];
        if (def->required && is_blank(c, def))
            htx_report_add(report, false, MSG_REQUIRED, def->key, NULL, NULL);
        else if (def->id == HTX_F_NAME && htx_name_lacks_prefix(c->name))
            htx_report_add(report, true, MSG_NAME_PREFIX, def->key, NULL, NULL);
    }
    const htx_commune *unit = c->commune[0] ? htx_commune_find(c->commune) : NULL;
    const htx_district *district = htx_district_by_code(c->district);
    if (unit && district && !htx_commune_in_district(unit, district->code)) {
        char label[128];
        htx_commune_label(unit, true, HTX_LANG_VI, label, sizeof label);
        htx_report_add(report, true, MSG_COMMUNE_ELSEWHERE, "commune", label, district->name);
    }
    if (c->members >= 0 && htx_members_below_minimum(c->members)) {
        char n[24];
        snprintf(n, sizeof n, "%" PRId64, c->members);
        htx_report_add(report, true, MSG_MEMBERS_FEW, "members", n, NULL);
    }
}

void htx_coop_value(const htx_coop *c, htx_field_id id, htx_value_form form, htx_lang lang,
                    char *out, size_t size)
{
    if (size == 0)
        return;
    out[0] = '\0';
    if ((unsigned)id >= HTX_FIELD_COUNT)
        return;
    const htx_field_def *def = &htx_fields[id];
    kind_of(def)->format(value_of(c, def), form, lang, out, size);
}

void htx_coop_scalar(const htx_coop *c, htx_field_id id, htx_scalar *out)
{
    *out = (htx_scalar){.type = HTX_SCALAR_NULL};
    if ((unsigned)id >= HTX_FIELD_COUNT)
        return;
    const htx_field_def *def = &htx_fields[id];
    kind_of(def)->to_scalar(value_of(c, def), def, out);
}

void htx_coop_set_scalar(htx_coop *c, htx_field_id id, const htx_scalar *value)
{
    if ((unsigned)id >= HTX_FIELD_COUNT)
        return;
    const htx_field_def *def = &htx_fields[id];
    kind_of(def)->from_scalar(slot_of(c, def), def, value);
}

unsigned htx_field_edit_limit(const htx_field_def *def)
{
    return def->max_chars > 0 ? def->max_chars : kind_of(def)->edit_chars;
}

bool htx_field_must_be_filled(const htx_field_def *def)
{
    return def->required || !kind_of(def)->accepts_blank;
}

void htx_coop_identify(const htx_coop *c, htx_lang lang, char *out, size_t size)
{
    char district[128], founded[32], representative[512];
    htx_coop_value(c, HTX_F_DISTRICT, HTX_VALUE_DISPLAY, lang, district, sizeof district);
    htx_coop_value(c, HTX_F_FOUNDED, HTX_VALUE_DISPLAY, lang, founded, sizeof founded);
    htx_coop_value(c, HTX_F_REPRESENTATIVE, HTX_VALUE_DISPLAY, lang, representative, sizeof representative);
    char line[1024];
    int n = snprintf(line, sizeof line, "%s %s — %s", c->code, c->name, district);
    if (founded[0] && n >= 0 && (size_t)n < sizeof line) {
        n += snprintf(line + n, sizeof line - (size_t)n, ", ");
        n += snprintf(line + n, sizeof line - (size_t)n, htx_msg_format(MSG_IDENTIFY_FOUNDED, lang), founded);
    }
    if (representative[0] && n >= 0 && (size_t)n < sizeof line) {
        n += snprintf(line + n, sizeof line - (size_t)n, ", ");
        snprintf(line + n, sizeof line - (size_t)n, htx_msg_format(MSG_IDENTIFY_REPRESENTATIVE, lang),
                 representative);
    }
    char *visible = htx_text_sanitize(line);
    snprintf(out, size, "%s", visible ? visible : line);
    free(visible);
}
