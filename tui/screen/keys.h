/*
 * Keys and named actions.
 *
 * The terminal layer turns input into tui_key values; one table maps keys to
 * named actions (as tig does), and the same table yields the function-key
 * bar and the help screen, so they can never disagree with what keys do.
 */
#ifndef HTX_TUI_KEYS_H
#define HTX_TUI_KEYS_H

#include <stdbool.h>
#include <stdint.h>

#include "messages.h"
#include "ui_text.h"

/* Special keys; printable characters are their code points (< 0x110000). */
enum {
    TK_NONE = 0,
    TK_SPECIAL = 0x200000,
    TK_UP, TK_DOWN, TK_LEFT, TK_RIGHT,
    TK_PAGE_UP, TK_PAGE_DOWN, TK_HOME, TK_END,
    TK_ENTER, TK_ESCAPE, TK_BACKSPACE, TK_DELETE, TK_TAB, TK_BACK_TAB,
    TK_F1, TK_F2, TK_F3, TK_F4, TK_F5, TK_F6, TK_F7, TK_F8, TK_F9, TK_F10,
    TK_CTRL_A, TK_CTRL_E, TK_CTRL_K, TK_CTRL_O, TK_CTRL_S, TK_CTRL_T, TK_CTRL_U, TK_CTRL_W,
    TK_PASTE_START, TK_PASTE_END, /* bracketed paste: the keys between are pasted text */
};

typedef enum tui_action {
    ACT_NONE = 0,
    ACT_HELP,
    ACT_SEARCH,
    ACT_FILTER,
    ACT_SORT,
    ACT_CLUBS,
    ACT_STATS,
    ACT_QUIT,
    ACT_ADD,
    ACT_EDIT,
    ACT_JOIN_CLUB,
    ACT_LEAVE_CLUB,
    ACT_UP,
    ACT_DOWN,
    ACT_PAGE_UP,
    ACT_PAGE_DOWN,
    ACT_HOME,
    ACT_END,
    ACT_SWITCH_PANEL,
    ACT_OPEN,
    ACT_BACK,
    ACT_PRINT,
    ACT_IMPORT,
    ACT_COUNT
} tui_action;

typedef struct tui_binding {
    tui_action action;
    int fkey;    /* TK_F1 … TK_F10, or 0 */
    int key;     /* the letter (or other) key doing the same, or 0 */
    int key2;    /* a second key, or 0 */
    ui_id bar;   /* label in the function bar; UI_NONE: not in the bar */
    ui_id help;  /* the line of the help screen */
} tui_binding;

extern const tui_binding tui_bindings[];

/* The action of a key in the general table; ACT_NONE if none. */
tui_action tui_action_for_key(int key);

/* The binding of an action (for labels). */
const tui_binding *tui_binding_of(tui_action action);

/* "F1", "Enter", "/", "q" … for help and the bar. */
void tui_key_name(int key, char *out, int size);

#endif
