#include "address.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commune.h"
#include "fold.h"
#include "refdata.h"

#define CITY "TP Hà Nội"

/* Whether the street already names the part: "…, xã Bát Tràng" or "Bát
 * Tràng" holds "xã Bát Tràng", marks and case aside. */
static bool street_names(const char *street, const char *part)
{
    char *s = htx_fold_words(street), *p = htx_fold_words(part);
    bool named = s && p && p[0] && strstr(s, p) != NULL;
    free(s);
    free(p);
    return named;
}

static void add_part(char *out, size_t size, const char *street, const char *part)
{
    if (!part[0] || street_names(street, part))
        return;
    size_t used = strlen(out);
    snprintf(out + used, size - used, "%s%s", used ? ", " : "", part);
}

/* Whether a and b are the same words, marks and case aside. */
static bool same_words(const char *a, const char *b)
{
    char *fa = htx_fold_words(a), *fb = htx_fold_words(b);
    bool same = fa && fb && fa[0] && strcmp(fa, fb) == 0;
    free(fa);
    free(fb);
    return same;
}

/* The street without its last part when that part is the old ward ("Xóm 3,
 * thôn Ngũ Hiệp, xã Ngũ Hiệp" with the ward "Xã Ngũ Hiệp"): the new unit
 * takes its place. */
static void drop_old_ward(char *street, const char *old_ward)
{
    char *comma = strrchr(street, ',');
    const char *last = comma ? comma + 1 : street;
    if (old_ward && same_words(last, old_ward)) {
        if (comma)
            *comma = '\0';
        else
            street[0] = '\0';
    }
}

void htx_address_line(const char *street, const char *commune, const char *old_ward, const char *district_code,
                      char *out, size_t size)
{
    if (size == 0)
        return;
    snprintf(out, size, "%s", street ? street : "");
    const htx_commune *unit = commune && commune[0] ? htx_commune_named(commune) : NULL;
    if (!unit && commune && commune[0])
        unit = htx_commune_find(commune);
    char part[160];
    if (unit) {
        drop_old_ward(out, old_ward);
        htx_commune_label(unit, false, HTX_LANG_VI, part, sizeof part);
        add_part(out, size, out, part);
    } else {
        add_part(out, size, out, old_ward ? old_ward : "");
        const htx_district *district = district_code ? htx_district_by_code(district_code) : NULL;
        if (district) {
            snprintf(part, sizeof part, "%s %s", htx_district_kind_name(district->kind, HTX_LANG_VI), district->name);
            /* "huyện Gia Lâm", as inside an address */
            if (part[0] >= 'A' && part[0] <= 'Z')
                part[0] = (char)(part[0] - 'A' + 'a');
            add_part(out, size, out, part);
        }
    }
    /* "…, Hà Nội" already says the city. */
    if (!street_names(out, "Hà Nội"))
        add_part(out, size, out, CITY);
}
