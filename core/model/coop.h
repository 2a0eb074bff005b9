/*
 * The cooperative record and its fields.
 *
 * The fields are declared once, in coop_fields.def; the enum, the record's
 * members and the htx_fields[] table (key, labels, kind, limits, column,
 * export position) are made from it, and what a field does comes from its
 * kind (field_kind.h).  The command line, the forms and the importer all set
 * fields through htx_coop_set(), which applies the rules of validate.h and
 * text.h, so every entry path stores the same canonical values.
 */
#ifndef HTX_COOP_H
#define HTX_COOP_H

#include <stdbool.h>
#include <stdint.h>

#include "coop_fields.def"
#include "date.h"
#include "error.h"
#include "field_kind.h"
#include "refdata.h"
#include "validate.h"

#define HTX_NAME_MAX_CHARS 200

/* The fields, in the order of coop_fields.def: HTX_F_CODE, HTX_F_NAME … */
typedef enum htx_field_id {
#define HTX_FIELD_ID_(id, ...) HTX_F_##id,
    HTX_COOP_FIELDS(HTX_FIELD_ID_)
#undef HTX_FIELD_ID_
    HTX_FIELD_COUNT
} htx_field_id;

typedef struct htx_field_def {
    htx_field_id id;
    const char *key; /* "name" — command line, exports, audit log */
    const char *label_vi;
    const char *label_en;
    htx_field_kind kind; /* what it does: htx_field_kinds[kind] */
    unsigned max_chars;  /* limit in characters of the typed value; 0: none but the kind's */
    bool required;
    const char *column;  /* in table cooperative */
    int export_position; /* 1-based column in exported records (coop_out.h) */
    size_t offset, size; /* of its member in htx_coop */
} htx_field_def;

extern const htx_field_def htx_fields[HTX_FIELD_COUNT];

/* By key ("name"), also accepting the Vietnamese or English label typed
 * with or without marks ("ten htx", "Người đại diện"); NULL if unknown. */
const htx_field_def *htx_field_find(const char *key_or_label);
const char *htx_field_label(htx_field_id id, htx_lang lang);

/* Renders an error as "Field label: message" in lang (just the message when
 * it names no field). */
void htx_error_text(const htx_error *err, htx_lang lang, char *buf, size_t size);

typedef struct htx_coop {
    int64_t id; /* 0 until stored */
    /* code, name … notes: the member of each field, of its kind's type */
#define HTX_FIELD_MEMBER_(id, key, member, column, kind, max_chars, ...)                            \
    HTX_KIND_MEMBER_##kind(member, max_chars);
    HTX_COOP_FIELDS(HTX_FIELD_MEMBER_)
#undef HTX_FIELD_MEMBER_
    char created_at[20]; /* "yyyy-mm-dd hh:mm:ss", UTC */
    char updated_at[20];
    int64_t version; /* optimistic locking: bumped by every save */
} htx_coop;

/* An empty record: status active; numbers, compliance and profitability unknown. */
void htx_coop_init(htx_coop *c);

/*
 * Parses, normalises and validates value for the field named key and stores
 * it.  Errors and warnings go to report; returns HTX_OK or HTX_ERR_INVALID.
 * An empty value clears an optional field.
 */
htx_status htx_coop_set(htx_coop *c, const char *key, const char *value, htx_report *report);

/* Record-level checks after setting fields: required fields, warnings
 * (fewer than 5 members, name without the "Hợp tác xã"/"HTX" prefix). */
void htx_coop_check(const htx_coop *c, htx_report *report);

/* A field's value as text in form (field_kind.h); display names in lang.
 * Unknown values give "". */
void htx_coop_value(const htx_coop *c, htx_field_id id, htx_value_form form, htx_lang lang,
                    char *out, size_t size);

/* What tells a cooperative from another of the same name, on one line:
 * "0100233488 HTX Đồng Tâm — Thanh Trì, thành lập 05/03/2019, đại diện
 * Nguyễn Văn An" (unknown parts left out), control characters shown
 * visibly. */
void htx_coop_identify(const htx_coop *c, htx_lang lang, char *out, size_t size);

/* A field's value as plain data (NULL when unknown or, for an optional field,
 * empty), and back: how the store writes and reads it.  The text of a
 * scalar from a record points into the record. */
void htx_coop_scalar(const htx_coop *c, htx_field_id id, htx_scalar *out);
void htx_coop_set_scalar(htx_coop *c, htx_field_id id, const htx_scalar *value);

/* What the form needs of a field: its editor's bound in characters, and
 * whether a blank is reported as missing (required, or no blank value). */
unsigned htx_field_edit_limit(const htx_field_def *def);
bool htx_field_must_be_filled(const htx_field_def *def);

#endif
