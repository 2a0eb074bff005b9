/*
 * Reference data that does not change with the register: Hanoi's 30
 * district-level units, the sectors and the Alliance's five clubs, and the
 * enumerations of the model (status, role).  The store mirrors these tables
 * so the database is self-describing and foreign keys hold.
 *
 * Lookups accept a code or a name typed with or without marks and in any
 * case ("gia lam", "Gia Lâm", "018", "huyện Gia Lâm").
 */
#ifndef HTX_REFDATA_H
#define HTX_REFDATA_H

#include <stddef.h>

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

/* NULL when nothing matches. */
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
