#include "collate.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "text.h"

/*
 * A key has three sections separated by LEVEL_SEPARATOR: the primary weights
 * of every character, then their secondary weights, then their tertiary
 * weights.  Every weight starts with a byte above the separator, so a text
 * that is a prefix of another sorts first at each level, as in ICU.
 *
 * A weight's first byte says how long it is, so weights of different lengths
 * never compare byte against the middle of another weight.  Code points are
 * spelled in three bytes of seven bits plus 2, which keeps them above the
 * separator too.
 */
#define LEVEL_SEPARATOR 0x01

/* Primary weights by class: white space < punctuation and symbols < digits
 * < letters of the Vietnamese alphabet < everything else. */
#define PRIMARY_SPACE 0x02
#define PRIMARY_PUNCT_LISTED 0x03 /* + rank byte (punctuation_order) */
#define PRIMARY_PUNCT_OTHER 0x04  /* + code point */
#define PRIMARY_NUMBER 0x05       /* + significant digits + 2, + each digit */
#define DIGIT_WEIGHT_0 0x05       /* 0x05 … 0x0E */
#define NUMBER_DIGITS_MAX 200     /* a longer run of digits is several numbers */
#define PRIMARY_LETTER_A 0x10     /* + index in vietnamese_alphabet */
#define PRIMARY_OTHER 0xF0        /* + lower-case code point */

/*
 * Secondary weights, as ICU lays them out: SECONDARY_BASE for each character,
 * then one weight per mark on it (the modifier of ă â ê ô ơ ư excepted: it
 * counted at the primary level).  So a character without marks sorts before
 * the same one with marks, and the marks compare in canonical order.  The
 * five tones weigh 0x03 … 0x07 (tone_order), other marks after them.
 */
#define SECONDARY_BASE 0x02
#define MARK_IN_BLOCK 0x08 /* + (mark - U+0300): marks U+0300 … U+036F */
#define MARK_OTHER 0x80    /* + code point */

#define TERTIARY_LOWER 0x02
#define TERTIARY_UPPER 0x03

#define BREVE 0x0306
#define CIRCUMFLEX 0x0302
#define HORN 0x031B
#define D_STROKE 0x0111

/* CLDR "vi": &̀<<̉<<̃<<́<<̣ — huyền, hỏi, ngã, sắc, nặng after no tone. */
static const int32_t tone_order[] = {0x0300, 0x0309, 0x0303, 0x0301, 0x0323};

/*
 * The Vietnamese alphabet with f j w z in their Latin places.  A letter with
 * a modifier is a letter of its own: CLDR "vi" has &a<ă<â, &d<đ, &e<ê,
 * &o<ô<ơ, &u<ư at the primary level.
 */
typedef struct letter {
    char base;
    int32_t modifier; /* 0, BREVE, CIRCUMFLEX or HORN */
} letter;

static const letter vietnamese_alphabet[] = {
    {'a', 0}, {'a', BREVE}, {'a', CIRCUMFLEX}, {'b', 0}, {'c', 0}, {'d', 0},
    {'d', D_STROKE}, /* đ: a letter without decomposition, marked by the stroke */
    {'e', 0}, {'e', CIRCUMFLEX}, {'f', 0}, {'g', 0}, {'h', 0}, {'i', 0}, {'j', 0},
    {'k', 0}, {'l', 0}, {'m', 0}, {'n', 0}, {'o', 0}, {'o', CIRCUMFLEX}, {'o', HORN},
    {'p', 0}, {'q', 0}, {'r', 0}, {'s', 0}, {'t', 0}, {'u', 0}, {'u', HORN},
    {'v', 0}, {'w', 0}, {'x', 0}, {'y', 0}, {'z', 0},
};

/*
 * ICU's root order of the ASCII punctuation and symbols (CLDR puts
 * punctuation before symbols and currency last), with the common
 * typographic variants next to their ASCII siblings.  Punctuation not listed
 * follows, by code point.
 */
static const int32_t punctuation_order[] = {
    '_', '-', 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, ',', ';', ':', '!', '?', '.',
    0x2026, '\'', 0x2018, 0x2019, '"', 0x201C, 0x201D, 0x00AB, 0x00BB, '(', ')', '[',
    ']', '{', '}', '@', '*', '/', '\\', '&', '#', '%', '`', '^', '+', '<', '=', '>',
    '|', '~', '$',
};

/* A character with its combining marks, decomposed (NFD). */
#define CLUSTER_MARKS_MAX 16

typedef struct cluster {
    int32_t base; /* -1 for marks at the start of the text */
    int32_t marks[CLUSTER_MARKS_MAX];
    int mark_count;
} cluster;


static void add_mark(cluster *c, int32_t mark)
{
    /* Beyond the limit marks are dropped: no real text stacks that many. */
    if (c->mark_count < CLUSTER_MARKS_MAX)
        c->marks[c->mark_count++] = mark;
}

/*
 * Puts the marks in canonical order (stable sort by combining class), so
 * that NFC, NFD and the CP1258 composite form ("ê" + U+0323) give the same
 * sequence.
 */
static void order_marks(cluster *c)
{
    for (int i = 1; i < c->mark_count; i++) {
        int32_t mark = c->marks[i];
        int ccc = utf8proc_get_property(mark)->combining_class;
        int j = i;
        while (j > 0 && utf8proc_get_property(c->marks[j - 1])->combining_class > ccc) {
            c->marks[j] = c->marks[j - 1];
            j--;
        }
        c->marks[j] = mark;
    }
}

/* Reads the cluster at s; returns the text after it, or NULL at the end. */
static const char *next_cluster(const char *s, cluster *c)
{
    bool started = false;
    c->base = -1;
    c->mark_count = 0;
    int32_t cp;
    for (int n; (n = htx_utf8_decode(s, &cp)) > 0; s += n) {
        if (htx_cp_is_ignorable(cp))
            continue;
        int32_t parts[HTX_DECOMPOSITION_MAX];
        int count = htx_cp_decompose(cp, parts);
        bool starts_with_mark = htx_cp_is_mark(parts[0]);
        if (started && !starts_with_mark)
            break;
        int first_mark = 0;
        if (!started && !starts_with_mark) {
            c->base = parts[0];
            first_mark = 1;
        }
        started = true;
        for (int i = first_mark; i < count; i++)
            add_mark(c, parts[i]);
    }
    if (!started)
        return NULL;
    order_marks(c);
    return s;
}

/* A bounded output buffer: never written past its size. */
typedef struct key_writer {
    unsigned char *bytes;
    size_t len;
    size_t size;
} key_writer;

static void put_byte(key_writer *w, unsigned v)
{
    if (w->len < w->size)
        w->bytes[w->len++] = (unsigned char)v;
}

static void put_code_point(key_writer *w, unsigned lead, int32_t cp)
{
    put_byte(w, lead);
    put_byte(w, 2 + (((unsigned)cp >> 14) & 0x7F));
    put_byte(w, 2 + (((unsigned)cp >> 7) & 0x7F));
    put_byte(w, 2 + ((unsigned)cp & 0x7F));
}

static bool is_punctuation_or_symbol(int32_t cp)
{
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_PC:
    case UTF8PROC_CATEGORY_PD:
    case UTF8PROC_CATEGORY_PS:
    case UTF8PROC_CATEGORY_PE:
    case UTF8PROC_CATEGORY_PI:
    case UTF8PROC_CATEGORY_PF:
    case UTF8PROC_CATEGORY_PO:
    case UTF8PROC_CATEGORY_SM:
    case UTF8PROC_CATEGORY_SC:
    case UTF8PROC_CATEGORY_SK:
    case UTF8PROC_CATEGORY_SO:
        return true;
    default:
        return false;
    }
}

static int punctuation_rank(int32_t cp)
{
    for (size_t i = 0; i < sizeof punctuation_order / sizeof punctuation_order[0]; i++)
        if (punctuation_order[i] == cp)
            return (int)i;
    return -1;
}

/*
 * The modifier that makes c's base a letter of its own (ă â ê ô ơ ư), or 0.
 * It is the first such mark; a second one stays a secondary difference.
 */
static int32_t letter_modifier(const cluster *c, int32_t lower_base, int *at)
{
    for (int i = 0; i < c->mark_count; i++) {
        int32_t m = c->marks[i];
        bool makes_letter = (lower_base == 'a' && (m == BREVE || m == CIRCUMFLEX)) ||
                            (lower_base == 'e' && m == CIRCUMFLEX) ||
                            (lower_base == 'o' && (m == CIRCUMFLEX || m == HORN)) ||
                            (lower_base == 'u' && m == HORN);
        if (makes_letter) {
            *at = i;
            return m;
        }
    }
    *at = -1;
    return 0;
}

/* Index of (base, modifier) in the alphabet, or -1. */
static int alphabet_index(int32_t lower_base, int32_t modifier)
{
    char base = 0;
    if (lower_base == D_STROKE) {
        base = 'd';
        modifier = D_STROKE;
    } else if (lower_base >= 'a' && lower_base <= 'z') {
        base = (char)lower_base;
    } else {
        return -1;
    }
    for (size_t i = 0; i < sizeof vietnamese_alphabet / sizeof vietnamese_alphabet[0]; i++)
        if (vietnamese_alphabet[i].base == base && vietnamese_alphabet[i].modifier == modifier)
            return (int)i;
    return -1;
}

static void put_primary(key_writer *w, const cluster *c)
{
    if (c->base < 0)
        return; /* marks alone weigh only at the secondary level */
    int32_t cp = c->base;
    if (htx_cp_is_space(cp)) {
        put_byte(w, PRIMARY_SPACE);
        return;
    }
    if (is_punctuation_or_symbol(cp)) {
        int rank = punctuation_rank(cp);
        if (rank >= 0) {
            put_byte(w, PRIMARY_PUNCT_LISTED);
            put_byte(w, 2 + (unsigned)rank);
        } else {
            put_code_point(w, PRIMARY_PUNCT_OTHER, cp);
        }
        return;
    }
    int32_t lower = utf8proc_tolower(cp);
    int at;
    int index = alphabet_index(lower, letter_modifier(c, lower, &at));
    if (index >= 0)
        put_byte(w, PRIMARY_LETTER_A + (unsigned)index);
    else
        put_code_point(w, PRIMARY_OTHER, lower);
}

static bool is_digit(int32_t cp)
{
    return cp >= '0' && cp <= '9';
}

/*
 * A run of digits weighs as the number it spells, as ICU's numeric
 * collation does ("HTX 2" before "HTX 10"): its count of significant
 * digits, then the digits, leading zeros left out ("07" weighs as "7").
 */
static void put_number(key_writer *w, const char *digits, size_t *count)
{
    if (*count == 0)
        return;
    size_t first = 0;
    while (first + 1 < *count && digits[first] == '0')
        first++;
    put_byte(w, PRIMARY_NUMBER);
    put_byte(w, 2 + (unsigned)(*count - first));
    for (size_t i = first; i < *count; i++)
        put_byte(w, DIGIT_WEIGHT_0 + (unsigned)(digits[i] - '0'));
    *count = 0;
}

/* The secondary weight of a tone mark, or 0 for another mark. */
static unsigned tone_weight(int32_t mark)
{
    for (size_t i = 0; i < sizeof tone_order / sizeof tone_order[0]; i++)
        if (tone_order[i] == mark)
            return SECONDARY_BASE + 1 + (unsigned)i;
    return 0;
}

static void put_secondary(key_writer *w, const cluster *c)
{
    int modifier_at = -1;
    if (c->base >= 0) {
        letter_modifier(c, utf8proc_tolower(c->base), &modifier_at);
        put_byte(w, SECONDARY_BASE);
    }
    for (int i = 0; i < c->mark_count; i++) {
        int32_t m = c->marks[i];
        unsigned tone = tone_weight(m);
        if (i == modifier_at)
            continue;
        if (tone > 0)
            put_byte(w, tone);
        else if (m >= 0x0300 && m <= 0x036F)
            put_byte(w, MARK_IN_BLOCK + (unsigned)(m - 0x0300));
        else
            put_code_point(w, MARK_OTHER, m);
    }
}

static void put_tertiary(key_writer *w, const cluster *c)
{
    bool upper = c->base >= 0 && utf8proc_tolower(c->base) != c->base;
    put_byte(w, upper ? TERTIARY_UPPER : TERTIARY_LOWER);
}

int htx_collate_key(const char *text, unsigned char **key, size_t *key_len)
{
    *key = NULL;
    *key_len = 0;
    if (!text)
        text = "";
    size_t size = HTX_COLLATE_KEY_MAX(strlen(text));
    key_writer w = {malloc(size), 0, size};
    if (!w.bytes)
        return -1;
    /* The key is made from the canonical decomposition, so that canonically
     * equivalent texts get the same one even where a character decomposes
     * into letters rather than a letter and marks (a Hangul syllable into
     * its jamo).  Text that is not UTF-8 is keyed as it is. */
    char *nfd = (char *)utf8proc_NFD((const utf8proc_uint8_t *)text);
    const char *source = nfd ? nfd : text;
    /* Each level reads every cluster: they are read once (a cluster has at
     * least one byte), as reading one costs a decomposition per code point,
     * and an import keys two names a row. */
    cluster *clusters = malloc((strlen(source) + 1) * sizeof *clusters);
    if (!clusters) {
        free(nfd);
        free(w.bytes);
        return -1;
    }
    size_t count = 0;
    for (const char *s = source; (s = next_cluster(s, &clusters[count])) != NULL;)
        count++;
    free(nfd);

    char digits[NUMBER_DIGITS_MAX] = {0}; /* (GCC cannot see that put_number reads only what was written) */
    size_t digit_count = 0;
    for (size_t i = 0; i < count; i++) {
        const cluster *c = &clusters[i];
        if (is_digit(c->base)) {
            if (digit_count == NUMBER_DIGITS_MAX)
                put_number(&w, digits, &digit_count);
            digits[digit_count++] = (char)c->base;
            continue;
        }
        put_number(&w, digits, &digit_count);
        put_primary(&w, c);
    }
    put_number(&w, digits, &digit_count);
    put_byte(&w, LEVEL_SEPARATOR);
    for (size_t i = 0; i < count; i++)
        put_secondary(&w, &clusters[i]);
    put_byte(&w, LEVEL_SEPARATOR);
    for (size_t i = 0; i < count; i++)
        put_tertiary(&w, &clusters[i]);
    free(clusters);

    *key = w.bytes;
    *key_len = w.len;
    return 0;
}

int htx_collate_compare(const char *a, const char *b)
{
    unsigned char *ka, *kb;
    size_t la, lb;
    int ok_a = htx_collate_key(a, &ka, &la);
    int ok_b = htx_collate_key(b, &kb, &lb);
    int result;
    if (ok_a != 0 || ok_b != 0) {
        result = strcmp(a ? a : "", b ? b : ""); /* out of memory: some order */
    } else {
        result = memcmp(ka, kb, la < lb ? la : lb);
        if (result == 0)
            result = (la > lb) - (la < lb);
    }
    free(ka);
    free(kb);
    return result < 0 ? -1 : result > 0;
}
