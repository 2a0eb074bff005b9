/*
 * The kinds of field: one set of operations each (field_kind.h), gathered
 * in htx_field_kinds[] at the end.  Each operation reads its slot as the
 * type HTX_KIND_MEMBER_<kind> gives the member.  A property the table leaves
 * out is false, 0 or HTX_VALUE_RAW: no Telex, blank refused, stored form in
 * records.
 */
#include "field_kind.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "collate.h"
#include "commune.h"
#include "coop.h"
#include "format.h"

/* The words of yes/no answers: stored form, Vietnamese, English; yes, no,
 * unknown — the order of the pick list.  The parsers (validate.c) read all
 * of them back, so a value shown is a value that can be typed. */
enum { ANSWER_YES, ANSWER_NO, ANSWER_UNKNOWN };
static const char *const answer_words[3][3] = {
    {"yes", "no", "unknown"},
    {"Có", "Không", "Chưa rõ"},
    {"Yes", "No", "Unknown"},
};

static const char *answer_word(int answer, htx_value_form form, htx_lang lang)
{
    int row = form == HTX_VALUE_RAW ? 0 : lang == HTX_LANG_EN ? 2 : 1;
    return answer_words[row][answer];
}

static void scalar_null(htx_scalar *out)
{
    *out = (htx_scalar){.type = HTX_SCALAR_NULL};
}

static void scalar_integer(htx_scalar *out, int64_t value)
{
    *out = (htx_scalar){.type = HTX_SCALAR_INTEGER, .integer = value};
}

static void scalar_text(htx_scalar *out, const char *text)
{
    *out = (htx_scalar){.type = HTX_SCALAR_TEXT, .text = text, .length = strlen(text)};
}

/* A scalar read back as a number (a column of another type than the kind's
 * is still read sensibly); unknown when NULL. */
static int64_t integer_of(const htx_scalar *in, int64_t unknown)
{
    switch (in->type) {
    case HTX_SCALAR_INTEGER: return in->integer;
    case HTX_SCALAR_TEXT: return strtoll(in->text, NULL, 10);
    case HTX_SCALAR_NULL: break;
    }
    return unknown;
}

/* ---- kinds held as text ------------------------------------------------------- */

static void text_init(void *slot, const htx_field_def *def)
{
    (void)def;
    ((char *)slot)[0] = '\0';
}

static void text_format(const void *slot, htx_value_form form, htx_lang lang, char *out,
                        size_t size)
{
    (void)form;
    (void)lang;
    snprintf(out, size, "%s", (const char *)slot);
}

/* An optional field left empty is unknown: NULL in its column, null in
 * JSON.  A required one stays text, so its column's own rule judges it. */
static void text_to_scalar(const void *slot, const htx_field_def *def, htx_scalar *out)
{
    const char *text = slot;
    if (!text[0] && !def->required)
        scalar_null(out);
    else
        scalar_text(out, text);
}

/* Copies the scalar into the member, cut to its size but never through a
 * UTF-8 sequence (a file written by other means may hold longer text). */
static void text_from_scalar(void *slot, const htx_field_def *def, const htx_scalar *in)
{
    char *out = slot;
    if (in->type == HTX_SCALAR_INTEGER) {
        snprintf(out, def->size, "%" PRId64, in->integer);
        return;
    }
    size_t n = in->type == HTX_SCALAR_TEXT ? in->length : 0;
    if (n >= def->size) {
        n = def->size - 1;
        while (n > 0 && ((unsigned char)in->text[n] & 0xC0) == 0x80)
            n--;
    }
    if (n)
        memcpy(out, in->text, n);
    out[n] = '\0';
}

static htx_status text_parse(void *slot, const htx_field_def *def, const char *value,
                             htx_error *err)
{
    size_t length = strlen(value);
    /* max_chars sizes the member, so this only guards a mistake. */
    if (length >= def->size) {
        char limit[16];
        snprintf(limit, sizeof limit, "%u", def->max_chars);
        return htx_fail(err, HTX_ERR_INVALID, MSG_TOO_LONG, def->key, limit, NULL);
    }
    memcpy(slot, value, length + 1);
    return HTX_OK;
}

static htx_status code_parse(void *slot, const htx_field_def *def, const char *value,
                             htx_error *err)
{
    (void)def;
    return htx_parse_code(value, slot, err);
}

static htx_status phone_parse(void *slot, const htx_field_def *def, const char *value,
                              htx_error *err)
{
    (void)def;
    if (!value[0]) {
        ((char *)slot)[0] = '\0';
        return HTX_OK;
    }
    return htx_parse_phone(value, slot, err);
}

static htx_status email_parse(void *slot, const htx_field_def *def, const char *value,
                              htx_error *err)
{
    (void)def;
    if (!value[0]) {
        ((char *)slot)[0] = '\0';
        return HTX_OK;
    }
    return htx_parse_email(value, slot, err);
}

/* ---- district and sector: codes of reference data --------------------------- */

static htx_status district_parse(void *slot, const htx_field_def *def, const char *value,
                                 htx_error *err)
{
    size_t i;
    htx_status st = htx_choice_find(HTX_CHOOSE_DISTRICT, value, def->key, &i, err);
    if (st == HTX_OK)
        snprintf(slot, def->size, "%s", HTX_DISTRICTS[i].code);
    return st;
}

static void district_format(const void *slot, htx_value_form form, htx_lang lang, char *out,
                            size_t size)
{
    (void)lang;
    const htx_district *d = htx_district_by_code(slot);
    snprintf(out, size, "%s", form == HTX_VALUE_DISPLAY && d ? d->name : (const char *)slot);
}

static int by_vietnamese_order(const void *a, const void *b)
{
    const htx_district *const *x = a;
    const htx_district *const *y = b;
    return htx_collate_compare((*x)->name, (*y)->name);
}

/* The district names in Vietnamese alphabetical order (Ba Đình … Ứng Hòa).
 * Sorted only when names are wanted: the form view asks for the count on
 * every redraw. */
static int district_choices(htx_lang lang, const char *names[], int max)
{
    (void)lang;
    const htx_district *sorted[64];
    size_t n = HTX_DISTRICT_COUNT < 64 ? HTX_DISTRICT_COUNT : 64;
    if (!names || max <= 0)
        return (int)HTX_DISTRICT_COUNT;
    for (size_t i = 0; i < n; i++)
        sorted[i] = &HTX_DISTRICTS[i];
    qsort(sorted, n, sizeof sorted[0], by_vietnamese_order);
    for (size_t i = 0; i < n && (int)i < max; i++)
        names[i] = sorted[i]->name;
    return (int)n;
}

/* ---- commune-level unit: a name of reference data ------------------------------ */

static htx_status commune_parse(void *slot, const htx_field_def *def, const char *value, htx_error *err)
{
    if (!value[0]) { /* not given yet: most records before July 2025 */
        *(char *)slot = '\0';
        return HTX_OK;
    }
    const htx_commune *c = htx_commune_find(value);
    if (!c)
        return htx_fail(err, HTX_ERR_INVALID, MSG_UNKNOWN_COMMUNE, def->key, value, NULL);
    snprintf(slot, def->size, "%s", c->name);
    return HTX_OK;
}

static void commune_format(const void *slot, htx_value_form form, htx_lang lang, char *out, size_t size)
{
    const htx_commune *c = form == HTX_VALUE_DISPLAY ? htx_commune_named(slot) : NULL;
    if (c)
        htx_commune_label(c, true, lang, out, size);
    else
        snprintf(out, size, "%s", (const char *)slot);
}

static int by_commune_name(const void *a, const void *b)
{
    return htx_collate_compare((*(const htx_commune *const *)a)->name, (*(const htx_commune *const *)b)->name);
}

/* "Xã Bát Tràng", "Phường Hồng Hà" … by name in Vietnamese order, made once
 * per language: the form asks for them on every redraw. */
static int commune_choices(htx_lang lang, const char *names[], int max)
{
    enum { LABEL_SIZE = 96 };
    static char labels[2][HTX_COMMUNE_LIMIT][LABEL_SIZE];
    static bool made[2];
    size_t n = HTX_COMMUNE_COUNT < HTX_COMMUNE_LIMIT ? HTX_COMMUNE_COUNT : HTX_COMMUNE_LIMIT;
    if (!names || max <= 0)
        return (int)n;
    int l = lang == HTX_LANG_EN;
    if (!made[l]) {
        const htx_commune *sorted[HTX_COMMUNE_LIMIT];
        for (size_t i = 0; i < n; i++)
            sorted[i] = &HTX_COMMUNES[i];
        qsort(sorted, n, sizeof sorted[0], by_commune_name);
        for (size_t i = 0; i < n; i++)
            htx_commune_label(sorted[i], true, lang, labels[l][i], LABEL_SIZE);
        made[l] = true;
    }
    for (size_t i = 0; i < n && (int)i < max; i++)
        names[i] = labels[l][i];
    return (int)n;
}

static htx_status sector_parse(void *slot, const htx_field_def *def, const char *value,
                               htx_error *err)
{
    size_t i;
    htx_status st = htx_choice_find(HTX_CHOOSE_SECTOR, value, def->key, &i, err);
    if (st == HTX_OK)
        snprintf(slot, def->size, "%s", HTX_SECTORS[i].code);
    return st;
}

static void sector_format(const void *slot, htx_value_form form, htx_lang lang, char *out,
                          size_t size)
{
    const htx_sector *s = htx_sector_find(slot);
    snprintf(out, size, "%s",
             form == HTX_VALUE_DISPLAY && s ? htx_sector_name(s, lang) : (const char *)slot);
}

static int sector_choices(htx_lang lang, const char *names[], int max)
{
    int total = (int)HTX_SECTOR_COUNT;
    for (int i = 0; i < total && i < max; i++)
        names[i] = htx_sector_name(&HTX_SECTORS[i], lang);
    return total;
}

/* ---- dates ------------------------------------------------------------------------ */

static htx_status date_parse(void *slot, const htx_field_def *def, const char *value,
                             htx_error *err)
{
    char *iso = slot;
    if (!value[0]) {
        iso[0] = '\0';
        return HTX_OK;
    }
    htx_date d;
    htx_status st = htx_parse_date_or_year(value, def->key, &d, err);
    if (st == HTX_OK)
        htx_date_iso(d, iso);
    return st;
}

static void date_format(const void *slot, htx_value_form form, htx_lang lang, char *out,
                        size_t size)
{
    (void)lang;
    const char *iso = slot;
    htx_date d;
    if (form == HTX_VALUE_DISPLAY && iso[0] && htx_date_parse(iso, &d)) {
        char shown[HTX_ISO_DATE_SIZE];
        htx_date_display(d, shown);
        snprintf(out, size, "%s", shown);
    } else {
        snprintf(out, size, "%s", iso);
    }
}

/* ---- numbers: -1 is unknown --------------------------------------------------------- */

static void number_init(void *slot, const htx_field_def *def)
{
    (void)def;
    *(int64_t *)slot = -1;
}

static void number_to_scalar(const void *slot, const htx_field_def *def, htx_scalar *out)
{
    (void)def;
    int64_t value = *(const int64_t *)slot;
    if (value < 0)
        scalar_null(out);
    else
        scalar_integer(out, value);
}

static void number_from_scalar(void *slot, const htx_field_def *def, const htx_scalar *in)
{
    (void)def;
    *(int64_t *)slot = integer_of(in, -1);
}

static htx_status count_parse(void *slot, const htx_field_def *def, const char *value,
                              htx_error *err)
{
    if (!value[0]) {
        *(int64_t *)slot = -1;
        return HTX_OK;
    }
    return htx_parse_count(value, def->key, slot, err);
}

/* A whole number that may be unknown (-1): digits as stored, or shown with
 * the display form's formatter. */
static void amount_format(const void *slot, htx_value_form form, htx_lang lang, char *out, size_t size,
                          void (*display)(int64_t value, htx_lang lang, char *out, size_t size))
{
    int64_t value = *(const int64_t *)slot;
    out[0] = '\0';
    if (value < 0)
        return;
    if (form == HTX_VALUE_DISPLAY)
        display(value, lang, out, size);
    else
        snprintf(out, size, "%" PRId64, value);
}

static void count_format(const void *slot, htx_value_form form, htx_lang lang, char *out,
                         size_t size)
{
    amount_format(slot, form, lang, out, size, htx_format_number);
}

static htx_status money_parse(void *slot, const htx_field_def *def, const char *value,
                              htx_error *err)
{
    if (!value[0]) {
        *(int64_t *)slot = -1;
        return HTX_OK;
    }
    return htx_parse_money(value, def->key, slot, err);
}

static void money_format(const void *slot, htx_value_form form, htx_lang lang, char *out,
                         size_t size)
{
    amount_format(slot, form, lang, out, size, htx_format_vnd);
}

/* ---- status ------------------------------------------------------------------------- */

static void status_init(void *slot, const htx_field_def *def)
{
    (void)def;
    *(htx_coop_status *)slot = HTX_ACTIVE;
}

static htx_status status_parse(void *slot, const htx_field_def *def, const char *value,
                               htx_error *err)
{
    size_t i;
    htx_status st = htx_choice_find(HTX_CHOOSE_STATUS, value, def->key, &i, err);
    if (st == HTX_OK)
        *(htx_coop_status *)slot = (htx_coop_status)i;
    return st;
}

static void status_format(const void *slot, htx_value_form form, htx_lang lang, char *out,
                          size_t size)
{
    htx_coop_status status = *(const htx_coop_status *)slot;
    snprintf(out, size, "%s",
             form == HTX_VALUE_DISPLAY ? htx_status_name(status, lang) : htx_status_code(status));
}

static void status_to_scalar(const void *slot, const htx_field_def *def, htx_scalar *out)
{
    (void)def;
    scalar_text(out, htx_status_code(*(const htx_coop_status *)slot));
}

/* A code this build does not know reads as active, the value of a new record. */
static void status_from_scalar(void *slot, const htx_field_def *def, const htx_scalar *in)
{
    (void)def;
    htx_coop_status *status = slot;
    *status = HTX_ACTIVE;
    for (int s = 0; in->type == HTX_SCALAR_TEXT && s < HTX_STATUS_COUNT; s++)
        if (strcmp(in->text, htx_status_code((htx_coop_status)s)) == 0)
            *status = (htx_coop_status)s;
}

static int status_choices(htx_lang lang, const char *names[], int max)
{
    for (int i = 0; i < HTX_STATUS_COUNT && i < max; i++)
        names[i] = htx_status_name((htx_coop_status)i, lang);
    return HTX_STATUS_COUNT;
}

/* ---- yes/no/unknown (1, 0, -1) ------------------------------------------------------ */

static void answer_init(void *slot, const htx_field_def *def)
{
    (void)def;
    *(int *)slot = -1;
}

static htx_status answer_parse(void *slot, const htx_field_def *def, const char *value,
                               htx_error *err)
{
    return htx_parse_yes_no_unknown(value, def->key, slot, err);
}

static void answer_format(const void *slot, htx_value_form form, htx_lang lang, char *out,
                          size_t size)
{
    int value = *(const int *)slot;
    int answer = value < 0 ? ANSWER_UNKNOWN : value ? ANSWER_YES : ANSWER_NO;
    snprintf(out, size, "%s", answer_word(answer, form, lang));
}

static void answer_to_scalar(const void *slot, const htx_field_def *def, htx_scalar *out)
{
    (void)def;
    int value = *(const int *)slot;
    if (value < 0)
        scalar_null(out);
    else
        scalar_integer(out, value);
}

static void answer_from_scalar(void *slot, const htx_field_def *def, const htx_scalar *in)
{
    (void)def;
    *(int *)slot = (int)integer_of(in, -1);
}

static int answer_choices(htx_lang lang, const char *names[], int max)
{
    for (int i = 0; i < 3 && i < max; i++)
        names[i] = answer_word(i, HTX_VALUE_DISPLAY, lang);
    return 3;
}

/* ---- the table ------------------------------------------------------------------------ */

/* Kinds whose value is text: "" is none, NULL in an optional field's column. */
#define HELD_AS_TEXT                                                                               \
    .scalar = HTX_SCALAR_TEXT, .json = HTX_JSON_STRING, .init = text_init,                        \
    .to_scalar = text_to_scalar, .from_scalar = text_from_scalar

/* Kinds whose value is a number: -1 is unknown, NULL in its column. */
#define HELD_AS_NUMBER                                                                             \
    .scalar = HTX_SCALAR_INTEGER, .json = HTX_JSON_NUMBER, .init = number_init,                   \
    .to_scalar = number_to_scalar, .from_scalar = number_from_scalar

const htx_field_kind_ops htx_field_kinds[HTX_FIELD_KINDS] = {
    [HTX_KIND_TEXT] = {
        .name = "text", .takes_vietnamese = true, .accepts_blank = true, .edit_chars = 100,
        HELD_AS_TEXT, .parse = text_parse, .format = text_format,
    },
    [HTX_KIND_MULTILINE] = {
        .name = "multiline", .multiline = true, .takes_vietnamese = true, .accepts_blank = true,
        .edit_chars = 100, HELD_AS_TEXT, .parse = text_parse, .format = text_format,
    },
    [HTX_KIND_CODE] = {
        .name = "code", .edit_chars = 100,
        HELD_AS_TEXT, .parse = code_parse, .format = text_format,
    },
    [HTX_KIND_DISTRICT] = {
        .name = "district", .takes_vietnamese = true, .edit_chars = 100,
        .record_form = HTX_VALUE_DISPLAY,
        HELD_AS_TEXT, .parse = district_parse, .format = district_format,
        .choices = district_choices,
    },
    [HTX_KIND_COMMUNE] = {
        .name = "commune", .takes_vietnamese = true, .accepts_blank = true, .edit_chars = 100,
        HELD_AS_TEXT, .parse = commune_parse, .format = commune_format, .choices = commune_choices,
    },
    [HTX_KIND_SECTOR] = {
        .name = "sector", .takes_vietnamese = true, .edit_chars = 100,
        HELD_AS_TEXT, .parse = sector_parse, .format = sector_format, .choices = sector_choices,
    },
    [HTX_KIND_DATE] = {
        .name = "date", .accepts_blank = true, .edit_chars = 32,
        HELD_AS_TEXT, .parse = date_parse, .format = date_format,
    },
    [HTX_KIND_COUNT] = {
        .name = "count", .accepts_blank = true, .edit_chars = 32,
        HELD_AS_NUMBER, .parse = count_parse, .format = count_format,
    },
    [HTX_KIND_MONEY] = {
        .name = "money", .accepts_blank = true, .edit_chars = 48,
        HELD_AS_NUMBER, .parse = money_parse, .format = money_format,
    },
    [HTX_KIND_PHONE] = {
        .name = "phone", .accepts_blank = true, .edit_chars = 32,
        HELD_AS_TEXT, .parse = phone_parse, .format = text_format,
    },
    [HTX_KIND_EMAIL] = {
        .name = "email", .accepts_blank = true, .edit_chars = HTX_EMAIL_SIZE - 1,
        HELD_AS_TEXT, .parse = email_parse, .format = text_format,
    },
    [HTX_KIND_STATUS] = {
        .name = "status", .takes_vietnamese = true, .edit_chars = 100,
        .scalar = HTX_SCALAR_TEXT, .json = HTX_JSON_STRING, .init = status_init,
        .parse = status_parse, .format = status_format, .to_scalar = status_to_scalar,
        .from_scalar = status_from_scalar, .choices = status_choices,
    },
    [HTX_KIND_YES_NO_UNKNOWN] = {
        .name = "yes/no/unknown", .takes_vietnamese = true, .accepts_blank = true,
        .edit_chars = 100,
        .scalar = HTX_SCALAR_INTEGER, .json = HTX_JSON_BOOL, .init = answer_init,
        .parse = answer_parse, .format = answer_format, .to_scalar = answer_to_scalar,
        .from_scalar = answer_from_scalar, .choices = answer_choices,
    },
};
