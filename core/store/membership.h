/*
 * Memberships of cooperatives in the Alliance's clubs.
 *
 * A membership is current while it has no left date.  A cooperative holds at
 * most one current membership per club.  Each change is audited.
 */
#ifndef HTX_MEMBERSHIP_H
#define HTX_MEMBERSHIP_H

#include <stdint.h>

#include "date.h"
#include "refdata.h"
#include "store.h"

typedef struct htx_membership {
    int64_t id;
    int64_t coop_id;
    char club[16]; /* club code */
    htx_role role;
    char joined[HTX_ISO_DATE_SIZE]; /* "" when unknown */
    char left[HTX_ISO_DATE_SIZE];   /* "" while current */
} htx_membership;

/* Adds the cooperative to the club; HTX_ERR_DUPLICATE if it is a current member. */
htx_status htx_membership_add(htx_store *s, int64_t coop_id, const char *club, htx_role role,
                              const char *joined_iso, const char *user, htx_error *err);
htx_status htx_membership_add_in_tx(htx_store *s, int64_t coop_id, const char *club,
                                    htx_role role, const char *joined_iso, const char *user,
                                    htx_error *err);

/* Ends the current membership; HTX_ERR_NOT_FOUND if there is none. */
htx_status htx_membership_end(htx_store *s, int64_t coop_id, const char *club,
                              const char *left_iso, const char *user, htx_error *err);
htx_status htx_membership_end_in_tx(htx_store *s, int64_t coop_id, const char *club,
                                    const char *left_iso, const char *user, htx_error *err);

typedef int (*htx_membership_visitor)(const htx_membership *m, void *ctx);

/* Every membership of a cooperative, current first, then by club.  The
 * visitor returns non-zero to stop. */
htx_status htx_membership_each(htx_store *s, int64_t coop_id, htx_membership_visitor visit,
                               void *ctx, htx_error *err);

/* Number of current members of each club, in HTX_CLUBS order. */
htx_status htx_club_member_counts(htx_store *s, int64_t counts[], htx_error *err);

#endif
