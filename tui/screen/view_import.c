/*
 * The import screen ('i'): a file's path and the choices the command line
 * offers (the encoding, the sheet of a workbook, the header row, the
 * district of rows without one, what to do with codes already registered,
 * what to do with invalid rows); then what core found in the file — the
 * encoding it detected or the workbook, the separator, the header and the
 * lines above it, each column with the field it fills (changed with ←→ on
 * the column, from the fields' list or "không nhập"), the first rows with
 * each conversion shown (import_preview.h); then the import itself with a
 * progress bar, and every problem with its line.  After a refusal the
 * choices can be changed and the import run again without leaving the
 * screen.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "audit.h"
#include "coop.h"
#include "display.h"
#include "edit_keys.h"
#include "fold.h"
#include "import.h"
#include "import_preview.h"
#include "import_maps.h"
#include "path_complete.h"
#include "refdata.h"
#include "text.h"
#include "ui_text.h"
#include "views.h"

#define LABEL_COLS 16

/* The fixed fields; the file's columns follow them (FIELD_COLUMNS + i). */
typedef enum import_field {
    FIELD_PATH, FIELD_ENCODING, FIELD_SHEET, FIELD_HEADER, FIELD_DISTRICT, FIELD_DUPLICATES, FIELD_INVALID,
    FIELD_COLUMNS
} import_field;

typedef enum import_phase { PHASE_PATH, PHASE_PREVIEW, PHASE_RUNNING, PHASE_DONE } import_phase;

/* The encodings offered, in the order ←→ steps through them. */
static const htx_encoding encodings[] = {
    HTX_ENC_AUTO, HTX_ENC_UTF8, HTX_ENC_UTF16, HTX_ENC_CP1258, HTX_ENC_VISCII,
    HTX_ENC_TCVN3, HTX_ENC_TCVN_VN1, HTX_ENC_VNI, HTX_ENC_VIQR,
};
#define ENCODING_CHOICES ((int)(sizeof encodings / sizeof encodings[0]))

static const ui_id duplicate_labels[] = {UI_IMPORT_DUP_FAIL, UI_IMPORT_DUP_SKIP, UI_IMPORT_DUP_UPDATE};

/* A column's field chosen by hand: its header and the field's key ("-"
 * for none), as --map gives them. */
typedef struct chosen_map {
    char *column;
    const char *field;
} chosen_map;

typedef struct import_view {
    tui_view base;
    import_phase phase;
    int focus; /* import_field, or FIELD_COLUMNS + a column */
    line_edit path;
    int encoding_choice; /* index in encodings */
    htx_on_duplicate on_duplicate;
    bool skip_invalid;
    int sheet;        /* of a workbook, from 1; 0 the first */
    long header_row;  /* 0: found */
    int district;     /* -1: the address's; else in HTX_DISTRICTS */
    chosen_map maps[64];
    size_t map_count;
    bool recalled; /* the mapping remembered for the file's headers was looked up */
    htx_import_file *file;
    bool read_tried; /* the path was read (or failed to be) since it was edited */
    import_preview preview;
    char memberships[HTX_SIBLING_PATH_SIZE]; /* the memberships file beside the register, or "" */
    char rejects[HTX_SIBLING_PATH_SIZE]; /* where invalid rows go with skip_invalid */
    char message[1024];     /* an error opening the file, or the summary */
    bool message_is_error;
    htx_import_result result;
    int scroll;    /* first problem shown */
    tui_app *app;  /* while the import runs, for the progress bar */
    int percent;   /* of the file imported, while running */
} import_view;

/* ---- the file ---------------------------------------------------------------- */

static void set_message(import_view *v, bool error, const char *text)
{
    snprintf(v->message, sizeof v->message, "%s", text);
    v->message_is_error = error;
}

static void close_file(import_view *v)
{
    htx_import_close(v->file);
    v->file = NULL;
    import_preview_free(&v->preview);
    v->memberships[0] = '\0';
}

/* The choices of the screen as the importer's options (the maps point
 * into v). */
static void screen_options(const import_view *v, htx_import_options *opt, htx_column_map *maps, char *sheet,
                           size_t sheet_size)
{
    htx_import_options_init(opt);
    opt->encoding = encodings[v->encoding_choice];
    if (v->sheet > 0) {
        snprintf(sheet, sheet_size, "%d", v->sheet);
        opt->sheet = sheet;
    }
    opt->header_row = v->header_row;
    opt->district = v->district >= 0 ? HTX_DISTRICTS[v->district].name : NULL;
    for (size_t i = 0; i < v->map_count; i++)
        maps[i] = (htx_column_map){v->maps[i].column, v->maps[i].field};
    opt->maps = maps;
    opt->map_count = v->map_count;
}

/* The file's headers, or its columns' fields, joined by tabs (import_maps.h). */
static char *joined(const htx_import_file *f, bool fields)
{
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    if (!out)
        return NULL;
    for (size_t i = 0; i < f->column_count; i++) {
        if (i)
            fputc('\t', out);
        if (fields) {
            int field = f->columns[i].field;
            fputs(field >= 0 ? htx_fields[field].key : "-", out);
        } else {
            char *plain = htx_fold_plain(f->columns[i].header);
            fputs(plain ? plain : "", out);
            free(plain);
        }
    }
    if (fclose(out) != 0) {
        free(text);
        return NULL;
    }
    return text;
}

static void forget_maps(import_view *v)
{
    for (size_t i = 0; i < v->map_count; i++)
        free(v->maps[i].column);
    v->map_count = 0;
    v->recalled = false;
}

static void choose_field(import_view *v, const char *header, const char *field);

/* The fields chosen by hand last time for a file with these headers, as
 * choices of this one; false when none were remembered. */
static bool recall_maps(import_view *v, tui_app *app)
{
    v->recalled = true;
    char *headers = joined(v->file, false), *fields = NULL;
    htx_error err;
    bool found = headers && htx_import_maps_load(app->store, headers, &fields, &err) == HTX_OK;
    char *rest = NULL, *token = found ? strtok_r(fields, "\t", &rest) : NULL;
    for (size_t i = 0; token && i < v->file->column_count; i++, token = strtok_r(NULL, "\t", &rest)) {
        const htx_field_def *def = strcmp(token, "-") == 0 ? NULL : htx_field_find(token);
        int field = def ? (int)def->id : -1;
        if (field != v->file->columns[i].field && (def || strcmp(token, "-") == 0))
            choose_field(v, v->file->columns[i].header, def ? def->key : "-");
    }
    free(headers);
    free(fields);
    return found && v->map_count > 0;
}

/* After an import with columns mapped by hand: remembered for the next file
 * with the same headers. */
static void remember_maps(import_view *v, tui_app *app)
{
    if (v->map_count == 0)
        return;
    char *headers = joined(v->file, false), *fields = joined(v->file, true);
    htx_error err;
    if (headers && fields)
        htx_import_maps_save(app->store, headers, fields, htx_audit_user(app->user), &err);
    free(headers);
    free(fields);
}

static void open_file(import_view *v, tui_app *app)
{
    close_file(v);
    v->read_tried = true;
    htx_import_result_free(&v->result);
    htx_import_options opt;
    htx_column_map maps[64];
    char sheet[16];
    screen_options(v, &opt, maps, sheet, sizeof sheet);
    htx_error err;
    const char *path = v->path.text ? v->path.text : "";
    if (htx_import_open(path, &opt, &v->file, &err) != HTX_OK) {
        char text[1024];
        htx_error_text(&err, app->lang, text, sizeof text);
        set_message(v, true, text);
        v->phase = PHASE_PATH;
        return;
    }
    if (!v->recalled && v->map_count == 0 && recall_maps(v, app)) {
        open_file(v, app); /* read again with the remembered choices */
        if (v->file) {
            set_message(v, false, ui_text(UI_IMPORT_MAPS_RECALLED, app->lang));
            return;
        }
        /* They no longer fit the file: its own headers then. */
        forget_maps(v);
        v->recalled = true;
        open_file(v, app);
        return;
    }
    import_preview_read(&v->preview, v->file, &opt, app->lang);
    htx_import_file_rejects_path(v->file, path, v->rejects, sizeof v->rejects);
    /* What `htx export --with-memberships` wrote beside the register goes in
     * with it, as the screen says: the round trip needs no extra step. */
    htx_import_memberships_path(path, v->memberships, sizeof v->memberships);
    if (access(v->memberships, R_OK) != 0)
        v->memberships[0] = '\0';
    set_message(v, false, "");
    v->phase = PHASE_PREVIEW;
}

/* ---- the import ---------------------------------------------------------------- */

static void show_progress(void *ctx, size_t done, size_t total)
{
    import_view *v = ctx;
    int percent = total ? (int)(done * 100 / total) : 100;
    if (percent != v->percent) {
        v->percent = percent;
        app_redraw_now(v->app);
    }
}

static void summarise(import_view *v, tui_app *app)
{
    const htx_import_result *r = &v->result;
    char text[1024];
    size_t n = (size_t)snprintf(text, sizeof text, ui_text(UI_IMPORT_DONE, app->lang), r->inserted + r->updated, r->inserted,
                                r->updated, r->skipped);
    if (v->memberships[0] && n < sizeof text)
        n += (size_t)snprintf(text + n, sizeof text - n, ui_text(UI_IMPORT_DONE_MEMBERSHIPS, app->lang),
                              r->memberships);
    if (r->rejected > 0 && n + 2 < sizeof text) {
        n += (size_t)snprintf(text + n, sizeof text - n, ". ");
        snprintf(text + n, sizeof text - n, ui_text(UI_IMPORT_DONE_REJECTED, app->lang), r->rejected,
                 v->rejects);
    }
    set_message(v, false, text);
}

static void run_import(import_view *v, tui_app *app)
{
    htx_import_options opt;
    htx_column_map maps[64];
    char sheet[16];
    screen_options(v, &opt, maps, sheet, sizeof sheet);
    opt.on_duplicate = v->on_duplicate;
    opt.skip_invalid = v->skip_invalid;
    opt.rejects_path = v->rejects;
    opt.memberships_path = v->memberships[0] ? v->memberships : NULL;
    opt.progress = show_progress;
    opt.progress_ctx = v;
    opt.user = htx_audit_user(app->user);
    opt.lang = app->lang;
    v->app = app;
    v->percent = 0;
    v->phase = PHASE_RUNNING;
    set_message(v, false, "");
    app_redraw_now(app);
    htx_import_result_free(&v->result);
    htx_error err;
    htx_status st = htx_import_run(app->store, v->file, &opt, &v->result, &err);
    if (st == HTX_OK) {
        remember_maps(v, app);
        summarise(v, app);
        app_reload_all(app);
    } else {
        char text[1024];
        if (st == HTX_ERR_INVALID && v->result.problem_count > 0)
            snprintf(text, sizeof text, ui_text(UI_IMPORT_REFUSED, app->lang), v->result.problem_count);
        else
            htx_error_text(&err, app->lang, text, sizeof text);
        set_message(v, true, text);
    }
    v->scroll = 0;
    v->phase = PHASE_DONE;
}

/* ---- drawing -------------------------------------------------------------------- */

static void draw_field(tui_canvas *c, int y, tui_rect a, ui_id label, const char *value, bool focused,
                       htx_lang lang)
{
    canvas_text(c, y, a.x + 1, LABEL_COLS, ui_text(label, lang), STYLE_NORMAL);
    int x = a.x + 1 + LABEL_COLS;
    tui_style style = focused ? STYLE_CURSOR : STYLE_INPUT;
    canvas_text_fill(c, y, x, a.x + a.width - 1 - x, "", style);
    canvas_text_safe(c, y, x + 1, a.x + a.width - 2 - x, value, style);
}

static void draw_choices(import_view *v, tui_app *app, tui_canvas *c, int y, tui_rect a)
{
    htx_lang lang = app->lang;
    char value[4200];
    htx_encoding chosen = encodings[v->encoding_choice];
    if (chosen != HTX_ENC_AUTO)
        snprintf(value, sizeof value, "%s", htx_encoding_name(chosen));
    else if (v->file && v->file->workbook != HTX_WORKBOOK_NONE)
        snprintf(value, sizeof value, ui_text(UI_IMPORT_WORKBOOK, lang), htx_workbook_kind_name(v->file->workbook));
    else if (v->file)
        snprintf(value, sizeof value, ui_text(v->file->unsure ? UI_IMPORT_DETECTED_UNSURE : UI_IMPORT_DETECTED_AS, lang),
                 htx_encoding_name(v->file->encoding));
    else
        snprintf(value, sizeof value, "%s", ui_text(UI_IMPORT_AUTO, lang));
    draw_field(c, y, a, UI_IMPORT_ENCODING, value, v->focus == FIELD_ENCODING, lang);
    if (v->sheet > 0)
        snprintf(value, sizeof value, ui_text(UI_IMPORT_SHEET_NUMBER, lang), v->sheet);
    else
        snprintf(value, sizeof value, "%s", ui_text(UI_IMPORT_SHEET_FIRST, lang));
    draw_field(c, y + 1, a, UI_IMPORT_SHEET, value, v->focus == FIELD_SHEET, lang);
    if (v->header_row > 0)
        snprintf(value, sizeof value, ui_text(UI_IMPORT_HEADER_LINE, lang), v->header_row);
    else if (v->file)
        snprintf(value, sizeof value, ui_text(UI_IMPORT_HEADER_FOUND, lang), v->file->header_line);
    else
        snprintf(value, sizeof value, "%s", ui_text(UI_IMPORT_HEADER_FIND, lang));
    draw_field(c, y + 2, a, UI_IMPORT_HEADER, value, v->focus == FIELD_HEADER, lang);
    snprintf(value, sizeof value, ui_text(UI_IMPORT_DISTRICT_FOR_ROWS, lang),
             v->district >= 0 ? HTX_DISTRICTS[v->district].name : ui_text(UI_IMPORT_DISTRICT_ADDRESS, lang));
    draw_field(c, y + 3, a, UI_IMPORT_DISTRICT, value, v->focus == FIELD_DISTRICT, lang);
    draw_field(c, y + 4, a, UI_IMPORT_DUPLICATES, ui_text(duplicate_labels[v->on_duplicate], lang),
               v->focus == FIELD_DUPLICATES, lang);
    if (v->skip_invalid)
        snprintf(value, sizeof value, ui_text(UI_IMPORT_INVALID_SKIP, lang),
                 v->file ? v->rejects : "….rejected.csv");
    else
        snprintf(value, sizeof value, "%s", ui_text(UI_IMPORT_INVALID_ALL, lang));
    draw_field(c, y + 5, a, UI_IMPORT_INVALID, value, v->focus == FIELD_INVALID, lang);
}

/* Each column of the file with the field it fills, one after the other,
 * wrapped; the one in focus highlighted.  Returns the next line. */
static int draw_columns(import_view *v, tui_app *app, tui_canvas *c, int y, tui_rect a)
{
    const htx_import_file *f = v->file;
    const char *title = ui_text(UI_IMPORT_COLUMNS, app->lang);
    canvas_text(c, y, a.x + 1, a.width - 2, title, STYLE_NORMAL);
    int x0 = a.x + 2 + (int)htx_text_width(title), x = x0, right = a.x + a.width - 1;
    for (size_t i = 0; i < f->column_count; i++) {
        const htx_import_column *col = &f->columns[i];
        char item[600];
        const char *field = col->field >= 0 ? htx_field_label((htx_field_id)col->field, app->lang)
                            : col->numbering ? ui_text(UI_IMPORT_NUMBERING, app->lang)
                                             : ui_text(UI_IMPORT_NOT_IMPORTED, app->lang);
        snprintf(item, sizeof item, "%s → %s", col->header[0] ? col->header : "…", field);
        char *safe = htx_text_sanitize(item);
        int width = safe ? (int)htx_text_width(safe) : 0;
        if (x > x0 && x + width > right) {
            y++;
            x = x0;
        }
        bool focused = v->focus == FIELD_COLUMNS + (int)i;
        canvas_text(c, y, x, right - x, safe ? safe : "",
                    focused ? STYLE_CURSOR : col->field >= 0 ? STYLE_NORMAL : STYLE_DIM);
        free(safe);
        x += width + 3;
    }
    return y + 1;
}

static int draw_file_facts(import_view *v, tui_app *app, tui_canvas *c, int y, tui_rect a)
{
    const htx_import_file *f = v->file;
    char line[1024];
    const char *sep = f->separator == '\t' ? "tab" : f->separator == ';' ? ";" : ",";
    if (f->workbook == HTX_WORKBOOK_NONE) {
        snprintf(line, sizeof line, "%s: %s", ui_text(UI_IMPORT_SEPARATOR, app->lang), sep);
        canvas_text(c, y++, a.x + 1, a.width - 2, line, STYLE_NORMAL);
    }
    if (f->lines_above > 0) {
        snprintf(line, sizeof line, ui_text(UI_IMPORT_LINES_ABOVE, app->lang), f->header_line, f->lines_above);
        canvas_text(c, y++, a.x + 1, a.width - 2, line, STYLE_NORMAL);
    }
    if (v->memberships[0]) {
        snprintf(line, sizeof line, ui_text(UI_IMPORT_MEMBERSHIPS, app->lang), v->memberships);
        canvas_text_safe(c, y++, a.x + 1, a.width - 2, line, STYLE_NORMAL);
    }
    size_t used = (size_t)snprintf(line, sizeof line, "%s: ", ui_text(UI_IMPORT_UNUSED, app->lang));
    size_t start = used;
    for (size_t i = 0; i < f->column_count && used < sizeof line; i++)
        if (f->columns[i].field < 0 && !f->columns[i].numbering && f->columns[i].header[0])
            used += (size_t)snprintf(line + used, sizeof line - used, "%s\"%s\"", used > start ? ", " : "",
                                     f->columns[i].header);
    if (used > start)
        canvas_text_safe(c, y++, a.x + 1, a.width - 2, line, STYLE_ERROR);
    return draw_columns(v, app, c, y, a) + 1;
}

static void draw_progress(import_view *v, tui_app *app, tui_canvas *c, int y, tui_rect a)
{
    char bar[256];
    int filled = v->percent * 40 / 100;
    size_t n = (size_t)snprintf(bar, sizeof bar, "%s [", ui_text(UI_IMPORT_RUNNING, app->lang));
    for (int i = 0; i < 40 && n + 4 < sizeof bar; i++)
        n += (size_t)snprintf(bar + n, sizeof bar - n, "%s", i < filled ? "█" : "·");
    snprintf(bar + n, sizeof bar - n, "] %d%%", v->percent);
    canvas_text(c, y, a.x + 1, a.width - 2, bar, STYLE_HEADER);
}

static void draw_problems(import_view *v, tui_app *app, tui_canvas *c, int y, tui_rect a)
{
    for (size_t i = (size_t)v->scroll; i < v->result.problem_count && y < a.y + a.height - 2; i++, y++) {
        const htx_import_problem *p = &v->result.problems[i];
        char text[1024], line[1400];
        htx_error_text(&p->error, app->lang, text, sizeof text);
        if (p->in_memberships)
            snprintf(line, sizeof line, "%s %ld (%s): %s", ui_text(UI_IMPORT_LINE, app->lang), p->line,
                     ui_text(UI_IMPORT_IN_MEMBERSHIPS, app->lang), text);
        else
            snprintf(line, sizeof line, "%s %ld: %s", ui_text(UI_IMPORT_LINE, app->lang), p->line, text);
        canvas_text_safe(c, y, a.x + 1, a.width - 2, line, STYLE_ERROR);
    }
}

static void import_draw(tui_view *view, tui_app *app, tui_canvas *c, tui_rect a)
{
    import_view *v = (import_view *)view;
    canvas_fill(c, a.y, a.x, a.height, a.width, STYLE_NORMAL);
    int y = a.y;
    canvas_text(c, y++, a.x + 1, a.width - 2, ui_text(UI_IMPORT_TITLE, app->lang), STYLE_HEADER);
    char shown[1024];
    int cursor = 0;
    line_edit_view(&v->path, a.width - 4 - LABEL_COLS, shown, sizeof shown, &cursor);
    /* The path is edited: a caret where typing goes, not a highlighted bar. */
    draw_field(c, y, a, UI_IMPORT_FILE, shown, false, app->lang);
    if (v->focus == FIELD_PATH)
        canvas_restyle(c, y, a.x + 2 + LABEL_COLS + cursor, 1, STYLE_CURSOR);
    y++;
    draw_choices(v, app, c, y, a);
    y += 7;
    if (v->message[0])
        canvas_text_safe(c, y++, a.x + 1, a.width - 2, v->message, v->message_is_error ? STYLE_ERROR : STYLE_HEADER);
    if (v->phase == PHASE_RUNNING)
        draw_progress(v, app, c, y, a);
    else if (v->phase == PHASE_DONE)
        draw_problems(v, app, c, y, a);
    else if (v->phase == PHASE_PREVIEW)
        import_preview_draw(&v->preview, app, c, draw_file_facts(v, app, c, y, a), a);
    ui_id hint = v->phase == PHASE_PATH ? UI_IMPORT_HINT_PATH
                 : v->phase == PHASE_DONE ? UI_IMPORT_HINT_DONE : UI_IMPORT_HINT_PREVIEW;
    canvas_text(c, a.y + a.height - 1, a.x + 1, a.width - 2, ui_text(hint, app->lang), STYLE_DIM);
}

/* ---- events ----------------------------------------------------------------------- */

static int focus_count(const import_view *v)
{
    return FIELD_COLUMNS + (v->file ? (int)v->file->column_count : 0);
}

/* The field after (step 1) or before (-1) a column's, "không nhập" (-1)
 * between the last and the first: the list a column's field is picked from. */
static int next_field(int field, int step)
{
    int count = HTX_FIELD_COUNT + 1;
    return (field + 1 + step + count) % count - 1;
}

/* Sets the field of column header (NULL: its own again), replacing what was
 * chosen for it before. */
static void choose_field(import_view *v, const char *header, const char *field)
{
    size_t i = 0;
    while (i < v->map_count && strcmp(v->maps[i].column, header) != 0)
        i++;
    if (i == v->map_count) {
        char *copy = field && v->map_count < sizeof v->maps / sizeof v->maps[0] ? strdup(header) : NULL;
        if (!copy)
            return;
        v->maps[v->map_count++] = (chosen_map){copy, field};
    } else if (field) {
        v->maps[i].field = field;
    } else {
        free(v->maps[i].column);
        v->maps[i] = v->maps[--v->map_count];
    }
}

/* A column given another field; when the file cannot be read so (two
 * columns for one field, no code column), the choice is undone and the
 * reason shown. */
static void set_column_field(import_view *v, tui_app *app, int column, int field)
{
    const htx_import_column *col = &v->file->columns[column];
    char *header = strdup(col->header);
    if (!header)
        return;
    const char *before = NULL;
    for (size_t i = 0; i < v->map_count; i++)
        if (strcmp(v->maps[i].column, header) == 0)
            before = v->maps[i].field;
    choose_field(v, header, field >= 0 ? htx_fields[field].key : "-");
    open_file(v, app);
    if (!v->file) {
        char why[1024];
        snprintf(why, sizeof why, "%s", v->message);
        choose_field(v, header, before);
        open_file(v, app);
        set_message(v, true, why);
    }
    free(header);
}

static bool on_column(const import_view *v)
{
    return v->file && v->focus >= FIELD_COLUMNS && v->focus < focus_count(v);
}

static void field_picked(tui_app *app, void *ctx, int index)
{
    import_view *v = ctx;
    if (on_column(v) && index >= 0 && index <= HTX_FIELD_COUNT)
        set_column_field(v, app, v->focus - FIELD_COLUMNS, index - 1);
}

/* Enter on a column: the list of fields to pick its own from, "không nhập"
 * first. */
static void pick_field(import_view *v, tui_app *app)
{
    if (!on_column(v))
        return;
    const char *items[HTX_FIELD_COUNT + 1];
    items[0] = ui_text(UI_IMPORT_NOT_IMPORTED, app->lang);
    for (int i = 0; i < HTX_FIELD_COUNT; i++)
        items[i + 1] = htx_field_label((htx_field_id)i, app->lang);
    const htx_import_column *col = &v->file->columns[v->focus - FIELD_COLUMNS];
    char title[300];
    snprintf(title, sizeof title, ui_text(UI_IMPORT_PICK_FIELD, app->lang), col->header);
    app_push(app, view_choice_new(app, title, items, HTX_FIELD_COUNT + 1, col->field + 1, field_picked, v));
}

static void change_choice(import_view *v, tui_app *app, int step)
{
    switch (v->focus) {
    case FIELD_ENCODING:
        v->encoding_choice = (v->encoding_choice + ENCODING_CHOICES + step) % ENCODING_CHOICES;
        break;
    case FIELD_SHEET: v->sheet = v->sheet + step < 0 ? 0 : v->sheet + step; break;
    case FIELD_HEADER: {
        long from = v->header_row ? v->header_row : v->file ? v->file->header_line : 0;
        v->header_row = from + step < 1 ? 0 : from + step;
        break;
    }
    case FIELD_DISTRICT: {
        int count = (int)HTX_DISTRICT_COUNT + 1;
        v->district = (v->district + 1 + step + count) % count - 1;
        break;
    }
    case FIELD_DUPLICATES:
        v->on_duplicate = (htx_on_duplicate)((v->on_duplicate + 3 + step) % 3);
        goto rules;
    case FIELD_INVALID: v->skip_invalid = !v->skip_invalid; goto rules;
    default:
        if (on_column(v))
            set_column_field(v, app, v->focus - FIELD_COLUMNS,
                             next_field(v->file->columns[v->focus - FIELD_COLUMNS].field, step));
        return;
    }
    /* The preview shows the file read the new way at once. */
    if (v->read_tried)
        open_file(v, app);
    if (v->focus >= focus_count(v))
        v->focus = FIELD_COLUMNS - 1;
    return;
rules:
    /* Changed rules after a refusal: back to the preview, ready to import again. */
    if (v->phase == PHASE_DONE && v->file) {
        v->phase = PHASE_PREVIEW;
        set_message(v, false, "");
    }
}

/* Tab in the path: the name completed as far as the matches agree; when
 * several remain they are listed under the fields. */
static void complete_path(import_view *v)
{
    path_completion done;
    if (!path_complete(v->path.text ? v->path.text : "", &done))
        return;
    if (strcmp(done.text ? done.text : "", v->path.text ? v->path.text : "") != 0) {
        line_edit_set(&v->path, done.text);
        close_file(v);
        forget_maps(v);
        v->read_tried = false;
        v->phase = PHASE_PATH;
    }
    char list[1024] = "";
    size_t used = 0;
    for (size_t i = 0; done.choice_count > 1 && i < done.choice_count && used + 4 < sizeof list; i++)
        used += (size_t)snprintf(list + used, sizeof list - used, "%s%s", i ? "  " : "", done.choices[i]);
    set_message(v, false, list);
    path_completion_free(&done);
}

static void scroll_problems(import_view *v, int step)
{
    long last = (long)v->result.problem_count - 1;
    long to = v->scroll + step;
    v->scroll = (int)(to > last ? (last > 0 ? last : 0) : to < 0 ? 0 : to);
}

static int import_handle(tui_view *view, tui_app *app, const tui_event *e)
{
    import_view *v = (import_view *)view;
    if (e->type != EV_KEY)
        return e->type == EV_MOUSE ? VIEW_HANDLED : VIEW_IGNORED;
    switch (e->action) {
    case ACT_CLOSE: return VIEW_HANDLED | VIEW_CLOSE | VIEW_REDRAW;
    case ACT_READ_FILE: open_file(v, app); return VIEW_HANDLED | VIEW_REDRAW;
    case ACT_RUN_IMPORT: run_import(v, app); return VIEW_HANDLED | VIEW_REDRAW;
    case ACT_CHOOSE: pick_field(v, app); return VIEW_HANDLED | VIEW_REDRAW;
    case ACT_COMPLETE_PATH: complete_path(v); return VIEW_HANDLED | VIEW_REDRAW;
    case ACT_DOWN: /* from the path, where Tab completes */
    case ACT_NEXT_FIELD: v->focus = (v->focus + 1) % focus_count(v); return VIEW_HANDLED | VIEW_REDRAW;
    case ACT_PREV_FIELD:
        v->focus = (v->focus + focus_count(v) - 1) % focus_count(v);
        return VIEW_HANDLED | VIEW_REDRAW;
    case ACT_PROBLEMS_DOWN: scroll_problems(v, 10); return VIEW_HANDLED | VIEW_REDRAW;
    case ACT_PROBLEMS_UP: scroll_problems(v, -10); return VIEW_HANDLED | VIEW_REDRAW;
    case ACT_PREV_CHOICE: change_choice(v, app, -1); return VIEW_HANDLED | VIEW_REDRAW;
    case ACT_NEXT_CHOICE: change_choice(v, app, +1); return VIEW_HANDLED | VIEW_REDRAW;
    default: break;
    }
    if (v->focus == FIELD_PATH) {
        v->path.changed = false;
        tui_edit_key(&v->path, e->key);
        /* Another path: what was read from the old one no longer applies. */
        if (v->path.changed) {
            close_file(v);
            forget_maps(v);
            v->read_tried = false;
            v->phase = PHASE_PATH;
            set_message(v, false, "");
        }
    }
    return VIEW_HANDLED | VIEW_REDRAW;
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
    close_file(v);
    forget_maps(v);
    htx_import_result_free(&v->result);
    free(v);
}

/*
 * The keys change with the field in focus — the path is typed, Tab
 * completing it; on a choice ←→ and - + change it — and with the phase:
 * Enter reads the file, then imports what the preview shows.  After an
 * import, Enter reads the file again: it may have been corrected meanwhile.
 * Help and quit come by F1 and F10 only: ? and q are typed into the path,
 * and on a choice they change nothing rather than leave.
 */
static const tui_action global_keys[] = {ACT_HELP, ACT_QUIT, ACT_NONE};
static const tui_action path_read_actions[] = {
    ACT_READ_FILE, ACT_CLOSE, ACT_COMPLETE_PATH,
    ACT_DOWN, ACT_PREV_FIELD, ACT_PROBLEMS_UP, ACT_PROBLEMS_DOWN, ACT_NONE,
};
static const tui_action path_import_actions[] = {
    ACT_RUN_IMPORT, ACT_CLOSE, ACT_COMPLETE_PATH,
    ACT_DOWN, ACT_PREV_FIELD, ACT_PROBLEMS_UP, ACT_PROBLEMS_DOWN, ACT_NONE,
};
static const tui_action choice_read_actions[] = {
    ACT_READ_FILE, ACT_CLOSE, ACT_PREV_CHOICE, ACT_NEXT_CHOICE,
    ACT_NEXT_FIELD, ACT_PREV_FIELD, ACT_PROBLEMS_UP, ACT_PROBLEMS_DOWN, ACT_NONE,
};
static const tui_action choice_import_actions[] = {
    ACT_RUN_IMPORT, ACT_CLOSE, ACT_PREV_CHOICE, ACT_NEXT_CHOICE,
    ACT_NEXT_FIELD, ACT_PREV_FIELD, ACT_PROBLEMS_UP, ACT_PROBLEMS_DOWN, ACT_NONE,
};
/* On a column, Enter opens the list of fields to pick from. */
static const tui_action column_actions[] = {
    ACT_CHOOSE, ACT_CLOSE, ACT_PREV_CHOICE, ACT_NEXT_CHOICE,
    ACT_NEXT_FIELD, ACT_PREV_FIELD, ACT_PROBLEMS_UP, ACT_PROBLEMS_DOWN, ACT_NONE,
};
static const tui_keymap column_keymap = {.actions = column_actions, .globals_by_special_keys = global_keys};
static const tui_keymap keymaps[2][2] = { /* [on a choice][ready to import] */
    {{.actions = path_read_actions, .globals_by_special_keys = global_keys, .typing = true},
     {.actions = path_import_actions, .globals_by_special_keys = global_keys, .typing = true}},
    {{.actions = choice_read_actions, .globals_by_special_keys = global_keys},
     {.actions = choice_import_actions, .globals_by_special_keys = global_keys}},
};

static const tui_keymap *import_keymap(const tui_view *view)
{
    const import_view *v = (const import_view *)view;
    if (on_column(v))
        return &column_keymap;
    return &keymaps[v->focus != FIELD_PATH][v->phase == PHASE_PREVIEW && v->file];
}

static const tui_view_ops import_ops = {
    .draw = import_draw,
    .handle = import_handle,
    .status = import_status,
    .destroy = import_destroy,
    .title = UI_IMPORT_TITLE,
    .keymap = &keymaps[0][0],
    .current_keymap = import_keymap,
};

tui_view *view_import_new(tui_app *app)
{
    (void)app;
    import_view *v = calloc(1, sizeof *v);
    if (!v)
        return NULL;
    v->base.ops = &import_ops;
    v->district = -1;
    line_edit_init(&v->path, 1000, false);
    /* Start in the working directory: staff open htx where their files are. */
    char cwd[1024];
    if (getcwd(cwd, sizeof cwd) && strlen(cwd) + 2 < sizeof cwd) {
        if (strcmp(cwd, "/") != 0)
            strcat(cwd, "/");
        line_edit_set(&v->path, cwd);
    }
    return &v->base;
}
