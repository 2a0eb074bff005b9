/*
 * Vietnamese collation: binary sort keys that order strings as CLDR/ICU's
 * "vi" collation does, so that SQLite can ORDER BY a plain BLOB column
 * (memcmp order) through an ordinary index.
 *
 * Levels, compared one after the other:
 *   primary   letters of the Vietnamese alphabet, where ă â after a, đ after
 *             d, ê after e, ô ơ after o, ư after u are letters of their own
 *             (f j w z keep their Latin places); white space < punctuation
 *             < numbers < letters < other scripts; a run of digits is a
 *             number and sorts by its value, as in ICU's numeric collation
 *             ("HTX 2" < "HTX 10"; leading zeros do not count: "07" = "7");
 *   secondary tones, in the order none, huyền (à), hỏi (ả), ngã (ã),
 *             sắc (á), nặng (ạ); other diacritics after those;
 *   tertiary  case, lower before upper.
 * Examples: An < Ăn < Ân; Dương < Đan Phượng < Đông Anh < Đống Đa;
 *           u < uy < ư < Ứng Hòa; a < à < ả < ã < á < ạ; an < An.
 *
 * Invisible format characters (soft hyphen, zero width space) are ignored;
 * canonically equivalent texts (NFC, NFD, CP1258 composite) get the same key.
 * Known differences from ICU: letters outside the Vietnamese alphabet that
 * do not decompose (ø ß æ ł …) sort after z by code point rather than next
 * to o, ss, ae, l; punctuation and symbols outside ASCII (a few typographic
 * quotes and dashes excepted) sort after the ASCII ones by code point.
 *
 * A key is at most HTX_COLLATE_KEY_MAX(strlen(text)) bytes and contains no
 * zero byte.
 */
#ifndef HTX_COLLATE_H
#define HTX_COLLATE_H

#include <stddef.h>

/* The longest key a stored name may have: the screens page by it (browse.h).
 * A 200-letter Vietnamese name keys to about 800 bytes; only a long name in
 * another script comes near the limit, and is refused. */
#define HTX_SORT_KEY_LIMIT 1400

/* Upper bound on the key length for a text of len bytes. */
#define HTX_COLLATE_KEY_MAX(len) (8 * (len) + 4)

/*
 * Writes the sort key of valid UTF-8 text (any normalisation form) into a
 * fresh malloc'd buffer *key and its length into *key_len.  Returns 0, or -1
 * when out of memory.
 */
int htx_collate_key(const char *text, unsigned char **key, size_t *key_len);

/* strcmp-like comparison of two texts in Vietnamese order. */
int htx_collate_compare(const char *a, const char *b);

#endif
