#include "vn_input.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "text.h"

/*
 * The engine keeps no state between keys: the editor hands over the word as
 * text, so every key starts by reading the word back into letters (base,
 * case, modifier, tone) and, when it spells a Vietnamese syllable or the
 * beginning of one, into initial consonant, vowels and final consonant.
 * The key then changes that syllable, and the result is written out again
 * with the tone where the rules put it.  A word that is not Vietnamese (an
 * English word, an abbreviation, a number) is left alone: keys go in as
 * letters, which is what Unikey does with its spelling check on.
 */

/* ---- letters ------------------------------------------------------------------- */

/* No Vietnamese syllable has more than seven letters ("nghiêng"); a longer
 * word is not one, and the limit keeps every buffer small. */
enum { SYLLABLE_MAX = 16, WORD_BYTES_MAX = 256 };

typedef enum vn_mark { MARK_NONE, MARK_CIRCUMFLEX, MARK_BREVE, MARK_HORN, MARK_STROKE } vn_mark;

/* In the order of the VNI keys 1 to 5. */
typedef enum vn_tone { TONE_NONE, TONE_SAC, TONE_HUYEN, TONE_HOI, TONE_NGA, TONE_NANG } vn_tone;

typedef struct vn_letter {
    char base; /* 'a' … 'z' */
    bool upper;
    vn_mark mark;
    vn_tone tone;
} vn_letter;

/* The combining marks, indexed by vn_tone and vn_mark. */
static const int32_t tone_cp[] = {0, 0x0301, 0x0300, 0x0309, 0x0303, 0x0323};
static const int32_t mark_cp[] = {0, 0x0302, 0x0306, 0x031B, 0};

static bool is_vowel(char base)
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
static const char initials[] = "b c ch d đ g gh gi h k kh l m n ng ngh nh p ph q qu r s t th tr v x";

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
static bool in_list(const char *list, const char *item)
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

/* A syllable: letters l[0, v) are the initial consonant, l[v, v + nv) the
 * vowels, the rest the final consonant.  The tone belongs to the syllable and
 * goes on a vowel only when written out. */
typedef struct syllable {
    vn_letter l[SYLLABLE_MAX];
    int n;
    int v;
    int nv;
    vn_tone tone;
} syllable;

static int final_length(const syllable *s)
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

/* Each part of the syllable as the tables spell it. */
typedef struct spelling {
    char initial[4 * SYLLABLE_MAX + 1];
    char vowels[4 * SYLLABLE_MAX + 1];
    char final[4 * SYLLABLE_MAX + 1];
} spelling;

static void syllable_spelling(const syllable *s, spelling *sp)
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
        return in_list(k_vowels, vowels);
    return true;
}

static bool syllable_valid(const syllable *s)
{
    spelling sp;
    syllable_spelling(s, &sp);
    if (sp.initial[0] && !in_list(initials, sp.initial))
        return false;
    if (s->nv == 0)
        return sp.final[0] == '\0' && s->tone == TONE_NONE;
    const struct rhyme *r = rhyme_of(sp.vowels);
    if (!r || !initial_takes(sp.initial, sp.vowels))
        return false;
    if (!sp.final[0] || in_list(r->finals, sp.final))
        return true;
    /* Spelt against the general rule because qu and gi hold a vowel letter:
     * quyn, quynh; giên, giêng. */
    if (strcmp(sp.initial, "qu") == 0 && strcmp(sp.vowels, "y") == 0)
        return in_list("n nh", sp.final);
    if (strcmp(sp.initial, "gi") == 0 && in_list("e ê", sp.vowels))
        return in_list("n ng", sp.final);
    return false;
}

/* ưo or uơ going on into a consonant or a third vowel is ươ, as in Unikey:
 * "dduwongf" is "đường" too.  Read so, the word spells a syllable. */
static void complete_uo(syllable *s)
{
    if (s->nv < 2 || (s->nv == 2 && final_length(s) == 0))
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
    while (v < n && !is_vowel(l[v].base))
        v++;
    /* The u of qu and the i of gi belong to the consonant (quý, giữ); a lone
     * gi keeps i as its vowel (gì, gìn). */
    if (v == 1 && l[0].base == 'q' && n > 1 && l[1].base == 'u' && l[1].mark == MARK_NONE)
        v = 2;
    else if (v == 1 && l[0].base == 'g' && n > 2 && l[1].base == 'i' && is_vowel(l[2].base))
        v = 2;
    int end = v;
    while (end < n && is_vowel(l[end].base))
        end++;
    s->v = v;
    s->nv = end - v;
    for (int i = 0; i < n; i++) {
        if (i >= end && is_vowel(l[i].base))
            return false; /* a vowel after the final consonant */
        if (l[i].tone == TONE_NONE)
            continue;
        if (s->tone != TONE_NONE || !is_vowel(l[i].base))
            return false;
        s->tone = l[i].tone;
        s->l[i].tone = TONE_NONE;
    }
    complete_uo(s);
    return syllable_valid(s);
}

static bool word_syllable(const char *word, syllable *s)
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
    if (final_length(s) > 0)
        return 1;
    bool modern_pair = (v[0].base == 'o' && (v[1].base == 'a' || v[1].base == 'e')) ||
                       (v[0].base == 'u' && v[1].base == 'y');
    return style == VN_TONE_NEW && modern_pair ? 1 : 0;
}

typedef struct text_buf {
    char *p;
    size_t size;
    size_t len;
    bool ok;
} text_buf;

static void put_cp(text_buf *b, int32_t cp)
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

static void put_str(text_buf *b, const char *s)
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
static bool syllable_write(const syllable *s, vn_tone_style style, const char *tail, char *out,
                           size_t size)
{
    char decomposed[8 * 3 * SYLLABLE_MAX + 1];
    text_buf b = {decomposed, sizeof decomposed, 0, true};
    decomposed[0] = '\0';
    int tone_at = s->nv > 0 && s->tone != TONE_NONE ? s->v + tone_offset(s, style) : -1;
    for (int i = 0; i < s->n; i++) {
        const vn_letter *l = &s->l[i];
        if (l->mark == MARK_STROKE) {
            put_cp(&b, l->upper ? 0x0110 : 0x0111);
            continue;
        }
        put_cp(&b, l->upper ? l->base - 'a' + 'A' : l->base);
        if (l->mark != MARK_NONE)
            put_cp(&b, mark_cp[l->mark]);
        if (i == tone_at)
            put_cp(&b, tone_cp[s->tone]);
    }
    if (!b.ok)
        return false;
    char *nfc = htx_text_nfc(decomposed);
    if (!nfc)
        return false;
    text_buf o = {out, size, 0, size > 0};
    put_str(&o, nfc);
    put_str(&o, tail);
    free(nfc);
    return o.ok;
}

/* ---- keys ------------------------------------------------------------------------- */

typedef enum key_kind {
    KEY_OTHER,   /* ends the word: always inserted */
    KEY_LETTER,  /* a letter with no function */
    KEY_TONE,    /* tone, or TONE_NONE to remove it */
    KEY_ROOF,    /* circumflex */
    KEY_HOOK,    /* horn or breve */
    KEY_DD,      /* đ */
} key_kind;

typedef enum hook_kind {
    HOOK_ALL,  /* Telex w: horn on o and u, breve on a */
    HOOK_HORN, /* VNI 7 */
    HOOK_BREVE /* VNI 8 */
} hook_kind;

typedef struct key_action {
    key_kind kind;
    vn_tone tone;
    char roof; /* the vowel the circumflex is for ('a' 'e' 'o'), 0 for any */
    hook_kind hook;
} key_action;

static bool is_letter(uint32_t cp)
{
    switch (utf8proc_category((utf8proc_int32_t)cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO: return true;
    default: return false;
    }
}

static key_action telex_action(uint32_t key)
{
    char c = key < 0x80 ? (char)utf8proc_tolower((utf8proc_int32_t)key) : '\0';
    switch (c) {
    case 's': return (key_action){.kind = KEY_TONE, .tone = TONE_SAC};
    case 'f': return (key_action){.kind = KEY_TONE, .tone = TONE_HUYEN};
    case 'r': return (key_action){.kind = KEY_TONE, .tone = TONE_HOI};
    case 'x': return (key_action){.kind = KEY_TONE, .tone = TONE_NGA};
    case 'j': return (key_action){.kind = KEY_TONE, .tone = TONE_NANG};
    case 'z': return (key_action){.kind = KEY_TONE};
    case 'a':
    case 'e':
    case 'o': return (key_action){.kind = KEY_ROOF, .roof = c};
    case 'w': return (key_action){.kind = KEY_HOOK};
    case 'd': return (key_action){.kind = KEY_DD};
    default: break;
    }
    return (key_action){.kind = is_letter(key) ? KEY_LETTER : KEY_OTHER};
}

static key_action vni_action(uint32_t key)
{
    if (key >= '0' && key <= '5')
        return (key_action){.kind = KEY_TONE, .tone = (vn_tone)(key - '0')};
    switch (key) {
    case '6': return (key_action){.kind = KEY_ROOF};
    case '7': return (key_action){.kind = KEY_HOOK, .hook = HOOK_HORN};
    case '8': return (key_action){.kind = KEY_HOOK, .hook = HOOK_BREVE};
    case '9': return (key_action){.kind = KEY_DD};
    default: break;
    }
    return (key_action){.kind = is_letter(key) ? KEY_LETTER : KEY_OTHER};
}

/* One key on one word.  The actions below each write a candidate for the new
 * word and return true, or return false when the key does not apply and goes
 * in as a letter. */
typedef struct typing {
    vn_input_mode mode;
    vn_tone_style style;
    const char *word;
    char key[5]; /* the key as UTF-8 */
    bool upper;  /* the key is an upper-case letter */
    bool valid;  /* the word spells a syllable, parsed into s */
    syllable s;
} typing;

typedef struct candidate {
    char text[WORD_BYTES_MAX + 64];
} candidate;

static bool write_syllable(const typing *t, const syllable *s, bool keep_key, candidate *c)
{
    return syllable_write(s, t->style, keep_key ? t->key : "", c->text, sizeof c->text);
}

/* The syllable with the change, if it is still Vietnamese. */
static bool write_if_valid(const typing *t, const syllable *s, candidate *c)
{
    return syllable_valid(s) && write_syllable(t, s, false, c);
}

/* The initials before which "uo" + horn is "uơ" at the end of a word (thuở,
 * huơ, khuơ, uơ) rather than "ươ". */
static bool initial_wants_uo_horn_on_o(const syllable *s)
{
    spelling sp;
    syllable_spelling(s, &sp);
    return in_list("h kh th", sp.initial) || sp.initial[0] == '\0';
}

/* "ưo" at the end of a word is only ever on its way to "uơ" or "ươ": a tone
 * on it settles which, as the horn key would have on "uo", so "thuwor" is
 * "thuở" like "thuowr". */
static void settle_uo_at_end(syllable *s)
{
    vn_letter *v = s->l + s->v;
    if (s->nv != 2 || final_length(s) != 0 || v[0].base != 'u' || v[0].mark != MARK_HORN ||
        v[1].base != 'o' || v[1].mark != MARK_NONE)
        return;
    if (initial_wants_uo_horn_on_o(s))
        v[0].mark = MARK_NONE;
    v[1].mark = MARK_HORN;
}

static bool apply_tone(const typing *t, vn_tone tone, candidate *c)
{
    if (!t->valid || t->s.nv == 0)
        return false;
    syllable s = t->s;
    if (tone == TONE_NONE) {
        if (s.tone == TONE_NONE)
            return false;
        s.tone = TONE_NONE;
        return write_syllable(t, &s, false, c);
    }
    /* Stopped finals (c, ch, p, t) take only sắc and nặng. */
    spelling sp;
    syllable_spelling(&s, &sp);
    if (in_list("c ch p t", sp.final) && tone != TONE_SAC && tone != TONE_NANG)
        return false;
    if (s.tone == tone) {
        s.tone = TONE_NONE;
        return write_syllable(t, &s, true, c);
    }
    s.tone = tone;
    settle_uo_at_end(&s);
    return write_syllable(t, &s, false, c);
}

static bool roof_for(char base, char target)
{
    return target ? base == target : base == 'a' || base == 'e' || base == 'o';
}

static bool apply_roof(const typing *t, char target, candidate *c)
{
    if (!t->valid || t->s.nv == 0)
        return false;
    syllable s = t->s;
    vn_letter *v = s.l + s.v;
    /* A circumflex on the o of ưo / ươ takes the horn off u: uô. */
    if ((target == 'o' || target == 0) && s.nv >= 2 && v[0].base == 'u' &&
        v[0].mark == MARK_HORN && v[1].base == 'o') {
        v[0].mark = MARK_NONE;
        v[1].mark = MARK_CIRCUMFLEX;
        return write_if_valid(t, &s, c);
    }
    for (int i = 0; i < s.nv; i++) {
        if (!roof_for(v[i].base, target) || v[i].mark == MARK_CIRCUMFLEX)
            continue;
        syllable changed = s;
        changed.l[s.v + i].mark = MARK_CIRCUMFLEX;
        if (write_if_valid(t, &changed, c))
            return true;
    }
    /* The same key again: off with the circumflex, the key stays as a letter. */
    for (int i = 0; i < s.nv; i++) {
        if (v[i].mark == MARK_CIRCUMFLEX && roof_for(v[i].base, target)) {
            v[i].mark = MARK_NONE;
            return write_syllable(t, &s, true, c);
        }
    }
    return false;
}

static vn_mark hook_mark(char base, hook_kind kind)
{
    if (base == 'a')
        return kind == HOOK_HORN ? MARK_NONE : MARK_BREVE;
    if (base == 'o' || base == 'u')
        return kind == HOOK_BREVE ? MARK_NONE : MARK_HORN;
    return MARK_NONE;
}

/* The horn key on u followed by o: both take the horn (ươ), except "uo" at
 * the end after h, kh, th or nothing, where o alone does (thuở); on ươ it
 * undoes both. */
static bool apply_hook_uo(const typing *t, candidate *c)
{
    syllable s = t->s;
    vn_letter *v = s.l + s.v;
    if (v[0].mark == MARK_HORN && v[1].mark == MARK_HORN) {
        v[0].mark = v[1].mark = MARK_NONE;
        return write_syllable(t, &s, true, c);
    }
    if (v[0].mark == MARK_NONE && v[1].mark != MARK_HORN && s.nv == 2 && final_length(&s) == 0 &&
        initial_wants_uo_horn_on_o(&s)) {
        v[1].mark = MARK_HORN;
    } else {
        v[0].mark = v[1].mark = MARK_HORN;
    }
    return write_if_valid(t, &s, c);
}

static bool apply_hook(const typing *t, hook_kind kind, candidate *c)
{
    if (!t->valid || t->s.nv == 0)
        return false;
    syllable s = t->s;
    vn_letter *v = s.l + s.v;
    if (kind != HOOK_BREVE && s.nv >= 2 && v[0].base == 'u' && v[1].base == 'o')
        return apply_hook_uo(t, c);
    for (int i = 0; i < s.nv; i++) {
        vn_mark m = hook_mark(v[i].base, kind);
        if (m == MARK_NONE || v[i].mark == m)
            continue;
        syllable changed = s;
        changed.l[s.v + i].mark = m;
        if (write_if_valid(t, &changed, c))
            return true;
    }
    for (int i = 0; i < s.nv; i++) {
        if ((v[i].mark != MARK_HORN && v[i].mark != MARK_BREVE) || hook_mark(v[i].base, kind) != v[i].mark)
            continue;
        /* A lone ư is what Telex w alone makes: w again gives the w back,
         * so "ww" types a w. */
        if (t->mode == VN_INPUT_TELEX && s.nv == 1 && final_length(&s) == 0 && v[0].base == 'u') {
            s.n--;
            s.nv = 0;
            s.tone = TONE_NONE;
        } else {
            v[i].mark = MARK_NONE;
        }
        return write_syllable(t, &s, true, c);
    }
    return false;
}

/* Telex w where no vowel takes a horn or breve: the letter ư ("w" → "ư",
 * "tw" → "tư"). */
static bool telex_w_as_u(const typing *t, candidate *c)
{
    text_buf b = {c->text, sizeof c->text, 0, true};
    c->text[0] = '\0';
    put_str(&b, t->word);
    put_cp(&b, t->upper ? 0x01AF : 0x01B0);
    syllable s;
    return b.ok && word_syllable(c->text, &s);
}

/* The code point before the last one of text, and the last (0 when absent). */
static void last_two(const char *text, int32_t *before, int32_t *last)
{
    *before = *last = 0;
    int32_t cp;
    for (int len; (len = htx_utf8_decode(text, &cp)) > 0; text += len) {
        *before = *last;
        *last = cp;
    }
}

static bool cp_is_vowel(int32_t cp)
{
    int32_t parts[HTX_DECOMPOSITION_MAX];
    htx_cp_decompose(cp, parts);
    return parts[0] < 0x80 && is_vowel((char)utf8proc_tolower(parts[0]));
}

static bool apply_dd(const typing *t, candidate *c)
{
    if (t->valid && t->s.v == 1 && t->s.l[0].base == 'd') {
        syllable s = t->s;
        bool undo = s.l[0].mark == MARK_STROKE;
        s.l[0].mark = undo ? MARK_NONE : MARK_STROKE;
        return write_syllable(t, &s, undo, c);
    }
    /* Outside Vietnamese words a d after a consonant still becomes đ, for
     * abbreviations such as CĐ or HĐND (not after d itself, so that "ddd"
     * stays "dd"). */
    if (t->valid)
        return false;
    int32_t before, last;
    last_two(t->word, &before, &last);
    if ((last != 'd' && last != 'D') || before == 0 || cp_is_vowel(before) || before == 'd' ||
        before == 'D' || before == 0x0110 || before == 0x0111)
        return false;
    size_t len = strlen(t->word);
    text_buf b = {c->text, sizeof c->text, 0, true};
    c->text[0] = '\0';
    if (len >= sizeof c->text)
        return false;
    memcpy(c->text, t->word, len - 1);
    b.len = len - 1;
    c->text[b.len] = '\0';
    put_cp(&b, last == 'D' ? 0x0110 : 0x0111);
    return b.ok;
}

static bool apply_key(const typing *t, key_action a, candidate *c)
{
    switch (a.kind) {
    case KEY_TONE: return apply_tone(t, a.tone, c);
    case KEY_ROOF: return apply_roof(t, a.roof, c);
    case KEY_HOOK:
        return apply_hook(t, a.hook, c) || (t->mode == VN_INPUT_TELEX && telex_w_as_u(t, c));
    case KEY_DD: return apply_dd(t, c);
    case KEY_LETTER:
    case KEY_OTHER: break;
    }
    return false;
}

/* A candidate that spells a syllable is written out afresh: a letter added
 * can move the tone ("hòa" + n → "hoàn") or complete "ươ" ("ưo" + n). */
static bool settle(const typing *t, const candidate *c, candidate *out)
{
    syllable s;
    if (word_syllable(c->text, &s) && write_syllable(t, &s, false, out))
        return true;
    char *nfc = htx_text_nfc(c->text);
    if (!nfc)
        return false;
    text_buf b = {out->text, sizeof out->text, 0, true};
    put_str(&b, nfc);
    free(nfc);
    return b.ok;
}

vn_input_result vn_input_key(vn_input_mode mode, vn_tone_style style, const char *word, uint32_t key,
                             char *out, size_t size)
{
    if (mode != VN_INPUT_TELEX && mode != VN_INPUT_VNI)
        return VN_INSERT;
    key_action a = mode == VN_INPUT_TELEX ? telex_action(key) : vni_action(key);
    if (a.kind == KEY_OTHER || !out || size == 0)
        return VN_INSERT;
    if (!word)
        word = "";
    if (strlen(word) >= WORD_BYTES_MAX)
        return VN_INSERT; /* no Vietnamese word is that long */

    typing t = {.mode = mode, .style = style, .word = word};
    int n = htx_utf8_encode((int32_t)key, t.key);
    if (n == 0)
        return VN_INSERT;
    t.key[n] = '\0';
    t.upper = utf8proc_toupper((utf8proc_int32_t)key) == (utf8proc_int32_t)key &&
              utf8proc_tolower((utf8proc_int32_t)key) != (utf8proc_int32_t)key;
    t.valid = word_syllable(word, &t.s);

    candidate typed, result;
    if (!apply_key(&t, a, &typed))
        snprintf(typed.text, sizeof typed.text, "%s%s", word, t.key);
    if (!settle(&t, &typed, &result))
        return VN_INSERT;

    size_t len = strlen(word);
    if (strncmp(result.text, word, len) == 0 && strcmp(result.text + len, t.key) == 0)
        return VN_INSERT;
    size_t result_len = strlen(result.text);
    if (result_len >= size)
        return VN_INSERT;
    memcpy(out, result.text, result_len + 1);
    return VN_REWRITE;
}

/* ---- whole texts -------------------------------------------------------------------- */

/* Keys that continue a word, as the editor counts them: letters, and the
 * VNI digits. */
static bool continues_word(vn_input_mode mode, int32_t cp)
{
    return (mode == VN_INPUT_VNI && cp >= '0' && cp <= '9') || is_letter((uint32_t)cp);
}

void vn_input_type(vn_input_mode mode, vn_tone_style style, const char *keys, char *out, size_t size)
{
    if (!out || size == 0)
        return;
    out[0] = '\0';
    if (!keys)
        return;
    text_buf b = {out, size, 0, true};
    size_t word = 0; /* where the word being typed begins in out */
    int32_t cp;
    for (int n; (n = htx_utf8_decode(keys, &cp)) > 0 && b.ok; keys += n) {
        if (!continues_word(mode, cp)) {
            put_cp(&b, cp);
            word = b.len;
            continue;
        }
        char next[WORD_BYTES_MAX + 64];
        if (vn_input_key(mode, style, out + word, (uint32_t)cp, next, sizeof next) == VN_REWRITE) {
            b.len = word;
            out[word] = '\0';
            put_str(&b, next);
        } else {
            put_cp(&b, cp);
        }
    }
    char *nfc = htx_text_nfc(out);
    if (nfc && strlen(nfc) < size)
        memcpy(out, nfc, strlen(nfc) + 1);
    free(nfc);
}

const char *vn_input_mode_name(vn_input_mode mode)
{
    switch (mode) {
    case VN_INPUT_TELEX: return "Telex";
    case VN_INPUT_VNI: return "VNI";
    case VN_INPUT_OFF:
    default: return "Tắt";
    }
}
