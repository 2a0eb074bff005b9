#include "refdata.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "fold.h"
#include "name_match.h"

const htx_district HTX_DISTRICTS[] = {
    {"001", "Ba Đình", HTX_URBAN_DISTRICT},
    {"002", "Hoàn Kiếm", HTX_URBAN_DISTRICT},
    {"003", "Tây Hồ", HTX_URBAN_DISTRICT},
    {"004", "Long Biên", HTX_URBAN_DISTRICT},
    {"005", "Cầu Giấy", HTX_URBAN_DISTRICT},
    {"006", "Đống Đa", HTX_URBAN_DISTRICT},
    {"007", "Hai Bà Trưng", HTX_URBAN_DISTRICT},
    {"008", "Hoàng Mai", HTX_URBAN_DISTRICT},
    {"009", "Thanh Xuân", HTX_URBAN_DISTRICT},
    {"016", "Sóc Sơn", HTX_RURAL_DISTRICT},
    {"017", "Đông Anh", HTX_RURAL_DISTRICT},
    {"018", "Gia Lâm", HTX_RURAL_DISTRICT},
    {"019", "Nam Từ Liêm", HTX_URBAN_DISTRICT},
    {"020", "Thanh Trì", HTX_RURAL_DISTRICT},
    {"021", "Bắc Từ Liêm", HTX_URBAN_DISTRICT},
    {"250", "Mê Linh", HTX_RURAL_DISTRICT},
    {"268", "Hà Đông", HTX_URBAN_DISTRICT},
    {"269", "Sơn Tây", HTX_TOWN},
    {"271", "Ba Vì", HTX_RURAL_DISTRICT},
    {"272", "Phúc Thọ", HTX_RURAL_DISTRICT},
    {"273", "Đan Phượng", HTX_RURAL_DISTRICT},
    {"274", "Hoài Đức", HTX_RURAL_DISTRICT},
    {"275", "Quốc Oai", HTX_RURAL_DISTRICT},
    {"276", "Thạch Thất", HTX_RURAL_DISTRICT},
    {"277", "Chương Mỹ", HTX_RURAL_DISTRICT},
    {"278", "Thanh Oai", HTX_RURAL_DISTRICT},
    {"279", "Thường Tín", HTX_RURAL_DISTRICT},
    {"280", "Phú Xuyên", HTX_RURAL_DISTRICT},
    {"281", "Ứng Hòa", HTX_RURAL_DISTRICT},
    {"282", "Mỹ Đức", HTX_RURAL_DISTRICT},
};
const size_t HTX_DISTRICT_COUNT = sizeof HTX_DISTRICTS / sizeof HTX_DISTRICTS[0];

/* The short names are the abbreviations used in the Alliance's own tables. */
const htx_sector HTX_SECTORS[] = {
    {"industry", "Công nghiệp – Tiểu thủ công nghiệp", "Industry and handicrafts", "CN – TTCN",
     "Industry"},
    {"construction", "Xây dựng", "Construction", "Xây dựng", "Construction"},
    {"trade", "Thương mại – Dịch vụ", "Trade and services", "TM – DV", "Trade"},
    {"transport", "Vận tải", "Transport", "Vận tải", "Transport"},
    {"other", "Phi nông nghiệp khác", "Other non-agricultural", "Phi NN khác", "Other"},
    {"agriculture", "Nông nghiệp", "Agriculture", "Nông nghiệp", "Agriculture"},
    {"credit", "Quỹ tín dụng nhân dân", "People's credit funds", "QTDND", "Credit fund"},
};
const size_t HTX_SECTOR_COUNT = sizeof HTX_SECTORS / sizeof HTX_SECTORS[0];

const htx_club HTX_CLUBS[] = {
    {"agriculture", "CLB các HTX Nông nghiệp", "Club of agricultural cooperatives"},
    {"trade", "CLB các HTX Thương mại – Dịch vụ", "Club of trade and services cooperatives"},
    {"plastic", "CLB Nhựa Hà Nội", "Hanoi Plastics Club"},
    {"industry", "CLB các HTX Công nghiệp – Tiểu thủ công nghiệp",
     "Club of industry and handicraft cooperatives"},
    {"credit", "CLB Quỹ Tín dụng Nhân dân", "Club of people's credit funds"},
};
const size_t HTX_CLUB_COUNT = sizeof HTX_CLUBS / sizeof HTX_CLUBS[0];

static const char *const district_prefixes[] = {"quan", "huyen", "thi xa", "q", "h", "tx", NULL};
static const char *const sector_prefixes[] = {"nganh", NULL};
/* Longest first: "clb cac htx" must be tried before "clb". */
static const char *const club_prefixes[] = {"clb cac htx", "cau lac bo cac htx", "clb", "cau lac bo",
                                            NULL};
static const char *const no_prefixes[] = {NULL};

const htx_district *htx_district_by_code(const char *code)
{
    for (size_t i = 0; i < HTX_DISTRICT_COUNT; i++)
        if (strcmp(HTX_DISTRICTS[i].code, code) == 0)
            return &HTX_DISTRICTS[i];
    return NULL;
}

const char *htx_district_kind_name(htx_district_kind kind, htx_lang lang)
{
    static const char *const names[][2] = {
        [HTX_URBAN_DISTRICT] = {"Quận", "Urban district"},
        [HTX_TOWN] = {"Thị xã", "Town"},
        [HTX_RURAL_DISTRICT] = {"Huyện", "Rural district"},
    };
    return names[kind][lang == HTX_LANG_EN];
}

const char *htx_sector_name(const htx_sector *s, htx_lang lang)
{
    return lang == HTX_LANG_EN ? s->name_en : s->name_vi;
}

const char *htx_sector_short_name(const htx_sector *s, htx_lang lang)
{
    return lang == HTX_LANG_EN ? s->short_en : s->short_vi;
}

const char *htx_club_name(const htx_club *c, htx_lang lang)
{
    return lang == HTX_LANG_EN ? c->name_en : c->name;
}

static const char *const status_codes[HTX_STATUS_COUNT] = {"active", "suspended", "dissolved"};
static const char *const status_names[HTX_STATUS_COUNT][2] = {
    {"Đang hoạt động", "Active"},
    {"Tạm ngừng hoạt động", "Suspended"},
    {"Đã giải thể", "Dissolved"},
};
static const char *const role_codes[HTX_ROLE_COUNT] = {"chair", "vice-chair", "member"};
static const char *const role_names[HTX_ROLE_COUNT][2] = {
    {"Chủ nhiệm", "Chair"},
    {"Phó chủ nhiệm", "Vice-chair"},
    {"Thành viên", "Member"},
};

const char *htx_status_code(htx_coop_status s)
{
    return (unsigned)s < HTX_STATUS_COUNT ? status_codes[s] : "";
}

const char *htx_status_name(htx_coop_status s, htx_lang lang)
{
    return (unsigned)s < HTX_STATUS_COUNT ? status_names[s][lang == HTX_LANG_EN] : "";
}

const char *htx_role_code(htx_role r)
{
    return (unsigned)r < HTX_ROLE_COUNT ? role_codes[r] : "";
}

const char *htx_role_name(htx_role r, htx_lang lang)
{
    return (unsigned)r < HTX_ROLE_COUNT ? role_names[r][lang == HTX_LANG_EN] : "";
}


/* ---- the lists a value is chosen from ------------------------------------------ */

enum { MAX_NAMES = 6, MAX_ENTRIES = 32, MAX_SUGGESTED = 4 };

_Static_assert(sizeof HTX_DISTRICTS / sizeof HTX_DISTRICTS[0] <= MAX_ENTRIES, "a list outgrew MAX_ENTRIES");
_Static_assert(sizeof HTX_SECTORS / sizeof HTX_SECTORS[0] <= MAX_ENTRIES, "a list outgrew MAX_ENTRIES");
_Static_assert(sizeof HTX_CLUBS / sizeof HTX_CLUBS[0] <= MAX_ENTRIES, "a list outgrew MAX_ENTRIES");
_Static_assert((int)HTX_STATUS_COUNT <= (int)MAX_ENTRIES && (int)HTX_ROLE_COUNT <= (int)MAX_ENTRIES,
               "a list outgrew MAX_ENTRIES");

typedef struct choice_list {
    size_t count;
    /* Words staff write before a name ("huyện", "CLB"): skipped on both sides. */
    const char *const *prefixes;
    htx_msg unknown, ambiguous;
    const char *(*code)(size_t i);
    const char *(*name)(size_t i, htx_lang lang);
    /* The names entry i is known by; returns how many (at most MAX_NAMES - 1,
     * the code being one more where it reads as a word). */
    size_t (*names)(size_t i, const char *names[MAX_NAMES]);
    /* A code is a word that may be typed in part too; the districts'
     * numbers are not. */
    bool code_reads_as_name;
} choice_list;

static const char *district_code(size_t i) { return HTX_DISTRICTS[i].code; }
static const char *district_name(size_t i, htx_lang lang)
{
    (void)lang; /* a place keeps its name in English */
    return HTX_DISTRICTS[i].name;
}
static size_t district_names(size_t i, const char *names[MAX_NAMES])
{
    names[0] = HTX_DISTRICTS[i].name;
    return 1;
}

static const char *sector_code(size_t i) { return HTX_SECTORS[i].code; }
static const char *sector_name(size_t i, htx_lang lang) { return htx_sector_name(&HTX_SECTORS[i], lang); }
static size_t sector_names(size_t i, const char *names[MAX_NAMES])
{
    const htx_sector *s = &HTX_SECTORS[i];
    names[0] = s->name_vi;
    names[1] = s->name_en;
    names[2] = s->short_vi;
    names[3] = s->short_en;
    return 4;
}

static const char *club_code(size_t i) { return HTX_CLUBS[i].code; }
static const char *club_name(size_t i, htx_lang lang) { return htx_club_name(&HTX_CLUBS[i], lang); }
static size_t club_names(size_t i, const char *names[MAX_NAMES])
{
    names[0] = HTX_CLUBS[i].name;
    names[1] = HTX_CLUBS[i].name_en;
    return 2;
}

static const char *status_code(size_t i) { return status_codes[i]; }
static const char *status_name(size_t i, htx_lang lang) { return status_names[i][lang == HTX_LANG_EN]; }
static size_t status_names_of(size_t i, const char *names[MAX_NAMES])
{
    names[0] = status_names[i][0];
    names[1] = status_names[i][1];
    return 2;
}

static const char *role_code(size_t i) { return role_codes[i]; }
static const char *role_name(size_t i, htx_lang lang) { return role_names[i][lang == HTX_LANG_EN]; }
static size_t role_names_of(size_t i, const char *names[MAX_NAMES])
{
    names[0] = role_names[i][0];
    names[1] = role_names[i][1];
    if (i != HTX_ROLE_VICE_CHAIR)
        return 2;
    names[2] = "vicechair"; /* as older files spell it */
    return 3;
}

static const choice_list lists[HTX_CHOICE_LISTS] = {
    [HTX_CHOOSE_DISTRICT] = {sizeof HTX_DISTRICTS / sizeof HTX_DISTRICTS[0], district_prefixes,
                             MSG_UNKNOWN_DISTRICT, MSG_AMBIGUOUS_DISTRICT, district_code, district_name,
                             district_names, false},
    [HTX_CHOOSE_SECTOR] = {sizeof HTX_SECTORS / sizeof HTX_SECTORS[0], sector_prefixes, MSG_UNKNOWN_SECTOR,
                           MSG_AMBIGUOUS_SECTOR, sector_code, sector_name, sector_names, true},
    [HTX_CHOOSE_CLUB] = {sizeof HTX_CLUBS / sizeof HTX_CLUBS[0], club_prefixes, MSG_UNKNOWN_CLUB,
                         MSG_AMBIGUOUS_CLUB, club_code, club_name, club_names, true},
    [HTX_CHOOSE_STATUS] = {HTX_STATUS_COUNT, no_prefixes, MSG_UNKNOWN_STATUS, MSG_AMBIGUOUS_STATUS,
                           status_code, status_name, status_names_of, true},
    [HTX_CHOOSE_ROLE] = {HTX_ROLE_COUNT, no_prefixes, MSG_UNKNOWN_ROLE, MSG_AMBIGUOUS_ROLE, role_code,
                         role_name, role_names_of, true},
};

size_t htx_choice_count(htx_choice_list list)
{
    return (unsigned)list < HTX_CHOICE_LISTS ? lists[list].count : 0;
}

const char *htx_choice_code(htx_choice_list list, size_t i)
{
    return i < htx_choice_count(list) ? lists[list].code(i) : "";
}

const char *htx_choice_name(htx_choice_list list, size_t i, htx_lang lang)
{
    return i < htx_choice_count(list) ? lists[list].name(i, lang) : "";
}

void htx_name_with_code(const char *name, const char *code, char *out, size_t size)
{
    if (strcasecmp(name, code) == 0)
        snprintf(out, size, "%s", name);
    else
        snprintf(out, size, "%s (%s)", name, code);
}

void htx_choice_label(htx_choice_list list, size_t i, htx_lang lang, char *out, size_t size)
{
    htx_name_with_code(htx_choice_name(list, i, lang), htx_choice_code(list, i), out, size);
}

/* What follows the first of the prefixes folded begins with, as a word. */
static const char *skip_prefix(const char *folded, const char *const prefixes[])
{
    for (size_t i = 0; prefixes[i]; i++) {
        size_t n = strlen(prefixes[i]);
        if (strncmp(folded, prefixes[i], n) == 0 && folded[n] == ' ')
            return folded + n + 1;
    }
    return folded;
}

/*
 * Every name of every entry, folded and without its prefix, made once:
 * imports look a district and a sector up on every row.  htx runs on one
 * thread.
 */
typedef struct folded_names {
    bool ready;
    size_t count[MAX_ENTRIES];
    char *folded[MAX_ENTRIES][MAX_NAMES];
    const char *compared[MAX_ENTRIES][MAX_NAMES]; /* within folded: the prefix skipped */
} folded_names;

static const folded_names *names_of(htx_choice_list which)
{
    static folded_names cache[HTX_CHOICE_LISTS];
    folded_names *f = &cache[which];
    if (f->ready)
        return f;
    const choice_list *list = &lists[which];
    for (size_t i = 0; i < list->count; i++) {
        const char *names[MAX_NAMES];
        size_t n = list->names(i, names);
        if (list->code_reads_as_name)
            names[n++] = list->code(i);
        for (size_t k = 0; k < n; k++) {
            char *folded = htx_fold_words(names[k]);
            if (!folded) {
                for (size_t j = 0; j <= i; j++)
                    for (size_t m = 0; m < MAX_NAMES; m++) {
                        free(f->folded[j][m]);
                        f->folded[j][m] = NULL;
                    }
                return NULL;
            }
            f->folded[i][k] = folded;
            f->compared[i][k] = skip_prefix(folded, list->prefixes);
        }
        f->count[i] = n;
    }
    f->ready = true;
    return f;
}

/* The labels of the entries, in lang, joined as far as they fit in an
 * error's argument. */
static void join_labels(htx_choice_list which, const size_t entries[], size_t count, htx_lang lang,
                        char out[HTX_ERROR_ARG_MAX])
{
    size_t used = 0;
    out[0] = '\0';
    for (size_t i = 0; i < count; i++) {
        char label[HTX_ERROR_ARG_MAX];
        htx_choice_label(which, entries[i], lang, label, sizeof label);
        const char *separator = i ? ", " : "";
        size_t need = strlen(separator) + strlen(label);
        if (used + need + strlen(", …") >= HTX_ERROR_ARG_MAX) {
            snprintf(out + used, HTX_ERROR_ARG_MAX - used, "%s…", separator);
            return;
        }
        used += (size_t)snprintf(out + used, HTX_ERROR_ARG_MAX - used, "%s%s", separator, label);
    }
}

static void hint_entries(htx_error *err, htx_msg hint, htx_choice_list which, const size_t entries[],
                         size_t count)
{
    char vi[HTX_ERROR_ARG_MAX], en[HTX_ERROR_ARG_MAX];
    join_labels(which, entries, count, HTX_LANG_VI, vi);
    join_labels(which, entries, count, HTX_LANG_EN, en);
    htx_error_hint(err, hint, vi, en);
}

/* The entries closest to what was typed, when they are a few slips from it. */
static size_t close_entries(const folded_names *names, size_t count, const char *wanted,
                            size_t out[MAX_SUGGESTED])
{
    size_t distance[MAX_ENTRIES];
    size_t nearest = SIZE_MAX;
    for (size_t i = 0; i < count; i++) {
        distance[i] = SIZE_MAX;
        for (size_t k = 0; k < names->count[i]; k++) {
            size_t d = htx_name_distance(wanted, names->compared[i][k]);
            if (d < distance[i])
                distance[i] = d;
        }
        if (distance[i] < nearest)
            nearest = distance[i];
    }
    size_t found = 0;
    if (nearest == SIZE_MAX || !htx_name_is_close(wanted, nearest))
        return 0;
    for (size_t i = 0; i < count && found < MAX_SUGGESTED; i++)
        if (distance[i] == nearest)
            out[found++] = i;
    return found;
}

htx_status htx_choice_find(htx_choice_list which, const char *text, const char *field, size_t *index,
                           htx_error *err)
{
    const char *typed = text ? text : "";
    if ((unsigned)which >= HTX_CHOICE_LISTS)
        return htx_fail(err, HTX_ERR_INVALID, MSG_NONE, field, typed, NULL);
    const choice_list *list = &lists[which];
    /* Codes first: they are what files and scripts hold, and cost no folding. */
    for (size_t i = 0; i < list->count; i++)
        if (strcasecmp(list->code(i), typed) == 0) {
            *index = i;
            return HTX_OK;
        }
    const folded_names *names = names_of(which);
    char *folded = htx_fold_words(typed);
    if (!names || !folded) {
        free(folded);
        return htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
    }
    const char *wanted = skip_prefix(folded, list->prefixes);
    htx_name_fit best = HTX_FIT_NONE;
    size_t fitting[MAX_ENTRIES];
    size_t fitting_count = 0;
    for (size_t i = 0; i < list->count; i++) {
        htx_name_fit fit = HTX_FIT_NONE;
        for (size_t k = 0; k < names->count[i]; k++) {
            htx_name_fit f = htx_name_fit_folded(wanted, names->compared[i][k]);
            if (f > fit)
                fit = f;
        }
        if (fit > best) {
            best = fit;
            fitting_count = 0;
        }
        if (fit == best && fit != HTX_FIT_NONE)
            fitting[fitting_count++] = i;
    }
    htx_status st = HTX_OK;
    if (fitting_count == 1) {
        *index = fitting[0];
    } else if (fitting_count > 1) {
        st = htx_fail(err, HTX_ERR_INVALID, list->ambiguous, field, typed, NULL);
        if (err)
            hint_entries(err, MSG_HINT_CANDIDATES, which, fitting, fitting_count);
    } else {
        st = htx_fail(err, HTX_ERR_INVALID, list->unknown, field, typed, NULL);
        size_t close[MAX_SUGGESTED];
        size_t close_count = err ? close_entries(names, list->count, wanted, close) : 0;
        if (close_count)
            hint_entries(err, MSG_HINT_DID_YOU_MEAN, which, close, close_count);
    }
    free(folded);
    return st;
}

/* ---- the lookups of one list ---------------------------------------------------- */

const htx_district *htx_district_find(const char *text)
{
    size_t i;
    return htx_choice_find(HTX_CHOOSE_DISTRICT, text, NULL, &i, NULL) == HTX_OK ? &HTX_DISTRICTS[i] : NULL;
}

const htx_sector *htx_sector_find(const char *text)
{
    size_t i;
    return htx_choice_find(HTX_CHOOSE_SECTOR, text, NULL, &i, NULL) == HTX_OK ? &HTX_SECTORS[i] : NULL;
}

const htx_club *htx_club_find(const char *text)
{
    size_t i;
    return htx_choice_find(HTX_CHOOSE_CLUB, text, NULL, &i, NULL) == HTX_OK ? &HTX_CLUBS[i] : NULL;
}

int htx_status_parse(const char *text)
{
    size_t i;
    return htx_choice_find(HTX_CHOOSE_STATUS, text, NULL, &i, NULL) == HTX_OK ? (int)i : -1;
}

int htx_role_parse(const char *text)
{
    size_t i;
    return htx_choice_find(HTX_CHOOSE_ROLE, text, NULL, &i, NULL) == HTX_OK ? (int)i : -1;
}
