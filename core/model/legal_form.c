#include "legal_form.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "fold.h"

/* A name's words: where each starts and ends in the name, and its plain
 * fold.  Names are short (the field allows 200 characters), so a fixed
 * number of words is enough; words past it are still compared, joined to
 * the last. */
#define MAX_WORDS 64

typedef struct name_word {
    size_t start, end;
    char *plain;
} name_word;

/* The legal forms, as the plain folds of their words; each list ends with
 * NULL.  Longer spellings first: the first that matches wins. */
static const char *const cooperative_forms[][4] = {
    {"hop", "tac", "xa", NULL}, {"htxdv", NULL}, {"htx", NULL},
};
/* "dịch vụ" after a cooperative's form is part of it ("HTX DV …"). */
static const char *const service_words[][3] = {{"dich", "vu", NULL}, {"dv", NULL}};
static const char *const credit_forms[][6] = {
    {"quy", "tin", "dung", "nhan", "dan", NULL}, {"quy", "tin", "dung", NULL}, {"qtdnd", NULL}, {"qtd", NULL},
};
static const char credit_mark[] = "qtdnd";

typedef enum char_role { PART_OF_WORD, INVISIBLE, BETWEEN_WORDS } char_role;

static char_role role_of(utf8proc_int32_t cp)
{
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME: case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
        return PART_OF_WORD;
    case UTF8PROC_CATEGORY_CF:
        return INVISIBLE;
    default:
        return BETWEEN_WORDS;
    }
}

/* The plain fold of name[start, end) without its invisible characters. */
static char *fold_word(const char *name, size_t start, size_t end)
{
    char *visible = malloc(end - start + 1);
    if (!visible)
        return NULL;
    size_t n = 0;
    for (size_t i = start; i < end;) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t len = utf8proc_iterate((const utf8proc_uint8_t *)name + i, (utf8proc_ssize_t)(end - i), &cp);
        if (len <= 0)
            len = 1, cp = 0;
        if (role_of(cp) != INVISIBLE) {
            memcpy(visible + n, name + i, (size_t)len);
            n += (size_t)len;
        }
        i += (size_t)len;
    }
    visible[n] = '\0';
    char *plain = htx_fold_plain(visible);
    free(visible);
    return plain;
}

/* Splits name into words; the count, or -1 when out of memory. */
static int split_words(const char *name, name_word words[MAX_WORDS])
{
    int count = 0;
    size_t length = strlen(name), i = 0;
    bool in_word = false;
    while (i <= length) {
        utf8proc_int32_t cp = 0;
        utf8proc_ssize_t len = 1;
        if (i < length) {
            len = utf8proc_iterate((const utf8proc_uint8_t *)name + i, (utf8proc_ssize_t)(length - i), &cp);
            if (len <= 0)
                len = 1, cp = ' ';
        }
        char_role role = i < length ? role_of(cp) : BETWEEN_WORDS;
        if (role == PART_OF_WORD && !in_word) {
            if (count == MAX_WORDS) { /* the rest joins the last word */
                count--;
                free(words[count].plain);
            } else {
                words[count].start = i;
            }
            in_word = true;
        } else if (role == BETWEEN_WORDS && in_word) {
            words[count].end = i;
            words[count].plain = fold_word(name, words[count].start, i);
            if (!words[count].plain)
                return -1;
            count++;
            in_word = false;
        }
        i += (size_t)len;
    }
    return count;
}

/* How many words from words[at] spell pattern; 0 when they do not. */
static int spelled(const name_word *words, int count, int at, const char *const *pattern)
{
    int n = 0;
    for (; pattern[n]; n++)
        if (at + n >= count || strcmp(words[at + n].plain, pattern[n]) != 0)
            return 0;
    return n;
}

#define FIRST_SPELLED(words, count, at, table)                                                     \
    first_spelled(words, count, at, &(table)[0][0], sizeof(table) / sizeof((table)[0]),            \
                  sizeof((table)[0]) / sizeof((table)[0][0]))

static int first_spelled(const name_word *words, int count, int at, const char *const *table, size_t rows,
                         size_t row_length)
{
    for (size_t r = 0; r < rows; r++) {
        int n = spelled(words, count, at, table + r * row_length);
        if (n > 0)
            return n;
    }
    return 0;
}

int htx_distinctive_name_of(const char *name, htx_distinctive_name *out)
{
    out->offset = 0;
    out->comparison = NULL;
    name_word words[MAX_WORDS];
    int count = split_words(name, words);
    if (count < 0)
        return -1;
    bool credit = false;
    int skip = FIRST_SPELLED(words, count, 0, cooperative_forms);
    if (skip > 0) {
        skip += FIRST_SPELLED(words, count, skip, service_words);
    } else {
        skip = FIRST_SPELLED(words, count, 0, credit_forms);
        credit = skip > 0;
    }
    if (skip >= count) /* nothing but a legal form: the name is all there is */
        skip = 0;
    size_t size = sizeof credit_mark + 1;
    for (int i = skip; i < count; i++)
        size += strlen(words[i].plain) + 1;
    char *comparison = malloc(size);
    if (comparison) {
        comparison[0] = '\0';
        if (credit)
            strcat(strcpy(comparison, credit_mark), count > skip ? " " : "");
        for (int i = skip; i < count; i++) {
            strcat(comparison, words[i].plain);
            if (i + 1 < count)
                strcat(comparison, " ");
        }
        out->comparison = comparison;
        out->offset = skip < count && skip > 0 ? words[skip].start : 0;
    }
    for (int i = 0; i < count; i++)
        free(words[i].plain);
    return comparison ? 0 : -1;
}

void htx_distinctive_name_free(htx_distinctive_name *d)
{
    free(d->comparison);
    d->comparison = NULL;
}
