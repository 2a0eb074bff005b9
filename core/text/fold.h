/*
 * Vietnamese search: matching that ignores case and every mark the user did
 * not type.
 *
 *  - "dong tam", "DONG TAM", "Đông Tâm" and "đồng tâm" all find "HTX Đồng Tâm";
 *  - a plain letter matches the letter with any marks ("a" matches a ă â à ấ …,
 *    "d" matches d and đ), a typed modifier must be there ("â" matches â ầ ấ …
 *    but not a or ă; "đ" matches only đ), a typed tone must be there;
 *    so "đường" does not find "dương";
 *  - a tone belongs to the vowel cluster, wherever it is placed: "hoà" and
 *    "hòa", "thuỷ" and "thủy", "qúy" and "quý", "hùynh" and "huỳnh" find
 *    each other, and the last word may be the start of a longer one whose
 *    tone sits elsewhere ("hòa" finds "Hoàng", as typing passes through it);
 *    a tone on the u of "qu" in a text is on no vowel ("quý" does not find
 *    the misspelt "qúy");
 *  - "dd" also finds đ, as Telex types it ("ddong" finds "Đông");
 *  - hyphens and dashes are spaces ("dong-anh" finds "Đông Anh").
 *
 * Two stored forms support this:
 *  - the *search text* (htx_fold_search_text): lower case, NFC, tones in the
 *    canonical placement, white space collapsed; htx_query_matches() gives
 *    the same answer on it as on the raw text it came from;
 *  - the *plain fold* (htx_fold_plain): lower case ASCII-ish with every mark
 *    removed and đ → d, one output character per input letter.  Any text that
 *    a query matches holds the query's plain parts (htx_query_plain_parts)
 *    in order in its plain fold, so "plain LIKE '%part1%part2%'" is an exact
 *    prefilter usable in SQL, and equal plain folds mean "the same name
 *    ignoring marks" for duplicate checks.  The search text (canonical oa/oe/uy
 *    placement: tone on the first vowel of a final oa, oe, uy — not after q)
 *    is stored for the same purpose.
 */
#ifndef HTX_FOLD_H
#define HTX_FOLD_H

#include <stdbool.h>
#include <stddef.h>

/* Both return a fresh malloc'd string, or NULL when out of memory.
 * Input: valid UTF-8 (any normalisation form).  White space runs collapse
 * to one space and the result is trimmed. */
char *htx_fold_plain(const char *text);
/* The plain fold with every run of characters other than letters and digits
 * made one space: the words of a name, for matching names staff type with
 * other punctuation ("CLB Thuong mai - Dich vu" for "CLB … Thương mại – Dịch vụ",
 * "quan/huyen" for "Quận/Huyện"). */
char *htx_fold_words(const char *text);
char *htx_fold_search_text(const char *text);

/*
 * A compiled query: the query as typed, and with its dd read as đ.
 */
typedef struct htx_query_pattern htx_query_pattern;

/* NULL when out of memory.  An empty (or all-space) query matches everything. */
htx_query_pattern *htx_query_compile(const char *query);
void htx_query_free(htx_query_pattern *p);

/* The plain fold of the query ("" for an empty query). */
const char *htx_query_plain(const htx_query_pattern *p);

/* The pieces of the query's plain fold that every text it matches holds in
 * its plain fold, in this order, with anything between: its words (dashes
 * are spaces), a dd cut after its first d, which may be đ ("ddong-anh" →
 * "d", "ong", "anh").  For the SQL prefilter.  Owned by p. */
const char *const *htx_query_plain_parts(const htx_query_pattern *p, size_t *count);

/* True when the query occurs in text (a search text or any raw text: any
 * normalisation form, case or tone placement).  Allocates nothing for texts
 * of up to 160 characters, so it can run on every row of a table. */
bool htx_query_matches(const htx_query_pattern *p, const char *text);

#endif
