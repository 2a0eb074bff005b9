#include "coop_form.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "text.h"

/* ---- fields ----------------------------------------------------------------- */

/* What each field's kind says (field_kind.h): Telex/VNI only where values
 * are words, the editor's bound, the pick list. */
static const htx_field_kind_ops *kind_of(const form_field *field)
{
    return &htx_field_kinds[field->def->kind];
}

static int field_index(const htx_form *f, const char *key)
{
    for (int i = 0; i < f->count; i++)
        if (strcmp(f->fields[i].def->key, key) == 0)
            return i;
    return -1;
}

static bool is_blank(const char *text)
{
    int32_t cp;
    for (int n; (n = htx_utf8_decode(text, &cp)) > 0; text += n)
        if (!htx_cp_is_space(cp))
            return false;
    return true;
}

/* snprintf, but never leaving half a UTF-8 sequence at the cut. */
static void copy_text(char *dst, size_t size, const char *src)
{
    size_t len = strlen(src);
    if (len >= size) {
        len = size - 1;
        while (len > 0 && ((unsigned char)src[len] & 0xC0) == 0x80)
            len--;
    }
    memcpy(dst, src, len);
    dst[len] = '\0';
}

/* ---- opening and closing ------------------------------------------------------ */

/* Every field shows the record's display value (dd/mm/yyyy, "1.500.000 đ",
 * names in the form's language): what staff read is what they edit, and
 * the core's parsers take all of it back. */
static bool form_load(htx_form *f, const htx_coop *record, htx_lang lang, bool is_new)
{
    htx_coop loaded = *record; /* record may be the form's own original */
    memset(f, 0, sizeof *f);
    f->count = HTX_FIELD_COUNT;
    f->is_new = is_new;
    f->original = loaded;
    const htx_coop *c = &f->original;
    f->lang = lang;
    f->input_mode = VN_INPUT_OFF;
    f->tone_style = VN_TONE_OLD; /* the house style: hòa, thủy */
    for (int i = 0; i < f->count; i++) {
        form_field *field = &f->fields[i];
        field->def = &htx_fields[i];
        line_edit_init(&field->edit, htx_field_edit_limit(field->def), kind_of(field)->multiline);
    }

    char *value = malloc(sizeof c->notes);
    bool ok = value != NULL;
    for (int i = 0; ok && i < f->count; i++) {
        htx_coop_value(c, f->fields[i].def->id, HTX_VALUE_DISPLAY, lang, value, sizeof c->notes);
        ok = line_edit_set(&f->fields[i].edit, value);
    }
    free(value);
    if (!ok) {
        form_free(f);
        return false;
    }
    /* The first field, as on paper: the registration code. */
    f->focus = 0;
    line_edit_select_all(&f->fields[0].edit);
    return true;
}

bool form_init_new(htx_form *f, htx_lang lang)
{
    htx_coop blank;
    htx_coop_init(&blank);
    return form_load(f, &blank, lang, true);
}

bool form_init_edit(htx_form *f, const htx_coop *c, htx_lang lang)
{
    return form_load(f, c, lang, false);
}

void form_free(htx_form *f)
{
    for (int i = 0; i < f->count; i++)
        line_edit_free(&f->fields[i].edit);
}

bool form_changed(const htx_form *f)
{
    for (int i = 0; i < f->count; i++)
        if (f->fields[i].edit.changed)
            return true;
    return false;
}

/* ---- typing --------------------------------------------------------------------- */

/* Keys that continue a word for the typing engine: letters, and in VNI the
 * digits that carry tones and marks. */
static bool continues_word(vn_input_mode mode, int32_t cp)
{
    if (mode == VN_INPUT_VNI && cp >= '0' && cp <= '9')
        return true;
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO: return true;
    default: return false;
    }
}

/* One key through the typing engine: it sees the word typed so far and
 * either lets the key in or rewrites the word. */
static bool type_key(htx_form *f, line_edit *e, const char *utf8, int32_t cp)
{
    char word[256];
    size_t start = f->word_active ? line_edit_word_start(e) : e->cursor;
    if (e->cursor - start >= sizeof word)
        start = e->cursor; /* no Vietnamese word is that long: begin afresh */
    memcpy(word, e->text ? e->text + start : "", e->cursor - start);
    word[e->cursor - start] = '\0';

    /* The keys of the word, when every one of them was seen. */
    if (!f->word_active)
        f->word_keys[0] = '\0';
    size_t keys_len = strlen(f->word_keys);
    bool keys_known = keys_len == 0 ? start == e->cursor : keys_len + strlen(utf8) < sizeof f->word_keys;
    const char *keys = keys_known ? f->word_keys : NULL;

    char out[sizeof word + 16];
    vn_input_result r = vn_input_key(f->input_mode, f->tone_style, word, keys, (uint32_t)cp, out, sizeof out);
    if (keys_known)
        memcpy(f->word_keys + keys_len, utf8, strlen(utf8) + 1);
    if (r == VN_REWRITE)
        return line_edit_replace_before_cursor(e, start, out);
    return line_edit_insert(e, utf8);
}

static void recheck_if_in_error(htx_form *f, int index);

bool form_type(htx_form *f, const char *utf8)
{
    if (!utf8 || f->focus < 0 || f->focus >= f->count)
        return false;
    size_t len = strlen(utf8);
    if (htx_utf8_invalid_at(utf8, len) >= 0)
        return false;
    form_field *field = &f->fields[f->focus];
    int32_t cp;
    int n = htx_utf8_decode(utf8, &cp);
    bool one_key = n > 0 && (size_t)n == len;
    if (!one_key) {
        /* A paste is text already written: it goes in as it is. */
        f->word_active = false;
        bool ok = line_edit_insert(&field->edit, utf8);
        recheck_if_in_error(f, f->focus);
        return ok;
    }
    /* What is typed over a selected value replaces it; the typing engine
     * then starts a new word. */
    bool control = cp < 0x20 || (cp >= 0x7F && cp < 0xA0);
    if (!control && line_edit_take_selection(&field->edit))
        f->word_active = false;
    bool ok = f->input_mode != VN_INPUT_OFF && kind_of(field)->takes_vietnamese
                  ? type_key(f, &field->edit, utf8, cp)
                  : line_edit_insert(&field->edit, utf8);
    if (ok)
        f->word_active = continues_word(f->input_mode, cp);
    recheck_if_in_error(f, f->focus);
    return ok;
}

void form_edit_key(htx_form *f, form_edit edit)
{
    if (f->focus < 0 || f->focus >= f->count)
        return;
    line_edit *e = &f->fields[f->focus].edit;
    f->word_active = false;
    switch (edit) {
    case FORM_BACKSPACE: line_edit_backspace(e); break;
    case FORM_DELETE: line_edit_delete(e); break;
    case FORM_LEFT: line_edit_left(e); break;
    case FORM_RIGHT: line_edit_right(e); break;
    case FORM_HOME: line_edit_home(e); break;
    case FORM_END: line_edit_end(e); break;
    case FORM_KILL_BEFORE: line_edit_kill_before(e); break;
    case FORM_KILL_AFTER: line_edit_kill_after(e); break;
    case FORM_KILL_WORD: line_edit_kill_word(e); break;
    case FORM_NEWLINE:
        if (e->multiline)
            line_edit_insert(e, "\n");
        break;
    }
    recheck_if_in_error(f, f->focus);
}

static void check_field(htx_form *f, int index);

void form_focus(htx_form *f, int index)
{
    if (index < 0 || index >= f->count)
        return;
    form_field *left = &f->fields[f->focus];
    /* A field is checked when it is left, once something was typed in it
     * (a field merely passed through is not reproached). */
    if (index != f->focus && (left->edit.changed || left->has_message))
        check_field(f, f->focus);
    f->word_active = false;
    if (index == f->focus)
        return;
    left->edit.selected = false;
    f->focus = index;
    /* Entering a field selects its value, so typing replaces it; a note of
     * many lines is continued instead. */
    if (!f->fields[index].edit.multiline)
        line_edit_select_all(&f->fields[index].edit);
}

void form_toggle_input_mode(htx_form *f)
{
    switch (f->input_mode) {
    case VN_INPUT_OFF: f->input_mode = VN_INPUT_TELEX; break;
    case VN_INPUT_TELEX: f->input_mode = VN_INPUT_VNI; break;
    case VN_INPUT_VNI: f->input_mode = VN_INPUT_OFF; break;
    }
    f->word_active = false;
}

/* ---- choices ---------------------------------------------------------------------- */

int form_choices(const htx_form *f, int index, const char *names[], int max)
{
    if (index < 0 || index >= f->count)
        return 0;
    const htx_field_kind_ops *kind = kind_of(&f->fields[index]);
    if (!kind->choices)
        return 0;
    return kind->choices(f->lang, names, names ? max : 0);
}

/* Choosing a unit formed from one former district fills the district when
 * the form has none yet: the core's rule (htx_coop_set), shown at once. */
static void fill_implied_district(htx_form *f, int index)
{
    int district = field_index(f, "district");
    if (f->fields[index].def->id != HTX_F_COMMUNE || district < 0 ||
        !is_blank(f->fields[district].edit.text ? f->fields[district].edit.text : ""))
        return;
    htx_coop *scratch = malloc(sizeof *scratch);
    if (!scratch)
        return;
    htx_coop_init(scratch);
    htx_report r;
    htx_report_init(&r);
    if (htx_coop_set(scratch, "commune", f->fields[index].edit.text, &r) == HTX_OK && scratch->district[0]) {
        char shown[128];
        htx_coop_value(scratch, HTX_F_DISTRICT, HTX_VALUE_DISPLAY, f->lang, shown, sizeof shown);
        if (line_edit_set(&f->fields[district].edit, shown))
            f->fields[district].edit.changed = true;
        f->fields[district].has_message = false;
    }
    free(scratch);
}

void form_choose(htx_form *f, int index, const char *name)
{
    if (index < 0 || index >= f->count || !name)
        return;
    line_edit *e = &f->fields[index].edit;
    if (e->text && strcmp(e->text, name) == 0)
        return;
    bool was_changed = e->changed;
    if (line_edit_set(e, name))
        e->changed = true;
    else
        e->changed = was_changed;
    f->word_active = false;
    check_field(f, index);
    fill_implied_district(f, index);
    line_edit_select_all(e);
}

/* ---- collecting ----------------------------------------------------------------------- */

void form_set_message(htx_form *f, const char *key, const char *message, bool warning)
{
    int i = key ? field_index(f, key) : -1;
    if (i < 0)
        return;
    form_field *field = &f->fields[i];
    field->has_message = true;
    field->is_warning = warning;
    copy_text(field->message, sizeof field->message, message ? message : "");
}

void form_clear_messages(htx_form *f)
{
    for (int i = 0; i < f->count; i++) {
        f->fields[i].has_message = false;
        f->fields[i].is_warning = false;
        f->fields[i].message[0] = '\0';
    }
}

/* Puts each item beside its field: the first error a field got wins (the
 * parser's reason is more useful than the later "required"), and a warning
 * only shows where there is no error.  Returns the errors that name no
 * field of the form. */
static int place_messages(htx_form *f, const htx_report *r)
{
    int unplaced = 0;
    for (int k = 0; k < r->count; k++) {
        bool warning = r->is_warning[k];
        int i = field_index(f, r->items[k].field);
        if (i < 0) {
            unplaced += !warning;
            continue;
        }
        form_field *field = &f->fields[i];
        if (field->has_message && (!field->is_warning || warning))
            continue;
        char text[sizeof field->message];
        htx_error_message(&r->items[k], f->lang, text, sizeof text);
        form_set_message(f, field->def->key, text, warning);
    }
    return unplaced;
}

/* Checks one field's value by the rules of a save (htx_coop_set, then the
 * record-level checks that concern it) and puts its error or warning
 * beside it, or takes the old one away. */
static void check_field(htx_form *f, int index)
{
    form_field *field = &f->fields[index];
    htx_coop *scratch = malloc(sizeof *scratch);
    if (!scratch)
        return;
    *scratch = f->original;
    htx_report r;
    htx_report_init(&r);
    const char *text = field->edit.text ? field->edit.text : "";
    if (htx_field_must_be_filled(field->def) && is_blank(text))
        htx_report_add(&r, false, MSG_REQUIRED, field->def->key, NULL, NULL);
    else if (htx_coop_set(scratch, field->def->key, text, &r) == HTX_OK)
        htx_coop_check(scratch, &r);
    free(scratch);
    htx_report mine;
    htx_report_init(&mine);
    for (int k = 0; k < r.count && mine.count < HTX_REPORT_MAX; k++) {
        if (strcmp(r.items[k].field, field->def->key) != 0)
            continue;
        mine.items[mine.count] = r.items[k];
        mine.is_warning[mine.count] = r.is_warning[k];
        mine.count++;
    }
    field->has_message = field->is_warning = false;
    field->message[0] = '\0';
    place_messages(f, &mine);
}

/* While a field shows an error, each edit checks it again: the error goes
 * as soon as the value is right. */
static void recheck_if_in_error(htx_form *f, int index)
{
    if (f->fields[index].has_message && !f->fields[index].is_warning)
        check_field(f, index);
}

int form_collect(htx_form *f, htx_coop *out)
{
    /* On top of the original: id, version and timestamps carry over. */
    *out = f->original;
    htx_report r;
    htx_report_init(&r);
    for (int i = 0; i < f->count; i++) {
        const form_field *field = &f->fields[i];
        const char *text = field->edit.text ? field->edit.text : "";
        if (htx_field_must_be_filled(field->def) && is_blank(text))
            htx_report_add(&r, false, MSG_REQUIRED, field->def->key, NULL, NULL);
        else
            htx_coop_set(out, field->def->key, text, &r);
    }
    htx_coop_check(out, &r);

    form_clear_messages(f);
    int errors = place_messages(f, &r);
    int first = -1;
    for (int i = 0; i < f->count; i++)
        if (f->fields[i].has_message && !f->fields[i].is_warning) {
            errors++;
            if (first < 0)
                first = i;
        }
    if (first >= 0)
        form_focus(f, first);
    return errors;
}
