#include "view.h"

#include <stdio.h>
#include <string.h>

#include "coop.h" /* htx_error_text: an error with its field's label */
#include "display.h"
#include "ui_text.h"

void app_init(tui_app *app, htx_store *store, htx_lang lang, const char *db_path)
{
    memset(app, 0, sizeof *app);
    app->store = store;
    app->lang = lang;
    app->db_path = db_path;
    app->mouse = true;
    htx_store_data_version(store, &app->data_version, NULL);
}

void app_free(tui_app *app)
{
    while (app->depth > 0)
        app_pop(app);
}

bool app_push(tui_app *app, tui_view *v)
{
    if (!v)
        return false;
    if (app->depth == TUI_MAX_VIEWS) {
        v->ops->destroy(v);
        return false;
    }
    app->stack[app->depth++] = v;
    return true;
}

void app_pop(tui_app *app)
{
    if (app->depth == 0)
        return;
    tui_view *v = app->stack[--app->depth];
    v->ops->destroy(v);
}

tui_view *app_top(const tui_app *app)
{
    return app->depth ? app->stack[app->depth - 1] : NULL;
}

void app_remove(tui_app *app, tui_view *v)
{
    for (int i = app->depth - 1; i >= 0; i--)
        if (app->stack[i] == v) {
            memmove(&app->stack[i], &app->stack[i + 1], (size_t)(app->depth - 1 - i) * sizeof v);
            app->depth--;
            v->ops->destroy(v);
            return;
        }
}

void app_reload_all(tui_app *app)
{
    htx_store_data_version(app->store, &app->data_version, NULL);
    for (int i = 0; i < app->depth; i++)
        if (app->stack[i]->ops->reload)
            app->stack[i]->ops->reload(app->stack[i], app);
}

void app_redraw_now(tui_app *app)
{
    if (app->redraw_now)
        app->redraw_now(app, app->redraw_ctx);
}

void app_notice(tui_app *app, const char *msg)
{
    snprintf(app->notice, sizeof app->notice, "%s", msg);
}

void app_notice_error(tui_app *app, const htx_error *err)
{
    char text[sizeof app->notice - 32];
    htx_error_text(err, app->lang, text, sizeof text);
    snprintf(app->notice, sizeof app->notice, "%s: %.*s", ui_text(UI_ERROR, app->lang),
             (int)(sizeof app->notice - 32), text);
}

tui_rect app_body(const tui_canvas *c)
{
    tui_rect r = {1, 0, c->height - 3, c->width};
    return r;
}

bool app_has_unsaved(const tui_app *app)
{
    for (int i = 0; i < app->depth; i++)
        if (app->stack[i]->ops->unsaved && app->stack[i]->ops->unsaved(app->stack[i]))
            return true;
    return false;
}

const tui_keymap *app_view_keymap(const tui_view *v)
{
    if (!v)
        return NULL;
    return v->ops->current_keymap ? v->ops->current_keymap(v) : v->ops->keymap;
}

/* The key shown on the function bar at column x, or 0. */
static int bar_key_at(const tui_app *app, int x)
{
    for (int i = 0; i < app->bar_count; i++)
        if (x >= app->bar[i].start && x < app->bar[i].end)
            return app->bar[i].key;
    return 0;
}

bool app_dispatch(tui_app *app, const tui_event *e)
{
    tui_event ev = *e;
    if (ev.type == EV_KEY || ev.type == EV_MOUSE)
        app->notice[0] = '\0';
    /* A click on the function bar is the key it shows. */
    if (ev.type == EV_MOUSE && ev.button == MOUSE_CLICK && app->depth > 0 &&
        ev.y == app->stack[0]->area.y + app->stack[0]->area.height + 1) {
        int key = bar_key_at(app, ev.x);
        if (!key)
            return false;
        ev.type = EV_KEY;
        ev.key = key;
    }
    tui_view *top = app_top(app);
    if (!top)
        return false;
    ev.action = ACT_NONE;
    if (ev.type == EV_KEY) {
        bool global = false;
        ev.action = tui_keymap_action(app_view_keymap(top), ev.key, &global);
        if (global)
            return app->global_action && app->global_action(app, ev.action);
    }
    int flags = top->ops->handle(top, app, &ev);
    if (flags & VIEW_QUIT)
        app->quit = true;
    if (flags & VIEW_CLOSE)
        app_remove(app, top); /* a no-op when the view already went */
    return flags != VIEW_IGNORED;
}

/* How the bar is written: the labels in full with a space between, else
 * their short forms, else the short forms side by side (the keys' colour
 * still parts them); what still does not fit is cut. */
typedef enum bar_style { BAR_FULL, BAR_SHORT, BAR_TIGHT, BAR_STYLES } bar_style;

static const char *bar_label(const tui_view *v, const tui_offer *offer, bar_style style, htx_lang lang)
{
    const char *own = v && v->ops->bar_label ? v->ops->bar_label(v, offer->action) : NULL;
    if (own)
        return own;
    const tui_binding *b = tui_binding_of(offer->action);
    return style == BAR_FULL ? ui_text(b->bar, lang) : ui_text_short(b->bar, lang);
}

static int bar_width(const tui_view *v, const tui_offer *offers, int count, bar_style style, htx_lang lang)
{
    int width = 0;
    for (int i = 0; i < count; i++) {
        const tui_binding *b = tui_binding_of(offers[i].action);
        if (b->bar == UI_NONE)
            continue;
        char key[16];
        tui_key_name(offers[i].keys[0], key, sizeof key);
        width += (int)htx_text_width(key) + (int)htx_text_width(bar_label(v, &offers[i], style, lang)) +
                 (style != BAR_TIGHT);
    }
    return width - (style != BAR_TIGHT && width > 0);
}

/* The top view's actions that have a bar label, each as its key and label. */
static void draw_bar(tui_app *app, tui_canvas *c, int y)
{
    canvas_fill(c, y, 0, 1, c->width, STYLE_BAR_LABEL);
    tui_offer offers[TUI_MAX_OFFERS];
    const tui_view *top = app_top(app);
    int count = tui_keymap_offers(app_view_keymap(top), offers, TUI_MAX_OFFERS);
    bar_style style = BAR_FULL;
    while (style + 1 < BAR_STYLES && bar_width(top, offers, count, style, app->lang) > c->width)
        style++;
    app->bar_count = 0;
    int x = 0;
    for (int i = 0; i < count && x < c->width; i++) {
        const tui_binding *b = tui_binding_of(offers[i].action);
        if (b->bar == UI_NONE)
            continue;
        char key[16];
        tui_key_name(offers[i].keys[0], key, sizeof key);
        int start = x;
        x += canvas_text(c, y, x, c->width - x, key, STYLE_BAR_KEY);
        x += canvas_text(c, y, x, c->width - x, bar_label(top, &offers[i], style, app->lang), STYLE_BAR_LABEL);
        app->bar[app->bar_count++] = (tui_bar_item){start, x, offers[i].keys[0]};
        x += style != BAR_TIGHT;
    }
}

/* The Alliance, the screen on top and what it shows: "Liên minh HTX TP Hà
 * Nội — Danh sách HTX — Thanh Trì". */
static void draw_title(tui_app *app, tui_canvas *c)
{
    char title[512];
    int n = snprintf(title, sizeof title, "%s", ui_text(UI_APP_TITLE, app->lang));
    for (int i = app->depth - 1; i >= 0; i--) {
        tui_view *v = app->stack[i];
        if (v->ops->title == UI_NONE)
            continue;
        n += snprintf(title + n, sizeof title - (size_t)n, " — %s", ui_text(v->ops->title, app->lang));
        char more[256] = "";
        if (v->ops->subtitle)
            v->ops->subtitle(v, app, more, sizeof more);
        if (more[0] && n < (int)sizeof title)
            snprintf(title + n, sizeof title - (size_t)n, " — %s", more);
        break;
    }
    canvas_text_fill(c, 0, 0, c->width, title, STYLE_TITLE);
}

static void draw_too_small(tui_app *app, tui_canvas *c)
{
    canvas_fill(c, 0, 0, c->height, c->width, STYLE_NORMAL);
    const char *line1 = ui_text(UI_TOO_SMALL, app->lang);
    const char *line2 = ui_text(UI_TOO_SMALL_HINT, app->lang);
    int y = c->height / 2 - 1;
    if (y < 0)
        y = 0;
    canvas_text(c, y, 0, c->width, line1, STYLE_ERROR);
    if (y + 1 < c->height)
        canvas_text(c, y + 1, 0, c->width, line2, STYLE_NORMAL);
    char size[48];
    snprintf(size, sizeof size, "%dx%d < %dx%d", c->width, c->height, TUI_MIN_WIDTH, TUI_MIN_HEIGHT);
    if (y + 2 < c->height)
        canvas_text(c, y + 2, 0, c->width, size, STYLE_DIM);
}

void app_render(tui_app *app, tui_canvas *c)
{
    if (c->width < TUI_MIN_WIDTH || c->height < TUI_MIN_HEIGHT) {
        draw_too_small(app, c);
        return;
    }
    canvas_fill(c, 0, 0, c->height, c->width, STYLE_NORMAL);
    tui_rect body = app_body(c);
    /* Draw from the topmost full view up, so popups sit on what is below. */
    int first = app->depth - 1;
    while (first > 0 && app->stack[first]->ops->popup)
        first--;
    for (int i = first; i >= 0 && i < app->depth; i++) {
        tui_view *v = app->stack[i];
        v->area = body;
        v->ops->draw(v, app, c, body);
    }
    draw_title(app, c);

    char status[512] = "";
    for (int i = app->depth - 1; i >= 0 && !status[0]; i--)
        if (app->stack[i]->ops->status)
            app->stack[i]->ops->status(app->stack[i], app, status, sizeof status);
    int y = c->height - 2;
    canvas_fill(c, y, 0, 1, c->width, STYLE_STATUS);
    if (app->notice[0]) {
        canvas_text(c, y, 1, c->width - 2, app->notice, STYLE_ERROR);
    } else {
        canvas_text(c, y, 1, c->width - 2, status, STYLE_STATUS);
    }
    draw_bar(app, c, c->height - 1);
}

bool app_poll_changes(tui_app *app)
{
    int64_t version = 0;
    if (htx_store_data_version(app->store, &version, NULL) != HTX_OK || version == app->data_version)
        return false;
    app->data_version = version;
    for (int i = 0; i < app->depth; i++)
        if (app->stack[i]->ops->reload)
            app->stack[i]->ops->reload(app->stack[i], app);
    return true;
}
