/*
 * The cooperative form: every field of the record as text the staff edit,
 * bound to the core model and checked by the core's rules (the same as the
 * command line), with each field's error or warning beside it.  (Named
 * coop_form, not form: form.h is the curses forms library's header.)
 *
 * No terminal here: the form view (tui/view_form.c) draws the fields and maps
 * keys to the edit commands below.  Choice fields (district, sector, status,
 * yes/no) hold the chosen name as text; form_choices() lists what may be
 * chosen, for the view's pick list.
 */
#ifndef HTX_FORMS_COOP_FORM_H
#define HTX_FORMS_COOP_FORM_H

#include <stdbool.h>

#include "coop.h"
#include "line_edit.h"
#include "vn_input.h"

typedef struct form_field {
    const htx_field_def *def;
    line_edit edit;
    bool has_message;
    bool is_warning;
    char message[320]; /* in the form's language */
} form_field;

typedef struct htx_form {
    form_field fields[HTX_FIELD_COUNT];
    int count;
    int focus;
    bool is_new;
    htx_coop original; /* as loaded: its version guards the save */
    htx_lang lang;
    vn_input_mode input_mode;
    vn_tone_style tone_style;
    bool word_active; /* the typing engine continues the word before the cursor */
    char word_keys[64]; /* the keys that typed that word ("" when not known) */
} htx_form;

typedef enum form_edit {
    FORM_BACKSPACE,
    FORM_DELETE,
    FORM_LEFT,
    FORM_RIGHT,
    FORM_HOME,
    FORM_END,
    FORM_KILL_BEFORE,
    FORM_KILL_AFTER,
    FORM_KILL_WORD,
    FORM_NEWLINE, /* multi-line fields only */
} form_edit;

/* A blank registration (status active) or a loaded record; focus on the
 * first field (the code), its value selected. */
bool form_init_new(htx_form *f, htx_lang lang);
bool form_init_edit(htx_form *f, const htx_coop *c, htx_lang lang);
void form_free(htx_form *f);

/* Something was typed since the form opened. */
bool form_changed(const htx_form *f);

/* Typing into the focused field: through the Vietnamese typing engine when
 * it is on (not in the code, date, number, money, phone and email fields,
 * whose values are ASCII).  False when the field refused the text (control
 * character, too long).  Pasted text (more than one character) is inserted
 * as it is. */
bool form_type(htx_form *f, const char *utf8);
void form_edit_key(htx_form *f, form_edit edit);
/* Moving focus ends the word being typed, checks the field left when
 * something was typed in it (its error or warning beside it, or an old one
 * taken away) and selects the value of the field entered, so that typing
 * replaces it.  While a field shows an error, every edit checks it again. */
void form_focus(htx_form *f, int index);
void form_toggle_input_mode(htx_form *f); /* Off → Telex → VNI → Off */

/* Choice fields: the names that may be chosen (in the form's language,
 * districts in Vietnamese order), the first max of them into names (which
 * may be NULL); returns how many there are (0 for free-text fields). */
int form_choices(const htx_form *f, int index, const char *names[], int max);
/* Sets a choice field to one of its names (checked, focus kept on it). */
void form_choose(htx_form *f, int index, const char *name);

/*
 * Builds the record from the fields, on top of the original: every value
 * goes through htx_coop_set and htx_coop_check.  Errors and warnings are put
 * beside their fields (a field's first error, else its warning); focus moves
 * to the first field in error.  Returns the number of fields in error
 * (0: out is ready to save).
 */
int form_collect(htx_form *f, htx_coop *out);

/* Puts a message beside the field with key (a save that failed for it). */
void form_set_message(htx_form *f, const char *key, const char *message, bool warning);
void form_clear_messages(htx_form *f);

#endif
