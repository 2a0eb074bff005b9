#include "refdata.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "fold.h"

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

/*
 * Names are compared by their words (fold.h: no case, no marks, any
 * punctuation), so "gia lam", "GIA LÂM" and "Gia Lâm" are the same.  Staff also type the name with its
 * administrative prefix ("huyện Gia Lâm", "CLB Nhựa Hà Nội" or just
 * "Nhựa Hà Nội"); the prefixes below are skipped on both sides.
 */
static const char *skip_prefix(const char *folded, const char *const prefixes[])
{
    for (size_t i = 0; prefixes[i]; i++) {
        size_t n = strlen(prefixes[i]);
        if (strncmp(folded, prefixes[i], n) == 0 && folded[n] == ' ')
            return folded + n + 1;
    }
    return folded;
}

static bool same_name(const char *typed, const char *name, const char *const prefixes[])
{
    char *a = htx_fold_words(typed);
    char *b = htx_fold_words(name);
    bool same = a && b && a[0] &&
                strcmp(skip_prefix(a, prefixes), skip_prefix(b, prefixes)) == 0;
    free(a);
    free(b);
    return same;
}

static const char *const district_prefixes[] = {"quan", "huyen", "thi xa", "q", "h", "tx", NULL};
static const char *const sector_prefixes[] = {"nganh", NULL};
/* Longest first: "clb cac htx" must be tried before "clb". */
static const char *const club_prefixes[] = {"clb cac htx", "cau lac bo cac htx", "clb", "cau lac bo",
                                            NULL};

const htx_district *htx_district_by_code(const char *code)
{
    for (size_t i = 0; i < HTX_DISTRICT_COUNT; i++)
        if (strcmp(HTX_DISTRICTS[i].code, code) == 0)
            return &HTX_DISTRICTS[i];
    return NULL;
}

const htx_district *htx_district_find(const char *text)
{
    if (!text)
        return NULL;
    const htx_district *d = htx_district_by_code(text);
    if (d)
        return d;
    for (size_t i = 0; i < HTX_DISTRICT_COUNT; i++)
        if (same_name(text, HTX_DISTRICTS[i].name, district_prefixes))
            return &HTX_DISTRICTS[i];
    return NULL;
}

const htx_sector *htx_sector_find(const char *text)
{
    if (!text)
        return NULL;
    /* Codes first: they are what files and scripts hold, and cost no folding. */
    for (size_t i = 0; i < HTX_SECTOR_COUNT; i++)
        if (strcasecmp(HTX_SECTORS[i].code, text) == 0)
            return &HTX_SECTORS[i];
    for (size_t i = 0; i < HTX_SECTOR_COUNT; i++) {
        const htx_sector *s = &HTX_SECTORS[i];
        if (same_name(text, s->name_vi, sector_prefixes) ||
            same_name(text, s->name_en, sector_prefixes) || same_name(text, s->short_vi, sector_prefixes))
            return s;
    }
    return NULL;
}

const htx_club *htx_club_find(const char *text)
{
    if (!text)
        return NULL;
    for (size_t i = 0; i < HTX_CLUB_COUNT; i++) {
        const htx_club *c = &HTX_CLUBS[i];
        if (strcasecmp(c->code, text) == 0 || same_name(text, c->name, club_prefixes) ||
            same_name(text, c->name_en, club_prefixes))
            return c;
    }
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

static const char *const no_prefixes[] = {NULL};

/* Index of text among codes or among the names in either language; -1. */
static int parse_enum(const char *text, const char *const codes[], const char *const names[][2],
                      int count)
{
    if (!text)
        return -1;
    for (int i = 0; i < count; i++)
        if (strcmp(codes[i], text) == 0 || same_name(text, codes[i], no_prefixes) ||
            same_name(text, names[i][0], no_prefixes) || same_name(text, names[i][1], no_prefixes))
            return i;
    return -1;
}

int htx_status_parse(const char *text)
{
    int i = parse_enum(text, status_codes, status_names, HTX_STATUS_COUNT);
    if (i < 0 && same_name(text ? text : "", "Tạm ngừng", no_prefixes))
        i = HTX_SUSPENDED; /* the short form staff use */
    return i;
}

const char *htx_role_code(htx_role r)
{
    return (unsigned)r < HTX_ROLE_COUNT ? role_codes[r] : "";
}

const char *htx_role_name(htx_role r, htx_lang lang)
{
    return (unsigned)r < HTX_ROLE_COUNT ? role_names[r][lang == HTX_LANG_EN] : "";
}

int htx_role_parse(const char *text)
{
    int i = parse_enum(text, role_codes, role_names, HTX_ROLE_COUNT);
    if (i < 0 && text && (strcmp(text, "vice_chair") == 0 || strcmp(text, "vicechair") == 0))
        i = HTX_ROLE_VICE_CHAIR;
    return i;
}
