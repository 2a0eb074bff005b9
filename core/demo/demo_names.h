/*
 * The raw material of the demo register (demo.c): Hanoi's wards, communes
 * and streets district by district, the activities cooperatives of each
 * sector name themselves after (with the craft villages they come from), and
 * the words of Vietnamese personal names.
 *
 * Lists of strings end with NULL.  Every text is NFC UTF-8.
 */
#ifndef HTX_DEMO_NAMES_H
#define HTX_DEMO_NAMES_H

#ifndef HTX_PRIVATE_CORE_DEMO
#error "demo_names.h is private to core/demo/: include the folder's public headers instead"
#endif

#include <stdbool.h>
#include <stddef.h>

/* Sectors in the order of HTX_SECTORS (refdata.c). */
typedef enum demo_sector {
    DEMO_INDUSTRY,
    DEMO_CONSTRUCTION,
    DEMO_TRADE,
    DEMO_TRANSPORT,
    DEMO_OTHER,
    DEMO_AGRICULTURE,
    DEMO_CREDIT,
    DEMO_SECTOR_COUNT
} demo_sector;

typedef struct demo_district_places {
    const char *district; /* GSO code */
    /* "Phường Ngọc Thụy", "Xã Bát Tràng", "Thị trấn Trâu Quỳ": the ward field as stored. */
    const char *const *wards;
    /* "phố Hàng Bông", "đường Láng": for addresses in a phường; NULL when the
     * district has no phường. */
    const char *const *streets;
    /* How many of each sector's cooperatives the district gets, relative to
     * the others (industry weighs most in the craft-village districts, trade
     * and transport in the inner city). */
    unsigned char weight[DEMO_SECTOR_COUNT];
} demo_district_places;

extern const demo_district_places demo_districts[];
extern const size_t demo_district_count;

typedef enum demo_area {
    DEMO_ANYWHERE,
    DEMO_INNER_CITY, /* quận only */
    DEMO_COUNTRYSIDE, /* huyện and thị xã only */
} demo_area;

/*
 * What a cooperative does, as its name says it: "HTX <words> <place>".
 * A craft tied to a village names its district and home ward; generic
 * activities name neither.
 */
typedef struct demo_activity {
    demo_sector sector;
    const char *words;     /* "gốm sứ" */
    const char *products;  /* "gốm sứ mỹ nghệ, gốm sứ gia dụng" */
    const char *district;  /* GSO code, or NULL for anywhere in the area */
    const char *home_ward; /* "Xã Bát Tràng", or NULL */
    unsigned char weight;
    demo_area area;
    bool plastic; /* makes plastic goods: a candidate for the plastics club */
} demo_activity;

extern const demo_activity demo_activities[];
extern const size_t demo_activity_count;

/* Names cooperatives choose for luck or solidarity ("Đoàn Kết", "Thành Công"). */
extern const char *const demo_motto_names[];

/* Villages and hamlets without a proper name: "thôn Đoài", "xóm Mới". */
extern const char *const demo_hamlets[];

typedef struct demo_weighted_word {
    const char *word;
    unsigned char weight;
} demo_weighted_word;

extern const demo_weighted_word demo_surnames[];
extern const size_t demo_surname_count;
extern const char *const demo_male_middle_names[];
extern const char *const demo_female_middle_names[];
extern const char *const demo_male_given_names[];
extern const char *const demo_female_given_names[];

/* Three-digit mobile network prefixes in use in 2020 ("091", "038"). */
extern const char *const demo_mobile_prefixes[];

/* Remarks staff leave on an ordinary record now and then. */
extern const char *const demo_remarks[];

/* Number of entries of a NULL-terminated list. */
size_t demo_list_length(const char *const *list);

#endif
