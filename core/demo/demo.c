/*
 * The demo register (demo.h): the Alliance's figures, the cooperatives staff
 * know by name, the counts spread over the districts, the club memberships.
 * One record is made in demo_record.c; what the parts share is in
 * demo_internal.h.
 */
#include "demo.h"
#include "demo_internal.h"

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

/* Non-agricultural cooperatives by sector at the end of 2020 (they add up to
 * DEMO_NON_AGRICULTURAL). */
static const unsigned non_agricultural_totals[DEMO_AGRICULTURE] = {293, 23, 253, 189, 46};

/* Any fixed value: changing it changes every generated record. */
#define DEMO_SEED UINT64_C(0x48414e4f49323032)

/* Cooperatives staff know by name and use to check the program. */
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
_Static_assert(sizeof fixed_coops / sizeof fixed_coops[0] == DEMO_FIXED_COUNT, "DEMO_FIXED_COUNT");

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
    for (size_t i = 0; i < DEMO_FIXED_COUNT; i++) {
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
        return demo_out_of_memory(g);
    size_t n = 0;
    for (size_t i = 0; i < count; i++)
        if (sector < 0 || slots[i].sector == (demo_sector)sector)
            order[n++] = i;
    demo_rng_shuffle(&g->rng, order, n);
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
    for (size_t i = 0; i < DEMO_FIXED_COUNT && st == HTX_OK; i++) {
        st = demo_add_fixed(g, &fixed_coops[i]);
        recent_fixed += strcmp(fixed_coops[i].founded, "2018-01-01") >= 0;
    }
    if (st != HTX_OK)
        return st;

    demo_slot *slots = malloc(DEMO_TOTAL * sizeof *slots);
    if (!slots)
        return demo_out_of_memory(g);
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
        st = demo_out_of_memory(g);
    if (st == HTX_OK) {
        for (size_t i = 0; i < count; i++)
            order[i] = i;
        demo_rng_shuffle(&g->rng, order, non_agricultural);
        for (size_t i = 0; i < count && st == HTX_OK; i++)
            st = demo_add_generated(g, &slots[order[i]]);
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
    demo_day_iso(left, left_iso);
    return htx_membership_end_in_tx(g->store, coop_id, club, left_iso, DEMO_USER, g->err);
}

static htx_status join_club(demo_gen *g, const demo_club_plan *plan, const demo_coop_info *coop,
                            htx_role role)
{
    int32_t earliest = coop->founded + 30;
    if (earliest < demo_iso_day(plan->since))
        earliest = demo_iso_day(plan->since);
    if (earliest > LAST_DAY)
        earliest = coop->founded + 1;
    /* The board is elected among the first to join. */
    int32_t latest = role == HTX_ROLE_MEMBER || earliest + 365 > LAST_DAY ? LAST_DAY
                                                                         : earliest + 365;
    int32_t joined = demo_rng_between(&g->rng, earliest, latest);
    char joined_iso[HTX_ISO_DATE_SIZE];
    demo_day_iso(joined, joined_iso);
    htx_status st = htx_membership_add_in_tx(g->store, coop->id, plan->club, role, joined_iso,
                                             DEMO_USER, g->err);
    if (st == HTX_OK && role == HTX_ROLE_MEMBER && LAST_DAY - joined > 400 &&
        demo_rng_percent(&g->rng, 7))
        st = end_membership(g, coop->id, plan->club,
                            demo_rng_between(&g->rng, joined + 180, LAST_DAY));
    return st;
}

static bool may_lead(const demo_coop_info *c)
{
    return c->status == HTX_ACTIVE && c->founded <= demo_day_number(2015, 12, 31);
}

static htx_status fill_club(demo_gen *g, const demo_club_plan *plan, size_t *order)
{
    size_t n = 0;
    for (size_t i = 0; i < g->coop_count; i++) {
        const demo_coop_info *c = &g->coops[i];
        if (c->sector == plan->sector && (!plan->plastic_only || c->plastic) &&
            c->status != HTX_DISSOLVED && c->founded <= demo_day_number(2020, 6, 30))
            order[n++] = i;
    }
    demo_rng_shuffle(&g->rng, order, n);

    /* The chair and one or two vice-chairs first, from the settled members. */
    size_t leaders_wanted = 2 + demo_rng_below(&g->rng, 2);
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
        return demo_out_of_memory(g);
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
    htx_status st = g->record && g->codes ? HTX_OK : demo_out_of_memory(g);
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
