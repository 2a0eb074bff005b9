#include "demo.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coop.h"
#include "date.h"
#include "demo_names.h"
#include "fold.h"
#include "membership.h"
#include "refdata.h"
#include "registry.h"
#include "validate.h"

/*
 * The figures the demo reproduces: the Alliance's count of non-agricultural
 * cooperatives at the end of 2020, of which DEMO_RECENT were founded in
 * 2018–2020, plus the agricultural cooperatives and people's credit funds
 * two of the clubs are made of.
 */
static const unsigned non_agricultural_totals[DEMO_AGRICULTURE] = {293, 23, 253, 189, 46};
#define DEMO_NON_AGRICULTURAL 804
#define DEMO_RECENT 315
#define DEMO_AGRICULTURAL 40
#define DEMO_CREDIT_FUNDS 12
#define DEMO_TOTAL (DEMO_NON_AGRICULTURAL + DEMO_AGRICULTURAL + DEMO_CREDIT_FUNDS)
#define DEMO_PLASTIC_MAKERS 30

#define DEMO_USER "htx-demo"
/* Any fixed value: changing it changes every generated record. */
#define DEMO_SEED UINT64_C(0x48414e4f49323032)

static const char *const sector_codes[DEMO_SECTOR_COUNT] = {
    "industry", "construction", "trade", "transport", "other", "agriculture", "credit"};

/* Codes used as examples in the documentation: a reader trying them on the
 * demo database must not stumble on an existing cooperative. */
static const char *const reserved_codes[] = {"0100233488", "0100112437", NULL};

/* Banned from generated names so that searching for the fixed cooperatives
 * below finds exactly one (compared on the plain fold). */
static const char *const reserved_name_parts[] = {"dong tam", "tan thinh", "may tre", NULL};

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

static const demo_fixed fixed_coops[] = {
    {"HTX gốm sứ Tân Thịnh", "018", "Xã Bát Tràng", "Số 18, thôn Giang Cao, xã Bát Tràng",
     DEMO_INDUSTRY, "2006-05-18", 24, 3500000000, "Lê Văn Ánh", "02438740512",
     "htxgomsutanthinh@gmail.com", "gốm sứ mỹ nghệ, gốm sứ gia dụng"},
    {"HTX Đồng Tâm", "020", "Xã Ngũ Hiệp", "Xóm 3, thôn Ngũ Hiệp, xã Ngũ Hiệp", DEMO_TRADE,
     "2019-03-05", 12, 800000000, "Nguyễn Thị Ước", "0983471205", "",
     "thương mại tổng hợp, dịch vụ nông nghiệp"},
    {"HTX sản xuất mây tre đan xuất khẩu Phú Nghĩa", "277", "Xã Phú Nghĩa",
     "Thôn Phú Vinh, xã Phú Nghĩa", DEMO_INDUSTRY, "1998-11-20", 126, 5000000000,
     "Đỗ Văn Ổn", "02433866215", "htxmaytrephunghia@gmail.com", "hàng mây tre đan xuất khẩu"},
    {"HTX sơn khảm Ngọ Hạ", "280", "Xã Chuyên Mỹ", "Thôn Ngọ Hạ, xã Chuyên Mỹ", DEMO_INDUSTRY,
     "2009-08-12", 18, 1200000000, "Ứng Văn Hiển", "0975208316", "",
     "tranh sơn mài, đồ sơn khảm trai"},
    {"HTX thủ công mỹ nghệ Trái tim hồng", "016", "Thị trấn Sóc Sơn",
     "Số 25, tổ dân phố 3, thị trấn Sóc Sơn", DEMO_INDUSTRY, "2018-10-09", 9, 300000000,
     "Phạm Thị Ánh", "0356812947", "htxtraitimhong@gmail.com",
     "hàng thủ công mỹ nghệ, tranh thêu tay, đồ lưu niệm"},
};
#define FIXED_COUNT (sizeof fixed_coops / sizeof fixed_coops[0])
/* Room for every record even if a fixed cooperative sits in a district its
 * sector's share left empty (the counts would then be off by one, not the
 * memory). */
#define DEMO_CAPACITY (DEMO_TOTAL + FIXED_COUNT)

/* ---- Deterministic randomness (splitmix64) --------------------------------- */

typedef struct demo_rng {
    uint64_t state;
} demo_rng;

static uint64_t rng_next(demo_rng *r)
{
    uint64_t z = (r->state += UINT64_C(0x9e3779b97f4a7c15));
    z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
    return z ^ (z >> 31);
}

/* 0 … n−1 (n > 0); the slight bias of the multiply-shift does not matter here. */
static uint32_t rng_below(demo_rng *r, uint32_t n)
{
    return (uint32_t)(((rng_next(r) >> 32) * n) >> 32);
}

static int32_t rng_between(demo_rng *r, int32_t lo, int32_t hi)
{
    return lo + (int32_t)rng_below(r, (uint32_t)(hi - lo + 1));
}

static bool rng_percent(demo_rng *r, unsigned percent)
{
    return rng_below(r, 100) < percent;
}

static const char *rng_pick(demo_rng *r, const char *const *list)
{
    return list[rng_below(r, (uint32_t)demo_list_length(list))];
}

static void rng_shuffle(demo_rng *r, size_t *items, size_t count)
{
    for (size_t i = count; i > 1; i--) {
        size_t j = rng_below(r, (uint32_t)i);
        size_t t = items[i - 1];
        items[i - 1] = items[j];
        items[j] = t;
    }
}

/* ---- Days ------------------------------------------------------------------- */

/* Days since 1970-01-01 (proleptic Gregorian), so dates can be drawn from a range. */
static int32_t day_number(int year, int month, int day)
{
    int y = year - (month <= 2);
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static htx_date day_date(int32_t z)
{
    z += 719468;
    int32_t era = (z >= 0 ? z : z - 146096) / 146097;
    int32_t doe = z - era * 146097;
    int32_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int32_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int32_t mp = (5 * doy + 2) / 153;
    htx_date d;
    d.day = doy - (153 * mp + 2) / 5 + 1;
    d.month = mp < 10 ? mp + 3 : mp - 9;
    d.year = yoe + era * 400 + (d.month <= 2);
    return d;
}

static void day_iso(int32_t day, char out[HTX_ISO_DATE_SIZE])
{
    htx_date_iso(day_date(day), out);
}

static int32_t iso_day(const char *iso)
{
    htx_date d;
    if (!htx_date_parse(iso, &d))
        return 0;
    return day_number(d.year, d.month, d.day);
}

/* The demo describes the register at the end of 2020. */
#define LAST_DAY day_number(2020, 12, 31)
#define RECENT_FROM day_number(2018, 1, 1)

/* ---- The generator's state ---------------------------------------------------- */

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

static htx_status out_of_memory(demo_gen *g)
{
    return htx_fail(g->err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
}

/* ---- Names -------------------------------------------------------------------- */

static const char *const name_prefixes[] = {"HTX ", "Hợp tác xã ", NULL};
static const char *const ward_kinds[][2] = {
    {"Phường ", "phường "}, {"Xã ", "xã "}, {"Thị trấn ", "thị trấn "}};

static char *name_key(const char *name)
{
    for (size_t i = 0; name_prefixes[i]; i++) {
        size_t n = strlen(name_prefixes[i]);
        if (strncmp(name, name_prefixes[i], n) == 0)
            return htx_fold_plain(name + n);
    }
    return htx_fold_plain(name);
}

static bool name_taken(const demo_gen *g, const char *key)
{
    for (size_t i = 0; i < g->name_count; i++)
        if (strcmp(g->name_keys[i], key) == 0)
            return true;
    return false;
}

static bool has_reserved_part(const char *name)
{
    char *plain = htx_fold_plain(name);
    bool found = false;
    for (size_t i = 0; plain && reserved_name_parts[i] && !found; i++)
        found = strstr(plain, reserved_name_parts[i]) != NULL;
    free(plain);
    return found;
}

/* Records name as used; false when it was taken (or memory ran out: *nomem). */
static bool claim_name(demo_gen *g, const char *name, bool *nomem)
{
    char *key = name_key(name);
    if (!key) {
        *nomem = true;
        return false;
    }
    if (name_taken(g, key) || g->name_count == DEMO_CAPACITY) {
        free(key);
        return false;
    }
    g->name_keys[g->name_count++] = key;
    return true;
}

/* "Xã Bát Tràng" → "Bát Tràng". */
static const char *ward_place(const char *ward)
{
    for (size_t i = 0; i < sizeof ward_kinds / sizeof ward_kinds[0]; i++) {
        size_t n = strlen(ward_kinds[i][0]);
        if (strncmp(ward, ward_kinds[i][0], n) == 0)
            return ward + n;
    }
    return ward;
}

static bool ward_is(const char *ward, const char *kind)
{
    return strncmp(ward, kind, strlen(kind)) == 0;
}

static const char *district_name(const demo_district_places *d)
{
    const htx_district *ref = htx_district_by_code(d->district);
    return ref ? ref->name : "";
}

static bool is_inner_city(const demo_district_places *d)
{
    const htx_district *ref = htx_district_by_code(d->district);
    return ref && ref->kind == HTX_URBAN_DISTRICT;
}

/* A ward of the district; agricultural cooperatives and credit funds keep
 * to communes where the district has any. */
static const char *pick_ward(demo_gen *g, const demo_district_places *d, demo_sector sector)
{
    bool rural_only = sector == DEMO_AGRICULTURE || sector == DEMO_CREDIT;
    size_t count = demo_list_length(d->wards);
    if (rural_only) {
        size_t communes = 0;
        for (size_t i = 0; i < count; i++)
            communes += ward_is(d->wards[i], "Xã ");
        if (communes) {
            size_t k = rng_below(&g->rng, (uint32_t)communes);
            for (size_t i = 0; i < count; i++)
                if (ward_is(d->wards[i], "Xã ") && k-- == 0)
                    return d->wards[i];
        }
    }
    return d->wards[rng_below(&g->rng, (uint32_t)count)];
}

static bool activity_fits(const demo_activity *a, demo_sector sector,
                          const demo_district_places *d, bool plastic)
{
    if (a->sector != sector || (sector == DEMO_INDUSTRY && a->plastic != plastic))
        return false;
    if (a->district)
        return strcmp(a->district, d->district) == 0;
    bool city = is_inner_city(d);
    return a->area == DEMO_ANYWHERE || (a->area == DEMO_INNER_CITY) == city;
}

/* A craft of the district itself counts three times a generic activity. */
static unsigned activity_weight(const demo_activity *a)
{
    return a->district ? 3u * a->weight : a->weight;
}

static const demo_activity *pick_activity(demo_gen *g, demo_sector sector,
                                          const demo_district_places *d, bool plastic)
{
    unsigned total = 0;
    for (size_t i = 0; i < demo_activity_count; i++)
        if (activity_fits(&demo_activities[i], sector, d, plastic))
            total += activity_weight(&demo_activities[i]);
    if (total == 0)
        return NULL;
    unsigned k = rng_below(&g->rng, total);
    for (size_t i = 0; i < demo_activity_count; i++) {
        const demo_activity *a = &demo_activities[i];
        if (!activity_fits(a, sector, d, plastic))
            continue;
        if (k < activity_weight(a))
            return a;
        k -= activity_weight(a);
    }
    return NULL;
}

/*
 * Names the cooperative and picks its ward: mostly "HTX <activity> <ward>",
 * sometimes after the district or a motto ("HTX vận tải Thành Công"), one in
 * ten spelt out "Hợp tác xã".  Draws again until the name is new; the last
 * resort numbers it.
 */
static htx_status name_coop(demo_gen *g, demo_sector sector, const demo_district_places *d,
                            const demo_activity *a, htx_coop *c)
{
    for (int attempt = 0; attempt < 60; attempt++) {
        const char *ward = a && a->home_ward && rng_percent(&g->rng, 55)
                               ? a->home_ward
                               : pick_ward(g, d, sector);
        /* "Phường Mỹ Đình 1" is the ward; the cooperative is named after Mỹ Đình. */
        char ward_name[128];
        snprintf(ward_name, sizeof ward_name, "%s", ward_place(ward));
        size_t len = strlen(ward_name);
        if (len > 2 && ward_name[len - 2] == ' ' && ward_name[len - 1] >= '0' &&
            ward_name[len - 1] <= '9')
            ward_name[len - 2] = '\0';
        const char *place = ward_name;
        unsigned variant = rng_below(&g->rng, 100);
        if (sector == DEMO_CREDIT) {
            snprintf(c->name, sizeof c->name, "Quỹ tín dụng nhân dân %s", place);
        } else {
            if (variant < 12)
                place = district_name(d);
            else if (variant < 24 && sector != DEMO_AGRICULTURE)
                place = rng_pick(&g->rng, demo_motto_names);
            const char *prefix = rng_percent(&g->rng, 10) ? "Hợp tác xã" : "HTX";
            if (attempt < 50)
                snprintf(c->name, sizeof c->name, "%s %s %s", prefix, a->words, place);
            else
                snprintf(c->name, sizeof c->name, "%s %s %s %d", prefix, a->words, place,
                         attempt - 48);
        }
        if (has_reserved_part(c->name))
            continue;
        bool nomem = false;
        if (claim_name(g, c->name, &nomem)) {
            snprintf(c->ward, sizeof c->ward, "%s", ward);
            return HTX_OK;
        }
        if (nomem)
            return out_of_memory(g);
    }
    return htx_fail(g->err, HTX_ERR_DUPLICATE, MSG_NAME_SIMILAR, "name", c->name, d->district);
}

/* ---- The other fields ----------------------------------------------------------- */

static void make_address(demo_gen *g, const demo_district_places *d, const char *ward, char *out,
                         size_t size)
{
    char lower_ward[256];
    snprintf(lower_ward, sizeof lower_ward, "%s", ward);
    for (size_t i = 0; i < sizeof ward_kinds / sizeof ward_kinds[0]; i++)
        if (ward_is(ward, ward_kinds[i][0]))
            snprintf(lower_ward, sizeof lower_ward, "%s%s", ward_kinds[i][1], ward_place(ward));

    unsigned number = (unsigned)rng_between(&g->rng, 1, 250);
    if (ward_is(ward, "Phường ") && d->streets) {
        const char *street = rng_pick(&g->rng, d->streets);
        if (rng_percent(&g->rng, 65))
            snprintf(out, size, "Số %u, %s, %s", number, street, lower_ward);
        else
            snprintf(out, size, "Số %u, ngõ %u %s, %s", (unsigned)rng_between(&g->rng, 1, 40),
                     (unsigned)rng_between(&g->rng, 2, 300), street, lower_ward);
    } else if (!ward_is(ward, "Xã ")) {
        snprintf(out, size, "Số %u, tổ dân phố %u, %s", number,
                 (unsigned)rng_between(&g->rng, 1, 12), lower_ward);
    } else {
        const char *hamlet = rng_pick(&g->rng, demo_hamlets);
        unsigned style = rng_below(&g->rng, 3);
        /* The hamlet words are ASCII-initial ("thôn", "xóm"): capitalise in place. */
        char capital[64];
        snprintf(capital, sizeof capital, "%s", hamlet);
        capital[0] = (char)(capital[0] - 'a' + 'A');
        if (style == 0)
            snprintf(out, size, "%s, %s", capital, lower_ward);
        else if (style == 1 || strncmp(hamlet, "xóm", strlen("xóm")) == 0)
            snprintf(out, size, "Số %u, %s, %s", number % 120 + 1, hamlet, lower_ward);
        else
            snprintf(out, size, "Xóm %u, %s, %s", (unsigned)rng_between(&g->rng, 1, 12), hamlet,
                     lower_ward);
    }
}

static void make_person(demo_gen *g, char *out, size_t size)
{
    unsigned total = 0;
    for (size_t i = 0; i < demo_surname_count; i++)
        total += demo_surnames[i].weight;
    unsigned k = rng_below(&g->rng, total);
    const char *surname = demo_surnames[0].word;
    for (size_t i = 0; i < demo_surname_count; i++) {
        if (k < demo_surnames[i].weight) {
            surname = demo_surnames[i].word;
            break;
        }
        k -= demo_surnames[i].weight;
    }
    bool male = rng_percent(&g->rng, 65);
    const char *middle = rng_pick(&g->rng, male ? demo_male_middle_names : demo_female_middle_names);
    const char *given = rng_pick(&g->rng, male ? demo_male_given_names : demo_female_given_names);
    snprintf(out, size, "%s %s %s", surname, middle, given);
}

static void append_digits(demo_gen *g, char *out, size_t size, int count)
{
    size_t used = strlen(out);
    for (int i = 0; i < count && used + 1 < size; i++)
        out[used++] = (char)('0' + rng_below(&g->rng, 10));
    out[used] = '\0';
}

static void make_phone(demo_gen *g, char out[HTX_PHONE_SIZE])
{
    unsigned kind = rng_below(&g->rng, 100);
    out[0] = '\0';
    if (kind < 18)
        return;
    if (kind < 50) {
        /* Hanoi landlines: 024 followed by eight digits starting 3 or 6. */
        snprintf(out, HTX_PHONE_SIZE, "024%c", rng_percent(&g->rng, 75) ? '3' : '6');
        append_digits(g, out, HTX_PHONE_SIZE, 7);
    } else {
        snprintf(out, HTX_PHONE_SIZE, "%s", rng_pick(&g->rng, demo_mobile_prefixes));
        append_digits(g, out, HTX_PHONE_SIZE, 7);
    }
}

/* "htx" (or "qtdnd" for a credit fund) + the letters of the name without its
 * prefix: what cooperatives register with free mail services. */
static htx_status make_email(demo_gen *g, const char *name, demo_sector sector,
                             char out[HTX_EMAIL_SIZE])
{
    out[0] = '\0';
    if (!rng_percent(&g->rng, 35))
        return HTX_OK;
    const char *fund_prefix = "Quỹ tín dụng nhân dân ";
    bool fund = sector == DEMO_CREDIT && strncmp(name, fund_prefix, strlen(fund_prefix)) == 0;
    char *key = name_key(fund ? name + strlen(fund_prefix) : name);
    if (!key)
        return out_of_memory(g);
    char local[64];
    size_t used = (size_t)snprintf(local, sizeof local, "%s", fund ? "qtdnd" : "htx");
    for (const char *p = key; *p && used + 1 < sizeof local; p++)
        if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9'))
            local[used++] = *p;
    local[used] = '\0';
    free(key);
    if (used <= 40)
        snprintf(out, HTX_EMAIL_SIZE, "%s@%s", local,
                 rng_percent(&g->rng, 85) ? "gmail.com" : "yahoo.com.vn");
    return HTX_OK;
}

typedef struct demo_band {
    int first_year, last_year;
    unsigned weight;
} demo_band;

/* Founding years before 2018: few survivors of the 1980s, a wave of
 * conversions under the 1996 law (1997–1999), steady growth since and a new
 * wave under the 2012 law. */
static const demo_band older_bands[] = {
    {1978, 1989, 4}, {1990, 1996, 6}, {1997, 1999, 16},
    {2000, 2005, 18}, {2006, 2012, 22}, {2013, 2017, 34},
};
static const demo_band agricultural_bands[] = {
    {1978, 1996, 10}, {1997, 1999, 60}, {2000, 2012, 15}, {2013, 2017, 15},
};
static const demo_band credit_bands[] = {{1995, 1999, 60}, {2000, 2005, 40}};

static int32_t draw_band_day(demo_gen *g, const demo_band *bands, size_t count)
{
    unsigned total = 0;
    for (size_t i = 0; i < count; i++)
        total += bands[i].weight;
    unsigned k = rng_below(&g->rng, total);
    size_t i = 0;
    while (k >= bands[i].weight) {
        k -= bands[i].weight;
        i++;
    }
    return rng_between(&g->rng, day_number(bands[i].first_year, 1, 1),
                       day_number(bands[i].last_year, 12, 31));
}

static int32_t draw_founded(demo_gen *g, demo_sector sector, bool recent)
{
    if (recent)
        return rng_between(&g->rng, RECENT_FROM, LAST_DAY);
    if (sector == DEMO_AGRICULTURE)
        return draw_band_day(g, agricultural_bands,
                             sizeof agricultural_bands / sizeof agricultural_bands[0]);
    if (sector == DEMO_CREDIT)
        return draw_band_day(g, credit_bands, sizeof credit_bands / sizeof credit_bands[0]);
    return draw_band_day(g, older_bands, sizeof older_bands / sizeof older_bands[0]);
}

/* Draws from buckets of {low, high, weight}, uniformly inside the bucket. */
static int64_t draw_bucket(demo_gen *g, const int32_t (*buckets)[3], size_t count)
{
    unsigned total = 0;
    for (size_t i = 0; i < count; i++)
        total += (unsigned)buckets[i][2];
    unsigned k = rng_below(&g->rng, total);
    size_t i = 0;
    while (k >= (unsigned)buckets[i][2]) {
        k -= (unsigned)buckets[i][2];
        i++;
    }
    return rng_between(&g->rng, buckets[i][0], buckets[i][1]);
}

static int64_t draw_members(demo_gen *g, demo_sector sector)
{
    static const int32_t usual[][3] = {{7, 15, 30}, {16, 40, 35}, {41, 100, 22}, {101, 300, 13}};
    static const int32_t transport[][3] = {{10, 30, 35}, {31, 80, 35}, {81, 300, 30}};
    static const int32_t farming[][3] = {{50, 300, 40}, {301, 900, 40}, {901, 2000, 20}};
    static const int32_t credit[][3] = {{350, 900, 50}, {901, 2500, 50}};
    unsigned r = rng_below(&g->rng, 1000);
    if (sector != DEMO_CREDIT && r < 15)
        return rng_between(&g->rng, 3, 4); /* below the legal minimum of 5 */
    if (r < 45)
        return -1;
    switch (sector) {
    case DEMO_TRANSPORT: return draw_bucket(g, transport, 3);
    case DEMO_AGRICULTURE: return draw_bucket(g, farming, 3);
    case DEMO_CREDIT: return draw_bucket(g, credit, 2);
    default: return draw_bucket(g, usual, 4);
    }
}

/* Charter capital in whole millions of đồng. */
static int64_t draw_capital(demo_gen *g, demo_sector sector)
{
    static const int32_t usual[][3] = {
        {50, 300, 30}, {301, 1000, 30}, {1001, 5000, 28}, {5001, 20000, 12}};
    static const int32_t farming[][3] = {{200, 1000, 50}, {1001, 5000, 50}};
    static const int32_t credit[][3] = {{2000, 8000, 60}, {8001, 20000, 40}};
    if (rng_percent(&g->rng, 7))
        return -1;
    int64_t millions = sector == DEMO_CREDIT        ? draw_bucket(g, credit, 2)
                       : sector == DEMO_AGRICULTURE ? draw_bucket(g, farming, 2)
                                                    : draw_bucket(g, usual, 4);
    return millions * 1000000;
}

/* A ten-digit tax code whose first digits follow the era of registration,
 * as Hanoi's do (0100… for the oldest, 0105…–0109… since 2010). */
static htx_status assign_code(demo_gen *g, int32_t founded, char out[HTX_CODE_SIZE])
{
    int year = day_date(founded).year;
    for (;;) {
        char nine[10];
        if (year < 2000)
            snprintf(nine, sizeof nine, "0100");
        else if (year < 2010)
            snprintf(nine, sizeof nine, "010%c", (char)('1' + rng_below(&g->rng, 4)));
        else
            snprintf(nine, sizeof nine, "010%c", (char)('5' + rng_below(&g->rng, 5)));
        append_digits(g, nine, sizeof nine, 5);
        int check = htx_code_check_digit(nine);
        if (check < 0)
            continue;
        memcpy(out, nine, 9);
        out[9] = (char)('0' + check);
        out[10] = '\0';
        bool taken = false;
        for (size_t i = 0; reserved_codes[i] && !taken; i++)
            taken = strcmp(reserved_codes[i], out) == 0;
        for (size_t i = 0; i < g->code_count && !taken; i++)
            taken = strcmp(g->codes[i], out) == 0;
        if (!taken) {
            memcpy(g->codes[g->code_count++], out, HTX_CODE_SIZE);
            return HTX_OK;
        }
    }
}

static void make_standing(demo_gen *g, htx_coop *c, int32_t founded, bool may_dissolve)
{
    htx_date f = day_date(founded);
    unsigned r = rng_below(&g->rng, 100);
    c->status = may_dissolve && r < 3 ? HTX_DISSOLVED : r < 10 ? HTX_SUSPENDED : HTX_ACTIVE;
    /* Founded under the 2012 law (in force from 1 July 2013): organised under it. */
    if (founded >= day_number(2013, 7, 1))
        c->compliant = true;
    else
        c->compliant = rng_percent(&g->rng, c->status == HTX_DISSOLVED ? 20 : 66);
    unsigned p = rng_below(&g->rng, 100);
    c->profitable = p < 70 ? 1 : p < 90 ? 0 : -1;

    c->notes[0] = '\0';
    if (c->status == HTX_SUSPENDED) {
        int32_t since = rng_between(&g->rng, founded > day_number(2016, 1, 1) ? founded
                                                                              : day_number(2016, 1, 1),
                                    LAST_DAY);
        htx_date s = day_date(since);
        snprintf(c->notes, sizeof c->notes, "Tạm ngừng hoạt động từ tháng %d/%d.", s.month,
                 s.year);
    } else if (c->status == HTX_DISSOLVED) {
        int year = rng_between(&g->rng, f.year + 1 > 2010 ? f.year + 1 : 2010, 2020);
        snprintf(c->notes, sizeof c->notes,
                 "Đã giải thể theo nghị quyết đại hội thành viên năm %d.", year);
    } else if (rng_percent(&g->rng, 4)) {
        snprintf(c->notes, sizeof c->notes, "%s", rng_pick(&g->rng, demo_remarks));
    }
}

static htx_status store_coop(demo_gen *g, htx_coop *c, demo_sector sector, int32_t founded,
                             bool plastic)
{
    htx_status st = htx_coop_insert_in_tx(g->store, c, DEMO_USER, g->err);
    if (st != HTX_OK)
        return st;
    demo_coop_info *info = &g->coops[g->coop_count++];
    info->id = c->id;
    info->sector = sector;
    info->founded = founded;
    info->status = c->status;
    info->plastic = plastic;
    return HTX_OK;
}

static htx_status add_generated(demo_gen *g, const demo_slot *slot)
{
    const demo_district_places *d = &demo_districts[slot->district];
    htx_coop *c = g->record;
    htx_coop_init(c);
    const demo_activity *a = NULL;
    if (slot->sector != DEMO_CREDIT) {
        a = pick_activity(g, slot->sector, d, slot->plastic);
        if (!a)
            return htx_fail(g->err, HTX_ERR_INVALID, MSG_UNKNOWN_SECTOR, "sector",
                            sector_codes[slot->sector], NULL);
    }
    htx_status st = name_coop(g, slot->sector, d, a, c);
    if (st != HTX_OK)
        return st;

    int32_t founded = draw_founded(g, slot->sector, slot->recent);
    day_iso(founded, c->founded);
    if ((st = assign_code(g, founded, c->code)) != HTX_OK)
        return st;
    snprintf(c->district, sizeof c->district, "%s", d->district);
    snprintf(c->sector, sizeof c->sector, "%s", sector_codes[slot->sector]);
    make_address(g, d, c->ward, c->address, sizeof c->address);
    c->members = draw_members(g, slot->sector);
    c->capital = draw_capital(g, slot->sector);
    make_person(g, c->representative, sizeof c->representative);
    make_phone(g, c->phone);
    if ((st = make_email(g, c->name, slot->sector, c->email)) != HTX_OK)
        return st;
    snprintf(c->products, sizeof c->products, "%s",
             a ? a->products : "huy động vốn, cho vay thành viên");
    make_standing(g, c, founded, !slot->recent);
    return store_coop(g, c, slot->sector, founded, slot->plastic);
}

static htx_status add_fixed(demo_gen *g, const demo_fixed *f)
{
    htx_coop *c = g->record;
    htx_coop_init(c);
    bool nomem = false;
    if (!claim_name(g, f->name, &nomem))
        return nomem ? out_of_memory(g)
                     : htx_fail(g->err, HTX_ERR_DUPLICATE, MSG_NAME_SIMILAR, "name", f->name,
                                f->district);
    int32_t founded = iso_day(f->founded);
    htx_status st = assign_code(g, founded, c->code);
    if (st != HTX_OK)
        return st;
    snprintf(c->name, sizeof c->name, "%s", f->name);
    snprintf(c->district, sizeof c->district, "%s", f->district);
    snprintf(c->ward, sizeof c->ward, "%s", f->ward);
    snprintf(c->address, sizeof c->address, "%s", f->address);
    snprintf(c->sector, sizeof c->sector, "%s", sector_codes[f->sector]);
    snprintf(c->founded, sizeof c->founded, "%s", f->founded);
    c->members = f->members;
    c->capital = f->capital;
    snprintf(c->representative, sizeof c->representative, "%s", f->representative);
    snprintf(c->phone, sizeof c->phone, "%s", f->phone);
    snprintf(c->email, sizeof c->email, "%s", f->email);
    snprintf(c->products, sizeof c->products, "%s", f->products);
    c->status = HTX_ACTIVE;
    c->compliant = true;
    c->profitable = 1;
    return store_coop(g, c, f->sector, founded, false);
}

/* ---- Spreading the counts over the districts ------------------------------------ */

/* Splits total over the districts in proportion to their weight for the
 * sector, by largest remainder (ties to the earlier district). */
static void apportion(unsigned total, demo_sector sector, unsigned counts[])
{
    unsigned weight_sum = 0;
    for (size_t i = 0; i < demo_district_count; i++)
        weight_sum += demo_districts[i].weight[sector];
    unsigned remainders[64];
    unsigned given = 0;
    for (size_t i = 0; i < demo_district_count; i++) {
        unsigned share = total * demo_districts[i].weight[sector];
        counts[i] = share / weight_sum;
        remainders[i] = share % weight_sum;
        given += counts[i];
    }
    while (given < total) {
        size_t best = 0;
        for (size_t i = 1; i < demo_district_count; i++)
            if (remainders[i] > remainders[best])
                best = i;
        counts[best]++;
        remainders[best] = 0;
        given++;
    }
}

static size_t district_index(const char *code)
{
    for (size_t i = 0; i < demo_district_count; i++)
        if (strcmp(demo_districts[i].district, code) == 0)
            return i;
    return 0;
}

/* The slots of one sector: total spread over the districts, less the fixed
 * cooperatives already there. */
static size_t plan_sector(demo_sector sector, unsigned total, demo_slot *slots)
{
    unsigned counts[64];
    apportion(total, sector, counts);
    for (size_t i = 0; i < FIXED_COUNT; i++) {
        size_t d = district_index(fixed_coops[i].district);
        if (fixed_coops[i].sector == sector && counts[d] > 0)
            counts[d]--;
    }
    size_t n = 0;
    for (size_t d = 0; d < demo_district_count; d++)
        for (unsigned k = 0; k < counts[d]; k++)
            slots[n++] = (demo_slot){sector, (unsigned char)d, false, false};
    return n;
}

/* Marks want of the slots (those accepted by sector, or all) chosen at random. */
static htx_status mark_random(demo_gen *g, demo_slot *slots, size_t count, int sector,
                              size_t want, bool plastic)
{
    size_t *order = malloc((count ? count : 1) * sizeof *order);
    if (!order)
        return out_of_memory(g);
    size_t n = 0;
    for (size_t i = 0; i < count; i++)
        if (sector < 0 || slots[i].sector == (demo_sector)sector)
            order[n++] = i;
    rng_shuffle(&g->rng, order, n);
    for (size_t i = 0; i < want && i < n; i++) {
        if (plastic)
            slots[order[i]].plastic = true;
        else
            slots[order[i]].recent = true;
    }
    free(order);
    return HTX_OK;
}

static htx_status add_cooperatives(demo_gen *g)
{
    htx_status st = HTX_OK;
    size_t recent_fixed = 0;
    for (size_t i = 0; i < FIXED_COUNT && st == HTX_OK; i++) {
        st = add_fixed(g, &fixed_coops[i]);
        recent_fixed += strcmp(fixed_coops[i].founded, "2018-01-01") >= 0;
    }
    if (st != HTX_OK)
        return st;

    demo_slot *slots = malloc(DEMO_TOTAL * sizeof *slots);
    if (!slots)
        return out_of_memory(g);
    size_t count = 0;
    for (int s = 0; s < DEMO_AGRICULTURE; s++)
        count += plan_sector((demo_sector)s, non_agricultural_totals[s], slots + count);
    st = mark_random(g, slots, count, DEMO_INDUSTRY, DEMO_PLASTIC_MAKERS, true);
    if (st == HTX_OK)
        st = mark_random(g, slots, count, -1, DEMO_RECENT - recent_fixed, false);
    size_t non_agricultural = count;
    count += plan_sector(DEMO_AGRICULTURE, DEMO_AGRICULTURAL, slots + count);
    count += plan_sector(DEMO_CREDIT, DEMO_CREDIT_FUNDS, slots + count);

    /* Stored in a shuffled order so the record ids do not group by sector or
     * district; agricultural cooperatives and funds come last, as they joined
     * the register later. */
    size_t *order = malloc(count * sizeof *order);
    if (!order && st == HTX_OK)
        st = out_of_memory(g);
    if (st == HTX_OK) {
        for (size_t i = 0; i < count; i++)
            order[i] = i;
        rng_shuffle(&g->rng, order, non_agricultural);
        for (size_t i = 0; i < count && st == HTX_OK; i++)
            st = add_generated(g, &slots[order[i]]);
    }
    free(order);
    free(slots);
    return st;
}

/* ---- Club memberships ------------------------------------------------------------- */

typedef struct demo_club_plan {
    const char *club;
    demo_sector sector;
    bool plastic_only;
    size_t members;
    const char *since; /* the club's first meeting: nobody joined before */
} demo_club_plan;

static const demo_club_plan club_plans[] = {
    {"agriculture", DEMO_AGRICULTURE, false, 30, "2008-10-10"},
    {"trade", DEMO_TRADE, false, 60, "2010-05-15"},
    {"plastic", DEMO_INDUSTRY, true, 25, "2015-09-01"},
    {"industry", DEMO_INDUSTRY, false, 80, "2008-10-10"},
    {"credit", DEMO_CREDIT, false, 10, "2012-03-20"},
};

static htx_status end_membership(demo_gen *g, int64_t coop_id, const char *club, int32_t left)
{
    char left_iso[HTX_ISO_DATE_SIZE];
    day_iso(left, left_iso);
    return htx_membership_end_in_tx(g->store, coop_id, club, left_iso, DEMO_USER, g->err);
}

static htx_status join_club(demo_gen *g, const demo_club_plan *plan, const demo_coop_info *coop,
                            htx_role role)
{
    int32_t earliest = coop->founded + 30;
    if (earliest < iso_day(plan->since))
        earliest = iso_day(plan->since);
    if (earliest > LAST_DAY)
        earliest = coop->founded + 1;
    /* The board is elected among the first to join. */
    int32_t latest = role == HTX_ROLE_MEMBER || earliest + 365 > LAST_DAY ? LAST_DAY
                                                                         : earliest + 365;
    int32_t joined = rng_between(&g->rng, earliest, latest);
    char joined_iso[HTX_ISO_DATE_SIZE];
    day_iso(joined, joined_iso);
    htx_status st = htx_membership_add_in_tx(g->store, coop->id, plan->club, role, joined_iso,
                                             DEMO_USER, g->err);
    if (st == HTX_OK && role == HTX_ROLE_MEMBER && LAST_DAY - joined > 400 &&
        rng_percent(&g->rng, 7))
        st = end_membership(g, coop->id, plan->club,
                            rng_between(&g->rng, joined + 180, LAST_DAY));
    return st;
}

static bool may_lead(const demo_coop_info *c)
{
    return c->status == HTX_ACTIVE && c->founded <= day_number(2015, 12, 31);
}

static htx_status fill_club(demo_gen *g, const demo_club_plan *plan, size_t *order)
{
    size_t n = 0;
    for (size_t i = 0; i < g->coop_count; i++) {
        const demo_coop_info *c = &g->coops[i];
        if (c->sector == plan->sector && (!plan->plastic_only || c->plastic) &&
            c->status != HTX_DISSOLVED && c->founded <= day_number(2020, 6, 30))
            order[n++] = i;
    }
    rng_shuffle(&g->rng, order, n);

    /* The chair and one or two vice-chairs first, from the settled members. */
    size_t leaders_wanted = 2 + rng_below(&g->rng, 2);
    size_t leaders = 0;
    htx_status st = HTX_OK;
    for (size_t i = 0; i < n && leaders < leaders_wanted && st == HTX_OK; i++) {
        if (!may_lead(&g->coops[order[i]]))
            continue;
        st = join_club(g, plan, &g->coops[order[i]],
                       leaders == 0 ? HTX_ROLE_CHAIR : HTX_ROLE_VICE_CHAIR);
        /* Taken: moved to the front so the loop below skips it. */
        size_t t = order[leaders];
        order[leaders] = order[i];
        order[i] = t;
        leaders++;
    }
    for (size_t i = leaders; i < n && i < plan->members && st == HTX_OK; i++)
        st = join_club(g, plan, &g->coops[order[i]], HTX_ROLE_MEMBER);
    return st;
}

static htx_status add_memberships(demo_gen *g)
{
    size_t *order = malloc(DEMO_CAPACITY * sizeof *order);
    if (!order)
        return out_of_memory(g);
    htx_status st = HTX_OK;
    for (size_t i = 0; i < sizeof club_plans / sizeof club_plans[0] && st == HTX_OK; i++)
        st = fill_club(g, &club_plans[i], order);
    free(order);
    return st;
}

/* ---- Entry point -------------------------------------------------------------------- */

static void gen_free(demo_gen *g)
{
    for (size_t i = 0; i < g->name_count; i++)
        free(g->name_keys[i]);
    free(g->codes);
    free(g->record);
    free(g);
}

htx_status htx_demo_populate(htx_store *s, htx_error *err)
{
    demo_gen *g = calloc(1, sizeof *g);
    if (!g)
        return htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
    g->store = s;
    g->err = err;
    g->rng.state = DEMO_SEED;
    g->record = malloc(sizeof *g->record);
    g->codes = malloc(DEMO_CAPACITY * sizeof *g->codes);
    htx_status st = g->record && g->codes ? HTX_OK : out_of_memory(g);
    if (st == HTX_OK)
        st = htx_store_begin(s, err);
    if (st == HTX_OK) {
        st = add_cooperatives(g);
        if (st == HTX_OK)
            st = add_memberships(g);
        st = htx_store_finish(s, st, err);
    }
    gen_free(g);
    return st;
}
