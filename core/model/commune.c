#include "commune.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fold.h"

const htx_commune HTX_COMMUNES[] = {
#define COMMUNE(kind, name, districts) {name, kind, districts},
#include "communes.def"
#undef COMMUNE
};
const size_t HTX_COMMUNE_COUNT = sizeof HTX_COMMUNES / sizeof HTX_COMMUNES[0];

/* How a unit's kind is written before its name, folded: "xã Bát Tràng",
 * "P. Hồng Hà", and the kinds before 1 July 2025 ("thị trấn Yên Viên")
 * in old-style texts. */
static const char *const kind_words[] = {"phuong", "xa", "thi tran", "p", "x", "tt", NULL};

/* How English writes it after the name: "Bát Tràng commune". */
static const char *const kind_suffixes[] = {" ward", " commune", NULL};

static void drop_kind_suffix(char *folded)
{
    size_t length = strlen(folded);
    for (size_t i = 0; kind_suffixes[i]; i++) {
        size_t n = strlen(kind_suffixes[i]);
        if (length > n && strcmp(folded + length - n, kind_suffixes[i]) == 0) {
            folded[length - n] = '\0';
            return;
        }
    }
}

static const char *after_kind(const char *folded)
{
    for (size_t i = 0; kind_words[i]; i++) {
        size_t n = strlen(kind_words[i]);
        if (strncmp(folded, kind_words[i], n) == 0 && folded[n] == ' ')
            return folded + n + 1;
    }
    return folded;
}

static const htx_commune *find_words(const char *words, const char *district_code)
{
    const htx_commune *found = NULL;
    for (size_t i = 0; i < HTX_COMMUNE_COUNT && !found; i++) {
        char *name = htx_fold_words(HTX_COMMUNES[i].name);
        if (name && strcmp(name, words) == 0 &&
            (!district_code || htx_commune_in_district(&HTX_COMMUNES[i], district_code)))
            found = &HTX_COMMUNES[i];
        free(name);
    }
    return found;
}

/* The unit text names, as it stands or after its kind: a unit's own name
 * may begin like a kind ("Phượng Dực", "Xuân Mai"). */
static const htx_commune *find_named(const char *text, const char *district_code)
{
    char *folded = htx_fold_words(text ? text : "");
    const htx_commune *found = NULL;
    if (folded && folded[0]) {
        found = find_words(folded, district_code);
        const char *bare = after_kind(folded);
        if (!found && bare != folded && bare[0])
            found = find_words(bare, district_code);
        if (!found) {
            drop_kind_suffix(folded);
            found = find_words(folded, district_code);
        }
    }
    free(folded);
    return found;
}

const htx_commune *htx_commune_find(const char *text)
{
    return find_named(text, NULL);
}

const htx_commune *htx_commune_named(const char *name)
{
    for (size_t i = 0; name && name[0] && i < HTX_COMMUNE_COUNT; i++)
        if (strcmp(HTX_COMMUNES[i].name, name) == 0)
            return &HTX_COMMUNES[i];
    return NULL;
}

const char *htx_commune_kind_name(htx_commune_kind kind, bool capital, htx_lang lang)
{
    if (lang == HTX_LANG_EN)
        return kind == HTX_WARD ? (capital ? "Ward" : "ward") : (capital ? "Commune" : "commune");
    return kind == HTX_WARD ? (capital ? "Phường" : "phường") : (capital ? "Xã" : "xã");
}

void htx_commune_label(const htx_commune *c, bool capital, htx_lang lang, char *out, size_t size)
{
    if (lang == HTX_LANG_EN)
        snprintf(out, size, "%s %s", c->name, htx_commune_kind_name(c->kind, false, lang));
    else
        snprintf(out, size, "%s %s", htx_commune_kind_name(c->kind, capital, lang), c->name);
}

bool htx_commune_in_district(const htx_commune *c, const char *district_code)
{
    size_t n = district_code ? strlen(district_code) : 0;
    if (n == 0)
        return false;
    for (const char *p = c->districts; (p = strstr(p, district_code)) != NULL; p += n)
        if ((p == c->districts || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0'))
            return true;
    return false;
}

const htx_district *htx_commune_only_district(const htx_commune *c)
{
    return strchr(c->districts, ' ') ? NULL : htx_district_by_code(c->districts);
}

const htx_commune *htx_commune_from_old_ward(const char *ward, const char *district_code)
{
    return district_code && district_code[0] ? find_named(ward, district_code) : NULL;
}
