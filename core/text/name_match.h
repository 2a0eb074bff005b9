/*
 * How a name typed by a person finds a name in a list: the one rule every
 * list of htx follows, on the command line and on the screens (districts,
 * sectors, clubs, statuses, roles, and the commands themselves).
 *
 * Both sides are compared by their words (htx_fold_words: no case, no
 * marks, any punctuation), so "thuong mai", "THƯƠNG MẠI" and "Thương mại"
 * are one text.  What was typed then fits a name
 *   - wholly: the two are the same words;
 *   - at its start: the name begins with it ("thuong mai" → "Thương mại –
 *     Dịch vụ", "thanh t" → "Thanh Trì");
 *   - inside: a later word of the name begins with it ("tieu thu cong
 *     nghiep" → "Công nghiệp – Tiểu thủ công nghiệp").
 * The best fit found in a list wins, as in a printed index: a name that
 * begins with the text before one that holds it further in.
 *
 * When nothing fits, the names a few slips away from the text (a letter
 * left out, one too many, two swapped: "lsit" for "list") are the ones to
 * suggest.
 */
#ifndef HTX_NAME_MATCH_H
#define HTX_NAME_MATCH_H

#include <stdbool.h>
#include <stddef.h>

typedef enum htx_name_fit {
    HTX_FIT_NONE = 0,
    HTX_FIT_INSIDE,
    HTX_FIT_START,
    HTX_FIT_WHOLE,
} htx_name_fit;

/* How the folded text fits the folded name (both from htx_fold_words); an
 * empty text fits nothing. */
htx_name_fit htx_name_fit_folded(const char *folded_typed, const char *folded_name);

/* The fewest single-character edits (insert, delete, replace, swap two
 * neighbours) that turn a into b, counted in characters, not bytes. */
size_t htx_edit_distance(const char *a, const char *b);

/* How far the folded text is from the folded name: from the whole name, or
 * from a run of as many of its words as were typed ("dich vj" is one edit
 * from "… dich vu"). */
size_t htx_name_distance(const char *folded_typed, const char *folded_name);

/* Whether a name that far from the folded text is close enough to suggest:
 * one slip in a short text, more in a longer one. */
bool htx_name_is_close(const char *folded_typed, size_t distance);

#endif
