#include "coop_list.h"

#include <stdio.h>
#include <string.h>

void coop_list_init(coop_list *l, htx_store *store)
{
    memset(l, 0, sizeof *l);
    l->store = store;
    htx_filter_init(&l->filter);
    l->page = 20;
}

static void fail(coop_list *l)
{
    if (l->error.status == HTX_ERR_CANCELLED) {
        /* Given up for a newer key (store.h): the rows on screen stay
         * until the list is read again. */
        l->stale = true;
        return;
    }
    l->failed = true;
    l->count = 0;
}

/* While searching, counting every match of a short text in a big register
 * would cost more than the screen: count up to a bound, and exactly only
 * when asked to jump to the end. */
#define SEARCH_COUNT_BOUND 10000
/* and for no longer than this, so a key never waits for a count: what was
 * counted by then is shown as "at least". */
#define COUNT_SECONDS 0.008
/* End, and keeping the cursor's row when the order changes, may count once
 * more, as briefly. */
#define POSITION_SECONDS 0.012
/* Where rows[0] is said to stand when its position is not known: far from
 * both ends, so moving by rows never meets a false first row. */
#define UNKNOWN_TOP (INT64_MAX / 4)

/* A search within one place (a district, a unit) says what the place hides:
 * the matches elsewhere, so that "not found here" never reads as "not there". */
static void count_elsewhere(coop_list *l)
{
    l->elsewhere = 0;
    l->elsewhere_capped = false;
    if (!l->filter.search || !(l->filter.district || l->filter.commune || l->filter.without_commune))
        return;
    htx_filter everywhere = l->filter;
    everywhere.district = NULL;
    everywhere.commune = NULL;
    everywhere.without_commune = false;
    int64_t all = 0;
    bool complete = false;
    htx_error err;
    if (htx_query_count_within(l->store, &everywhere, SEARCH_COUNT_BOUND, COUNT_SECONDS, &all, &complete, &err) !=
        HTX_OK)
        return; /* the hint is left out; the list itself is right */
    l->elsewhere_capped = !complete || l->total_capped;
    l->elsewhere = all > l->total ? all - l->total : 0;
}

static void count_total(coop_list *l)
{
    htx_status st;
    if (l->filter.search) {
        bool complete = false;
        st = htx_query_count_within(l->store, &l->filter, SEARCH_COUNT_BOUND, COUNT_SECONDS, &l->total, &complete,
                                    &l->error);
        l->total_capped = st == HTX_OK && !complete;
    } else {
        /* A filter's count is bounded in time as a search's is: what it
         * keeps of a million rows takes longer to count than to show. */
        bool complete = false;
        st = htx_query_count_within(l->store, &l->filter, INT64_MAX, COUNT_SECONDS, &l->total, &complete,
                                    &l->error);
        l->total_capped = st == HTX_OK && !complete;
    }
    if (st != HTX_OK) {
        fail(l);
        return;
    }
    count_elsewhere(l);
}

/* Loads a page starting at anchor (inclusive); NULL: the first page. */
static void load_from(coop_list *l, const htx_row_key *anchor)
{
    htx_row_key copy;
    if (anchor)
        copy = *anchor; /* anchor may point into rows, which this overwrites */
    int n = 0;
    /* Read aside, so that rows given up half-way never reach the screen. */
    if (htx_browse(l->store, &l->filter, HTX_BROWSE_FROM, anchor ? &copy : NULL, l->page, l->scratch, &n,
                   &l->error) != HTX_OK) {
        fail(l);
        return;
    }
    memcpy(l->rows, l->scratch, (size_t)n * sizeof l->rows[0]);
    l->count = n;
    l->failed = false;
    if (l->cursor >= l->count)
        l->cursor = l->count > 0 ? l->count - 1 : 0;
}

static void reload_all(coop_list *l)
{
    l->top = 0;
    l->top_unknown = false;
    l->cursor = 0;
    count_total(l);
    if (!l->failed && !l->stale)
        load_from(l, NULL);
    if (l->failed || l->stale || !l->total_capped)
        return;
    /* A count cut short by time knows less than the page: a page not
     * filled holds every row, and a full one at least as many as it shows. */
    if (l->count < l->page) {
        l->total = l->count;
        l->total_capped = false;
    } else if (l->total < l->count) {
        l->total = l->count;
    }
}

/* The reading a key asks for, which a newer key may make pointless: it is
 * then given up (store.h), and done when the list is next used. */
static void read_for_key(coop_list *l, void (*read)(coop_list *))
{
    l->stale = false;
    htx_store_cancellable(l->store, true);
    read(l);
    htx_store_cancellable(l->store, false);
}

void coop_list_settle(coop_list *l, bool cancellable)
{
    if (!l->stale)
        return;
    if (cancellable) {
        read_for_key(l, reload_all);
    } else {
        l->stale = false;
        reload_all(l);
    }
}

/* The key of the row n rows before (n < 0) or after (n > 0) the given
 * key, walking at most |n| rows; *moved receives how far it got. */
static bool step_key(coop_list *l, const htx_row_key *from, int64_t n, htx_row_key *out, int64_t *moved)
{
    htx_brief *buffer = l->scratch;
    *moved = 0;
    htx_row_key at = *from;
    int64_t left = n < 0 ? -n : n;
    while (left > 0) {
        int want = left < COOP_LIST_MAX_ROWS ? (int)left : COOP_LIST_MAX_ROWS;
        int got = 0;
        if (htx_browse(l->store, &l->filter, n < 0 ? HTX_BROWSE_BEFORE : HTX_BROWSE_AFTER, &at, want, buffer,
                       &got, &l->error) != HTX_OK) {
            fail(l);
            return false;
        }
        if (got == 0)
            break;
        at = buffer[got - 1].key;
        *moved += got;
        left -= got;
        if (got < want)
            break;
    }
    *out = at;
    return true;
}

void coop_list_move(coop_list *l, int64_t delta)
{
    coop_list_settle(l, false);
    if (l->count == 0)
        return;
    int64_t target = l->top + l->cursor + delta;
    if (target < 0)
        target = 0;
    if (target >= l->total && !l->total_capped)
        target = l->total - 1;
    if (target >= l->top && target < l->top + l->count) {
        l->cursor = (int)(target - l->top);
        return;
    }
    /* Scroll so the target is on screen: by as little as needed. */
    int64_t new_top = target < l->top ? target : target - l->page + 1;
    if (new_top < 0)
        new_top = 0;
    htx_row_key key;
    int64_t moved;
    if (!step_key(l, &l->rows[0].key, new_top - l->top, &key, &moved))
        return;
    l->top += new_top < l->top ? -moved : moved;
    load_from(l, &key);
    if (l->total_capped && !l->top_unknown && l->top + l->count > l->total)
        l->total = l->top + l->count;
    int64_t c = target - l->top;
    l->cursor = c < 0 ? 0 : c >= l->count ? l->count - 1 : (int)c;
}

void coop_list_home(coop_list *l)
{
    coop_list_settle(l, false);
    l->top = 0;
    l->top_unknown = false;
    l->cursor = 0;
    load_from(l, NULL);
}

void coop_list_end(coop_list *l)
{
    coop_list_settle(l, false);
    bool complete = !l->total_capped;
    if (!complete) {
        int64_t all = 0;
        if (htx_query_count_within(l->store, &l->filter, INT64_MAX, POSITION_SECONDS, &all, &complete, &l->error) !=
            HTX_OK) {
            fail(l);
            return;
        }
        if (complete) {
            l->total = all;
            l->total_capped = false;
        }
    }
    htx_brief *last = l->scratch;
    int got = 0;
    if (htx_browse(l->store, &l->filter, HTX_BROWSE_LAST, NULL, l->page, last, &got, &l->error) != HTX_OK) {
        fail(l);
        return;
    }
    if (got == 0)
        return;
    /* LAST returns the rows last first: the top of the page is the last one read. */
    htx_row_key top = last[got - 1].key;
    load_from(l, &top);
    l->top_unknown = !complete;
    l->top = complete ? l->total - l->count : UNKNOWN_TOP;
    if (l->top < 0)
        l->top = 0;
    l->cursor = l->count > 0 ? l->count - 1 : 0;
}

void coop_list_point(coop_list *l, int i)
{
    coop_list_settle(l, false);
    if (i >= 0 && i < l->count)
        l->cursor = i;
}

const htx_brief *coop_list_current(const coop_list *l)
{
    return l->count > 0 ? &l->rows[l->cursor] : NULL;
}

/* Puts the cooperative id under the cursor at screen row `row`, or reloads
 * from the top when it no longer matches. */
static void focus_id(coop_list *l, int64_t id, int row)
{
    htx_row_key key;
    htx_status st = htx_browse_key_of(l->store, &l->filter, id, &key, &l->error);
    if (st != HTX_OK) {
        if (st != HTX_ERR_NOT_FOUND) {
            fail(l);
            return;
        }
        /* gone from this view: stay near where we were */
        int64_t keep = l->top + l->cursor;
        reload_all(l);
        coop_list_move(l, keep);
        return;
    }
    int64_t before = 0;
    bool known = false;
    if (htx_browse_position(l->store, &l->filter, &key, POSITION_SECONDS, &before, &known, &l->error) != HTX_OK) {
        fail(l);
        return;
    }
    l->top_unknown = !known;
    if (!known)
        before = UNKNOWN_TOP;
    htx_row_key top_key = key;
    int64_t moved = 0;
    if (row > 0 && !step_key(l, &key, -row, &top_key, &moved))
        return;
    l->top = before - moved;
    load_from(l, &top_key);
    l->cursor = (int)moved < l->count ? (int)moved : l->count - 1;
    if (l->cursor < 0)
        l->cursor = 0;
}

void coop_list_refresh(coop_list *l)
{
    coop_list_settle(l, false);
    const htx_brief *current = coop_list_current(l);
    int64_t id = current ? current->id : 0;
    int row = l->cursor;
    count_total(l);
    if (l->failed)
        return;
    if (id)
        focus_id(l, id, row);
    else
        reload_all(l);
}

void coop_list_set_page(coop_list *l, int rows)
{
    if (rows < 1)
        rows = 1;
    if (rows > COOP_LIST_MAX_ROWS)
        rows = COOP_LIST_MAX_ROWS;
    if (rows == l->page && l->count > 0)
        return;
    coop_list_settle(l, false);
    if (l->count == 0) {
        l->page = rows;
        reload_all(l);
        return;
    }
    /* The rows on screen stay where they are, from the same top row (or
     * the one that keeps the cursor on a shorter page): their position is
     * known, so nothing before them is counted again. */
    int drop = l->cursor - (rows - 1);
    if (drop < 0)
        drop = 0;
    htx_row_key top = l->rows[drop].key;
    int cursor = l->cursor - drop;
    l->top += drop;
    l->page = rows;
    load_from(l, &top);
    l->cursor = cursor < l->count ? cursor : (l->count > 0 ? l->count - 1 : 0);
}

static void copy_or_clear(char *dst, size_t size, const char *src, const char **slot)
{
    if (src && src[0]) {
        snprintf(dst, size, "%s", src);
        *slot = dst;
    } else {
        dst[0] = '\0';
        *slot = NULL;
    }
}

void coop_list_set_district(coop_list *l, const char *code)
{
    copy_or_clear(l->district, sizeof l->district, code, &l->filter.district);
    read_for_key(l, reload_all);
}

void coop_list_set_place(coop_list *l, const char *district, const char *commune, bool without_commune)
{
    copy_or_clear(l->district, sizeof l->district, district, &l->filter.district);
    copy_or_clear(l->commune, sizeof l->commune, commune, &l->filter.commune);
    l->filter.without_commune = without_commune;
    read_for_key(l, reload_all);
}

void coop_list_set_sector(coop_list *l, const char *code)
{
    copy_or_clear(l->sector, sizeof l->sector, code, &l->filter.sector);
    read_for_key(l, reload_all);
}

void coop_list_set_club(coop_list *l, const char *code)
{
    copy_or_clear(l->club, sizeof l->club, code, &l->filter.club);
    read_for_key(l, reload_all);
}

void coop_list_set_status(coop_list *l, int status)
{
    l->filter.status = status;
    read_for_key(l, reload_all);
}

void coop_list_set_search(coop_list *l, const char *text)
{
    copy_or_clear(l->search, sizeof l->search, text, &l->filter.search);
    read_for_key(l, reload_all);
}

static void keep_cursor_row(coop_list *l)
{
    const htx_brief *current = coop_list_current(l);
    if (current)
        focus_id(l, current->id, l->cursor);
    else
        reload_all(l);
}

void coop_list_set_sort(coop_list *l, htx_sort sort)
{
    l->filter.sort = sort;
    read_for_key(l, keep_cursor_row);
}
