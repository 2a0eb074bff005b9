#include "line_edit.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "display.h"
#include "text.h"

/* ---- characters ---------------------------------------------------------- */

/* The code point at s (0 at the end of the text). */
static int32_t cp_at(const char *s)
{
    int32_t cp;
    htx_utf8_decode(s, &cp);
    return cp;
}

/* The end of the character starting at pos: its base and every mark after
 * it, so a cursor never lands between a letter and its tone. */
static size_t next_char(const char *text, size_t length, size_t pos)
{
    if (pos >= length)
        return length;
    int32_t cp;
    pos += (size_t)htx_utf8_decode(text + pos, &cp);
    while (pos < length) {
        int n = htx_utf8_decode(text + pos, &cp);
        if (!htx_cp_is_mark(cp))
            break;
        pos += (size_t)n;
    }
    return pos;
}

/* The start of the code point that ends at pos. */
static size_t prev_cp(const char *text, size_t pos)
{
    while (pos > 0) {
        pos--;
        if (((unsigned char)text[pos] & 0xC0) != 0x80)
            break;
    }
    return pos;
}

/* The start of the character that ends at pos: back over marks to their base
 * (a mark at the very start of the text stands alone). */
static size_t prev_char(const char *text, size_t pos)
{
    while (pos > 0) {
        pos = prev_cp(text, pos);
        if (!htx_cp_is_mark(cp_at(text + pos)))
            break;
    }
    return pos;
}

/* The character boundary at or before pos, found from the start because
 * after a normalisation an old offset may fall inside a character. */
static size_t boundary_before(const char *text, size_t length, size_t pos)
{
    size_t at = 0;
    while (at < length) {
        size_t next = next_char(text, length, at);
        if (next > pos)
            break;
        at = next;
    }
    return at;
}

static size_t count_chars(const char *text, size_t length)
{
    size_t n = 0;
    for (size_t at = 0; at < length; at = next_char(text, length, at))
        n++;
    return n;
}

static bool is_control(int32_t cp)
{
    return cp < 0x20 || (cp >= 0x7F && cp < 0xA0);
}

/* Typed text the field may take: valid UTF-8 without control characters,
 * "\n" excepted in a multi-line field. */
static bool acceptable(const char *text, bool multiline)
{
    size_t len = strlen(text);
    if (htx_utf8_invalid_at(text, len) >= 0)
        return false;
    int32_t cp;
    for (int n; (n = htx_utf8_decode(text, &cp)) > 0; text += n)
        if (is_control(cp) && !(multiline && cp == '\n'))
            return false;
    return true;
}

/* ---- storage --------------------------------------------------------------- */

void line_edit_init(line_edit *e, size_t max_chars, bool multiline)
{
    memset(e, 0, sizeof *e);
    e->max_chars = max_chars;
    e->multiline = multiline;
}

void line_edit_free(line_edit *e)
{
    free(e->text);
    e->text = NULL;
    e->length = e->capacity = e->cursor = e->scroll = 0;
}

/* Takes ownership of value (NFC, valid) as the new text. */
static void adopt(line_edit *e, char *value, size_t cursor)
{
    size_t length = strlen(value);
    bool differs = !e->text || e->length != length || memcmp(e->text, value, length) != 0;
    free(e->text);
    e->text = value;
    e->length = length;
    e->capacity = length + 1;
    e->cursor = boundary_before(value, length, cursor);
    if (e->scroll > e->cursor)
        e->scroll = e->cursor;
    e->scroll = boundary_before(value, length, e->scroll);
    if (differs)
        e->changed = true;
}

/* The text (so never NULL for the callers' string functions). */
static const char *text_of(const line_edit *e)
{
    return e->text ? e->text : "";
}

/* Copies text, replacing every invalid byte with U+FFFD, so a stored value
 * that is somehow broken still gives an editable field. */
static char *valid_copy(const char *text)
{
    size_t len = strlen(text);
    if (htx_utf8_invalid_at(text, len) < 0)
        return strdup(text);
    char *out = malloc(3 * len + 1); /* U+FFFD takes 3 bytes for 1 */
    if (!out)
        return NULL;
    size_t used = 0;
    int32_t cp;
    for (int n; (n = htx_utf8_decode(text, &cp)) > 0; text += n)
        used += (size_t)htx_utf8_encode(cp, out + used);
    out[used] = '\0';
    return out;
}

static bool splice(line_edit *e, size_t from, size_t to, const char *insert);

bool line_edit_set(line_edit *e, const char *text)
{
    char *valid = valid_copy(text ? text : "");
    char *nfc = valid ? htx_text_nfc(valid) : NULL;
    free(valid);
    if (!nfc)
        return false;
    free(e->text);
    e->text = NULL;
    adopt(e, nfc, strlen(nfc));
    e->scroll = 0;
    e->changed = false;
    e->selected = false;
    return true;
}

void line_edit_select_all(line_edit *e)
{
    e->selected = e->length > 0;
    e->cursor = e->length;
}

bool line_edit_take_selection(line_edit *e)
{
    if (!e->selected)
        return false;
    e->selected = false;
    return splice(e, 0, e->length, "");
}

/* A movement key ends the selection and moves as it would have. */
static void deselect(line_edit *e)
{
    e->selected = false;
}

/* Where the cursor goes after the edit: right after the inserted text in the
 * normalised whole.  NFC may fold the inserted mark into the letter before
 * it, so the normalised prefix is measured rather than the bytes inserted. */
static size_t cursor_after(const char *whole, const char *prefix, const char *after)
{
    size_t prefix_len = strlen(prefix), whole_len = strlen(whole), after_len = strlen(after);
    if (strncmp(whole, prefix, prefix_len) == 0)
        return prefix_len;
    /* The text after the cursor composed with what was inserted (rare
     * outside Vietnamese): keep the cursor before the unchanged tail. */
    if (whole_len >= after_len && strcmp(whole + whole_len - after_len, after) == 0)
        return whole_len - after_len;
    return whole_len;
}

/*
 * Replaces bytes [from, to) with insert (already checked), normalises the
 * whole and puts the cursor after the inserted text.  Refused (false) when
 * out of memory or when the result would have more characters than allowed
 * and more than before (a field loaded over the limit can still be edited).
 */
static bool splice(line_edit *e, size_t from, size_t to, const char *insert)
{
    const char *text = text_of(e);
    size_t insert_len = strlen(insert), after_len = e->length - to;
    char *prefix = malloc(from + insert_len + 1);
    char *whole = malloc(from + insert_len + after_len + 1);
    if (!prefix || !whole) {
        free(prefix);
        free(whole);
        return false;
    }
    memcpy(prefix, text, from);
    memcpy(prefix + from, insert, insert_len);
    prefix[from + insert_len] = '\0';
    memcpy(whole, prefix, from + insert_len);
    memcpy(whole + from + insert_len, text + to, after_len + 1);

    char *nfc_prefix = htx_text_nfc(prefix);
    char *nfc_whole = htx_text_nfc(whole);
    bool ok = nfc_prefix && nfc_whole;
    if (ok && e->max_chars > 0) {
        size_t chars = count_chars(nfc_whole, strlen(nfc_whole));
        ok = chars <= e->max_chars || chars <= count_chars(text, e->length);
    }
    if (ok) {
        size_t cursor = cursor_after(nfc_whole, nfc_prefix, text + to);
        adopt(e, nfc_whole, cursor);
        nfc_whole = NULL;
    }
    free(prefix);
    free(whole);
    free(nfc_prefix);
    free(nfc_whole);
    return ok;
}

/* ---- editing ---------------------------------------------------------------- */

bool line_edit_insert(line_edit *e, const char *text)
{
    if (!text || !acceptable(text, e->multiline))
        return false;
    if (!text[0])
        return true;
    if (e->selected) {
        e->selected = false;
        return splice(e, 0, e->length, text);
    }
    return splice(e, e->cursor, e->cursor, text);
}

bool line_edit_replace_before_cursor(line_edit *e, size_t from, const char *text)
{
    if (!text || from > e->cursor || !acceptable(text, e->multiline))
        return false;
    return splice(e, boundary_before(text_of(e), e->length, from), e->cursor, text);
}

void line_edit_backspace(line_edit *e)
{
    if (line_edit_take_selection(e))
        return;
    if (e->cursor > 0)
        splice(e, prev_char(text_of(e), e->cursor), e->cursor, "");
}

void line_edit_delete(line_edit *e)
{
    if (line_edit_take_selection(e))
        return;
    if (e->cursor < e->length)
        splice(e, e->cursor, next_char(text_of(e), e->length, e->cursor), "");
}

void line_edit_left(line_edit *e)
{
    deselect(e);
    e->cursor = prev_char(text_of(e), e->cursor);
}

void line_edit_right(line_edit *e)
{
    deselect(e);
    e->cursor = next_char(text_of(e), e->length, e->cursor);
}

void line_edit_home(line_edit *e)
{
    deselect(e);
    e->cursor = 0;
}

void line_edit_end(line_edit *e)
{
    deselect(e);
    e->cursor = e->length;
}

void line_edit_kill_before(line_edit *e)
{
    if (line_edit_take_selection(e))
        return;
    if (e->cursor > 0)
        splice(e, 0, e->cursor, "");
}

void line_edit_kill_after(line_edit *e)
{
    if (line_edit_take_selection(e))
        return;
    if (e->cursor < e->length)
        splice(e, e->cursor, e->length, "");
}

/* As in a shell: the spaces before the cursor, then back to the previous
 * space, so "Hợp tác xã |" loses "xã ". */
void line_edit_kill_word(line_edit *e)
{
    if (line_edit_take_selection(e))
        return;
    const char *text = text_of(e);
    size_t from = e->cursor;
    while (from > 0) {
        size_t before = prev_char(text, from);
        if (!htx_cp_is_space(cp_at(text + before)))
            break;
        from = before;
    }
    while (from > 0) {
        size_t before = prev_char(text, from);
        if (htx_cp_is_space(cp_at(text + before)))
            break;
        from = before;
    }
    if (from < e->cursor)
        splice(e, from, e->cursor, "");
}

size_t line_edit_chars(const line_edit *e)
{
    return count_chars(text_of(e), e->length);
}

size_t line_edit_word_start(const line_edit *e)
{
    const char *text = text_of(e);
    size_t start = e->cursor;
    while (start > 0) {
        size_t before = prev_char(text, start);
        if (!htx_cp_is_letter(cp_at(text + before)))
            break;
        start = before;
    }
    return start;
}

/* ---- view -------------------------------------------------------------------- */

/* Columns of the characters in [from, to). */
static size_t columns(const char *text, size_t from, size_t to)
{
    size_t cols = 0;
    int32_t cp;
    for (size_t at = from; at < to;) {
        int n = htx_utf8_decode(text + at, &cp);
        if (n == 0)
            break;
        cols += (size_t)htx_cp_width(cp);
        at += (size_t)n;
    }
    return cols;
}

/* Columns the cursor needs where it stands: the character under it, or one
 * cell past the end. */
static size_t cursor_cell(const line_edit *e)
{
    const char *text = text_of(e);
    if (e->cursor >= e->length)
        return 1;
    size_t cols = columns(text, e->cursor, next_char(text, e->length, e->cursor));
    return cols ? cols : 1;
}

/* Scrolls so that the cursor's cell is inside width columns, and as much
 * text as fits is shown (after a deletion the start comes back into view). */
static void scroll_to_cursor(line_edit *e, size_t width)
{
    const char *text = text_of(e);
    e->scroll = boundary_before(text, e->length, e->scroll);
    if (e->scroll > e->cursor)
        e->scroll = e->cursor;
    size_t cell = cursor_cell(e);
    size_t shown = columns(text, e->scroll, e->cursor);
    while (e->scroll < e->cursor && shown + cell > width) {
        size_t next = next_char(text, e->length, e->scroll);
        shown -= columns(text, e->scroll, next);
        e->scroll = next;
    }

    /* Back to the left only while everything from there to the end fits,
     * and the cursor's cell with it: on a character of no width (a zero
     * width space) the cursor still takes a column the text does not. */
    size_t rest = columns(text, e->scroll, e->length) + (e->cursor >= e->length ? 1 : 0);
    shown = columns(text, e->scroll, e->cursor);
    while (e->scroll > 0) {
        size_t before = prev_char(text, e->scroll);
        size_t w = columns(text, before, e->scroll);
        if (rest + w > width || shown + w + cell > width)
            break;
        rest += w;
        shown += w;
        e->scroll = before;
    }
}

/* What a character shows as: controls get a visible stand-in, as stored
 * notes may hold line breaks and an old record anything. */
static const char *stand_in(int32_t cp, char buf[4], int *len)
{
    static const char newline[] = "\xE2\x86\xB5"; /* ↵ */
    static const char del[] = "\xE2\x90\xA1";     /* ␡ */
    static const char other[] = "\xEF\xBF\xBD";   /* � */
    if (cp == '\n') {
        *len = 3;
        return newline;
    }
    if (cp < 0x20) {
        *len = htx_utf8_encode(0x2400 + cp, buf);
        return buf;
    }
    *len = 3;
    return cp == 0x7F ? del : other;
}

void line_edit_view(line_edit *e, int width, char *out, size_t size, int *cursor_col)
{
    if (cursor_col)
        *cursor_col = 0;
    if (size > 0)
        out[0] = '\0';
    if (width <= 0 || size == 0)
        return;
    scroll_to_cursor(e, (size_t)width);
    const char *text = text_of(e);
    if (cursor_col)
        *cursor_col = (int)columns(text, e->scroll, e->cursor);

    size_t used = 0, cols = 0;
    for (size_t at = e->scroll; at < e->length;) {
        size_t end = next_char(text, e->length, at);
        size_t w = columns(text, at, end);
        if (cols + w > (size_t)width)
            break;
        /* The whole character (base and marks) or nothing of it. */
        char piece[64];
        size_t piece_len = 0;
        bool fits = true;
        int32_t cp;
        for (size_t p = at; p < end && fits;) {
            int n = htx_utf8_decode(text + p, &cp);
            char buf[4];
            int len = n;
            const char *bytes = is_control(cp) ? stand_in(cp, buf, &len) : text + p;
            if (piece_len + (size_t)len > sizeof piece)
                fits = false; /* an absurd pile of marks: show the base alone */
            else {
                memcpy(piece + piece_len, bytes, (size_t)len);
                piece_len += (size_t)len;
            }
            p += (size_t)n;
        }
        if (used + piece_len + 1 > size)
            break;
        memcpy(out + used, piece, piece_len);
        used += piece_len;
        cols += w;
        at = end;
    }
    out[used] = '\0';
}
