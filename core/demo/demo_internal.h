/*
 * What the parts of the demo generator share (private to core/demo*.c):
 *
 *   demo.c         the figures, the fixed cooperatives, spreading the counts
 *                  over the districts, club memberships, the entry point
 *   demo_record.c  one cooperative: its name and every other field
 *   demo_random.c  deterministic randomness and day arithmetic
 *   demo_names.c   the word lists names and addresses are made of
 */
#ifndef HTX_DEMO_INTERNAL_H
#define HTX_DEMO_INTERNAL_H

#ifndef HTX_PRIVATE_CORE_DEMO
#error "demo_internal.h is private to core/demo/: include the folder's public headers instead"
#endif

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "coop.h"
#include "date.h"
#include "demo_names.h"
#include "store.h"

/*
 * The figures the demo reproduces: the Alliance's count of non-agricultural
 * cooperatives at the end of 2020, of which DEMO_RECENT were founded in
 * 2018–2020, plus the agricultural cooperatives and people's credit funds
 * two of the clubs are made of.
 */
#define DEMO_NON_AGRICULTURAL 804
#define DEMO_RECENT 315
#define DEMO_AGRICULTURAL 40
#define DEMO_CREDIT_FUNDS 12
#define DEMO_TOTAL (DEMO_NON_AGRICULTURAL + DEMO_AGRICULTURAL + DEMO_CREDIT_FUNDS)
#define DEMO_PLASTIC_MAKERS 30
#define DEMO_FIXED_COUNT 5
/* Room for every record even if a fixed cooperative sits in a district its
 * sector's share left empty (the counts would then be off by one, not the
 * memory). */
#define DEMO_CAPACITY (DEMO_TOTAL + DEMO_FIXED_COUNT)

#define DEMO_USER "htx-demo"

extern const char *const demo_sector_codes[DEMO_SECTOR_COUNT];

/* Cooperatives staff know by name and use to check the program. */
typedef struct demo_fixed {
    const char *name;
    const char *district;
    const char *ward;
    const char *address;
    demo_sector sector;
    const char *founded;
    int64_t members;
    int64_t capital;
    const char *representative;
    const char *phone;
    const char *email;
    const char *products;
} demo_fixed;

/* ---- deterministic randomness (splitmix64), days (demo_random.c) ---------- */

typedef struct demo_rng {
    uint64_t state;
} demo_rng;

uint64_t demo_rng_next(demo_rng *r);
/* 0 … n−1 (n > 0); the slight bias of the multiply-shift does not matter here. */
uint32_t demo_rng_below(demo_rng *r, uint32_t n);
int32_t demo_rng_between(demo_rng *r, int32_t lo, int32_t hi);
bool demo_rng_percent(demo_rng *r, unsigned percent);
const char *demo_rng_pick(demo_rng *r, const char *const *list);
void demo_rng_shuffle(demo_rng *r, size_t *items, size_t count);

/* Days since 1970-01-01 (proleptic Gregorian), so dates can be drawn from a range. */
int32_t demo_day_number(int year, int month, int day);
htx_date demo_day_date(int32_t z);
void demo_day_iso(int32_t day, char out[HTX_ISO_DATE_SIZE]);
int32_t demo_iso_day(const char *iso);

/* The demo describes the register at the end of 2020. */
#define LAST_DAY demo_day_number(2020, 12, 31)
#define RECENT_FROM demo_day_number(2018, 1, 1)

/* ---- the generator's state -------------------------------------------------- */

typedef struct demo_coop_info {
    int64_t id;
    demo_sector sector;
    int32_t founded;
    htx_coop_status status;
    bool plastic;
} demo_coop_info;

typedef struct demo_gen {
    htx_store *store;
    htx_error *err;
    demo_rng rng;
    htx_coop *record;
    /* Names without their "HTX"/"Hợp tác xã" prefix, folded: two names equal
     * here would look like the same cooperative to staff. */
    char *name_keys[DEMO_CAPACITY];
    size_t name_count;
    char (*codes)[HTX_CODE_SIZE];
    size_t code_count;
    demo_coop_info coops[DEMO_CAPACITY];
    size_t coop_count;
} demo_gen;

/* One cooperative still to generate. */
typedef struct demo_slot {
    demo_sector sector;
    unsigned char district; /* index in demo_districts */
    bool recent;            /* founded 2018–2020 */
    bool plastic;
} demo_slot;


htx_status demo_out_of_memory(demo_gen *g);

/* One generated cooperative for slot, or one of the fixed ones (demo_record.c). */
htx_status demo_add_generated(demo_gen *g, const demo_slot *slot);
htx_status demo_add_fixed(demo_gen *g, const demo_fixed *f);

#endif
