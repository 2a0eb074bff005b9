/*
 * What a field's kind decides, for every field of that kind at once.
 *
 * Each kind (text, phone, date, yes/no …) has one entry in htx_field_kinds[]:
 * how a typed value is parsed into the record and shown again, the plain
 * value (htx_scalar) a database column and JSON hold, and what the form
 * needs (Vietnamese typing, an editing bound, the pick list).  A field is a
 * row of coop_fields.def naming its kind: adding a field of an existing kind
 * writes no behaviour at all, and adding a kind is one entry here and one in
 * field_kind.c.
 *
 * The table knows nothing of SQLite.  The store moves htx_scalar values in
 * and out of columns with one generic bind and one generic read (three cases:
 * NULL, integer, text), so that a new kind never needs a second, store-side
 * table to keep in step with this one.
 */
#ifndef HTX_FIELD_KIND_H
#define HTX_FIELD_KIND_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "date.h"
#include "error.h"
#include "refdata.h"
#include "validate.h"

typedef enum htx_field_kind {
    HTX_KIND_TEXT,      /* one line */
    HTX_KIND_MULTILINE, /* notes */
    HTX_KIND_CODE,      /* registration (tax) code */
    HTX_KIND_DISTRICT,  /* a district's GSO code */
    HTX_KIND_COMMUNE,   /* a commune-level unit's name (commune.h), "" when not given */
    HTX_KIND_SECTOR,    /* a sector's code */
    HTX_KIND_DATE,      /* ISO date or a year alone ("2018-00-00"), "" when unknown */
    HTX_KIND_COUNT,     /* whole number, -1 when unknown */
    HTX_KIND_MONEY,     /* VND, -1 when unknown */
    HTX_KIND_PHONE,
    HTX_KIND_EMAIL,
    HTX_KIND_STATUS,
    HTX_KIND_YES_NO_UNKNOWN, /* 1, 0, -1 unknown */
    HTX_FIELD_KINDS          /* how many kinds there are */
} htx_field_kind;

/*
 * The member of htx_coop a field of each kind has:
 * HTX_KIND_MEMBER_<kind>(member, max_chars).  Text is sized by its limit in
 * characters (4 bytes a character at most in UTF-8), so a limit and its
 * buffer cannot disagree.  field_kind.c reads each member as the type
 * declared here.
 */
#define HTX_KIND_MEMBER_TEXT(member, max_chars)                                                    \
    char member[4 * (max_chars) + 1];                                                              \
    _Static_assert((max_chars) > 0, "a text field needs its limit in characters")
#define HTX_KIND_MEMBER_MULTILINE(member, max_chars) HTX_KIND_MEMBER_TEXT(member, max_chars)
#define HTX_KIND_MEMBER_CODE(member, max_chars) char member[HTX_CODE_SIZE]
#define HTX_KIND_MEMBER_DISTRICT(member, max_chars) char member[4]
#define HTX_KIND_MEMBER_COMMUNE(member, max_chars) char member[64]
#define HTX_KIND_MEMBER_SECTOR(member, max_chars) char member[16]
#define HTX_KIND_MEMBER_DATE(member, max_chars) char member[HTX_ISO_DATE_SIZE]
#define HTX_KIND_MEMBER_COUNT(member, max_chars) int64_t member
#define HTX_KIND_MEMBER_MONEY(member, max_chars) int64_t member
#define HTX_KIND_MEMBER_PHONE(member, max_chars) char member[HTX_PHONE_SIZE]
#define HTX_KIND_MEMBER_EMAIL(member, max_chars) char member[HTX_EMAIL_SIZE]
#define HTX_KIND_MEMBER_STATUS(member, max_chars) htx_coop_status member
#define HTX_KIND_MEMBER_YES_NO_UNKNOWN(member, max_chars) int member

/*
 * A value as text.  Stored form (HTX_VALUE_RAW): ISO dates, plain digits,
 * codes ("active", "yes"/"no"/"unknown") — for exports and the audit log.
 * Display form (HTX_VALUE_DISPLAY): dd/mm/yyyy, 1.500.000 đ, names of
 * district/sector/status in the language asked for.
 */
typedef enum htx_value_form { HTX_VALUE_RAW, HTX_VALUE_DISPLAY } htx_value_form;

/* A field's value as plain data: what its database column and JSON hold. */
typedef enum htx_scalar_type { HTX_SCALAR_NULL, HTX_SCALAR_INTEGER, HTX_SCALAR_TEXT } htx_scalar_type;
typedef struct htx_scalar {
    htx_scalar_type type;
    int64_t integer;
    /* NUL-terminated; length bytes.  From a record it points into the record
     * or at a constant, so it lives as long as the record does. */
    const char *text;
    size_t length;
} htx_scalar;

typedef enum htx_json_type { HTX_JSON_STRING, HTX_JSON_NUMBER, HTX_JSON_BOOL } htx_json_type;

struct htx_field_def;

/*
 * The operations of a kind.  slot is the field's member in htx_coop (of the
 * type HTX_KIND_MEMBER_<kind> declares); def is the field, for its key (in
 * errors), limits and size.
 */
typedef struct htx_field_kind_ops {
    const char *name; /* "phone": in messages of the tests */

    /* Typed values are normalised as multi-line text (line breaks kept) and
     * edited over several lines. */
    bool multiline;
    /* Telex/VNI typing applies.  Not where values are digits and ASCII: it
     * would only turn "dd" in an email into "đ" or a digit into a tone. */
    bool takes_vietnamese;
    /* A blank value is a value of the kind (none, unknown).  Where it is not
     * (code, district, sector, status, yes/no), the form reports a blank as
     * missing rather than as unparseable. */
    bool accepts_blank;
    /* The editor's bound in characters for a field that sets no max_chars:
     * generous enough for any way of writing a valid value (the parser
     * judges the value itself). */
    unsigned edit_chars;
    /* What a known value is as plain data (the column's type); unknown is
     * HTX_SCALAR_NULL. */
    htx_scalar_type scalar;
    htx_json_type json;
    /* The form of the value in exported records: the district goes by name,
     * as people read these files and the importer reads names. */
    htx_value_form record_form;

    /* The value of a blank record. */
    void (*init)(void *slot, const struct htx_field_def *def);
    /* Parses a normalised (NFC, trimmed) value into slot; HTX_ERR_INVALID
     * with err set when the value is not one of the kind. */
    htx_status (*parse)(void *slot, const struct htx_field_def *def, const char *value,
                        htx_error *err);
    /* The value as text in form ("" when unknown); size > 0. */
    void (*format)(const void *slot, htx_value_form form, htx_lang lang, char *out, size_t size);
    void (*to_scalar)(const void *slot, const struct htx_field_def *def, htx_scalar *out);
    void (*from_scalar)(void *slot, const struct htx_field_def *def, const htx_scalar *in);
    /* Choice kinds: the names that may be chosen in lang (districts in
     * Vietnamese order), the first max of them into names (which may be
     * NULL when max is 0); returns how many there are.  NULL for free text. */
    int (*choices)(htx_lang lang, const char *names[], int max);
} htx_field_kind_ops;

extern const htx_field_kind_ops htx_field_kinds[HTX_FIELD_KINDS];

#endif
