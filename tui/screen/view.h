/*
 * Views and the screen manager.
 *
 * A view is an object with a table of operations (htop's Panel, tig's
 * view_ops): it draws its body on a canvas and handles events, returning
 * flags.  The screen manager keeps a stack of views in one event loop —
 * popups are views too, never nested loops — and draws the title line, the
 * status line and the function bar around the top view.
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
#include "store.h"

typedef enum tui_event_type { EV_KEY, EV_MOUSE, EV_RESIZE, EV_TICK } tui_event_type;

typedef enum tui_mouse_button { MOUSE_CLICK, MOUSE_DOUBLE_CLICK, MOUSE_WHEEL_UP, MOUSE_WHEEL_DOWN } tui_mouse_button;

typedef struct tui_event {
    tui_event_type type;
    int key;   /* EV_KEY: TK_* or a code point */
    int x, y;  /* EV_MOUSE: screen position */
    tui_mouse_button button;
} tui_event;

/* What handling an event did; the manager acts on these flags. */
enum {
    VIEW_IGNORED = 0,   /* not for this view: the manager tries its global keys */
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
    bool popup; /* drawn over the view below it */
} tui_view_ops;

struct tui_view {
    const tui_view_ops *ops;
    tui_rect area; /* where it was last drawn, for mouse hits */
};

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
    int bar_x[ACT_COUNT][2]; /* function-bar spans, for clicks */
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

/* Handles one event: the top view first, then the global keys. */
void app_dispatch(tui_app *app, const tui_event *e);

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
