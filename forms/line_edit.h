/*
 * A one-field text editor that is UTF-8 correct: the cursor moves by
 * character (a base letter with its combining marks), display columns are
 * counted with core's width rules, and long values scroll horizontally.
 * Pasted text is normalised to NFC and control characters are refused.
 * No terminal here: the form view draws what line_edit_view() returns.
 */
#ifndef HTX_FORMS_LINE_EDIT_H
#define HTX_FORMS_LINE_EDIT_H

#include <stdbool.h>
#include <stddef.h>

typedef struct line_edit {
    char *text;        /* NUL-terminated UTF-8, NFC after every edit */
    size_t length;     /* bytes */
    size_t capacity;
    size_t cursor;     /* byte offset, always on a character boundary */
    size_t scroll;     /* byte offset of the first character shown */
    size_t max_chars;  /* 0: no limit */
    bool multiline;    /* notes: Ctrl-J inserts "\n" */
    bool changed;      /* edited since line_edit_set */
    /* The whole value is selected (a field just entered, as in a
     * spreadsheet): typing replaces it, Backspace or Delete clears it, a
     * movement key keeps it and puts the cursor there. */
    bool selected;
} line_edit;

void line_edit_init(line_edit *e, size_t max_chars, bool multiline);
void line_edit_free(line_edit *e);

/* Replaces the whole value (cursor at the end, NFC, changed cleared): what
 * a record holds, so no limit applies; a byte that is not UTF-8 becomes
 * U+FFFD.  False when out of memory. */
bool line_edit_set(line_edit *e, const char *text);

/* Inserts typed or pasted text at the cursor.  Invalid UTF-8 or control
 * characters (other than "\n" in a multi-line field) refuse the whole
 * insertion; so does going over max_chars.  Returns false when refused. */
bool line_edit_insert(line_edit *e, const char *text);

void line_edit_backspace(line_edit *e);   /* the character before the cursor */
void line_edit_delete(line_edit *e);      /* the character under the cursor */
void line_edit_left(line_edit *e);
void line_edit_right(line_edit *e);
void line_edit_home(line_edit *e);        /* also Ctrl-A */
void line_edit_end(line_edit *e);         /* also Ctrl-E */
void line_edit_kill_before(line_edit *e); /* Ctrl-U */
void line_edit_kill_after(line_edit *e);  /* Ctrl-K */
void line_edit_kill_word(line_edit *e);   /* Ctrl-W: the word before the cursor */

/* Selects the whole value (nothing when it is empty), cursor at its end. */
void line_edit_select_all(line_edit *e);
/* Removes the value if it is selected (typing is about to replace it);
 * true when it did. */
bool line_edit_take_selection(line_edit *e);

/* Number of characters (not bytes). */
size_t line_edit_chars(const line_edit *e);

/*
 * What to show in a box of width columns: adjusts e->scroll so the cursor is
 * visible, writes the visible part (never a cut character; "\n" shown as
 * "↵") into out, and the cursor's column within it into *cursor_col.
 */
void line_edit_view(line_edit *e, int width, char *out, size_t size, int *cursor_col);

/* The start (byte offset) of the word that ends at the cursor: letters and
 * their marks back to the last non-letter.  For the Vietnamese typing engine. */
size_t line_edit_word_start(const line_edit *e);

/* Replaces bytes [from, cursor) with text and puts the cursor after it (the
 * typing engine rewrites the word being typed).  False when out of memory,
 * or refused as line_edit_insert refuses. */
bool line_edit_replace_before_cursor(line_edit *e, size_t from, const char *text);

#endif
