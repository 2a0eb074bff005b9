/*
 * The keys every one-line entry field of a dialog understands (print,
 * membership, import): cursor movement, deletion, Ctrl-A/E/U/K/W as in a
 * shell, and typed characters.  Forms have their own richer set (forms/).
 */
#ifndef HTX_TUI_EDIT_KEYS_H
#define HTX_TUI_EDIT_KEYS_H

#include <stdbool.h>

#include "line_edit.h"

/* Applies key to e; false when key is none of those keys (the caller may
 * give it another meaning).  A control character is taken and ignored. */
bool tui_edit_key(line_edit *e, int key);

#endif
