/*
 * Vietnamese syllables for the typing engine (vn_syllable.h): letters,
 * spelling as Unikey checks it, and writing a syllable out with its tone.
 */
#include "vn_syllable.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "text.h"

/* ---- letters ------------------------------------------------------------------- */





/* The combining marks, indexed by vn_tone and vn_mark. */
static const int32_t tone_cp[] = {0, 0x0301, 0x0300, 0x0309, 0x0303, 0x0323};
static const int32_t mark_cp[] = {0, 0x0302, 0x0306, 0x031B, 0};

bool vn_is_vowel(char base)
{
    return base && strchr("aeiouy", base) != NULL;
}

static bool mark_fits(char base, vn_mark mark)
{
    switch (mark) {
    case MARK_CIRCUMFLEX: return base == 'a' || base == 'e' || base == 'o';
    case MARK_BREVE: return base == 'a';
    case MARK_HORN: return base == 'o' || base == 'u';
    case MARK_STROKE: return base == 'd';
    case MARK_NONE: break;
    }
    return true;
}

/* Puts a combining mark on a letter; false for a mark Vietnamese does not
 * write, or a second tone or modifier on one letter. */
static bool letter_add_mark(vn_letter *l, int32_t cp)
{
    for (int t = TONE_SAC; t <= TONE_NANG; t++) {
        if (cp == tone_cp[t]) {
            if (l->tone != TONE_NONE)
                return false;
            l->tone = (vn_tone)t;
            return true;
        }
    }
    for (int m = MARK_CIRCUMFLEX; m <= MARK_HORN; m++) {
        if (cp == mark_cp[m]) {
            if (l->mark != MARK_NONE || !mark_fits(l->base, (vn_mark)m))
                return false;
            l->mark = (vn_mark)m;
            return true;
        }
    }
    return false;
}

/* Reads a word into letters.  False when it holds anything but Latin letters
 * with Vietnamese marks, or more letters than a syllable has. */
static bool word_letters(const char *word, vn_letter *out, int *count)
{
    int n = 0;
    int32_t cp;
    for (int len; (len = htx_utf8_decode(word, &cp)) > 0; word += len) {
        int32_t parts[HTX_DECOMPOSITION_MAX];
        int np;
        bool stroke = cp == 0x0110 || cp == 0x0111; /* Đ đ: no decomposition */
        if (stroke) {
            parts[0] = cp == 0x0110 ? 'D' : 'd';
            np = 1;
        } else {
            np = htx_cp_decompose(cp, parts);
        }
        int first = 0;
        if (!htx_cp_is_mark(parts[0])) {
            int32_t base = parts[0];
            bool upper = base >= 'A' && base <= 'Z';
            if (!upper && !(base >= 'a' && base <= 'z'))
                return false;
            if (n == SYLLABLE_MAX)
                return false;
            out[n++] = (vn_letter){(char)(upper ? base - 'A' + 'a' : base), upper,
                                   stroke ? MARK_STROKE : MARK_NONE, TONE_NONE};
            first = 1;
        }
        for (int i = first; i < np; i++)
            if (n == 0 || !letter_add_mark(&out[n - 1], parts[i]))
                return false;
    }
    *count = n;
    return true;
}

/* The letter in lower case without its tone, as the tables spell it. */
static size_t letter_spelling(const vn_letter *l, char out[4])
{
    const char *s;
    switch (l->mark) {
    case MARK_CIRCUMFLEX: s = l->base == 'a' ? "â" : l->base == 'e' ? "ê" : "ô"; break;
    case MARK_BREVE: s = "ă"; break;
    case MARK_HORN: s = l->base == 'o' ? "ơ" : "ư"; break;
    case MARK_STROKE: s = "đ"; break;
    case MARK_NONE:
    default: out[0] = l->base; return 1;
    }
    size_t len = strlen(s);
    memcpy(out, s, len);
    return len;
}

/* ---- spelling ------------------------------------------------------------------- */

/* Vietnamese spelling, as Unikey checks it: which consonants begin a
 * syllable, which vowel groups exist and which final consonants each takes.
 * Groups such as "ie", "uo" or "ưo" are not words by themselves but are
 * passed through while typing "iê", "uô" or "ươ".  Beyond Unikey's tables:
 * "oo" (xoong, boóng: Telex types it "ooo") and "oao" (ngoáo). */
const char vn_initials[] = "b c ch d đ g gh gi h k kh l m n ng ngh nh p ph q qu r s t th tr v x";

static const struct rhyme {
    const char *vowels;
    const char *finals;
} rhymes[] = {
    {"a", "c ch m n ng nh p t"}, {"â", "c m n ng p t"}, {"ă", "c m n ng p t"},
    {"e", "c ch m n ng nh p t"}, {"ê", "c ch m n nh p t"}, {"i", "c ch m n nh p t"},
    {"o", "c m n ng p t"}, {"ô", "c m n ng p t"}, {"ơ", "m n p t"},
    {"u", "c m n ng p t"}, {"ư", "c m n ng t"}, {"y", "t"},
    {"ai", ""}, {"ao", ""}, {"au", ""}, {"ay", ""}, {"âu", ""}, {"ây", ""},
    {"eo", ""}, {"eu", ""}, {"êu", ""}, {"ia", ""}, {"ie", "c m n ng p t"},
    {"iê", "c m n ng p t"}, {"iu", ""}, {"oa", "c ch m n ng nh p t"}, {"oă", "c m n ng t"},
    {"oe", "n t"}, {"oi", ""}, {"oo", "c ng"}, {"ôi", ""}, {"ơi", ""}, {"ua", "n ng t"}, {"uâ", "n ng t"},
    {"ue", "c ch n nh"}, {"uê", "c ch n nh"}, {"ui", ""}, {"uo", "c m n ng p t"},
    {"uô", "c m n ng t"}, {"uơ", ""}, {"uu", ""}, {"uy", "c ch n nh p t"}, {"ưa", ""},
    {"ưi", ""}, {"ưo", "c m n ng p t"}, {"ươ", "c m n ng p t"}, {"ưu", ""},
    {"ye", "m n ng p t"}, {"yê", "m n ng t"},
    {"ieu", ""}, {"iêu", ""}, {"oai", ""}, {"oao", ""}, {"oay", ""}, {"oeo", ""}, {"uay", ""}, {"uây", ""},
    {"uoi", ""}, {"uôi", ""}, {"uou", ""}, {"uơi", ""}, {"uơu", ""}, {"uya", ""},
    {"uye", "n t"}, {"uyê", "n t"}, {"uyu", ""}, {"ưoi", ""}, {"ưou", ""}, {"ươi", ""},
    {"ươu", ""}, {"yeu", ""}, {"yêu", ""},
};

/* The only vowel groups k may begin (ke, ki, kiêu …: c is written before the others). */
static const char k_vowels[] = "e ê i y eo eu êu ia ie iê ieu iêu";

/* item is one of the space-separated words of list. */
bool vn_in_list(const char *list, const char *item)
{
    size_t len = strlen(item);
    for (const char *p = list; *p;) {
        size_t word = strcspn(p, " ");
        if (word == len && memcmp(p, item, len) == 0)
            return true;
        p += word;
        p += strspn(p, " ");
    }
    return false;
}


int vn_final_length(const syllable *s)
{
    return s->n - s->v - s->nv;
}

static void spell(const syllable *s, int from, int to, char *out)
{
    size_t len = 0;
    for (int i = from; i < to; i++)
        len += letter_spelling(&s->l[i], out + len);
    out[len] = '\0';
}


void vn_syllable_spelling(const syllable *s, spelling *sp)
{
    spell(s, 0, s->v, sp->initial);
    spell(s, s->v, s->v + s->nv, sp->vowels);
    spell(s, s->v + s->nv, s->n, sp->final);
}

static const struct rhyme *rhyme_of(const char *vowels)
{
    for (size_t i = 0; i < sizeof rhymes / sizeof rhymes[0]; i++)
        if (strcmp(rhymes[i].vowels, vowels) == 0)
            return &rhymes[i];
    return NULL;
}

/* Whether the initial consonant may precede the vowels: q is always written
 * qu, qu and gi already hold their u and i, k goes before e, ê, i, y only. */
static bool initial_takes(const char *initial, const char *vowels)
{
    if (strcmp(initial, "q") == 0)
        return false;
    if (strcmp(initial, "qu") == 0)
        return vowels[0] != 'u' && strncmp(vowels, "ư", strlen("ư")) != 0;
    if (strcmp(initial, "gi") == 0)
        return vowels[0] != 'i';
    if (strcmp(initial, "k") == 0)
        return vn_in_list(k_vowels, vowels);
    return true;
}

bool vn_syllable_valid(const syllable *s)
{
    spelling sp;
    vn_syllable_spelling(s, &sp);
    if (sp.initial[0] && !vn_in_list(vn_initials, sp.initial))
        return false;
    if (s->nv == 0)
        return sp.final[0] == '\0' && s->tone == TONE_NONE;
    const struct rhyme *r = rhyme_of(sp.vowels);
    if (!r || !initial_takes(sp.initial, sp.vowels))
        return false;
    if (!sp.final[0] || vn_in_list(r->finals, sp.final))
        return true;
    /* Spelt against the general rule because qu and gi hold a vowel letter:
     * quyn, quynh; giên, giêng. */
    if (strcmp(sp.initial, "qu") == 0 && strcmp(sp.vowels, "y") == 0)
        return vn_in_list("n nh", sp.final);
    if (strcmp(sp.initial, "gi") == 0 && vn_in_list("e ê", sp.vowels))
        return vn_in_list("n ng", sp.final);
    return false;
}

/* ưo or uơ going on into a consonant or a third vowel is ươ, as in Unikey:
 * "dduwongf" is "đường" too.  Read so, the word spells a syllable. */
static void complete_uo(syllable *s)
{
    if (s->nv < 2 || (s->nv == 2 && vn_final_length(s) == 0))
        return;
    vn_letter *v = s->l + s->v;
    bool one_horn = (v[0].mark == MARK_HORN) != (v[1].mark == MARK_HORN);
    if (v[0].base == 'u' && v[1].base == 'o' && v[1].mark != MARK_CIRCUMFLEX && one_horn)
        v[0].mark = v[1].mark = MARK_HORN;
}

/* Splits letters into a syllable; false when they do not spell one (or the
 * beginning of one). */
static bool syllable_parse(const vn_letter *l, int n, syllable *s)
{
    memcpy(s->l, l, (size_t)n * sizeof *l);
    s->n = n;
    s->tone = TONE_NONE;
    int v = 0;
    while (v < n && !vn_is_vowel(l[v].base))
        v++;
    /* The u of qu and the i of gi belong to the consonant (quý, giữ); a lone
     * gi keeps i as its vowel (gì, gìn). */
    if (v == 1 && l[0].base == 'q' && n > 1 && l[1].base == 'u' && l[1].mark == MARK_NONE)
        v = 2;
    else if (v == 1 && l[0].base == 'g' && n > 2 && l[1].base == 'i' && vn_is_vowel(l[2].base))
        v = 2;
    int end = v;
    while (end < n && vn_is_vowel(l[end].base))
        end++;
    s->v = v;
    s->nv = end - v;
    for (int i = 0; i < n; i++) {
        if (i >= end && vn_is_vowel(l[i].base))
            return false; /* a vowel after the final consonant */
        if (l[i].tone == TONE_NONE)
            continue;
        if (s->tone != TONE_NONE || !vn_is_vowel(l[i].base))
            return false;
        s->tone = l[i].tone;
        s->l[i].tone = TONE_NONE;
    }
    complete_uo(s);
    return vn_syllable_valid(s);
}

bool vn_word_syllable(const char *word, syllable *s)
{
    vn_letter l[SYLLABLE_MAX];
    int n;
    return word_letters(word, l, &n) && syllable_parse(l, n, s);
}

/* ---- writing a syllable out --------------------------------------------------------- */

static bool is_uo_horned(const vn_letter *v)
{
    return v[0].base == 'u' && v[0].mark == MARK_HORN && v[1].base == 'o' && v[1].mark == MARK_HORN;
}

/* Which vowel takes the tone (Unikey's rules): the one with a modifier (ơ
 * of ươ), else the middle of three, else the second of two before a final
 * consonant; of two at the end of the word the first, except oa, oe, uy in
 * the new style (hoà, khoẻ, thuỷ). */
static int tone_offset(const syllable *s, vn_tone_style style)
{
    const vn_letter *v = s->l + s->v;
    if (s->nv == 1)
        return 0;
    if (is_uo_horned(v))
        return 1;
    for (int i = 0; i < s->nv; i++)
        if (v[i].mark != MARK_NONE)
            return i;
    if (s->nv == 3)
        return 1;
    if (vn_final_length(s) > 0)
        return 1;
    bool modern_pair = (v[0].base == 'o' && (v[1].base == 'a' || v[1].base == 'e')) ||
                       (v[0].base == 'u' && v[1].base == 'y');
    return style == VN_TONE_NEW && modern_pair ? 1 : 0;
}


void vn_put_cp(text_buf *b, int32_t cp)
{
    char bytes[4];
    int n = htx_utf8_encode(cp, bytes);
    if (!b->ok || n == 0 || b->len + (size_t)n >= b->size) {
        b->ok = false;
        return;
    }
    memcpy(b->p + b->len, bytes, (size_t)n);
    b->len += (size_t)n;
    b->p[b->len] = '\0';
}

void vn_put_str(text_buf *b, const char *s)
{
    size_t n = strlen(s);
    if (!b->ok || b->len + n >= b->size) {
        b->ok = false;
        return;
    }
    memcpy(b->p + b->len, s, n + 1);
    b->len += n;
}

/* Writes the syllable in NFC with the tone in its place, then tail (the key
 * kept as a letter after an undo, or ""). */
bool vn_syllable_write(const syllable *s, vn_tone_style style, const char *tail, char *out,
                           size_t size)
{
    char decomposed[8 * 3 * SYLLABLE_MAX + 1];
    text_buf b = {decomposed, sizeof decomposed, 0, true};
    decomposed[0] = '\0';
    int tone_at = s->nv > 0 && s->tone != TONE_NONE ? s->v + tone_offset(s, style) : -1;
    for (int i = 0; i < s->n; i++) {
        const vn_letter *l = &s->l[i];
        if (l->mark == MARK_STROKE) {
            vn_put_cp(&b, l->upper ? 0x0110 : 0x0111);
            continue;
        }
        vn_put_cp(&b, l->upper ? l->base - 'a' + 'A' : l->base);
        if (l->mark != MARK_NONE)
            vn_put_cp(&b, mark_cp[l->mark]);
        if (i == tone_at)
            vn_put_cp(&b, tone_cp[s->tone]);
    }
    if (!b.ok)
        return false;
    char *nfc = htx_text_nfc(decomposed);
    if (!nfc)
        return false;
    text_buf o = {out, size, 0, size > 0};
    vn_put_str(&o, nfc);
    vn_put_str(&o, tail);
    free(nfc);
    return o.ok;
}
