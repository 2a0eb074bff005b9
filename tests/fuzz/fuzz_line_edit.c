/*
 * The line editor (line_edit.h) under random key sequences.
 *
 * The first byte chooses the field (a limit of characters, one or several
 * lines); each following byte is a key or an action, some taking the bytes
 * after them as typed or pasted text: insert, backspace, delete, arrows,
 * Home/End, Ctrl-U/K/W, set a whole value, the typing engine's rewrite of
 * the word before the cursor, and drawing into a box.
 *
 * Properties after every step: the text is valid UTF-8 in NFC, as long as
 * its length says; the cursor is within it, on a character boundary (never
 * between a letter and its marks); what was typed (not set) holds no control
 * character other than "\n" in a notes field; an accepted edit never takes
 * the field over its limit; the word start is at or before the cursor; the
 * view fits its box and its buffer and puts the cursor inside the box.
 */
#include "fuzz_support.h"

#include "display.h"
#include "line_edit.h"

/* Pieces people type: Vietnamese letters precomposed and decomposed, marks
 * alone, a wide character, spaces, line breaks, a control, a bad byte. */
static const char *const pieces[] = {
    "a", "ă", "â", "đ", "Đ", "ệ", "ợ", "Ư", "x", " ", "\xC2\xA0", "\n", "\t", "\r", "\x1B",
    "\xCC\x81",          /* U+0301 combining acute */
    "\xCC\xA3",          /* U+0323 combining dot below */
    "\xCC\x82\xCC\x81",  /* circumflex then acute */
    "e\xCC\x82\xCC\xA3", /* ệ decomposed */
    "中",                /* two columns */
    "\xE2\x80\x8B",      /* zero width space */
    "\xFF",              /* not UTF-8 */
    "Hợp tác xã",        "\xE2\x90\x8A", "\xC2\x85", "",
};
#define PIECE_COUNT (sizeof pieces / sizeof pieces[0])

typedef struct cursor {
    const uint8_t *data;
    size_t size, pos;
} cursor;

static uint8_t next_byte(cursor *c)
{
    return c->pos < c->size ? c->data[c->pos++] : 0;
}

/* Up to 15 bytes of the input as text (NUL-terminated in buf). */
static const char *next_text(cursor *c, char buf[16])
{
    size_t n = next_byte(c) % 16;
    if (n > c->size - c->pos)
        n = c->size - c->pos;
    memcpy(buf, c->data + c->pos, n);
    buf[n] = '\0';
    c->pos += n;
    return buf;
}

static bool is_mark(int32_t cp)
{
    utf8proc_category_t cat = utf8proc_category(cp);
    return cat == UTF8PROC_CATEGORY_MN || cat == UTF8PROC_CATEGORY_MC ||
           cat == UTF8PROC_CATEGORY_ME;
}

/* A boundary between characters: the start, the end, or a code point that
 * is not a mark. */
static bool on_boundary(const line_edit *e, size_t pos)
{
    if (pos == 0 || pos == e->length)
        return true;
    if (pos > e->length)
        return false;
    int32_t cp;
    int n = fuzz_utf8_seq((const unsigned char *)e->text + pos, e->length - pos, &cp);
    if (n == 0)
        return false; /* inside a code point */
    return !is_mark(cp);
}

static size_t my_chars(const line_edit *e)
{
    size_t n = 0;
    for (size_t i = 0; i < e->length;) {
        int32_t cp;
        int k = fuzz_utf8_seq((const unsigned char *)e->text + i, e->length - i, &cp);
        FUZZ_CHECK(k > 0);
        if (i == 0 || !is_mark(cp))
            n++;
        i += (size_t)k;
    }
    return n;
}

static void check_state(const line_edit *e, bool typed_only)
{
    if (!e->text) {
        FUZZ_CHECK(e->length == 0 && e->cursor == 0);
        return;
    }
    FUZZ_CHECK(strlen(e->text) == e->length);
    FUZZ_CHECK(e->length < e->capacity);
    FUZZ_CHECK(fuzz_utf8_valid(e->text, e->length));
    FUZZ_CHECK(fuzz_is_nfc(e->text));
    FUZZ_CHECK(e->cursor <= e->length);
    FUZZ_CHECK(on_boundary(e, e->cursor));
    FUZZ_CHECK(line_edit_chars(e) == my_chars(e));
    if (typed_only) {
        for (size_t i = 0; i < e->length;) {
            int32_t cp;
            int k = fuzz_utf8_seq((const unsigned char *)e->text + i, e->length - i, &cp);
            bool control = cp < 0x20 || (cp >= 0x7F && cp < 0xA0);
            FUZZ_CHECK(!control || (e->multiline && cp == '\n'));
            i += (size_t)k;
        }
    }
    size_t start = line_edit_word_start(e);
    FUZZ_CHECK(start <= e->cursor && on_boundary(e, start));
}

static void check_view(line_edit *e, int width, size_t size)
{
    char out[1024];
    int col = -1;
    memset(out, 'X', sizeof out);
    line_edit_view(e, width, out, size, &col);
    if (size == 0)
        return;
    FUZZ_CHECK(memchr(out, 0, size) != NULL);
    FUZZ_CHECK(fuzz_str_valid(out));
    if (width <= 0) {
        FUZZ_CHECK(out[0] == '\0' && col == 0);
        return;
    }
    if (htx_text_width(out) > (size_t)width || col < 0 || col >= width) {
        fprintf(stderr, "fuzz: text \"%s\" (cursor %zu, scroll %zu) in %d columns shows \"%s\", "
                        "cursor in column %d\n",
                e->text ? e->text : "", e->cursor, e->scroll, width, out, col);
        FUZZ_CHECK(htx_text_width(out) <= (size_t)width);
        FUZZ_CHECK(col >= 0 && col < width);
    }
    FUZZ_CHECK(e->scroll <= e->cursor && on_boundary(e, e->scroll));
}

/* An edit that was accepted never goes over the limit, unless the field was
 * already over it (a value set from a record) and does not grow. */
static void check_limit(const line_edit *e, bool accepted, size_t chars_before)
{
    size_t chars = line_edit_chars(e);
    if (accepted && e->max_chars > 0 && chars > chars_before)
        FUZZ_CHECK(chars <= e->max_chars);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0 || size > 2048)
        return 0;
    cursor c = {data, size, 0};
    uint8_t field = next_byte(&c);
    static const size_t limits[] = {0, 1, 3, 10, 100};
    line_edit e;
    line_edit_init(&e, limits[field % 5], (field & 0x08) != 0);
    bool typed_only = true;
    char buf[16];

    while (c.pos < c.size) {
        uint8_t op = next_byte(&c);
        size_t before = line_edit_chars(&e);
        bool accepted;
        switch (op % 16) {
        case 0:
            accepted = line_edit_insert(&e, next_text(&c, buf));
            check_limit(&e, accepted, before);
            break;
        case 1:
            accepted = line_edit_insert(&e, pieces[next_byte(&c) % PIECE_COUNT]);
            check_limit(&e, accepted, before);
            break;
        case 2: line_edit_backspace(&e); break;
        case 3: line_edit_delete(&e); break;
        case 4: line_edit_left(&e); break;
        case 5: line_edit_right(&e); break;
        case 6: line_edit_home(&e); break;
        case 7: line_edit_end(&e); break;
        case 8: line_edit_kill_before(&e); break;
        case 9: line_edit_kill_after(&e); break;
        case 10: line_edit_kill_word(&e); break;
        case 11:
            FUZZ_CHECK(line_edit_set(&e, next_text(&c, buf)));
            FUZZ_CHECK(!e.changed && e.cursor == e.length);
            typed_only = false;
            break;
        case 12: {
            /* The typing engine rewrites the word before the cursor. */
            size_t from = line_edit_word_start(&e);
            accepted = line_edit_replace_before_cursor(&e, from, next_text(&c, buf));
            check_limit(&e, accepted, before);
            break;
        }
        case 13: {
            size_t from = next_byte(&c) % (e.length + 2); /* any offset, even a bad one */
            accepted = line_edit_replace_before_cursor(&e, from, pieces[next_byte(&c) % PIECE_COUNT]);
            check_limit(&e, accepted, before);
            break;
        }
        case 14: {
            int width = (int)(next_byte(&c) % 90) - 3;
            check_view(&e, width, sizeof buf + 1008);
            break;
        }
        case 15: {
            int width = (int)(next_byte(&c) % 30) + 1;
            check_view(&e, width, next_byte(&c) % 24);
            break;
        }
        }
        check_state(&e, typed_only);
    }
    line_edit_free(&e);
    return 0;
}
