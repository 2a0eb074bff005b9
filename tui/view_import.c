/*
 * The import screen: a file path, then what core found in the file (the
 * encoding it detected, the separator, which column fills which field,
 * the first rows decoded), then the import itself — all or nothing, as on
 * the command line — and every problem with its line.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "csv_read.h"
#include "display.h"
#include "import.h"
#include "line_edit.h"
#include "text.h"
#include "ui_text.h"
#include "views.h"

#define PREVIEW_ROWS 8
#define PREVIEW_COLUMNS 4

typedef enum import_phase { PHASE_PATH, PHASE_PREVIEW, PHASE_RUNNING, PHASE_DONE } import_phase;

typedef struct import_view {
    tui_view base;
    import_phase phase;
    line_edit path;
    htx_import_file *file;
    char message[1024]; /* an error opening the file, or the summary */
    bool message_is_error;
    htx_import_result result;
    int scroll; /* first problem shown */
    tui_app *app;  /* while the import runs, for the progress bar */
    int percent;   /* of the file imported, while running */
} import_view;

/* Draws text that came from a file: never raw controls on the terminal. */
static void draw_safe(tui_canvas *c, int y, int x, int width, const char *text, tui_style style)
{
    char *safe = htx_text_sanitize(text);
    canvas_text(c, y, x, width, safe ? safe : "", style);
    free(safe);
}

static int draw_file_facts(import_view *v, tui_app *app, tui_canvas *c, int y, tui_rect a)
{
    const htx_import_file *f = v->file;
    char line[1024];
    const char *sep = f->separator == '\t' ? "tab" : f->separator == ';' ? ";" : ",";
    snprintf(line, sizeof line, "%s: %s%s   %s: %s", ui_text(UI_IMPORT_ENCODING, app->lang),
             htx_encoding_name(f->encoding), f->detected ? ui_text(UI_IMPORT_DETECTED, app->lang) : "",
             ui_text(UI_IMPORT_SEPARATOR, app->lang), sep);
    canvas_text(c, y++, a.x + 1, a.width - 2, line, STYLE_NORMAL);
    size_t used = (size_t)snprintf(line, sizeof line, "%s: ", ui_text(UI_IMPORT_UNUSED, app->lang));
    size_t start = used;
    for (size_t i = 0; i < f->column_count && used < sizeof line; i++)
        if (f->columns[i].field < 0)
            used += (size_t)snprintf(line + used, sizeof line - used, "%s\"%s\"", used > start ? ", " : "",
                                     f->columns[i].header);
    if (used > start)
        draw_safe(c, y++, a.x + 1, a.width - 2, line, STYLE_ERROR);
    return y + 1;
}

/* The first rows as the importer reads them, in the first mapped columns. */
static int draw_preview(import_view *v, tui_app *app, tui_canvas *c, int y, tui_rect a)
{
    const htx_import_file *f = v->file;
    size_t cols[PREVIEW_COLUMNS];
    int n = 0;
    for (size_t i = 0; i < f->column_count && n < PREVIEW_COLUMNS; i++)
        if (f->columns[i].field >= 0)
            cols[n++] = i;
    if (n == 0)
        return y;
    int width = (a.width - 2) / n;
    for (int k = 0; k < n; k++)
        canvas_text(c, y, a.x + 1 + k * width, width - 1,
                    htx_field_label((htx_field_id)f->columns[cols[k]].field, app->lang), STYLE_HEADER);
    y++;
    htx_csv_reader r;
    htx_csv_reader_init(&r, f->text, f->len, f->separator);
    r.pos = f->data_start;
    r.line = f->data_line;
    htx_csv_row row = {0};
    htx_error err;
    for (int shown = 0; shown < PREVIEW_ROWS && y < a.y + a.height - 3; shown++, y++) {
        if (htx_csv_next(&r, &row, &err) != HTX_OK)
            break;
        for (int k = 0; k < n; k++)
            if (cols[k] < row.count)
                draw_safe(c, y, a.x + 1 + k * width, width - 1, row.fields[cols[k]], STYLE_NORMAL);
    }
    htx_csv_row_free(&row);
    return y + 1;
}

static int draw_problems(import_view *v, tui_app *app, tui_canvas *c, int y, tui_rect a)
{
    for (size_t i = (size_t)v->scroll; i < v->result.problem_count && y < a.y + a.height - 2; i++, y++) {
        const htx_import_problem *p = &v->result.problems[i];
        char text[1024], line[1200];
        htx_error_text(&p->error, app->lang, text, sizeof text);
        snprintf(line, sizeof line, "%s %ld: %s", ui_text(UI_IMPORT_LINE, app->lang), p->line, text);
        draw_safe(c, y, a.x + 1, a.width - 2, line, STYLE_ERROR);
    }
    return y;
}

static void import_draw(tui_view *view, tui_app *app, tui_canvas *c, tui_rect a)
{
    import_view *v = (import_view *)view;
    canvas_fill(c, a.y, a.x, a.height, a.width, STYLE_NORMAL);
    int y = a.y;
    canvas_text(c, y++, a.x + 1, a.width - 2, ui_text(UI_IMPORT_TITLE, app->lang), STYLE_HEADER);
    const char *label = ui_text(UI_IMPORT_FILE, app->lang);
    int x = a.x + 1 + canvas_text(c, y, a.x + 1, a.width - 2, label, STYLE_NORMAL) + 1;
    char shown[1024];
    int cursor = 0;
    line_edit_view(&v->path, a.x + a.width - 1 - x, shown, sizeof shown, &cursor);
    canvas_text_fill(c, y, x, a.x + a.width - 1 - x, shown, STYLE_INPUT);
    y += 2;
    if (v->message[0])
        draw_safe(c, y++, a.x + 1, a.width - 2, v->message, v->message_is_error ? STYLE_ERROR : STYLE_HEADER);
    if (v->file && v->phase == PHASE_PREVIEW) {
        y = draw_file_facts(v, app, c, y, a);
        y = draw_preview(v, app, c, y, a);
    }
    if (v->phase == PHASE_RUNNING) {
        char bar[256];
        int filled = v->percent * 40 / 100;
        size_t n = (size_t)snprintf(bar, sizeof bar, "%s [", ui_text(UI_IMPORT_RUNNING, app->lang));
        for (int i = 0; i < 40 && n + 4 < sizeof bar; i++)
            n += (size_t)snprintf(bar + n, sizeof bar - n, "%s", i < filled ? "█" : "·");
        snprintf(bar + n, sizeof bar - n, "] %d%%", v->percent);
        canvas_text(c, y + 1, a.x + 1, a.width - 2, bar, STYLE_HEADER);
    }
    if (v->phase == PHASE_DONE)
        draw_problems(v, app, c, y, a);
    ui_id hint = v->phase == PHASE_PATH ? UI_IMPORT_HINT_PATH
                 : v->phase == PHASE_PREVIEW ? UI_IMPORT_HINT_PREVIEW : UI_IMPORT_HINT_DONE;
    canvas_text(c, a.y + a.height - 1, a.x + 1, a.width - 2, ui_text(hint, app->lang), STYLE_DIM);
}

static void set_message(import_view *v, bool error, const char *text)
{
    snprintf(v->message, sizeof v->message, "%s", text);
    v->message_is_error = error;
}

static void open_file(import_view *v, tui_app *app)
{
    htx_import_close(v->file);
    v->file = NULL;
    htx_import_options opt;
    htx_import_options_init(&opt);
    htx_error err;
    const char *path = v->path.text ? v->path.text : "";
    if (htx_import_open(path, &opt, &v->file, &err) != HTX_OK) {
        char text[1024];
        htx_error_text(&err, app->lang, text, sizeof text);
        set_message(v, true, text);
        v->phase = PHASE_PATH;
        return;
    }
    set_message(v, false, "");
    v->phase = PHASE_PREVIEW;
}

static void show_progress(void *ctx, size_t done, size_t total)
{
    import_view *v = ctx;
    int percent = total ? (int)(done * 100 / total) : 100;
    if (percent != v->percent) {
        v->percent = percent;
        app_redraw_now(v->app);
    }
}

static void run_import(import_view *v, tui_app *app)
{
    htx_import_options opt;
    htx_import_options_init(&opt);
    opt.progress = show_progress;
    opt.progress_ctx = v;
    v->app = app;
    v->percent = 0;
    v->phase = PHASE_RUNNING;
    set_message(v, false, "");
    app_redraw_now(app);
    opt.user = htx_audit_user(app->user);
    opt.lang = app->lang;
    htx_import_result_free(&v->result);
    htx_error err;
    htx_status st = htx_import_run(app->store, v->file, &opt, &v->result, &err);
    char text[1024];
    if (st == HTX_OK) {
        snprintf(text, sizeof text, ui_text(UI_IMPORT_DONE, app->lang), v->result.inserted);
        set_message(v, false, text);
        app_reload_all(app);
    } else if (st == HTX_ERR_INVALID && v->result.problem_count > 0) {
        snprintf(text, sizeof text, ui_text(UI_IMPORT_REFUSED, app->lang), v->result.problem_count);
        set_message(v, true, text);
    } else {
        htx_error_text(&err, app->lang, text, sizeof text);
        set_message(v, true, text);
    }
    v->scroll = 0;
    v->phase = PHASE_DONE;
}

static int edit_path(import_view *v, int key)
{
    switch (key) {
    case TK_BACKSPACE: line_edit_backspace(&v->path); break;
    case TK_DELETE: line_edit_delete(&v->path); break;
    case TK_LEFT: line_edit_left(&v->path); break;
    case TK_RIGHT: line_edit_right(&v->path); break;
    case TK_HOME:
    case TK_CTRL_A: line_edit_home(&v->path); break;
    case TK_END:
    case TK_CTRL_E: line_edit_end(&v->path); break;
    case TK_CTRL_U: line_edit_kill_before(&v->path); break;
    default: {
        if (key < 0x20 || key >= TK_SPECIAL || key == 0x7F)
            return VIEW_HANDLED;
        char utf8[5] = {0};
        int n = htx_utf8_encode(key, utf8);
        if (n > 0)
            line_edit_insert(&v->path, utf8);
        break;
    }
    }
    v->phase = PHASE_PATH;
    return VIEW_HANDLED | VIEW_REDRAW;
}

static int import_handle(tui_view *view, tui_app *app, const tui_event *e)
{
    import_view *v = (import_view *)view;
    if (e->type != EV_KEY)
        return VIEW_IGNORED;
    switch (e->key) {
    case TK_ESCAPE: return VIEW_HANDLED | VIEW_CLOSE | VIEW_REDRAW;
    case TK_ENTER:
        if (v->phase == PHASE_PREVIEW)
            run_import(v, app);
        else
            open_file(v, app);
        return VIEW_HANDLED | VIEW_REDRAW;
    case TK_UP:
        if (v->phase == PHASE_DONE && v->scroll > 0)
            v->scroll--;
        return VIEW_HANDLED | VIEW_REDRAW;
    case TK_DOWN:
        if (v->phase == PHASE_DONE && (size_t)v->scroll + 1 < v->result.problem_count)
            v->scroll++;
        return VIEW_HANDLED | VIEW_REDRAW;
    case TK_F1:
    case TK_F10: return VIEW_IGNORED;
    default: return edit_path(v, e->key);
    }
}

static void import_status(tui_view *view, tui_app *app, char *out, size_t size)
{
    (void)view;
    snprintf(out, size, "%s", ui_text(UI_IMPORT_TITLE, app->lang));
}

static void import_destroy(tui_view *view)
{
    import_view *v = (import_view *)view;
    line_edit_free(&v->path);
    htx_import_close(v->file);
    htx_import_result_free(&v->result);
    free(v);
}

static const tui_view_ops import_ops = {
    .draw = import_draw,
    .handle = import_handle,
    .status = import_status,
    .destroy = import_destroy,
};

tui_view *view_import_new(tui_app *app)
{
    (void)app;
    import_view *v = calloc(1, sizeof *v);
    if (!v)
        return NULL;
    v->base.ops = &import_ops;
    line_edit_init(&v->path, 1000, false);
    return &v->base;
}
