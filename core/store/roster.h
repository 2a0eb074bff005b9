/*
 * A club's roster: the cooperatives that are members on a given date.
 *
 * The roster screen and the printed roster read the same list from here, so
 * what the staff see is what they print.
 */
#ifndef HTX_ROSTER_H
#define HTX_ROSTER_H

#include <stdint.h>

#include "coop.h"
#include "store.h"

typedef enum htx_roster_sort {
    HTX_ROSTER_BY_NAME,     /* Vietnamese order of the name */
    HTX_ROSTER_BY_DISTRICT, /* district in Vietnamese order, then name */
    HTX_ROSTER_BY_JOINED,   /* earliest first, unknown dates last, then name */
    HTX_ROSTER_SORT_COUNT
} htx_roster_sort;

typedef struct htx_roster_entry {
    int64_t coop_id;
    char code[HTX_CODE_SIZE];
    char name[4 * HTX_NAME_MAX_CHARS + 1];
    char district[4]; /* GSO code */
    char representative[4 * 100 + 1];
    char phone[HTX_PHONE_SIZE];
    char address[4 * 250 + 1];  /* the street part, as typed */
    char commune[64];           /* the unit of 2025 ("Bát Tràng"), "" while unknown */
    char ward[4 * 100 + 1];     /* the ward as written before 1 July 2025 */
    htx_role role;
    char joined[HTX_ISO_DATE_SIZE]; /* "" when unknown */
    char left[HTX_ISO_DATE_SIZE];   /* "" when no end is recorded */
} htx_roster_entry;

/* Returns non-zero to stop. */
typedef int (*htx_roster_visitor)(const htx_roster_entry *e, void *ctx);

/*
 * Visits the members of club_code on as_of_iso ("yyyy-mm-dd"; NULL or "" for
 * today): memberships that had begun by that day (or have no joined date)
 * and had not yet ended (no left date, or one after that day).  A
 * cooperative appears once even if its history holds overlapping
 * memberships of the club.  An unknown club or a malformed date fails with
 * HTX_ERR_INVALID.
 */
htx_status htx_roster_each(htx_store *s, const char *club_code, const char *as_of_iso,
                           htx_roster_sort sort, htx_roster_visitor visit, void *ctx,
                           htx_error *err);

#endif
