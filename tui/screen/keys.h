/*
 * Keys, the actions they stand for, and each screen's keymap.
 *
 * The terminal layer turns input into tui_key values.  One table
 * (actions.def, as tig's request table) gives every action its keys, its
 * label in the function bar and its line on the help screen.  A screen
 * offers some of those actions through its keymap; the manager looks a key
 * up in the keymap of the screen on top, draws that screen's function bar
 * from it, and the help screen lists it, so the bar, the help and what the
 * keys do can never disagree.
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
    TK_CTRL_A, TK_CTRL_E, TK_CTRL_K, TK_CTRL_O, TK_CTRL_S, TK_CTRL_T, TK_CTRL_U, TK_CTRL_W, TK_CTRL_X,
    TK_PASTE_START, TK_PASTE_END, /* bracketed paste: the keys between are pasted text */
};

typedef enum tui_action {
    ACT_NONE = 0,
#define ACTION(id, bar, help, ...) id,
#include "actions.def"
#undef ACTION
    ACT_COUNT
} tui_action;

#define TUI_MAX_KEYS 6 /* keys of one action */

/* A row of the table. */
typedef struct tui_binding {
    ui_id bar;               /* label in the function bar; UI_NONE: not in the bar */
    ui_id help;              /* the line of the help screen */
    int keys[TUI_MAX_KEYS];  /* the first is shown in the bar; 0 after the last */
} tui_binding;

const tui_binding *tui_binding_of(tui_action action);

/*
 * What one screen offers.  Each list ends with ACT_NONE; NULL is an empty
 * list.  Global actions are carried out above the screens (the manager's
 * global_action); the screen's own ones by its handle function.
 */
typedef struct tui_keymap {
    const tui_action *actions;  /* the screen's own */
    const tui_action *globals;  /* global actions that reach it by all their keys */
    /* Global actions that reach it only by keys that cannot be typed (F1,
     * F10): here the letters of their other keys mean something else. */
    const tui_action *globals_by_special_keys;
    /* Typed characters are text on this screen: no action answers to a key
     * that can be typed. */
    bool typing;
} tui_keymap;

/* true for a key that types a character (letters, digits, '/', space). */
bool tui_key_is_typed(int key);

/* An action as one screen offers it: with the keys that reach it there. */
typedef struct tui_offer {
    tui_action action;
    int keys[TUI_MAX_KEYS]; /* 0 after the last */
    bool global;
} tui_offer;

#define TUI_MAX_OFFERS 48

/*
 * The actions keymap offers, in the order of the bar and the help: those
 * with a function key first, by its number, then the others in the table's
 * order.  An action no key reaches on this screen is left out.  Returns the
 * count (at most max).
 */
int tui_keymap_offers(const tui_keymap *keymap, tui_offer *out, int max);

/*
 * The action of key on a screen with keymap: the screen's own actions
 * first, then the global ones; ACT_NONE when the key has none there (text,
 * an editing key, or nothing).  *global (may be NULL) tells which.
 */
tui_action tui_keymap_action(const tui_keymap *keymap, int key, bool *global);

/* "F1", "Enter", "Ctrl-S", "/", "q" … for the help and the bar. */
void tui_key_name(int key, char *out, int size);

#endif
