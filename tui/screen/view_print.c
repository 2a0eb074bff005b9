/*
 * The print dialog (F9) of what a list shows: a club's roster, or the
 * cooperatives of the main list as it is filtered, searched and ordered.
 *
 * The dialog lists the printers CUPS knows, the default one chosen; ↑↓ pick
 * another (a typed letter jumps to a printer's name).  Below are the
 * copies, a file to save instead with its format (PDF, text, CSV, Excel;
 * the file's ending follows the format), then the day a roster is of and
 * the document's date of issue: a list of 31/12/2019 printed today is
 * dated today and says "tính đến ngày 31/12/2019".  F3 shows the first page
 * as text.  Enter prints the PDF, or saves the file when one is
 * named, asking before it replaces a file (Enter and Esc keep it).
 * The result (the job id, the file written, or the error, wrapped whole)
 * stays in the dialog.  With no printer, or no print service, the dialog
 * says so and has a file name ready in the directory htx was started in.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "coop_list_doc.h"
#include "display.h"
#include "document_pdf.h"
#include "document_txt.h"
#include "document_xlsx.h"
#include "edit_keys.h"
#include "line_edit.h"
#include "outfile.h"
#include "print.h"
#include "printers.h"
#include "refdata.h"
#include "roster_doc.h"
#include "text.h"
#include "text_wrap.h"
#include "ui_text.h"
#include "views.h"

typedef enum print_field {
    FIELD_PRINTER,
    FIELD_COPIES,
    FIELD_FILE,
    FIELD_FORMAT,
    FIELD_AS_OF,  /* a roster's day: the members on that day */
    FIELD_ISSUED, /* the document's date of issue */
    FIELD_COUNT
} print_field;

typedef enum save_format { SAVE_PDF, SAVE_TXT, SAVE_CSV, SAVE_XLSX, SAVE_FORMAT_COUNT } save_format;

static const char *const format_labels[SAVE_FORMAT_COUNT] = {"PDF", "TXT", "CSV", "Excel (XLSX)"};
static const char *const format_endings[SAVE_FORMAT_COUNT] = {".pdf", ".txt", ".csv", ".xlsx"};

#define MAX_COPIES 999
#define PRINTER_ROWS 4 /* printers shown at once; more scroll */
#define LABEL_WIDTH 15

typedef enum print_source { SOURCE_ROSTER, SOURCE_LIST } print_source;

/* What is printed, kept by value: it is read again at the moment of printing. */
typedef struct print_subject {
    print_source source;
    /* a roster */
    char club[16];
    char as_of[HTX_ISO_DATE_SIZE];
    htx_roster_sort roster_sort;
    htx_date issued; /* the document's date of issue */
    /* a list: the filter, its texts held here */
    htx_filter filter;
    char district[4];
    char sector[16];
    char filter_club[16];
    char commune[64];
    char search[256];
} print_subject;

typedef struct print_view {
    tui_view base;
    print_subject subject;
    char about[512]; /* what is printed: "CLB các HTX Nông nghiệp", "Quận/huyện Thanh Trì" */
    print_field focus;
    htx_printer_list printers;
    int printer;     /* the chosen one */
    int printer_top; /* the first one shown */
    line_edit file;
    line_edit as_of, issued; /* dd/mm/yyyy */
    int copies;
    save_format format;
    char result[1200];
    bool result_is_error;
    /* F3: the document's first page as text, to check the heading before printing */
    htx_wrapped preview;
} print_view;

/* ---- the document ---------------------------------------------------------------- */

typedef struct loaded {
    htx_roster_doc roster;
    htx_coop_list_doc list;
    htx_document doc;
} loaded;

/* The subject as a document: its rows read from store, or without rows
 * (its words and name only) when store is NULL. */
static htx_status load_subject(const print_subject *s, htx_store *store, loaded *out, htx_error *err)
{
    memset(out, 0, sizeof *out);
    htx_status st = HTX_OK;
    if (s->source == SOURCE_ROSTER) {
        st = store ? htx_roster_doc_load(store, s->club, s->as_of, s->roster_sort, &out->roster, err)
                   : htx_roster_doc_init(s->club, s->as_of, s->roster_sort, &out->roster, err);
        out->roster.issued = s->issued;
        if (st == HTX_OK)
            htx_roster_document(&out->roster, &out->doc);
    } else {
        if (store)
            st = htx_coop_list_doc_load(store, &s->filter, &out->list, err);
        else
            htx_coop_list_doc_init(&s->filter, &out->list);
        out->list.issued = s->issued;
        if (st == HTX_OK)
            htx_coop_list_document(&out->list, &out->doc);
    }
    return st;
}

static void free_subject(const print_subject *s, loaded *l)
{
    if (s->source == SOURCE_ROSTER)
        htx_roster_doc_free(&l->roster);
    else
        htx_coop_list_doc_free(&l->list);
}

/* ---- the file name ------------------------------------------------------------------- */

/* Where the name's ending says a format (".pdf" …), or NULL. */
static const char *format_ending(const char *name)
{
    const char *slash = strrchr(name, '/');
    const char *dot = strrchr(slash ? slash + 1 : name, '.');
    for (int f = 0; dot && f < SAVE_FORMAT_COUNT; f++)
        if (strcasecmp(dot, format_endings[f]) == 0)
            return dot;
    return NULL;
}

/* The name's ending follows the format: a format's ending is replaced, a
 * name without one gets it. */
static void follow_format(print_view *v)
{
    if (v->file.length == 0)
        return;
    const char *ending = format_ending(v->file.text);
    int keep = ending ? (int)(ending - v->file.text) : (int)v->file.length;
    char name[600];
    snprintf(name, sizeof name, "%.*s%s", keep, v->file.text, format_endings[v->format]);
    line_edit_set(&v->file, name);
    line_edit_end(&v->file);
}

/* What the dialog prints, in a line: the club, or the list's scope. */
static void describe_subject(print_view *v)
{
    if (v->subject.source == SOURCE_LIST) {
        htx_coop_list_scope(&v->subject.filter, v->about, sizeof v->about);
        return;
    }
    const htx_club *club = htx_club_find(v->subject.club);
    snprintf(v->about, sizeof v->about, "%s", club ? club->name : v->subject.club);
}

/* The document's own name ("danh-sach-clb-nong-nghiep-2026-12-02.pdf"),
 * in the directory htx was started in. */
static void suggest_file(print_view *v)
{
    loaded words;
    if (load_subject(&v->subject, NULL, &words, NULL) != HTX_OK)
        return;
    char name[400];
    htx_doc_file_name(&words.doc, format_endings[v->format], name, sizeof name);
    free_subject(&v->subject, &words);
    line_edit_set(&v->file, name);
    line_edit_end(&v->file);
}

/* ---- drawing --------------------------------------------------------------------- */

/* text in lines of width columns; none when out of memory. */
static htx_wrapped wrap_lines(const char *text, int width)
{
    htx_wrapped lines = {0};
    char *safe = htx_text_sanitize(text);
    if (!safe || !htx_wrap_columns(safe, width > 1 ? width : 1, &lines))
        lines.count = 0;
    free(safe);
    return lines;
}

static void draw_field(tui_canvas *c, int y, int x, int width, const char *label, const char *value,
                       bool focused)
{
    char padded[64];
    htx_text_pad(label, LABEL_WIDTH - 1, padded, sizeof padded);
    canvas_text(c, y, x, LABEL_WIDTH, padded, STYLE_POPUP);
    canvas_text_fill(c, y, x + LABEL_WIDTH, width - LABEL_WIDTH, "", focused ? STYLE_CURSOR : STYLE_INPUT);
    canvas_text(c, y, x + LABEL_WIDTH + 1, width - LABEL_WIDTH - 2, value, focused ? STYLE_CURSOR : STYLE_INPUT);
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

static int printer_rows(const print_view *v)
{
    int n = v->printers.count;
    return n < 1 ? 1 : n > PRINTER_ROWS ? PRINTER_ROWS : n;
}

/* The printers, one a row, the chosen one marked: "▸ Tang2 (mặc định)". */
static void draw_printers(print_view *v, htx_lang lang, tui_canvas *c, int y, int x, int width)
{
    char padded[64];
    htx_text_pad(ui_text(UI_PRINT_PRINTER, lang), LABEL_WIDTH - 1, padded, sizeof padded);
    canvas_text(c, y, x, LABEL_WIDTH, padded, STYLE_POPUP);
    int box = width - LABEL_WIDTH;
    if (v->printers.count == 0) {
        canvas_text_fill(c, y, x + LABEL_WIDTH, box, "", STYLE_INPUT);
        canvas_text(c, y, x + LABEL_WIDTH + 1, box - 2, ui_text(UI_PRINT_NO_PRINTERS, lang), STYLE_DIM);
        return;
    }
    if (v->printer < v->printer_top)
        v->printer_top = v->printer;
    if (v->printer >= v->printer_top + PRINTER_ROWS)
        v->printer_top = v->printer - PRINTER_ROWS + 1;
    bool focused = v->focus == FIELD_PRINTER;
    for (int row = 0; row < printer_rows(v); row++) {
        int i = v->printer_top + row;
        const htx_printer *p = &v->printers.items[i];
        bool chosen = i == v->printer;
        char line[600];
        snprintf(line, sizeof line, "%s%s%s%s%s%s", chosen ? "▸ " : "  ", p->name, p->description[0] ? " — " : "",
                 p->description, p->is_default ? " " : "", p->is_default ? ui_text(UI_PRINT_DEFAULT_MARK, lang) : "");
        tui_style style = chosen ? (focused ? STYLE_CURSOR : STYLE_CURSOR_DIM) : STYLE_INPUT;
        canvas_text_fill(c, y + row, x + LABEL_WIDTH, box, "", style);
        canvas_text(c, y + row, x + LABEL_WIDTH + 1, box - 2, line, style);
    }
}

static ui_id title_of(const print_view *v)
{
    return v->subject.source == SOURCE_ROSTER ? UI_PRINT_TITLE : UI_PRINT_LIST_TITLE;
}

static void print_draw(tui_view *view, tui_app *app, tui_canvas *c, tui_rect a)
{
    print_view *v = (print_view *)view;
    htx_lang lang = app->lang;
    int width = a.width - 4 < 84 ? a.width - 4 : 84;
    int inner = width - 4;
    htx_wrapped result = v->preview.count > 0 ? v->preview : wrap_lines(v->result, inner);
    htx_wrapped hint = wrap_lines(ui_text(v->focus == FIELD_PRINTER ? UI_PRINT_HINT_PRINTER : UI_PRINT_HINT, lang),
                                  inner);
    int printers = printer_rows(v);
    /* borders, the title's blank, the fields, and a blank before the result and the hint */
    int fixed = 8 + printers + hint.count + (v->subject.source == SOURCE_ROSTER ? 2 : 1);
    int result_lines = result.count > 0 ? result.count : 1;
    if (fixed + result_lines > a.height)
        result_lines = a.height - fixed > 0 ? a.height - fixed : 0;
    int height = fixed + result_lines < a.height ? fixed + result_lines : a.height;
    int y = a.y + (a.height - height) / 2, x = a.x + (a.width - width) / 2;
    canvas_fill(c, y, x, height, width, STYLE_POPUP);
    canvas_box(c, y, x, height, width, STYLE_POPUP);
    canvas_text(c, y, x + 2, width - 4, ui_text(title_of(v), lang), STYLE_POPUP);
    canvas_text(c, y + 1, x + 2, inner, v->about, STYLE_POPUP);

    int row = y + 2;
    draw_printers(v, lang, c, row, x + 2, inner);
    row += printers;
    char value[600];
    snprintf(value, sizeof value, "◂ %d ▸", v->copies);
    draw_field(c, row++, x + 2, inner, ui_text(UI_PRINT_COPIES, lang), value, v->focus == FIELD_COPIES);
    edit_value(&v->file, v->focus == FIELD_FILE, ui_text(UI_PRINT_FILE_EMPTY, lang), inner - LABEL_WIDTH, value,
               sizeof value);
    draw_field(c, row++, x + 2, inner, ui_text(UI_PRINT_FILE, lang), value, v->focus == FIELD_FILE);
    snprintf(value, sizeof value, "◂ %s ▸", format_labels[v->format]);
    draw_field(c, row++, x + 2, inner, ui_text(UI_PRINT_FORMAT, lang), value, v->focus == FIELD_FORMAT);
    if (v->subject.source == SOURCE_ROSTER) {
        edit_value(&v->as_of, v->focus == FIELD_AS_OF, "", inner - LABEL_WIDTH, value, sizeof value);
        draw_field(c, row++, x + 2, inner, ui_text(UI_PRINT_AS_OF, lang), value, v->focus == FIELD_AS_OF);
    }
    edit_value(&v->issued, v->focus == FIELD_ISSUED, "", inner - LABEL_WIDTH, value, sizeof value);
    draw_field(c, row++, x + 2, inner, ui_text(UI_PRINT_ISSUED, lang), value, v->focus == FIELD_ISSUED);

    row++;
    tui_style result_style = v->preview.count > 0 ? STYLE_INPUT : v->result_is_error ? STYLE_ERROR : STYLE_POPUP;
    for (int i = 0; i < result_lines && i < result.count; i++)
        canvas_text(c, row + i, x + 2, inner, result.lines[i], result_style);
    row += result_lines + 1;
    for (int i = 0; i < hint.count && row + i < y + height - 1; i++)
        canvas_text(c, row + i, x + 2, inner, hint.lines[i], STYLE_DIM);
    if (result.lines != v->preview.lines)
        htx_wrapped_free(&result);
    htx_wrapped_free(&hint);
}

/* ---- doing it ---------------------------------------------------------------------- */

static void show_error(print_view *v, tui_app *app, const htx_error *err)
{
    char message[1000];
    htx_error_message(err, app->lang, message, sizeof message);
    snprintf(v->result, sizeof v->result, "%s: %s", ui_text(UI_ERROR, app->lang), message);
    v->result_is_error = true;
}

/* The dialog on the file field, a name ready when none is typed. */
static void start_on_file(print_view *v)
{
    if (v->file.length == 0)
        suggest_file(v);
    v->focus = FIELD_FILE;
}

/* Nothing to print to: the way out is a file. */
static void no_printer(print_view *v, tui_app *app)
{
    snprintf(v->result, sizeof v->result, "%s", ui_text(UI_PRINT_NO_PRINTER, app->lang));
    v->result_is_error = true;
    start_on_file(v);
}

/* Printing failed for want of a printer: the error, then the way out. */
static void error_then_file(print_view *v, tui_app *app, const htx_error *err)
{
    show_error(v, app, err);
    size_t used = strlen(v->result);
    bool ended = used > 0 && v->result[used - 1] == '.';
    snprintf(v->result + used, sizeof v->result - used, "%s %s", ended ? "" : ".",
             ui_text(UI_PRINT_SAVE_INSTEAD, app->lang));
    start_on_file(v);
}

static void say_saved(print_view *v, tui_app *app, int rows)
{
    char *where = realpath(v->file.text, NULL);
    ui_id said = v->subject.source == SOURCE_ROSTER ? UI_PRINT_SAVED : UI_PRINT_SAVED_COOPS;
    snprintf(v->result, sizeof v->result, ui_text(said, app->lang), rows, where ? where : v->file.text);
    free(where);
    v->result_is_error = false;
}

/* The file is replaced only once the document is whole (outfile.h); an
 * existing one only when replace is set (HTX_ERR_EXISTS otherwise). */
static htx_status save_document(const print_view *v, const char *register_path, const htx_document *doc,
                                bool replace, htx_error *err)
{
    htx_outfile file;
    /* Never over the open register, whatever name it is typed under. */
    htx_outfile_rules rules = {.register_path = register_path, .replace = replace};
    htx_status st = htx_outfile_open_checked(&file, v->file.text, &rules, err);
    if (st != HTX_OK)
        return st;
    if (v->format == SAVE_PDF)
        st = htx_doc_write_pdf(doc, htx_outfile_name(&file), NULL, err);
    else if (v->format == SAVE_XLSX)
        st = htx_doc_write_xlsx(doc, htx_outfile_name(&file), err);
    else if (v->format == SAVE_CSV)
        st = htx_doc_write_csv(doc, true, file.file, err);
    else
        st = htx_doc_write_txt(doc, (htx_txt_layout){HTX_TXT_WIDTH, HTX_TXT_LINES}, file.file, NULL, err);
    if (st == HTX_OK)
        return htx_outfile_commit(&file, err);
    htx_outfile_abandon(&file);
    return st;
}

enum { OVERWRITE_YES, OVERWRITE_KEEP };

static void overwrite_answered(tui_app *app, void *ctx, int answer);

static void ask_to_overwrite(print_view *v, tui_app *app)
{
    htx_lang lang = app->lang;
    char exists[700];
    snprintf(exists, sizeof exists, ui_text(UI_OVERWRITE_LINE, lang), v->file.text);
    const char *lines[] = {exists, ui_text(UI_OVERWRITE_ASK, lang)};
    const char *answers[] = {[OVERWRITE_YES] = ui_text(UI_OVERWRITE_YES, lang),
                             [OVERWRITE_KEEP] = ui_text(UI_OVERWRITE_NO, lang)};
    /* keeping the file is the safe answer: Enter and Esc give it */
    tui_question q = {ui_text(UI_OVERWRITE_TITLE, lang), lines, 2, answers, 2, OVERWRITE_KEEP, overwrite_answered, v};
    app_push(app, view_question_new(app, &q));
}

/* The document is read again at the moment of saving, so the file shows
 * what is stored now; a file that is there is replaced only when the
 * question said so. */
static void save_file(print_view *v, tui_app *app, bool replace)
{
    follow_format(v);
    htx_error err;
    htx_outfile_rules rules = {.register_path = app->db_path, .replace = replace};
    htx_status st = htx_outfile_check(v->file.text, &rules, &err);
    if (st == HTX_ERR_EXISTS) {
        v->result[0] = '\0';
        ask_to_overwrite(v, app);
        return;
    }
    loaded l;
    if (st == HTX_OK)
        st = load_subject(&v->subject, app->store, &l, &err);
    else
        memset(&l, 0, sizeof l);
    if (st == HTX_OK)
        st = save_document(v, app->db_path, &l.doc, replace, &err);
    if (st != HTX_OK)
        show_error(v, app, &err);
    else
        say_saved(v, app, l.doc.row_count);
    free_subject(&v->subject, &l);
}

static void overwrite_answered(tui_app *app, void *ctx, int answer)
{
    print_view *v = ctx;
    if (answer == OVERWRITE_YES) {
        save_file(v, app, true);
        return;
    }
    snprintf(v->result, sizeof v->result, ui_text(UI_PRINT_KEPT, app->lang), v->file.text);
    v->result_is_error = false;
    v->focus = FIELD_FILE;
}

/* CUPS could not take the job for want of a printer: a file is the way out. */
static bool wants_a_file(htx_msg msg)
{
    return msg == MSG_PRINT_NO_PRINTER || msg == MSG_PRINT_NO_DEFAULT || msg == MSG_PRINT_NO_SCHEDULER;
}

static void send_to_printer(print_view *v, tui_app *app)
{
    if (v->printers.count == 0) {
        no_printer(v, app);
        return;
    }
    const char *dir = getenv("TMPDIR");
    char temporary[512];
    snprintf(temporary, sizeof temporary, "%s/htx-print-XXXXXX.pdf", dir && dir[0] ? dir : "/tmp");
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
    loaded l;
    /* read again at the moment of printing: the paper shows what is stored now */
    htx_status st = load_subject(&v->subject, app->store, &l, &err);
    if (st == HTX_OK)
        st = htx_doc_write_pdf(&l.doc, temporary, &pages, &err);
    if (st == HTX_OK) {
        char title[700];
        snprintf(title, sizeof title, "%s %s", l.doc.texts.title, l.doc.texts.subtitle);
        htx_print_request req = {
            .command = getenv("HTX_LP"),
            .file = temporary,
            .printer = v->printers.items[v->printer].name,
            .copies = v->copies,
            .title = title,
        };
        st = htx_print_file(&req, job, &err);
    }
    free_subject(&v->subject, &l);
    unlink(temporary);
    if (st != HTX_OK) {
        if (wants_a_file(err.msg))
            error_then_file(v, app, &err);
        else
            show_error(v, app, &err);
        return;
    }
    snprintf(v->result, sizeof v->result, ui_text(UI_PRINT_SENT, app->lang), job, pages, v->copies);
    v->result_is_error = false;
}

/* ---- events ------------------------------------------------------------------------- */

/* Without a printer, the printer and the copies are not to be chosen; a
 * list of cooperatives is of today. */
static bool field_offered(const print_view *v, print_field f)
{
    if (f == FIELD_AS_OF && v->subject.source != SOURCE_ROSTER)
        return false;
    return v->printers.count > 0 || (f != FIELD_PRINTER && f != FIELD_COPIES);
}

static void move_focus(print_view *v, int step)
{
    print_field f = v->focus;
    do
        f = (print_field)((f + FIELD_COUNT + step) % FIELD_COUNT);
    while (!field_offered(v, f));
    v->focus = f;
}

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
        follow_format(v);
    }
}

static void choose_printer(print_view *v, int step)
{
    int i = v->printer + step;
    if (i >= 0 && i < v->printers.count)
        v->printer = i;
}

/* A typed letter: the next printer whose name begins with it. */
static void find_printer(print_view *v, int key)
{
    if (key <= 0 || key >= 0x80)
        return;
    for (int k = 1; k <= v->printers.count; k++) {
        int i = (v->printer + k) % v->printers.count;
        if (tolower((unsigned char)v->printers.items[i].name[0]) == tolower(key)) {
            v->printer = i;
            return;
        }
    }
}

static void type_digit(print_view *v, int key)
{
    int copies = v->copies * 10 + (key - '0');
    v->copies = copies > MAX_COPIES ? key - '0' : copies;
    if (v->copies < 1)
        v->copies = 1;
}

/* The two dates typed, into the subject; false with the error shown when one
 * is not a date. */
static bool take_dates(print_view *v, tui_app *app)
{
    htx_date day;
    htx_error err;
    if (v->subject.source == SOURCE_ROSTER) {
        if (!htx_date_parse(v->as_of.text, &day)) {
            htx_fail(&err, HTX_ERR_INVALID, MSG_DATE_FORMAT, NULL, v->as_of.text, NULL);
            show_error(v, app, &err);
            v->focus = FIELD_AS_OF;
            return false;
        }
        htx_date_iso(day, v->subject.as_of);
    }
    if (!htx_date_parse(v->issued.text, &v->subject.issued)) {
        htx_fail(&err, HTX_ERR_INVALID, MSG_DATE_FORMAT, NULL, v->issued.text, NULL);
        show_error(v, app, &err);
        v->focus = FIELD_ISSUED;
        return false;
    }
    return true;
}

/* text's lines, each its own string, into out (freed with htx_wrapped_free). */
static bool split_lines(const char *text, htx_wrapped *out)
{
    memset(out, 0, sizeof *out);
    for (const char *line = text; *line;) {
        size_t length = strcspn(line, "\n");
        char **grown = realloc(out->lines, (size_t)(out->count + 1) * sizeof *grown);
        if (!grown)
            return false;
        out->lines = grown;
        out->lines[out->count] = strndup(line, length);
        if (!out->lines[out->count])
            return false;
        out->count++;
        line += length + (line[length] == '\n');
    }
    return true;
}

static void drop_preview(print_view *v)
{
    htx_wrapped_free(&v->preview);
    memset(&v->preview, 0, sizeof v->preview);
}

/* The first page as the text form draws it, as wide as the dialog allows:
 * the heading, the title and the first rows, read as they are stored now. */
static void show_preview(print_view *v, tui_app *app)
{
    drop_preview(v);
    if (!take_dates(v, app))
        return;
    loaded l;
    htx_error err;
    htx_status st = load_subject(&v->subject, app->store, &l, &err);
    char *text = NULL;
    size_t length = 0;
    FILE *page = st == HTX_OK ? open_memstream(&text, &length) : NULL;
    if (page) {
        st = htx_doc_write_txt(&l.doc, (htx_txt_layout){HTX_TXT_MIN_WIDTH, HTX_TXT_LINES}, page, NULL, &err);
        fclose(page);
    }
    free_subject(&v->subject, &l);
    if (st != HTX_OK) {
        show_error(v, app, &err);
    } else if (text) {
        char *end = strchr(text, '\f'); /* the first page */
        if (end)
            *end = '\0';
        /* lines as they are: a page of text is cropped at the dialog's edge, not rewrapped */
        if (!split_lines(text, &v->preview))
            drop_preview(v);
        v->result[0] = '\0';
    }
    free(text);
}

static void run_job(print_view *v, tui_app *app)
{
    if (!take_dates(v, app))
        return;
    snprintf(v->result, sizeof v->result, "%s", ui_text(UI_PRINT_WORKING, app->lang));
    v->result_is_error = false;
    /* A long list takes a moment to lay out: say so before the work. */
    app_redraw_now(app);
    if (v->file.length > 0)
        save_file(v, app, false);
    else
        send_to_printer(v, app);
}

static int print_handle(tui_view *view, tui_app *app, const tui_event *e)
{
    print_view *v = (print_view *)view;
    if (e->type != EV_KEY)
        return e->type == EV_MOUSE ? VIEW_HANDLED : VIEW_IGNORED;
    if (e->action == ACT_PREVIEW) {
        if (v->preview.count > 0)
            drop_preview(v);
        else
            show_preview(v, app);
        return VIEW_HANDLED | VIEW_REDRAW;
    }
    drop_preview(v);
    switch (e->action) {
    case ACT_CLOSE: return VIEW_HANDLED | VIEW_CLOSE | VIEW_REDRAW;
    case ACT_NEXT_FIELD:
    case ACT_TAB_NEXT_FIELD: move_focus(v, +1); return VIEW_HANDLED | VIEW_REDRAW;
    case ACT_PREV_FIELD:
    case ACT_TAB_PREV_FIELD: move_focus(v, -1); return VIEW_HANDLED | VIEW_REDRAW;
    case ACT_UP: choose_printer(v, -1); return VIEW_HANDLED | VIEW_REDRAW;
    case ACT_DOWN: choose_printer(v, +1); return VIEW_HANDLED | VIEW_REDRAW;
    case ACT_RUN_PRINT: run_job(v, app); return VIEW_HANDLED | VIEW_REDRAW;
    case ACT_PREV_CHOICE: change_choice(v, -1); return VIEW_HANDLED | VIEW_REDRAW;
    case ACT_NEXT_CHOICE: change_choice(v, +1); return VIEW_HANDLED | VIEW_REDRAW;
    default: break;
    }
    if (v->focus == FIELD_FILE)
        tui_edit_key(&v->file, e->key);
    else if (v->focus == FIELD_AS_OF)
        tui_edit_key(&v->as_of, e->key);
    else if (v->focus == FIELD_ISSUED)
        tui_edit_key(&v->issued, e->key);
    else if (v->focus == FIELD_PRINTER)
        find_printer(v, e->key);
    else if (v->focus == FIELD_COPIES && e->key >= '0' && e->key <= '9')
        type_digit(v, e->key);
    return VIEW_HANDLED | VIEW_REDRAW;
}

static void print_status(tui_view *view, tui_app *app, char *out, size_t size)
{
    snprintf(out, size, "%s", ui_text(title_of((print_view *)view), app->lang));
}

static void print_destroy(tui_view *view)
{
    print_view *v = (print_view *)view;
    htx_printers_free(&v->printers);
    line_edit_free(&v->file);
    drop_preview(v);
    line_edit_free(&v->as_of);
    line_edit_free(&v->issued);
    free(v);
}

/* The printers are a list: ↑↓ choose, a letter finds, Tab leaves it. */
static const tui_action printer_field_actions[] = {
    ACT_RUN_PRINT, ACT_PREVIEW, ACT_CLOSE, ACT_TAB_NEXT_FIELD, ACT_TAB_PREV_FIELD, ACT_UP, ACT_DOWN, ACT_NONE,
};
static const tui_keymap printer_field_keymap = {.actions = printer_field_actions, .typing = true};
/* The file is typed; ←→ and - + change the copies and the format. */
static const tui_action text_field_actions[] = {
    ACT_RUN_PRINT, ACT_PREVIEW, ACT_CLOSE, ACT_NEXT_FIELD, ACT_PREV_FIELD, ACT_NONE,
};
static const tui_keymap text_field_keymap = {.actions = text_field_actions, .typing = true};
static const tui_action choice_field_actions[] = {
    ACT_RUN_PRINT, ACT_PREVIEW, ACT_CLOSE, ACT_NEXT_FIELD, ACT_PREV_FIELD, ACT_PREV_CHOICE, ACT_NEXT_CHOICE, ACT_NONE,
};
static const tui_keymap choice_field_keymap = {.actions = choice_field_actions};

static const tui_keymap *print_keymap(const tui_view *view)
{
    const print_view *v = (const print_view *)view;
    switch (v->focus) {
    case FIELD_PRINTER: return &printer_field_keymap;
    case FIELD_FILE:
    case FIELD_AS_OF:
    case FIELD_ISSUED: return &text_field_keymap;
    default: return &choice_field_keymap;
    }
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

/* The printers CUPS knows, the default one chosen; with none (or no CUPS),
 * the dialog says so and starts on the file. */
static void read_printers(print_view *v, tui_app *app)
{
    htx_error err;
    htx_status st = app->list_printers ? app->list_printers(&v->printers, &err) : HTX_OK;
    if (st != HTX_OK) {
        htx_printers_free(&v->printers);
        error_then_file(v, app, &err);
    } else if (v->printers.count == 0) {
        no_printer(v, app);
    } else {
        v->printer = v->printers.default_index >= 0 ? v->printers.default_index : 0;
        v->focus = FIELD_PRINTER;
    }
}

/* The filter's texts are held by the dialog: the list may change under it. */
static void hold_filter(print_subject *s)
{
    s->filter.district = s->district[0] ? s->district : NULL;
    s->filter.sector = s->sector[0] ? s->sector : NULL;
    s->filter.club = s->filter_club[0] ? s->filter_club : NULL;
    s->filter.commune = s->commune[0] ? s->commune : NULL;
    s->filter.search = s->search[0] ? s->search : NULL;
}

static print_view *new_dialog(tui_app *app, const print_subject *subject)
{
    print_view *v = calloc(1, sizeof *v);
    if (!v)
        return NULL;
    v->base.ops = &print_ops;
    v->subject = *subject;
    if (v->subject.source == SOURCE_LIST)
        hold_filter(&v->subject);
    v->copies = 1;
    v->format = SAVE_PDF;
    line_edit_init(&v->file, 400, false);
    /* the dates as staff type them; today unless the roster shown is of another day */
    line_edit_init(&v->as_of, 10, false);
    line_edit_init(&v->issued, 10, false);
    char shown[HTX_ISO_DATE_SIZE];
    htx_date day = htx_date_today();
    htx_date_display(day, shown);
    line_edit_set(&v->issued, shown);
    v->subject.issued = day;
    if (v->subject.as_of[0])
        htx_date_parse(v->subject.as_of, &day);
    htx_date_display(day, shown);
    line_edit_set(&v->as_of, shown);
    v->printers.default_index = -1;
    describe_subject(v);
    read_printers(v, app);
    return v;
}

tui_view *view_print_new(tui_app *app, const char *club_code, const char *as_of_iso, htx_roster_sort sort)
{
    print_subject s = {.source = SOURCE_ROSTER, .roster_sort = sort};
    snprintf(s.club, sizeof s.club, "%s", club_code);
    snprintf(s.as_of, sizeof s.as_of, "%s", as_of_iso ? as_of_iso : "");
    print_view *v = new_dialog(app, &s);
    return v ? &v->base : NULL;
}

tui_view *view_print_list_new(tui_app *app, const htx_filter *filter)
{
    print_subject s = {.source = SOURCE_LIST, .filter = *filter};
    snprintf(s.district, sizeof s.district, "%s", filter->district ? filter->district : "");
    snprintf(s.sector, sizeof s.sector, "%s", filter->sector ? filter->sector : "");
    snprintf(s.filter_club, sizeof s.filter_club, "%s", filter->club ? filter->club : "");
    snprintf(s.commune, sizeof s.commune, "%s", filter->commune ? filter->commune : "");
    snprintf(s.search, sizeof s.search, "%s", filter->search ? filter->search : "");
    print_view *v = new_dialog(app, &s);
    return v ? &v->base : NULL;
}
