/*
 * The screens of the interface; each constructor returns a view ready to
 * push, or NULL when out of memory or when its data cannot be read (the
 * error is then shown on the status line).
 */
#ifndef HTX_TUI_VIEWS_H
#define HTX_TUI_VIEWS_H

#include "query.h"
#include "roster.h"
#include "view.h"

/* Districts beside the list of cooperatives; district_code may be NULL. */
tui_view *view_main_new(tui_app *app, const char *district_code, const char *commune);
/* Every field of one cooperative, its clubs, its recent changes. */
tui_view *view_detail_new(tui_app *app, int64_t coop_id);
/* The five clubs with member counts. */
tui_view *view_clubs_new(tui_app *app);
/* The document settings of the Alliance and the clubs, on club_code's (NULL: the Alliance's). */
tui_view *view_settings_new(tui_app *app, const char *club_code);
/* The members of one club (the roster). */
tui_view *view_roster_new(tui_app *app, const char *club_code);
/* Counts by sector, district and year; the Alliance's targets. */
tui_view *view_stats_new(tui_app *app);
/* The keys of the screen with keymap described (the one it was opened
 * from): its actions, from the table of actions. */
tui_view *view_help_new(tui_app *app, const tui_keymap *described);

/* A popup list of choices; on Enter calls chosen(ctx, index) and closes. */
typedef void (*tui_choice_fn)(tui_app *app, void *ctx, int index);
tui_view *view_choice_new(tui_app *app, const char *title, const char *const items[], int count,
                          int selected, tui_choice_fn chosen, void *ctx);

/* The registration form (coop_id 0) or the edit form of a cooperative. */
tui_view *view_form_new(tui_app *app, int64_t coop_id);

/* A question in a box with a row of answers.  The safe answer — the one
 * that changes nothing and loses nothing — is chosen when the box opens and
 * is what Esc gives, so Enter pressed out of habit is always harmless; any
 * other answer takes a move (←→, Tab, a click) or its own first letter.
 * The bar names what Enter and Esc will do.  On answer i the question
 * closes and calls answered(app, ctx, i).  Texts are copied. */
typedef void (*tui_answer_fn)(tui_app *app, void *ctx, int answer);
typedef struct tui_question {
    const char *title;
    const char *const *lines; /* what will happen with each answer */
    int line_count;
    const char *const *answers;
    int answer_count;
    int safe; /* index of the safe answer */
    tui_answer_fn answered;
    void *ctx;
} tui_question;
tui_view *view_question_new(tui_app *app, const tui_question *question);

/* Adding a cooperative to a club (role, joined date) or ending one of its
 * memberships (left date).  club_code may be NULL (chosen in the dialog). */
tui_view *view_membership_new(tui_app *app, int64_t coop_id, const char *club_code, bool ending);

/* Finding a cooperative by typing part of its name (core's search rules);
 * on Enter calls found(app, ctx, id) and closes.  With club_code, the
 * club's current members are marked and cannot be chosen. */
typedef void (*tui_found_fn)(tui_app *app, void *ctx, int64_t coop_id);
tui_view *view_find_new(tui_app *app, const char *title, const char *club_code, tui_found_fn found, void *ctx);

/* The print dialog of a club's roster on as_of_iso in the given order:
 * printer, copies, or a file and its format (PDF, TXT, CSV). */
tui_view *view_print_new(tui_app *app, const char *club_code, const char *as_of_iso, htx_roster_sort sort);
/* The same for the cooperatives filter gives, in its order: the main list
 * as it is shown. */
tui_view *view_print_list_new(tui_app *app, const htx_filter *filter);

/* Importing a file: its path, what was detected, a preview, the import
 * and its problems. */
tui_view *view_import_new(tui_app *app);

#endif
