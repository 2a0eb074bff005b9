/*
 * One cooperative of the demo register: a plausible name no other record
 * has, and every other field drawn to match its sector, district and age.
 */
#include "demo_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commune.h"
#include "fold.h"
#include "refdata.h"
#include "registry.h"
#include "validate.h"

const char *const demo_sector_codes[DEMO_SECTOR_COUNT] = {
    "industry", "construction", "trade", "transport", "other", "agriculture", "credit"};

htx_status demo_out_of_memory(demo_gen *g)
{
    return htx_fail(g->err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
}

/* Codes used as examples in the documentation: a reader trying them on the
 * demo database must not stumble on an existing cooperative. */
static const char *const reserved_codes[] = {"0100233488", "0100112437", NULL};

/* Banned from generated names so that searching for the fixed cooperatives
 * below finds exactly one (compared on the plain fold). */
static const char *const reserved_name_parts[] = {"dong tam", "tan thinh", "may tre", NULL};

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
            size_t k = demo_rng_below(&g->rng, (uint32_t)communes);
            for (size_t i = 0; i < count; i++)
                if (ward_is(d->wards[i], "Xã ") && k-- == 0)
                    return d->wards[i];
        }
    }
    return d->wards[demo_rng_below(&g->rng, (uint32_t)count)];
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
    unsigned k = demo_rng_below(&g->rng, total);
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
        const char *ward = a && a->home_ward && demo_rng_percent(&g->rng, 55)
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
        unsigned variant = demo_rng_below(&g->rng, 100);
        if (sector == DEMO_CREDIT) {
            snprintf(c->name, sizeof c->name, "Quỹ tín dụng nhân dân %s", place);
        } else {
            if (variant < 12)
                place = district_name(d);
            else if (variant < 24 && sector != DEMO_AGRICULTURE)
                place = demo_rng_pick(&g->rng, demo_motto_names);
            const char *prefix = demo_rng_percent(&g->rng, 10) ? "Hợp tác xã" : "HTX";
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
            return demo_out_of_memory(g);
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

    unsigned number = (unsigned)demo_rng_between(&g->rng, 1, 250);
    if (ward_is(ward, "Phường ") && d->streets) {
        const char *street = demo_rng_pick(&g->rng, d->streets);
        if (demo_rng_percent(&g->rng, 65))
            snprintf(out, size, "Số %u, %s, %s", number, street, lower_ward);
        else
            snprintf(out, size, "Số %u, ngõ %u %s, %s", (unsigned)demo_rng_between(&g->rng, 1, 40),
                     (unsigned)demo_rng_between(&g->rng, 2, 300), street, lower_ward);
    } else if (!ward_is(ward, "Xã ")) {
        snprintf(out, size, "Số %u, tổ dân phố %u, %s", number,
                 (unsigned)demo_rng_between(&g->rng, 1, 12), lower_ward);
    } else {
        const char *hamlet = demo_rng_pick(&g->rng, demo_hamlets);
        unsigned style = demo_rng_below(&g->rng, 3);
        /* The hamlet words are ASCII-initial ("thôn", "xóm"): capitalise in place. */
        char capital[64];
        snprintf(capital, sizeof capital, "%s", hamlet);
        capital[0] = (char)(capital[0] - 'a' + 'A');
        if (style == 0)
            snprintf(out, size, "%s, %s", capital, lower_ward);
        else if (style == 1 || strncmp(hamlet, "xóm", strlen("xóm")) == 0)
            snprintf(out, size, "Số %u, %s, %s", number % 120 + 1, hamlet, lower_ward);
        else
            snprintf(out, size, "Xóm %u, %s, %s", (unsigned)demo_rng_between(&g->rng, 1, 12), hamlet,
                     lower_ward);
    }
}

static void make_person(demo_gen *g, char *out, size_t size)
{
    unsigned total = 0;
    for (size_t i = 0; i < demo_surname_count; i++)
        total += demo_surnames[i].weight;
    unsigned k = demo_rng_below(&g->rng, total);
    const char *surname = demo_surnames[0].word;
    for (size_t i = 0; i < demo_surname_count; i++) {
        if (k < demo_surnames[i].weight) {
            surname = demo_surnames[i].word;
            break;
        }
        k -= demo_surnames[i].weight;
    }
    bool male = demo_rng_percent(&g->rng, 65);
    const char *middle = demo_rng_pick(&g->rng, male ? demo_male_middle_names : demo_female_middle_names);
    const char *given = demo_rng_pick(&g->rng, male ? demo_male_given_names : demo_female_given_names);
    snprintf(out, size, "%s %s %s", surname, middle, given);
}

static void append_digits(demo_gen *g, char *out, size_t size, int count)
{
    size_t used = strlen(out);
    for (int i = 0; i < count && used + 1 < size; i++)
        out[used++] = (char)('0' + demo_rng_below(&g->rng, 10));
    out[used] = '\0';
}

static void make_phone(demo_gen *g, char out[HTX_PHONE_SIZE])
{
    unsigned kind = demo_rng_below(&g->rng, 100);
    out[0] = '\0';
    if (kind < 18)
        return;
    if (kind < 50) {
        /* Hanoi landlines: 024 followed by eight digits starting 3 or 6. */
        snprintf(out, HTX_PHONE_SIZE, "024%c", demo_rng_percent(&g->rng, 75) ? '3' : '6');
        append_digits(g, out, HTX_PHONE_SIZE, 7);
    } else {
        snprintf(out, HTX_PHONE_SIZE, "%s", demo_rng_pick(&g->rng, demo_mobile_prefixes));
        append_digits(g, out, HTX_PHONE_SIZE, 7);
    }
}

/* "htx" (or "qtdnd" for a credit fund) + the letters of the name without its
 * prefix: what cooperatives register with free mail services. */
static htx_status make_email(demo_gen *g, const char *name, demo_sector sector,
                             char out[HTX_EMAIL_SIZE])
{
    out[0] = '\0';
    if (!demo_rng_percent(&g->rng, 35))
        return HTX_OK;
    const char *fund_prefix = "Quỹ tín dụng nhân dân ";
    bool fund = sector == DEMO_CREDIT && strncmp(name, fund_prefix, strlen(fund_prefix)) == 0;
    char *key = name_key(fund ? name + strlen(fund_prefix) : name);
    if (!key)
        return demo_out_of_memory(g);
    char local[64];
    size_t used = (size_t)snprintf(local, sizeof local, "%s", fund ? "qtdnd" : "htx");
    for (const char *p = key; *p && used + 1 < sizeof local; p++)
        if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9'))
            local[used++] = *p;
    local[used] = '\0';
    free(key);
    if (used <= 40)
        snprintf(out, HTX_EMAIL_SIZE, "%s@%s", local,
                 demo_rng_percent(&g->rng, 85) ? "gmail.com" : "yahoo.com.vn");
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
    unsigned k = demo_rng_below(&g->rng, total);
    size_t i = 0;
    while (k >= bands[i].weight) {
        k -= bands[i].weight;
        i++;
    }
    return demo_rng_between(&g->rng, demo_day_number(bands[i].first_year, 1, 1),
                       demo_day_number(bands[i].last_year, 12, 31));
}

static int32_t draw_founded(demo_gen *g, demo_sector sector, bool recent)
{
    if (recent)
        return demo_rng_between(&g->rng, RECENT_FROM, LAST_DAY);
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
    unsigned k = demo_rng_below(&g->rng, total);
    size_t i = 0;
    while (k >= (unsigned)buckets[i][2]) {
        k -= (unsigned)buckets[i][2];
        i++;
    }
    return demo_rng_between(&g->rng, buckets[i][0], buckets[i][1]);
}

static int64_t draw_members(demo_gen *g, demo_sector sector)
{
    static const int32_t usual[][3] = {{7, 15, 30}, {16, 40, 35}, {41, 100, 22}, {101, 300, 13}};
    static const int32_t transport[][3] = {{10, 30, 35}, {31, 80, 35}, {81, 300, 30}};
    static const int32_t farming[][3] = {{50, 300, 40}, {301, 900, 40}, {901, 2000, 20}};
    static const int32_t credit[][3] = {{350, 900, 50}, {901, 2500, 50}};
    unsigned r = demo_rng_below(&g->rng, 1000);
    if (sector != DEMO_CREDIT && r < 15)
        return demo_rng_between(&g->rng, 3, 4); /* below the legal minimum of 5 */
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
    if (demo_rng_percent(&g->rng, 7))
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
    int year = demo_day_date(founded).year;
    for (;;) {
        char nine[10];
        if (year < 2000)
            snprintf(nine, sizeof nine, "0100");
        else if (year < 2010)
            snprintf(nine, sizeof nine, "010%c", (char)('1' + demo_rng_below(&g->rng, 4)));
        else
            snprintf(nine, sizeof nine, "010%c", (char)('5' + demo_rng_below(&g->rng, 5)));
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
    htx_date f = demo_day_date(founded);
    unsigned r = demo_rng_below(&g->rng, 100);
    c->status = may_dissolve && r < 3 ? HTX_DISSOLVED : r < 10 ? HTX_SUSPENDED : HTX_ACTIVE;
    /* Founded under the 2012 law (in force from 1 July 2013): organised under it. */
    if (founded >= demo_day_number(2013, 7, 1))
        c->compliant = true;
    else
        c->compliant = demo_rng_percent(&g->rng, c->status == HTX_DISSOLVED ? 20 : 66);
    unsigned p = demo_rng_below(&g->rng, 100);
    c->profitable = p < 70 ? 1 : p < 90 ? 0 : -1;

    c->notes[0] = '\0';
    if (c->status == HTX_SUSPENDED) {
        int32_t since = demo_rng_between(&g->rng, founded > demo_day_number(2016, 1, 1) ? founded
                                                                              : demo_day_number(2016, 1, 1),
                                    LAST_DAY);
        htx_date s = demo_day_date(since);
        snprintf(c->notes, sizeof c->notes, "Tạm ngừng hoạt động từ tháng %d/%d.", s.month,
                 s.year);
    } else if (c->status == HTX_DISSOLVED) {
        int year = demo_rng_between(&g->rng, f.year + 1 > 2010 ? f.year + 1 : 2010, 2020);
        snprintf(c->notes, sizeof c->notes,
                 "Đã giải thể theo nghị quyết đại hội thành viên năm %d.", year);
    } else if (demo_rng_percent(&g->rng, 4)) {
        snprintf(c->notes, sizeof c->notes, "%s", demo_rng_pick(&g->rng, demo_remarks));
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

/*
 * The unit since 1 July 2025: the one the old ward's name gives, else one of
 * the units formed from the district, chosen by the code so that the draws
 * of everything else (and so the seed figures) stay as they were.
 */
static void place_in_commune(htx_coop *c)
{
    const htx_commune *unit = htx_commune_from_old_ward(c->ward, c->district);
    if (!unit) {
        uint32_t hash = 2166136261u; /* FNV-1a over the code */
        for (const char *p = c->code; *p; p++)
            hash = (hash ^ (unsigned char)*p) * 16777619u;
        size_t candidates = 0;
        for (size_t i = 0; i < HTX_COMMUNE_COUNT; i++)
            candidates += htx_commune_in_district(&HTX_COMMUNES[i], c->district);
        size_t pick = candidates ? hash % candidates : 0;
        for (size_t i = 0; i < HTX_COMMUNE_COUNT && !unit; i++)
            if (htx_commune_in_district(&HTX_COMMUNES[i], c->district) && pick-- == 0)
                unit = &HTX_COMMUNES[i];
    }
    snprintf(c->commune, sizeof c->commune, "%s", unit ? unit->name : "");
}

htx_status demo_add_generated(demo_gen *g, const demo_slot *slot)
{
    const demo_district_places *d = &demo_districts[slot->district];
    htx_coop *c = g->record;
    htx_coop_init(c);
    const demo_activity *a = NULL;
    if (slot->sector != DEMO_CREDIT) {
        a = pick_activity(g, slot->sector, d, slot->plastic);
        if (!a)
            return htx_fail(g->err, HTX_ERR_INVALID, MSG_UNKNOWN_SECTOR, "sector",
                            demo_sector_codes[slot->sector], NULL);
    }
    htx_status st = name_coop(g, slot->sector, d, a, c);
    if (st != HTX_OK)
        return st;

    int32_t founded = draw_founded(g, slot->sector, slot->recent);
    demo_day_iso(founded, c->founded);
    if ((st = assign_code(g, founded, c->code)) != HTX_OK)
        return st;
    snprintf(c->district, sizeof c->district, "%s", d->district);
    snprintf(c->sector, sizeof c->sector, "%s", demo_sector_codes[slot->sector]);
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
    place_in_commune(c);
    return store_coop(g, c, slot->sector, founded, slot->plastic);
}

htx_status demo_add_fixed(demo_gen *g, const demo_fixed *f)
{
    htx_coop *c = g->record;
    htx_coop_init(c);
    bool nomem = false;
    if (!claim_name(g, f->name, &nomem))
        return nomem ? demo_out_of_memory(g)
                     : htx_fail(g->err, HTX_ERR_DUPLICATE, MSG_NAME_SIMILAR, "name", f->name,
                                f->district);
    int32_t founded = demo_iso_day(f->founded);
    htx_status st = assign_code(g, founded, c->code);
    if (st != HTX_OK)
        return st;
    snprintf(c->name, sizeof c->name, "%s", f->name);
    snprintf(c->district, sizeof c->district, "%s", f->district);
    snprintf(c->ward, sizeof c->ward, "%s", f->ward);
    snprintf(c->address, sizeof c->address, "%s", f->address);
    snprintf(c->sector, sizeof c->sector, "%s", demo_sector_codes[f->sector]);
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
    place_in_commune(c);
    return store_coop(g, c, f->sector, founded, false);
}
