/*
 * The small dialog for club memberships: add the cooperative to a club
 * (club, role, joined date) or end one of its current memberships (club,
 * left date).  Dates are typed as staff write them and checked by core.
 * The dialog names the cooperative; the date starts as today's, and Enter
 * on it moves to the button that saves, so nothing is saved before it was
 * seen.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "date.h"
#include "display.h"
#include "edit_keys.h"
#include "line_edit.h"
#include "membership.h"
#include "registry.h"
#include "text.h"
#include "ui_text.h"
#include "validate.h"
#include "views.h"

enum { ROW_CLUB, ROW_ROLE, ROW_DATE, ROW_SAVE, ROW_COUNT };

typedef struct membership_view {
    tui_view base;
    int64_t coop_id;
    char coop[600]; /* "HTX Đồng Tâm (0109365545)" */
    bool ending;
    const htx_club *clubs[8]; /* what may be chosen */
    int club_count;
    int club;                 /* index into clubs */
    htx_role role;
    line_edit date;
    int focus;                /* ROW_* (ROW_ROLE skipped when ending) */
    int choosing;             /* the row whose pick list is open */
} membership_view;

static bool row_shown(const membership_view *v, int row)
{
    return !(v->ending && row == ROW_ROLE);
}

static const char *row_label(const membership_view *v, int row, htx_lang lang)
{
    switch (row) {
    case ROW_CLUB: return ui_text(UI_FILTER_CLUB, lang);
    case ROW_ROLE: return ui_text(UI_COL_ROLE, lang);
    case ROW_DATE: return v->ending ? ui_text(UI_LEFT_DATE, lang) : ui_text(UI_COL_JOINED, lang);
    default: return "";
    }
}

/* "[ Thêm vào CLB ]" or "[ Ghi ngày rời CLB ]": the button that saves. */
static void draw_save_button(const membership_view *v, tui_canvas *c, int y, int x, int width, htx_lang lang)
{
    char label[160];
    snprintf(label, sizeof label, "[ %s ]", ui_text(v->ending ? UI_MEMBERSHIP_SAVE_END : UI_MEMBERSHIP_SAVE_ADD, lang));
    int w = (int)htx_text_width(label);
    canvas_text(c, y, x + (width - w) / 2, w, label, v->focus == ROW_SAVE ? STYLE_CURSOR : STYLE_POPUP);
}

static void membership_draw(tui_view *view, tui_app *app, tui_canvas *c, tui_rect a)
{
    membership_view *v = (membership_view *)view;
    htx_lang lang = app->lang;
    int width = a.width - 4 < 72 ? a.width - 4 : 72;
    int height = 10;
    int y = a.y + (a.height - height) / 2, x = a.x + (a.width - width) / 2;
    canvas_fill(c, y, x, height, width, STYLE_POPUP);
    canvas_box(c, y, x, height, width, STYLE_POPUP);
    canvas_text(c, y, x + 2, width - 4, ui_text(v->ending ? UI_MEMBERSHIP_END : UI_MEMBERSHIP_ADD, lang),
                STYLE_POPUP);
    /* which cooperative: the dialog is often reached from a search */
    canvas_text(c, y + 1, x + 2, width - 4, v->coop, STYLE_HEADER);
    int label_w = 16, box_x = x + 2 + label_w, box_w = width - label_w - 4;
    for (int row = 0, r = 0; row < ROW_SAVE; row++) {
        if (!row_shown(v, row))
            continue;
        int ry = y + 3 + r++;
        canvas_text(c, ry, x + 2, label_w, row_label(v, row, lang), row == v->focus ? STYLE_HEADER : STYLE_POPUP);
        canvas_fill(c, ry, box_x, 1, box_w, STYLE_INPUT);
        if (row == ROW_CLUB) {
            canvas_text(c, ry, box_x, box_w - 1, v->club_count ? htx_club_name(v->clubs[v->club], lang) : "", STYLE_INPUT);
            canvas_text(c, ry, box_x + box_w - 1, 1, "▾", STYLE_INPUT);
        } else if (row == ROW_ROLE) {
            canvas_text(c, ry, box_x, box_w - 1, htx_role_name(v->role, lang), STYLE_INPUT);
            canvas_text(c, ry, box_x + box_w - 1, 1, "▾", STYLE_INPUT);
        } else {
            char shown[256];
            int col = 0;
            line_edit_view(&v->date, box_w - 1, shown, sizeof shown, &col);
            canvas_text(c, ry, box_x, box_w - 1, shown, STYLE_INPUT);
            if (row == v->focus)
                canvas_restyle(c, ry, box_x + col, 1, STYLE_CURSOR);
        }
    }
    draw_save_button(v, c, y + height - 3, x, width, lang);
    canvas_text(c, y + height - 2, x + 2, width - 4, ui_text(UI_MEMBERSHIP_HINT, lang), STYLE_DIM);
}

static void chosen(tui_app *app, void *ctx, int index)
{
    (void)app;
    membership_view *v = ctx;
    if (v->choosing == ROW_CLUB && index < v->club_count)
        v->club = index;
    else if (v->choosing == ROW_ROLE && index < HTX_ROLE_COUNT)
        v->role = (htx_role)index;
}

static void open_choices(membership_view *v, tui_app *app)
{
    const char *names[8];
    int n = 0, selected = 0;
    if (v->focus == ROW_CLUB) {
        for (n = 0; n < v->club_count; n++)
            names[n] = htx_club_name(v->clubs[n], app->lang);
        selected = v->club;
    } else {
        for (n = 0; n < HTX_ROLE_COUNT; n++)
            names[n] = htx_role_name((htx_role)n, app->lang);
        selected = (int)v->role;
    }
    v->choosing = v->focus;
    app_push(app, view_choice_new(app, row_label(v, v->focus, app->lang), names, n, selected, chosen, v));
}

static int save(membership_view *v, tui_app *app)
{
    htx_error err;
    htx_date d;
    const char *field = v->ending ? "left" : "joined";
    htx_status st = htx_parse_date(v->date.text ? v->date.text : "", field, true, &d, &err);
    if (st == HTX_OK) {
        char iso[HTX_ISO_DATE_SIZE];
        htx_date_iso(d, iso);
        const char *club = v->clubs[v->club]->code;
        const char *user = htx_audit_user(app->user);
        st = v->ending ? htx_membership_end(app->store, v->coop_id, club, iso, user, &err)
                       : htx_membership_add(app->store, v->coop_id, club, v->role, iso, user, &err);
    }
    if (st != HTX_OK) {
        app_notice_error(app, &err);
        return VIEW_HANDLED | VIEW_REDRAW;
    }
    app_remove(app, &v->base);
    app_reload_all(app);
    app_notice(app, ui_text(UI_SAVED, app->lang));
    return VIEW_HANDLED | VIEW_REDRAW;
}

static void move(membership_view *v, int delta)
{
    do
        v->focus = (v->focus + delta + ROW_COUNT) % ROW_COUNT;
    while (!row_shown(v, v->focus));
}

static int membership_handle(tui_view *view, tui_app *app, const tui_event *e)
{
    membership_view *v = (membership_view *)view;
    if (e->type != EV_KEY)
        return e->type == EV_MOUSE ? VIEW_HANDLED : VIEW_IGNORED;
    switch (e->action) {
    case ACT_CLOSE: return VIEW_HANDLED | VIEW_CLOSE | VIEW_REDRAW;
    case ACT_SAVE: return save(v, app);
    case ACT_NEXT_FIELD: move(v, 1); return VIEW_HANDLED | VIEW_REDRAW;
    case ACT_PREV_FIELD: move(v, -1); return VIEW_HANDLED | VIEW_REDRAW;
    case ACT_CHOOSE_OR_SAVE:
        if (v->focus == ROW_SAVE)
            return save(v, app);
        if (v->focus == ROW_DATE)
            move(v, 1); /* to the button: the date is seen before it is saved */
        else
            open_choices(v, app);
        return VIEW_HANDLED | VIEW_REDRAW;
    default: break;
    }
    if (v->focus != ROW_DATE)
        return VIEW_HANDLED;
    tui_edit_key(&v->date, e->key);
    return VIEW_HANDLED | VIEW_REDRAW;
}

static void membership_destroy(tui_view *view)
{
    membership_view *v = (membership_view *)view;
    line_edit_free(&v->date);
    free(v);
}

/* The date is typed. */
static const tui_action membership_actions[] = {
    ACT_SAVE, ACT_CHOOSE_OR_SAVE, ACT_CLOSE, ACT_NEXT_FIELD, ACT_PREV_FIELD, ACT_NONE,
};
static const tui_keymap membership_keymap = {.actions = membership_actions, .typing = true};

static const tui_view_ops membership_ops = {
    .draw = membership_draw,
    .handle = membership_handle,
    .destroy = membership_destroy,
    .popup = true,
    .keymap = &membership_keymap,
};

static int collect_current(const htx_membership *m, void *ctx)
{
    membership_view *v = ctx;
    const htx_club *club = htx_club_find(m->club);
    if (!m->left[0] && club && v->club_count < 8)
        v->clubs[v->club_count++] = club;
    return 0;
}

tui_view *view_membership_new(tui_app *app, int64_t coop_id, const char *club_code, bool ending)
{
    membership_view *v = calloc(1, sizeof *v);
    if (!v)
        return NULL;
    v->base.ops = &membership_ops;
    v->coop_id = coop_id;
    v->ending = ending;
    v->role = HTX_ROLE_MEMBER;
    line_edit_init(&v->date, 10, false);
    htx_error err;
    htx_coop *coop = malloc(sizeof *coop);
    if (coop && htx_coop_load_id(app->store, coop_id, coop, &err) == HTX_OK) {
        char *name = htx_text_sanitize(coop->name);
        snprintf(v->coop, sizeof v->coop, "%s (%s)", name ? name : "", coop->code);
        free(name);
    }
    free(coop);
    if (ending) {
        if (htx_membership_each(app->store, coop_id, collect_current, v, &err) != HTX_OK)
            app_notice_error(app, &err);
    } else {
        for (size_t i = 0; i < HTX_CLUB_COUNT; i++)
            v->clubs[v->club_count++] = &HTX_CLUBS[i];
    }
    if (v->club_count == 0) {
        app_notice(app, ui_text(UI_MEMBERSHIP_NONE, app->lang));
        membership_destroy(&v->base);
        return NULL;
    }
    for (int i = 0; club_code && i < v->club_count; i++)
        if (strcmp(v->clubs[i]->code, club_code) == 0)
            v->club = i;
    char today[HTX_ISO_DATE_SIZE];
    htx_date_display(htx_date_today(), today);
    line_edit_set(&v->date, today);
    v->focus = club_code ? ROW_DATE : ROW_CLUB;
    if (club_code && !ending)
        v->focus = ROW_ROLE;
    return &v->base;
}
