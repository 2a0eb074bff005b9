/*
 * Reference data that does not change with the register: Hanoi's 30
 * district-level units, the sectors and the Alliance's five clubs, and the
 * enumerations of the model (status, role).  The store mirrors these tables
 * so the database is self-describing and foreign keys hold.
 *
 * Lookups accept a code or a name typed with or without marks and in any
 * case ("gia lam", "Gia Lâm", "018", "huyện Gia Lâm"), or the beginning of
 * a name, by the rule of name_match.h ("thuong mai" → Thương mại – Dịch
 * vụ, "pho" → Phó chủ nhiệm).  A text that fits several names finds none:
 * the error lists them.
 */
#ifndef HTX_REFDATA_H
#define HTX_REFDATA_H

#include <stddef.h>

#include "error.h"
#include "messages.h"

typedef enum htx_district_kind {
    HTX_URBAN_DISTRICT, /* quận */
    HTX_TOWN,           /* thị xã */
    HTX_RURAL_DISTRICT, /* huyện */
} htx_district_kind;

typedef struct htx_district {
    const char *code; /* GSO code, "018" */
    const char *name; /* "Gia Lâm" */
    htx_district_kind kind;
} htx_district;

typedef struct htx_sector {
    const char *code; /* stable: "industry" … */
    const char *name_vi;
    const char *name_en;
    const char *short_vi; /* for narrow columns: "CN – TTCN" */
    const char *short_en;
} htx_sector;

typedef struct htx_club {
    const char *code; /* stable: "agriculture", "trade", "plastic", "industry", "credit" */
    const char *name; /* "CLB Nhựa Hà Nội" */
    const char *name_en;
} htx_club;

typedef enum htx_coop_status {
    HTX_ACTIVE = 0,
    HTX_SUSPENDED,
    HTX_DISSOLVED,
    HTX_STATUS_COUNT
} htx_coop_status;

typedef enum htx_role { HTX_ROLE_CHAIR = 0, HTX_ROLE_VICE_CHAIR, HTX_ROLE_MEMBER, HTX_ROLE_COUNT } htx_role;

extern const htx_district HTX_DISTRICTS[];
extern const size_t HTX_DISTRICT_COUNT; /* 30 */
extern const htx_sector HTX_SECTORS[];
extern const size_t HTX_SECTOR_COUNT; /* 7 */
extern const htx_club HTX_CLUBS[];
extern const size_t HTX_CLUB_COUNT; /* 5 */

/*
 * The lists a value is chosen from, each entry known by its code and its
 * names.  Entry i of a list is entry i of its table (HTX_DISTRICTS[i],
 * HTX_SECTORS[i], HTX_CLUBS[i]) or the enumeration's value i.
 */
typedef enum htx_choice_list {
    HTX_CHOOSE_DISTRICT,
    HTX_CHOOSE_SECTOR,
    HTX_CHOOSE_CLUB,
    HTX_CHOOSE_STATUS,
    HTX_CHOOSE_ROLE,
    HTX_CHOICE_LISTS
} htx_choice_list;

size_t htx_choice_count(htx_choice_list list);
const char *htx_choice_code(htx_choice_list list, size_t i);
const char *htx_choice_name(htx_choice_list list, size_t i, htx_lang lang);
/* The entry as help and errors name it (htx_name_with_code). */
void htx_choice_label(htx_choice_list list, size_t i, htx_lang lang, char *out, size_t size);
/* A name with the code a script would type: "Thương mại – Dịch vụ (trade)",
 * "Gia Lâm (018)"; the name alone where the code is the same word
 * ("Construction"). */
void htx_name_with_code(const char *name, const char *code, char *out, size_t size);

/*
 * The entry text names: its code (any case), else the best fit among the
 * names (name_match.h).  HTX_ERR_INVALID when no entry or several fit,
 * with err (when given) naming field and hinting at the close names or the
 * candidates in both languages.
 */
htx_status htx_choice_find(htx_choice_list list, const char *text, const char *field, size_t *index,
                           htx_error *err);

/* The same without the error: NULL when no entry, or several, fit. */
const htx_district *htx_district_find(const char *code_or_name);
const htx_district *htx_district_by_code(const char *code);
const htx_sector *htx_sector_find(const char *code_or_name);
const htx_club *htx_club_find(const char *code_or_name);

const char *htx_district_kind_name(htx_district_kind kind, htx_lang lang); /* "Quận" … */
const char *htx_sector_name(const htx_sector *s, htx_lang lang);
const char *htx_sector_short_name(const htx_sector *s, htx_lang lang);
const char *htx_club_name(const htx_club *c, htx_lang lang);

/* Codes as stored: "active", "suspended", "dissolved"; "chair", "vice-chair", "member". */
const char *htx_status_code(htx_coop_status s);
const char *htx_status_name(htx_coop_status s, htx_lang lang); /* "Đang hoạt động" … */
int htx_status_parse(const char *text); /* code or name, marks optional; -1 if unknown */
const char *htx_role_code(htx_role r);
const char *htx_role_name(htx_role r, htx_lang lang); /* "Chủ nhiệm" … */
int htx_role_parse(const char *text);

#endif
