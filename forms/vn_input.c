#include "vn_input.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "text.h"
#include "vn_syllable.h"

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
    return (key_action){.kind = htx_cp_is_letter((int32_t)key) ? KEY_LETTER : KEY_OTHER};
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
    return (key_action){.kind = htx_cp_is_letter((int32_t)key) ? KEY_LETTER : KEY_OTHER};
}

/* One key on one word.  The actions below each write a candidate for the new
 * word and return true, or return false when the key does not apply and goes
 * in as a letter. */
typedef struct typing {
    vn_input_mode mode;
    vn_tone_style style;
    const char *word;
    const char *keys; /* the keys typed for word, NULL when not known */
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
    return vn_syllable_write(s, t->style, keep_key ? t->key : "", c->text, sizeof c->text);
}

/* The syllable with the change, if it is still Vietnamese. */
static bool write_if_valid(const typing *t, const syllable *s, candidate *c)
{
    return vn_syllable_valid(s) && write_syllable(t, s, false, c);
}

/* The vn_initials before which "uo" + horn is "uơ" at the end of a word (thuở,
 * huơ, khuơ, uơ) rather than "ươ". */
static bool initial_wants_uo_horn_on_o(const syllable *s)
{
    spelling sp;
    vn_syllable_spelling(s, &sp);
    return vn_in_list("h kh th", sp.initial) || sp.initial[0] == '\0';
}

/* "ưo" at the end of a word is only ever on its way to "uơ" or "ươ": a tone
 * on it settles which, as the horn key would have on "uo", so "thuwor" is
 * "thuở" like "thuowr". */
static void settle_uo_at_end(syllable *s)
{
    vn_letter *v = s->l + s->v;
    if (s->nv != 2 || vn_final_length(s) != 0 || v[0].base != 'u' || v[0].mark != MARK_HORN ||
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
    vn_syllable_spelling(&s, &sp);
    if (vn_in_list("c ch p t", sp.final) && tone != TONE_SAC && tone != TONE_NANG)
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
    if (v[0].mark == MARK_NONE && v[1].mark != MARK_HORN && s.nv == 2 && vn_final_length(&s) == 0 &&
        initial_wants_uo_horn_on_o(&s)) {
        v[1].mark = MARK_HORN;
    } else {
        v[0].mark = v[1].mark = MARK_HORN;
    }
    return write_if_valid(t, &s, c);
}

/* The keys of the word had a u (so its ư is u + w, not w alone). */
static bool typed_u(const char *keys)
{
    return keys && strpbrk(keys, "uU") != NULL;
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
         * so "ww" types a w; but where a u was typed the horn alone goes,
         * leaving the letters typed ("uww" → "uw"), as with Unikey. */
        if (t->mode == VN_INPUT_TELEX && s.nv == 1 && vn_final_length(&s) == 0 && v[0].base == 'u' &&
            !typed_u(t->keys)) {
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
    vn_put_str(&b, t->word);
    vn_put_cp(&b, t->upper ? 0x01AF : 0x01B0);
    syllable s;
    return b.ok && vn_word_syllable(c->text, &s);
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
    return parts[0] < 0x80 && vn_is_vowel((char)utf8proc_tolower(parts[0]));
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
    vn_put_cp(&b, last == 'D' ? 0x0110 : 0x0111);
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
    if (vn_word_syllable(c->text, &s) && write_syllable(t, &s, false, out))
        return true;
    char *nfc = htx_text_nfc(c->text);
    if (!nfc)
        return false;
    text_buf b = {out->text, sizeof out->text, 0, true};
    vn_put_str(&b, nfc);
    free(nfc);
    return b.ok;
}

vn_input_result vn_input_key(vn_input_mode mode, vn_tone_style style, const char *word, const char *keys,
                             uint32_t key, char *out, size_t size)
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

    typing t = {.mode = mode, .style = style, .word = word, .keys = keys};
    int n = htx_utf8_encode((int32_t)key, t.key);
    if (n == 0)
        return VN_INSERT;
    t.key[n] = '\0';
    t.upper = utf8proc_toupper((utf8proc_int32_t)key) == (utf8proc_int32_t)key &&
              utf8proc_tolower((utf8proc_int32_t)key) != (utf8proc_int32_t)key;
    t.valid = vn_word_syllable(word, &t.s);

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
    return (mode == VN_INPUT_VNI && cp >= '0' && cp <= '9') || htx_cp_is_letter(cp);
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
    char word_keys[WORD_BYTES_MAX + 8] = "";
    size_t keys_len = 0;
    int32_t cp;
    for (int n; (n = htx_utf8_decode(keys, &cp)) > 0 && b.ok; keys += n) {
        if (!continues_word(mode, cp)) {
            vn_put_cp(&b, cp);
            word = b.len;
            keys_len = 0;
            word_keys[0] = '\0';
            continue;
        }
        char next[WORD_BYTES_MAX + 64];
        const char *known = keys_len + (size_t)n < sizeof word_keys ? word_keys : NULL;
        vn_input_result r = vn_input_key(mode, style, out + word, known, (uint32_t)cp, next, sizeof next);
        if (known) {
            memcpy(word_keys + keys_len, keys, (size_t)n);
            keys_len += (size_t)n;
            word_keys[keys_len] = '\0';
        } else {
            keys_len = sizeof word_keys; /* no longer known */
        }
        if (r == VN_REWRITE) {
            b.len = word;
            out[word] = '\0';
            vn_put_str(&b, next);
        } else {
            vn_put_cp(&b, cp);
        }
    }
    /* NFC may be longer than what was typed (U+0344 is two marks): where it
     * does not fit it is cut as the typing was, between code points. */
    char *nfc = htx_text_nfc(out);
    if (nfc) {
        size_t len = strlen(nfc);
        if (len >= size) {
            len = size - 1;
            while (len > 0 && ((unsigned char)nfc[len] & 0xC0) == 0x80)
                len--;
        }
        memcpy(out, nfc, len);
        out[len] = '\0';
    }
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
