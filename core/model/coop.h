/*
 * The cooperative record and its fields.
 *
 * One table (htx_fields) describes every field: its key on the command line
 * and in exports, its labels, its kind and limits.  The command line, the
 * forms and the importer all set fields through htx_coop_set(), which applies
 * the rules of validate.h and text.h, so every entry path stores the same
 * canonical values.
 */
#ifndef HTX_COOP_H
#define HTX_COOP_H

#include <stdbool.h>
#include <stdint.h>

#include "date.h"
#include "error.h"
#include "refdata.h"
#include "validate.h"

typedef enum htx_field_id {
    HTX_F_CODE,
    HTX_F_NAME,
    HTX_F_DISTRICT,
    HTX_F_WARD,
    HTX_F_ADDRESS,
    HTX_F_SECTOR,
    HTX_F_FOUNDED,
    HTX_F_MEMBERS,
    HTX_F_CAPITAL,
    HTX_F_REPRESENTATIVE,
    HTX_F_PHONE,
    HTX_F_EMAIL,
    HTX_F_PRODUCTS,
    HTX_F_STATUS,
    HTX_F_COMPLIANT,
    HTX_F_PROFITABLE,
    HTX_F_NOTES,
    HTX_FIELD_COUNT
} htx_field_id;

typedef enum htx_field_kind {
    HTX_KIND_TEXT,      /* one line */
    HTX_KIND_MULTILINE, /* notes */
    HTX_KIND_CODE,
    HTX_KIND_DISTRICT,
    HTX_KIND_SECTOR,
    HTX_KIND_DATE,
    HTX_KIND_COUNT,
    HTX_KIND_MONEY,
    HTX_KIND_PHONE,
    HTX_KIND_EMAIL,
    HTX_KIND_STATUS,
    HTX_KIND_YES_NO,
    HTX_KIND_YES_NO_UNKNOWN,
} htx_field_kind;

typedef struct htx_field_def {
    htx_field_id id;
    const char *key; /* "name" — command line, exports, audit log */
    const char *label_vi;
    const char *label_en;
    htx_field_kind kind;
    unsigned max_chars; /* text kinds: limit in characters */
    bool required;
} htx_field_def;

extern const htx_field_def htx_fields[HTX_FIELD_COUNT];

/* By key ("name"), also accepting the Vietnamese or English label typed
 * with or without marks ("ten htx", "Người đại diện"); NULL if unknown. */
const htx_field_def *htx_field_find(const char *key_or_label);
const char *htx_field_label(htx_field_id id, htx_lang lang);

/* Renders an error as "Field label: message" in lang (just the message when
 * it names no field). */
void htx_error_text(const htx_error *err, htx_lang lang, char *buf, size_t size);

#define HTX_NAME_MAX_CHARS 200

typedef struct htx_coop {
    int64_t id; /* 0 until stored */
    char code[HTX_CODE_SIZE];
    char name[4 * HTX_NAME_MAX_CHARS + 1];
    char district[4]; /* GSO code */
    char ward[4 * 100 + 1];
    char address[4 * 250 + 1];
    char sector[16]; /* sector code */
    char founded[HTX_ISO_DATE_SIZE]; /* ISO, "" when unknown */
    int64_t members;                 /* -1 when unknown */
    int64_t capital;                 /* VND, -1 when unknown */
    char representative[4 * 100 + 1];
    char phone[HTX_PHONE_SIZE];
    char email[HTX_EMAIL_SIZE];
    char products[4 * 500 + 1];
    htx_coop_status status;
    bool compliant;  /* organised under the current Law on Cooperatives */
    int profitable;  /* capital preserved and profitable last year: 1, 0, -1 unknown */
    char notes[4 * 2000 + 1];
    char created_at[20]; /* "yyyy-mm-dd hh:mm:ss", UTC */
    char updated_at[20];
    int64_t version; /* optimistic locking: bumped by every save */
} htx_coop;

/* An empty record: status active, unknown numbers, not compliant, profitable unknown. */
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

/*
 * A field's value as text.  Stored form (HTX_VALUE_RAW): ISO dates, plain
 * digits, codes ("active", "yes"/"no"/"unknown") — for exports and the audit
 * log.  Display form (HTX_VALUE_DISPLAY): dd/mm/yyyy, 1.500.000 đ, names of
 * district/sector/status in lang.  Unknown values give "".
 */
typedef enum htx_value_form { HTX_VALUE_RAW, HTX_VALUE_DISPLAY } htx_value_form;
void htx_coop_value(const htx_coop *c, htx_field_id id, htx_value_form form, htx_lang lang,
                    char *out, size_t size);

#endif
