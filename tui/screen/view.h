/*
 * Views and the screen manager.
 *
 * A view is an object with a table of operations (htop's Panel, tig's
 * view_ops): it draws its body on a canvas, declares the actions it offers
 * (its keymap) and handles events, returning flags.  The screen manager
 * keeps a stack of views in one event loop — popups are views too, never
 * nested loops — turns each key into the action it has on the top view,
 * and draws the title line, the status line and the top view's function
 * bar around it.  The manager knows no view by name: it reaches them only
 * through their ops, and hands the global actions (help, clubs, quit …) to
 * the module above the views that carries them out (global_action).
 *
 * Nothing here calls curses: the loop reads events from and presents the
 * canvas through term.h, and tests drive app_dispatch()/app_render()
 * directly.
 */
#ifndef HTX_TUI_VIEW_H
#define HTX_TUI_VIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "canvas.h"
#include "keys.h"
#include "printers.h"
#include "store.h"

typedef enum tui_event_type { EV_KEY, EV_MOUSE, EV_RESIZE, EV_TICK } tui_event_type;

typedef enum tui_mouse_button { MOUSE_CLICK, MOUSE_DOUBLE_CLICK, MOUSE_WHEEL_UP, MOUSE_WHEEL_DOWN } tui_mouse_button;

typedef struct tui_event {
    tui_event_type type;
    int key;   /* EV_KEY: TK_* or a code point */
    /* EV_KEY: what the key does on the view it is given to (set by the
     * manager from the view's keymap); ACT_NONE: no action, such as a typed
     * character or an editing key. */
    tui_action action;
    int x, y;  /* EV_MOUSE: screen position */
    tui_mouse_button button;
} tui_event;

/* What handling an event did; the manager acts on these flags. */
enum {
    VIEW_IGNORED = 0,   /* not for this view */
    VIEW_HANDLED = 1,
    VIEW_REDRAW = 2,
    VIEW_CLOSE = 4,     /* pop this view */
    VIEW_QUIT = 8,
};

typedef struct tui_rect {
    int y, x, height, width;
} tui_rect;

typedef struct tui_app tui_app;
typedef struct tui_view tui_view;

typedef struct tui_view_ops {
    /* Draws the view in area (the body between title and status for full
     * views; popups choose their own place inside it). */
    void (*draw)(tui_view *v, tui_app *app, tui_canvas *c, tui_rect area);
    int (*handle)(tui_view *v, tui_app *app, const tui_event *e);
    /* The data changed (another terminal saved): read it again. */
    void (*reload)(tui_view *v, tui_app *app);
    /* The status line's text (position, filter …). */
    void (*status)(tui_view *v, tui_app *app, char *out, size_t size);
    void (*destroy)(tui_view *v);
    /* What the title line calls the screen ("Danh sách HTX"), and what it
     * shows now ("Thanh Trì"; NULL: nothing more).  A popup without a
     * title leaves the line to the screen below it. */
    ui_id title;
    void (*subtitle)(tui_view *v, tui_app *app, char *out, size_t size);
    bool popup; /* drawn over the view below it */
    /* The actions the view offers: its function bar, its help, the meaning
     * of its keys. */
    const tui_keymap *keymap;
    /* For a view whose keys change with what it shows (a search being
     * typed, the field in focus): its keymap now.  NULL: keymap. */
    const tui_keymap *(*current_keymap)(const tui_view *v);
    /* For a view whose bar names what an action does now (a question's
     * Enter gives the answer chosen): the label of action, or NULL for
     * the table's; brief: the bar is short of room (ui_text_short).  NULL:
     * the table's labels everywhere. */
    const char *(*bar_label)(const tui_view *v, tui_action action, bool brief);
    /* Whether closing the view now would lose what was typed in it (a
     * changed form): quitting then asks first.  NULL: never. */
    bool (*unsaved)(const tui_view *v);
} tui_view_ops;

struct tui_view {
    const tui_view_ops *ops;
    tui_rect area; /* where it was last drawn, for mouse hits */
};

/* Where one action sits in the function bar, for clicks. */
typedef struct tui_bar_item {
    int start, end; /* columns */
    int key;        /* the key the bar shows for it */
} tui_bar_item;

#define TUI_MAX_VIEWS 8
#define TUI_MIN_WIDTH 60
#define TUI_MIN_HEIGHT 14

struct tui_app {
    htx_store *store;
    htx_lang lang;
    const char *db_path;
    const char *user; /* --user, or NULL for $USER */
    bool mouse;
    int input_mode; /* the Vietnamese typing mode last chosen in a form (vn_input_mode) */
    int tone_style; /* vn_tone_style: old (hòa) by default, --tones new */
    tui_view *stack[TUI_MAX_VIEWS];
    int depth;
    bool quit;
    int64_t data_version;
    char notice[256]; /* a transient message for the status line */
    tui_bar_item bar[TUI_MAX_OFFERS]; /* the function bar as last drawn */
    int bar_count;
    /* Carries out a global action (help, clubs, statistics, import, quit,
     * back …) for the top view; false when it is none.  Set by whoever runs
     * the screens (global_actions.h), so that the manager itself constructs
     * no view.  NULL: no global actions. */
    bool (*global_action)(tui_app *app, tui_action action);
    /* Lists the printers the print dialog offers (printers.h's
     * htx_printers_list), set by whoever runs the screens, so that screens
     * drawn in memory show the printers they are given.  NULL: none. */
    htx_status (*list_printers)(htx_printer_list *list, htx_error *err);
    /* Set by the event loop: draws and shows the screen at once. */
    void (*redraw_now)(tui_app *app, void *ctx);
    void *redraw_ctx;
};

void app_init(tui_app *app, htx_store *store, htx_lang lang, const char *db_path);
void app_free(tui_app *app);

/* Takes ownership of v; false (and v destroyed) if the stack is full. */
bool app_push(tui_app *app, tui_view *v);
void app_pop(tui_app *app);
tui_view *app_top(const tui_app *app);
/* Removes and destroys v wherever it is in the stack (a form closed by the
 * answer to its question). */
void app_remove(tui_app *app, tui_view *v);
/* After this terminal saved: every view reads its data again (data_version
 * only tells of other connections' commits). */
void app_reload_all(tui_app *app);

/* The keymap v offers now. */
const tui_keymap *app_view_keymap(const tui_view *v);

/* Handles one event: a key is looked up in the top view's keymap; the
 * view's own actions (and keys without an action) go to the view, global
 * actions to global_action.  A click on the function bar is the key shown
 * there.  Returns false when nothing answered the event. */
bool app_dispatch(tui_app *app, const tui_event *e);

/* Some view on the stack holds typing that quitting would lose. */
bool app_has_unsaved(const tui_app *app);

/* Draws the whole screen: views, title, status line, function bar; or the
 * "too small" notice when the canvas is below the minimum size. */
void app_render(tui_app *app, tui_canvas *c);

/* Checks PRAGMA data_version; when another connection committed, every
 * view reloads.  Returns true when something changed. */
bool app_poll_changes(tui_app *app);

/* Draws and shows the screen at once, in the middle of a long task (an
 * import's progress); nothing happens without a terminal (tests). */
void app_redraw_now(tui_app *app);

/* Shows msg on the status line until the next key. */
void app_notice(tui_app *app, const char *msg);
/* Shows a core error on the status line. */
void app_notice_error(tui_app *app, const htx_error *err);

/* The body rectangle for a canvas. */
tui_rect app_body(const tui_canvas *c);

#endif
