/*
 * What is typed into a list to find something (a search, the district a
 * worker is looking for, a pick list's filter): a short UTF-8 text edited
 * by keys, and the rule that says which entry of a list it finds.
 */
#ifndef HTX_TUI_TYPED_TEXT_H
#define HTX_TUI_TYPED_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "messages.h"

/* Applies key to text (size bytes): a typed character is added, Backspace
 * removes the last character (not byte), Ctrl-U clears.  Returns false
 * when the key is none of these or changes nothing (Backspace on an empty
 * text), so the caller can give it its other meaning. */
bool typed_text_key(char *text, size_t size, int key);

/* The label of entry i of a list, for typed_text_find. */
typedef const char *(*typed_text_label_fn)(int i, void *ctx);

/*
 * The entry that typed finds among count entries by the rule every list
 * follows (name_match.h), marks and case optional: the first whose name
 * begins with it ("thanh t" → Thanh Trì), else the first with a word that
 * begins with it ("tri" → Thanh Trì), -1 when none.  A list on screen
 * moves to the first of several, where the command line asks which.
 */
int typed_text_find(const char *typed, int count, typed_text_label_fn label, void *ctx);

/* Finding an entry of a list by typing its name: what was typed, and
 * whether it found nothing (the cursor then stays where it was). */
typedef struct typed_find {
    char text[64];
    bool not_found;
} typed_find;

/* A key while the list has the focus: a typed character (a leading space
 * is not), Backspace or Ctrl-U while something is typed, Esc (which stops
 * finding).  Returns false when the key is none of these; else *found is
 * the entry found, or -1 when there is none (nothing typed, or no match). */
bool typed_find_key(typed_find *f, int key, int count, typed_text_label_fn label, void *ctx, int *found);
void typed_find_stop(typed_find *f);
/* For the status line: "Tìm: nong▏", with "(không thấy)" after a text that
 * finds nothing. */
void typed_find_describe(const typed_find *f, htx_lang lang, char *out, size_t size);
bool typed_find_active(const typed_find *f);

#endif
