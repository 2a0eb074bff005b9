/*
 * Hà Nội's 126 commune-level units since 1 July 2025 (51 phường, 75 xã,
 * directly under the city; communes.def), beside the 30 former districts
 * (refdata.h) by which the Alliance still files its work.
 *
 * A unit is known by its name, unique in the city ("Bát Tràng"); written
 * with its kind it is "xã Bát Tràng", "phường Hồng Hà".  Each lists the
 * former district(s) it was formed from: one for all but four.
 */
#ifndef HTX_COMMUNE_H
#define HTX_COMMUNE_H

#include <stdbool.h>
#include <stddef.h>

#include "messages.h"
#include "refdata.h"

typedef enum htx_commune_kind { HTX_WARD, HTX_COMMUNE } htx_commune_kind;

#define HTX_COMMUNE_MAX_DISTRICTS 4

typedef struct htx_commune {
    const char *name;      /* "Bát Tràng" */
    htx_commune_kind kind; /* phường or xã */
    const char *districts; /* GSO codes of the former districts, space-separated: "018" */
} htx_commune;

extern const htx_commune HTX_COMMUNES[];
extern const size_t HTX_COMMUNE_COUNT; /* 126 */
/* Room enough for every unit, for arrays sized at compile time. */
#define HTX_COMMUNE_LIMIT 128

/* The unit typed, with or without its kind, marks and case optional
 * ("bat trang", "Xã Bát Tràng", "phuong hong ha"); NULL when none. */
const htx_commune *htx_commune_find(const char *text);
/* The unit of exactly that name, as stored ("Bát Tràng"); NULL when none.
 * For stored values: a list of a million rows looks each up. */
const htx_commune *htx_commune_named(const char *name);

/* "phường" / "xã" (lower case, as inside an address); "Phường" / "Xã" at
 * the head of a label; English "ward" / "commune". */
const char *htx_commune_kind_name(htx_commune_kind kind, bool capital, htx_lang lang);
/* "Xã Bát Tràng" (capital) or "xã Bát Tràng", into out. */
void htx_commune_label(const htx_commune *c, bool capital, htx_lang lang, char *out, size_t size);

/* Whether the unit was formed (in part) from the former district. */
bool htx_commune_in_district(const htx_commune *c, const char *district_code);
/* The former district when the unit comes from one only, else NULL. */
const htx_district *htx_commune_only_district(const htx_commune *c);

/*
 * The new unit an old-style ward text names, within a former district:
 * "Xã Bát Tràng" in Gia Lâm is xã Bát Tràng, because the new unit kept the
 * name and comes from that district.  NULL when the name does not say it
 * (the ward was merged into a unit of another name): a person chooses.
 */
const htx_commune *htx_commune_from_old_ward(const char *ward, const char *district_code);

#endif
