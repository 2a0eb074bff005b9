#include "name_match.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

htx_name_fit htx_name_fit_folded(const char *folded_typed, const char *folded_name)
{
    if (!folded_typed || !folded_name || !folded_typed[0])
        return HTX_FIT_NONE;
    if (strcmp(folded_typed, folded_name) == 0)
        return HTX_FIT_WHOLE;
    size_t n = strlen(folded_typed);
    if (strncmp(folded_name, folded_typed, n) == 0)
        return HTX_FIT_START;
    for (const char *space = strchr(folded_name, ' '); space; space = strchr(space + 1, ' '))
        if (strncmp(space + 1, folded_typed, n) == 0)
            return HTX_FIT_INSIDE;
    return HTX_FIT_NONE;
}

/* The code points of text, at most max of them; returns how many. */
static size_t code_points(const char *text, int32_t *out, size_t max)
{
    size_t n = 0;
    int32_t cp;
    int len;
    while (n < max && (len = htx_utf8_decode(text, &cp)) > 0) {
        out[n++] = cp;
        text += len;
    }
    return n;
}

static size_t smallest(size_t a, size_t b, size_t c)
{
    size_t m = a < b ? a : b;
    return m < c ? m : c;
}

/* Names and commands are short: beyond this many characters a text is no
 * name anyone mistyped, and only its beginning is compared. */
enum { COMPARED_CHARS = 128 };

size_t htx_edit_distance(const char *a, const char *b)
{
    int32_t x[COMPARED_CHARS], y[COMPARED_CHARS];
    size_t m = code_points(a ? a : "", x, COMPARED_CHARS);
    size_t n = code_points(b ? b : "", y, COMPARED_CHARS);
    /* Three rows of the table: a swap looks two rows back. */
    size_t rows[3][COMPARED_CHARS + 1];
    size_t *before_last = rows[0], *last = rows[1], *row = rows[2];
    for (size_t j = 0; j <= n; j++)
        last[j] = j;
    for (size_t i = 1; i <= m; i++) {
        row[0] = i;
        for (size_t j = 1; j <= n; j++) {
            size_t replace = last[j - 1] + (x[i - 1] != y[j - 1]);
            row[j] = smallest(last[j] + 1, row[j - 1] + 1, replace);
            if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1] &&
                before_last[j - 2] + 1 < row[j])
                row[j] = before_last[j - 2] + 1;
        }
        size_t *oldest = before_last;
        before_last = last;
        last = row;
        row = oldest;
    }
    return last[n];
}

static size_t word_count(const char *folded)
{
    size_t words = folded[0] ? 1 : 0;
    for (const char *p = folded; *p; p++)
        words += *p == ' ';
    return words;
}

size_t htx_name_distance(const char *folded_typed, const char *folded_name)
{
    size_t best = htx_edit_distance(folded_typed, folded_name);
    size_t words = word_count(folded_typed);
    if (words == 0)
        return best;
    /* Every run of as many words as were typed, from each word on. */
    for (const char *start = folded_name; start;) {
        const char *end = start;
        for (size_t w = 0; end && w < words; w++) {
            end = strchr(end, ' ');
            if (end && w + 1 < words)
                end++;
        }
        size_t length = end ? (size_t)(end - start) : strlen(start);
        char *run = strndup(start, length);
        if (run) {
            size_t d = htx_edit_distance(folded_typed, run);
            if (d < best)
                best = d;
            free(run);
        }
        start = strchr(start, ' ');
        if (start)
            start++;
    }
    return best;
}

bool htx_name_is_close(const char *folded_typed, size_t distance)
{
    size_t length = htx_utf8_length(folded_typed ? folded_typed : "");
    /* Two letters say too little to guess from. */
    size_t allowed = length <= 2 ? 0 : length <= 4 ? 1 : length <= 8 ? 2 : 3;
    return distance <= allowed;
}
