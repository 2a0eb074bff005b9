/*
 * A Vietnamese syllable as the typing engine sees it (private to forms/:
 * vn_syllable.c and vn_input.c).
 *
 * A word is read into letters (base, case, modifier, tone) and, when it
 * spells a Vietnamese syllable or the beginning of one, into initial
 * consonant, vowels and final consonant, checked against Vietnamese
 * spelling as Unikey checks it; a syllable is written out in NFC with the
 * tone where the rules put it.  vn_input.c turns keys into changes of a
 * syllable.
 */
#ifndef HTX_VN_SYLLABLE_H
#define HTX_VN_SYLLABLE_H

#ifndef HTX_PRIVATE_FORMS
#error "vn_syllable.h is private to forms/: include vn_input.h instead"
#endif

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "vn_input.h"

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

typedef struct text_buf {
    char *p;
    size_t size;
    size_t len;
    bool ok;
} text_buf;

/* Each part of the syllable as the tables spell it. */
typedef struct spelling {
    char initial[4 * SYLLABLE_MAX + 1];
    char vowels[4 * SYLLABLE_MAX + 1];
    char final[4 * SYLLABLE_MAX + 1];
} spelling;

/* The consonants that begin a syllable, space-separated. */
extern const char vn_initials[];

bool vn_is_vowel(char base);
/* item is one of the space-separated words of list. */
bool vn_in_list(const char *list, const char *item);
int vn_final_length(const syllable *s);
void vn_syllable_spelling(const syllable *s, spelling *sp);
/* The syllable is Vietnamese, or the beginning of a Vietnamese syllable. */
bool vn_syllable_valid(const syllable *s);
/* Reads word into s; false when it is no syllable (not Vietnamese letters). */
bool vn_word_syllable(const char *word, syllable *s);

/* Appending to a bounded buffer; ok turns false when it does not fit. */
void vn_put_cp(text_buf *b, int32_t cp);
void vn_put_str(text_buf *b, const char *s);
/* Writes the syllable in NFC with the tone in its place, then tail (the key
 * kept as a letter after an undo, or ""). */
bool vn_syllable_write(const syllable *s, vn_tone_style style, const char *tail, char *out,
                       size_t size);

#endif
