/*
 * The print dialog of a club's roster (F9 in the member list): the printer,
 * the copies, or a file to save instead and its format.  Enter prints the
 * PDF through CUPS, or saves the file when one is named; the result (the
 * job id, the file written, or the error) stays in the dialog.  With no
 * printer configured the dialog says so and moves to the file field with a
 * name ready, so the roster can be saved instead.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "display.h"
#include "edit_keys.h"
#include "line_edit.h"
#include "outfile.h"
#include "print.h"
#include "document_pdf.h"
#include "document_txt.h"
#include "roster_doc.h"
#include "text.h"
#include "ui_text.h"
#include "views.h"

typedef enum print_field { FIELD_PRINTER, FIELD_COPIES, FIELD_FILE, FIELD_FORMAT, FIELD_COUNT } print_field;

typedef enum save_format { SAVE_PDF, SAVE_TXT, SAVE_CSV, SAVE_FORMAT_COUNT } save_format;

static const char *const format_labels[SAVE_FORMAT_COUNT] = {"PDF", "TXT", "CSV"};
static const char *const format_endings[SAVE_FORMAT_COUNT] = {".pdf", ".txt", ".csv"};

#define MAX_COPIES 999

typedef struct print_view {
    tui_view base;
    char club[16];
    char as_of[HTX_ISO_DATE_SIZE];
    htx_roster_sort sort;
    print_field focus;
    line_edit printer;
    line_edit file;
    int copies;
    save_format format;
    char result[400];
    bool result_is_error;
} print_view;

/* ---- drawing --------------------------------------------------------------------- */

static void draw_field(tui_canvas *c, int y, int x, int width, const char *label, const char *value,
                       bool focused)
{
    char padded[64];
    htx_text_pad(label, 14, padded, sizeof padded);
    canvas_text(c, y, x, 15, padded, STYLE_POPUP);
    canvas_text_fill(c, y, x + 15, width - 15, "", focused ? STYLE_CURSOR : STYLE_INPUT);
    canvas_text(c, y, x + 16, width - 17, value, focused ? STYLE_CURSOR : STYLE_INPUT);
}

static void edit_value(line_edit *e, bool focused, const char *placeholder, int width, char *out, size_t size)
{
    if (e->length == 0 && !focused) {
        snprintf(out, size, "%s", placeholder);
        return;
    }
    int cursor_col = 0;
    char view[512];
    line_edit_view(e, width - 2, view, sizeof view, &cursor_col);
    snprintf(out, size, "%s%s", view, focused ? "▏" : "");
}

static void print_draw(tui_view *view, tui_app *app, tui_canvas *c, tui_rect a)
{
    print_view *v = (print_view *)view;
    htx_lang lang = app->lang;
    int width = a.width - 4 < 84 ? a.width - 4 : 84;
    int height = 11 < a.height ? 11 : a.height;
    int y = a.y + (a.height - height) / 2, x = a.x + (a.width - width) / 2;
    canvas_fill(c, y, x, height, width, STYLE_POPUP);
    canvas_box(c, y, x, height, width, STYLE_POPUP);
    canvas_text(c, y, x + 2, width - 4, ui_text(UI_PRINT_TITLE, lang), STYLE_POPUP);

    int inner = width - 4;
    char value[600];
    edit_value(&v->printer, v->focus == FIELD_PRINTER, ui_text(UI_PRINT_DEFAULT_PRINTER, lang), inner - 15,
               value, sizeof value);
    draw_field(c, y + 2, x + 2, inner, ui_text(UI_PRINT_PRINTER, lang), value, v->focus == FIELD_PRINTER);
    snprintf(value, sizeof value, "◂ %d ▸", v->copies);
    draw_field(c, y + 3, x + 2, inner, ui_text(UI_PRINT_COPIES, lang), value, v->focus == FIELD_COPIES);
    edit_value(&v->file, v->focus == FIELD_FILE, ui_text(UI_PRINT_FILE_EMPTY, lang), inner - 15, value,
               sizeof value);
    draw_field(c, y + 4, x + 2, inner, ui_text(UI_PRINT_FILE, lang), value, v->focus == FIELD_FILE);
    snprintf(value, sizeof value, "◂ %s ▸", format_labels[v->format]);
    draw_field(c, y + 5, x + 2, inner, ui_text(UI_PRINT_FORMAT, lang), value, v->focus == FIELD_FORMAT);

    char *safe = htx_text_sanitize(v->result);
    canvas_text(c, y + 7, x + 2, inner, safe ? safe : "", v->result_is_error ? STYLE_ERROR : STYLE_POPUP);
    free(safe);
    canvas_text(c, y + height - 2, x + 2, inner, ui_text(UI_PRINT_HINT, lang), STYLE_DIM);
}

/* ---- doing it ---------------------------------------------------------------------- */

static void show_error(print_view *v, tui_app *app, const htx_error *err)
{
    char message[300];
    htx_error_message(err, app->lang, message, sizeof message);
    snprintf(v->result, sizeof v->result, "%s", message);
    v->result_is_error = true;
}

/* A file name ready to save to when there is no printer: in the home directory. */
static void suggest_file(print_view *v)
{
    const char *home = getenv("HOME");
    char path[512];
    snprintf(path, sizeof path, "%s%sdanh-sach-%s-%s%s", home && home[0] ? home : "", home && home[0] ? "/" : "",
             v->club, v->as_of, format_endings[v->format]);
    line_edit_set(&v->file, path);
    line_edit_end(&v->file);
}

/* The file is replaced only once the roster is whole (outfile.h). */
static htx_status save_document(const print_view *v, const char *register_path,
                                const htx_document *doc, htx_error *err)
{
    htx_outfile file;
    /* Never over the open register, whatever name it is typed under. */
    htx_outfile_rules rules = {.register_path = register_path, .replace = true};
    htx_status st = htx_outfile_open_checked(&file, v->file.text, &rules, err);
    if (st != HTX_OK)
        return st;
    if (v->format == SAVE_PDF)
        st = htx_doc_write_pdf(doc, htx_outfile_name(&file), NULL, err);
    else if (v->format == SAVE_CSV)
        st = htx_doc_write_csv(doc, true, file.file, err);
    else
        st = htx_doc_write_txt(doc, (htx_txt_layout){HTX_TXT_WIDTH, HTX_TXT_LINES}, file.file, NULL, err);
    if (st == HTX_OK)
        return htx_outfile_commit(&file, err);
    htx_outfile_abandon(&file);
    return st;
}

static void save_file(print_view *v, tui_app *app, const htx_document *doc)
{
    htx_error err;
    htx_status st = save_document(v, app->db_path, doc, &err);
    if (st != HTX_OK) {
        show_error(v, app, &err);
        return;
    }
    snprintf(v->result, sizeof v->result, ui_text(UI_PRINT_SAVED, app->lang), doc->row_count, v->file.text);
    v->result_is_error = false;
}

static void send_to_printer(print_view *v, tui_app *app, const htx_document *doc)
{
    const char *dir = getenv("TMPDIR");
    char temporary[512];
    snprintf(temporary, sizeof temporary, "%s/htx-roster-XXXXXX.pdf", dir && dir[0] ? dir : "/tmp");
    int fd = mkstemps(temporary, 4);
    htx_error err;
    if (fd < 0) {
        htx_fail(&err, HTX_ERR_IO, MSG_IO, NULL, temporary, "mkstemps");
        show_error(v, app, &err);
        return;
    }
    close(fd);
    int pages = 0;
    char job[HTX_PRINT_JOB_SIZE] = "";
    htx_status st = htx_doc_write_pdf(doc, temporary, &pages, &err);
    if (st == HTX_OK) {
        htx_print_request req = {
            .command = getenv("HTX_LP"),
            .file = temporary,
            .printer = v->printer.text,
            .copies = v->copies,
            .title = ui_text(UI_PRINT_TITLE, app->lang),
        };
        st = htx_print_file(&req, job, &err);
    }
    unlink(temporary);
    if (st != HTX_OK) {
        show_error(v, app, &err);
        if (err.msg == MSG_PRINT_NO_PRINTER) {
            snprintf(v->result, sizeof v->result, "%s", ui_text(UI_PRINT_NO_PRINTER, app->lang));
            suggest_file(v);
            v->focus = FIELD_FILE;
        }
        return;
    }
    snprintf(v->result, sizeof v->result, ui_text(UI_PRINT_SENT, app->lang), job, pages, v->copies);
    v->result_is_error = false;
}

/* The roster is read again at the moment of printing, so the paper shows what is stored now. */
static void run_job(print_view *v, tui_app *app)
{
    htx_roster_doc roster;
    htx_error err;
    htx_status st = htx_roster_doc_load(app->store, v->club, v->as_of, v->sort, &roster, &err);
    htx_document doc;
    if (st == HTX_OK)
        htx_roster_document(&roster, &doc);
    if (st != HTX_OK)
        show_error(v, app, &err);
    else if (v->file.length > 0)
        save_file(v, app, &doc);
    else
        send_to_printer(v, app, &doc);
    htx_roster_doc_free(&roster);
}

/* ---- events ------------------------------------------------------------------------- */

static void change_choice(print_view *v, int step)
{
    if (v->focus == FIELD_COPIES) {
        v->copies += step;
        if (v->copies < 1)
            v->copies = 1;
        if (v->copies > MAX_COPIES)
            v->copies = MAX_COPIES;
    } else if (v->focus == FIELD_FORMAT) {
        v->format = (save_format)((v->format + SAVE_FORMAT_COUNT + step) % SAVE_FORMAT_COUNT);
    }
}

static line_edit *focused_edit(print_view *v)
{
    return v->focus == FIELD_PRINTER ? &v->printer : v->focus == FIELD_FILE ? &v->file : NULL;
}

static void type_digit(print_view *v, int key)
{
    int copies = v->copies * 10 + (key - '0');
    v->copies = copies > MAX_COPIES ? key - '0' : copies;
    if (v->copies < 1)
        v->copies = 1;
}

static int print_handle(tui_view *view, tui_app *app, const tui_event *e)
{
    print_view *v = (print_view *)view;
    if (e->type != EV_KEY)
        return e->type == EV_MOUSE ? VIEW_HANDLED : VIEW_IGNORED;
    switch (e->action) {
    case ACT_CLOSE: return VIEW_HANDLED | VIEW_CLOSE | VIEW_REDRAW;
    case ACT_NEXT_FIELD: v->focus = (print_field)((v->focus + 1) % FIELD_COUNT); return VIEW_HANDLED | VIEW_REDRAW;
    case ACT_PREV_FIELD:
        v->focus = (print_field)((v->focus + FIELD_COUNT - 1) % FIELD_COUNT);
        return VIEW_HANDLED | VIEW_REDRAW;
    case ACT_RUN_PRINT:
        snprintf(v->result, sizeof v->result, "%s", ui_text(UI_PRINT_WORKING, app->lang));
        v->result_is_error = false;
        /* A long roster takes a moment to lay out: say so before the work. */
        app_redraw_now(app);
        run_job(v, app);
        return VIEW_HANDLED | VIEW_REDRAW;
    case ACT_PREV_CHOICE: change_choice(v, -1); return VIEW_HANDLED | VIEW_REDRAW;
    case ACT_NEXT_CHOICE: change_choice(v, +1); return VIEW_HANDLED | VIEW_REDRAW;
    default: break;
    }
    line_edit *edit = focused_edit(v);
    if (edit)
        tui_edit_key(edit, e->key);
    else if (v->focus == FIELD_COPIES && e->key >= '0' && e->key <= '9')
        type_digit(v, e->key);
    return VIEW_HANDLED | VIEW_REDRAW;
}

static void print_status(tui_view *view, tui_app *app, char *out, size_t size)
{
    (void)view;
    snprintf(out, size, "%s", ui_text(UI_PRINT_TITLE, app->lang));
}

static void print_destroy(tui_view *view)
{
    print_view *v = (print_view *)view;
    line_edit_free(&v->printer);
    line_edit_free(&v->file);
    free(v);
}

/* The printer and the file are typed; ←→ and - + change the copies and
 * the format. */
static const tui_action text_field_actions[] = {
    ACT_RUN_PRINT, ACT_CLOSE, ACT_NEXT_FIELD, ACT_PREV_FIELD, ACT_NONE,
};
static const tui_keymap text_field_keymap = {.actions = text_field_actions, .typing = true};
static const tui_action choice_field_actions[] = {
    ACT_RUN_PRINT, ACT_CLOSE, ACT_NEXT_FIELD, ACT_PREV_FIELD, ACT_PREV_CHOICE, ACT_NEXT_CHOICE, ACT_NONE,
};
static const tui_keymap choice_field_keymap = {.actions = choice_field_actions};

static const tui_keymap *print_keymap(const tui_view *view)
{
    const print_view *v = (const print_view *)view;
    return v->focus == FIELD_PRINTER || v->focus == FIELD_FILE ? &text_field_keymap : &choice_field_keymap;
}

static const tui_view_ops print_ops = {
    .draw = print_draw,
    .handle = print_handle,
    .reload = NULL,
    .status = print_status,
    .destroy = print_destroy,
    .popup = true,
    .keymap = &text_field_keymap,
    .current_keymap = print_keymap,
};

tui_view *view_print_new(tui_app *app, const char *club_code, const char *as_of_iso, htx_roster_sort sort)
{
    (void)app;
    print_view *v = calloc(1, sizeof *v);
    if (!v)
        return NULL;
    v->base.ops = &print_ops;
    snprintf(v->club, sizeof v->club, "%s", club_code);
    snprintf(v->as_of, sizeof v->as_of, "%s", as_of_iso ? as_of_iso : "");
    v->sort = sort;
    v->copies = 1;
    v->format = SAVE_PDF;
    line_edit_init(&v->printer, 127, false);
    line_edit_init(&v->file, 400, false);
    return &v->base;
}
