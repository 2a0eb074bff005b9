/*
 * Typing Vietnamese where no input method runs (SSH, the Linux console):
 * Telex and VNI, word by word as Unikey does.
 *
 * The editor keeps the word being typed (the letters before the cursor since
 * the word began) and gives each key to vn_input_key(); the engine says
 * whether the key is a letter to insert as it is, or rewrites the word.
 *
 * Telex: aa â, aw ă, ee ê, oo ô, ow ơ, uw ư, w alone ư, dd đ; tones s sắc,
 * f huyền, r hỏi, x ngã, j nặng, z removes the tone.  VNI: 1 sắc, 2 huyền,
 * 3 hỏi, 4 ngã, 5 nặng, 0 removes, 6 circumflex, 7 horn, 8 breve, 9 đ.
 * Typing the same tone or modifier key again undoes it and keeps the key as
 * a letter ("ass" → "as", "aaa" → "aa").  The tone goes where Unikey puts it:
 * on the vowel with a circumflex, horn or breve first; "ươ" takes it on ơ;
 * "qu" and "gi" count as consonants (quý, gìn, thuở); in "oa", "oe", "uy"
 * at the end of a word, on the first vowel in the old style (hòa, thủy) and
 * on the second in the new style (hoà, thuỷ).  Upper case is kept (DD → Đ).
 */
#ifndef HTX_FORMS_VN_INPUT_H
#define HTX_FORMS_VN_INPUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum vn_input_mode { VN_INPUT_OFF = 0, VN_INPUT_TELEX, VN_INPUT_VNI } vn_input_mode;
typedef enum vn_tone_style { VN_TONE_OLD = 0, VN_TONE_NEW } vn_tone_style;

typedef enum vn_input_result {
    VN_INSERT,  /* insert the key as typed */
    VN_REWRITE, /* replace the word with out (which may include the key) */
} vn_input_result;

/*
 * word: the word typed so far (NFC UTF-8, may be ""), keys: the keys that
 * typed it (UTF-8), or NULL when they are not known (the word was there
 * before); key: the code point typed.  The keys tell a Telex ư made of w
 * alone ("ww" → "w") from one made of u + w ("uww" → "uw").  On VN_REWRITE, out (size bytes) holds the new word in NFC.
 * A word that does not spell Vietnamese (an English word, an abbreviation)
 * is left alone and the keys go in as letters, as with Unikey's spelling
 * check; a rewrite that would not fit in out is given up for VN_INSERT.
 */
vn_input_result vn_input_key(vn_input_mode mode, vn_tone_style style, const char *word, const char *keys,
                             uint32_t key, char *out, size_t size);

/* Types a whole sequence of keys from an empty word, splitting words at
 * non-letters as the editor does: for tests and for replaying keys.
 * "Howpj tacs xax" → "Hợp tác xã".  Writes NFC into out. */
void vn_input_type(vn_input_mode mode, vn_tone_style style, const char *keys, char *out, size_t size);

const char *vn_input_mode_name(vn_input_mode mode); /* "Telex", "VNI", "Tắt" */

#endif
