/* Unit tests for forms/form.c: the cooperative form bound to core's rules. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "collate.h"
#include "coop_form.h"
#include "refdata.h"
#include "text.h"

#define HOP_TAC_XA "H\xE1\xBB\xA3p t\xC3\xA1\x63 x\xC3\xA3"             /* Hợp tác xã */
#define HTX_NAME "H\xE1\xBB\xA3p t\xC3\xA1\x63 x\xC3\xA3 N\xC3\xB4ng nghi\xE1\xBB\x87p \xC4\x90\xC3\xB4ng Anh"
#define DONG_ANH "\xC4\x90\xC3\xB4ng Anh"
#define NONG_NGHIEP "N\xC3\xB4ng nghi\xE1\xBB\x87p"
#define NGUYEN_VAN_ANH "Nguy\xE1\xBB\x85n V\xC4\x83n \xC3\x81nh"
#define VALID_CODE "0100233488"

/* The field with key (the form lists every field of the table). */
static int index_of(const htx_form *f, const char *key)
{
    for (int i = 0; i < f->count; i++)
        if (strcmp(f->fields[i].def->key, key) == 0)
            return i;
    fail_msg("no field %s", key);
    return -1;
}

static const char *text_of(const htx_form *f, const char *key)
{
    const char *t = f->fields[index_of(f, key)].edit.text;
    return t ? t : "";
}

/* Types text into a field as keys, one character at a time. */
static void type_keys(htx_form *f, const char *key, const char *keys)
{
    form_focus(f, index_of(f, key));
    int32_t cp;
    for (int n; (n = htx_utf8_decode(keys, &cp)) > 0; keys += n) {
        char one[5] = {0};
        memcpy(one, keys, (size_t)n);
        assert_true(form_type(f, one));
    }
}

/* Replaces a field's text as staff would: end, Ctrl-U, paste. */
static void fill(htx_form *f, const char *key, const char *text)
{
    form_focus(f, index_of(f, key));
    form_edit_key(f, FORM_END);
    form_edit_key(f, FORM_KILL_BEFORE);
    if (text[0])
        assert_true(form_type(f, text));
}

/* A complete registration, typed the way staff type it. */
static void fill_registration(htx_form *f)
{
    fill(f, "code", VALID_CODE);
    fill(f, "name", HTX_NAME);
    form_choose(f, index_of(f, "district"), DONG_ANH);
    fill(f, "ward", "X\xC3\xA3 Uy N\xE1\xBB\x97"); /* Xã Uy Nỗ */
    fill(f, "address", "Th\xC3\xB4n \xC4\x90\xC3\xACnh");
    form_choose(f, index_of(f, "sector"), NONG_NGHIEP);
    fill(f, "founded", "05/03/2019");
    fill(f, "members", "25");
    fill(f, "capital", "1.500.000.000 \xC4\x91");
    fill(f, "representative", NGUYEN_VAN_ANH);
    fill(f, "phone", "+84 912 345 678");
    fill(f, "email", "htx.donganh@example.vn");
    fill(f, "products", "Rau an to\xC3\xA0n");
    form_choose(f, index_of(f, "compliant"), "C\xC3\xB3");
    form_choose(f, index_of(f, "profitable"), "C\xC3\xB3");
    fill(f, "notes", "D\xC3\xB2ng 1\nD\xC3\xB2ng 2");
}

static void assert_no_messages(const htx_form *f)
{
    for (int i = 0; i < f->count; i++)
        if (f->fields[i].has_message)
            fail_msg("%s: %s", f->fields[i].def->key, f->fields[i].message);
}

static void test_new_form(void **state)
{
    (void)state;
    htx_form *f = malloc(sizeof *f);
    assert_non_null(f);
    assert_true(form_init_new(f, HTX_LANG_VI));
    assert_int_equal(f->count, HTX_FIELD_COUNT);
    for (int i = 0; i < f->count; i++)
        assert_ptr_equal(f->fields[i].def, &htx_fields[i]);
    assert_int_equal(f->focus, index_of(f, "code")); /* the first field, as on paper */
    assert_true(f->is_new);
    assert_false(form_changed(f));
    assert_int_equal(f->input_mode, VN_INPUT_OFF);
    assert_string_equal(text_of(f, "status"), "\xC4\x90\x61ng ho\xE1\xBA\xA1t \xC4\x91\xE1\xBB\x99ng");
    /* unknown until someone knows: "no" would lower the Alliance's figures */
    assert_string_equal(text_of(f, "compliant"), "Ch\xC6\xB0\x61 r\xC3\xB5");
    assert_string_equal(text_of(f, "profitable"), "Ch\xC6\xB0\x61 r\xC3\xB5");
    assert_string_equal(text_of(f, "name"), "");
    assert_string_equal(text_of(f, "members"), "");
    assert_string_equal(text_of(f, "capital"), "");
    assert_true(f->fields[index_of(f, "notes")].edit.multiline);
    assert_false(f->fields[index_of(f, "name")].edit.multiline);
    form_free(f);

    assert_true(form_init_new(f, HTX_LANG_EN));
    assert_string_equal(text_of(f, "status"), "Active");
    assert_string_equal(text_of(f, "compliant"), "Unknown");
    assert_string_equal(text_of(f, "profitable"), "Unknown");
    form_free(f);
    free(f);
}

static void test_typing(void **state)
{
    (void)state;
    htx_form *f = malloc(sizeof *f);
    assert_non_null(f);
    assert_true(form_init_new(f, HTX_LANG_VI));

    type_keys(f, "name", "HTX ");
    assert_string_equal(text_of(f, "name"), "HTX ");
    assert_true(form_changed(f));

    form_toggle_input_mode(f);
    assert_int_equal(f->input_mode, VN_INPUT_TELEX);
    fill(f, "name", "");
    type_keys(f, "name", "Howpj tacs xax");
    assert_string_equal(text_of(f, "name"), HOP_TAC_XA);

    /* The form remembers the keys of the word: a second w after u + w
     * undoes the horn alone ("tuww" → "tuw"), after w alone the ư ("tww"). */
    fill(f, "name", "");
    type_keys(f, "name", "tuww tww uww");
    assert_string_equal(text_of(f, "name"), "tuw tw uw");
    fill(f, "name", "");
    fill(f, "name", HOP_TAC_XA);

    /* A paste goes in as written, even with Telex on. */
    assert_true(form_type(f, " Vieejt"));
    assert_string_equal(text_of(f, "name"), HOP_TAC_XA " Vieejt");
    assert_false(f->word_active);

    /* Moving the cursor ends the word: the tone key is then a letter. */
    fill(f, "name", "");
    type_keys(f, "name", "Howp");
    form_edit_key(f, FORM_LEFT);
    form_edit_key(f, FORM_RIGHT);
    assert_false(f->word_active);
    assert_true(form_type(f, "j"));
    assert_string_equal(text_of(f, "name"), "H\xC6\xA1pj");

    /* So does focusing it again. */
    fill(f, "name", "");
    type_keys(f, "name", "Howp");
    form_focus(f, index_of(f, "name"));
    assert_true(form_type(f, "j"));
    assert_string_equal(text_of(f, "name"), "H\xC6\xA1pj");

    /* Digits, phone numbers and addresses of mail are never rewritten. */
    type_keys(f, "email", "dd.ff@example.vn");
    assert_string_equal(text_of(f, "email"), "dd.ff@example.vn");

    /* Control characters are refused; notes take a new line. */
    form_focus(f, index_of(f, "name"));
    assert_false(form_type(f, "\x1b"));
    assert_false(form_type(f, "\xFF"));
    form_edit_key(f, FORM_NEWLINE);
    assert_string_equal(text_of(f, "name"), "H\xC6\xA1pj");
    type_keys(f, "notes", "a");
    form_edit_key(f, FORM_NEWLINE);
    assert_true(form_type(f, "b"));
    assert_string_equal(text_of(f, "notes"), "a\nb");

    /* Words end at spaces; the house style puts the tone as in "hòa". */
    fill(f, "name", "");
    type_keys(f, "name", "Vieejt Nam hoaf thuyr DDoongf");
    assert_string_equal(text_of(f, "name"), "Vi\xE1\xBB\x87t Nam h\xC3\xB2\x61 th\xE1\xBB\xA7y \xC4\x90\xE1\xBB\x93ng");
    f->tone_style = VN_TONE_NEW;
    fill(f, "name", "");
    type_keys(f, "name", "hoaf");
    assert_string_equal(text_of(f, "name"), "ho\xC3\xA0");
    f->tone_style = VN_TONE_OLD;

    /* The form types as the engine's own replay does. */
    const char *sequences[] = {"Lieen minh Howpj tacs xax thanhf phoos Haf Nooij", "quys gifn thuowr"};
    for (size_t i = 0; i < sizeof sequences / sizeof sequences[0]; i++) {
        char expected[256];
        vn_input_type(VN_INPUT_TELEX, VN_TONE_OLD, sequences[i], expected, sizeof expected);
        fill(f, "address", "");
        type_keys(f, "address", sequences[i]);
        assert_string_equal(text_of(f, "address"), expected);
    }

    form_toggle_input_mode(f);
    assert_int_equal(f->input_mode, VN_INPUT_VNI);
    fill(f, "name", "");
    type_keys(f, "name", "Ho7p5 ta1c xa4");
    assert_string_equal(text_of(f, "name"), HOP_TAC_XA);
    /* The founding date keeps its digits. */
    type_keys(f, "founded", "05/03/2019");
    assert_string_equal(text_of(f, "founded"), "05/03/2019");
    form_toggle_input_mode(f);
    assert_int_equal(f->input_mode, VN_INPUT_OFF);
    fill(f, "name", "");
    type_keys(f, "name", "Howpj");
    assert_string_equal(text_of(f, "name"), "Howpj");

    /* The field's limit holds however the text comes. */
    fill(f, "code", "");
    type_keys(f, "code", "0314409058-002");
    assert_false(form_type(f, "9"));
    form_free(f);
    free(f);
}

static void test_wrong_tax_code(void **state)
{
    (void)state;
    htx_form *f = malloc(sizeof *f);
    htx_coop *c = malloc(sizeof *c);
    assert_non_null(f);
    assert_non_null(c);
    assert_true(form_init_new(f, HTX_LANG_VI));
    fill_registration(f);
    fill(f, "code", "0100233489");
    form_focus(f, index_of(f, "notes"));

    assert_int_equal(form_collect(f, c), 1);
    int code = index_of(f, "code");
    assert_int_equal(f->focus, code);
    assert_true(f->fields[code].has_message);
    assert_false(f->fields[code].is_warning);
    htx_error err;
    char code_out[HTX_CODE_SIZE];
    assert_int_equal(htx_parse_code("0100233489", code_out, &err), HTX_ERR_INVALID);
    char expected[320];
    htx_error_message(&err, HTX_LANG_VI, expected, sizeof expected);
    assert_string_equal(f->fields[code].message, expected);
    for (int i = 0; i < f->count; i++)
        if (i != code)
            assert_false(f->fields[i].has_message);

    /* Fixed, the message goes. */
    fill(f, "code", VALID_CODE);
    assert_int_equal(form_collect(f, c), 0);
    assert_no_messages(f);

    /* A required field left blank says so, in the form's language. */
    fill(f, "name", "   ");
    fill(f, "code", "");
    assert_int_equal(form_collect(f, c), 2);
    assert_int_equal(f->focus, code);
    assert_string_equal(f->fields[code].message, "kh\xC3\xB4ng \xC4\x91\xC6\xB0\xE1\xBB\xA3\x63 \xC4\x91\xE1\xBB\x83 tr\xE1\xBB\x91ng");
    assert_string_equal(f->fields[index_of(f, "name")].message,
                        f->fields[code].message);
    f->lang = HTX_LANG_EN;
    form_collect(f, c);
    assert_string_equal(f->fields[code].message, "is required");

    /* A blank status or yes/no is missing, not unknown. */
    f->lang = HTX_LANG_VI;
    fill(f, "code", VALID_CODE);
    fill(f, "name", HTX_NAME);
    fill(f, "status", "");
    assert_int_equal(form_collect(f, c), 1);
    assert_int_equal(f->focus, index_of(f, "status"));
    form_free(f);
    free(f);
    free(c);
}

static void test_valid_registration(void **state)
{
    (void)state;
    htx_form *f = malloc(sizeof *f);
    htx_coop *c = malloc(sizeof *c);
    assert_non_null(f);
    assert_non_null(c);
    assert_true(form_init_new(f, HTX_LANG_VI));
    fill_registration(f);
    form_focus(f, index_of(f, "email"));
    assert_int_equal(form_collect(f, c), 0);
    assert_no_messages(f);
    assert_int_equal(f->focus, index_of(f, "email")); /* nothing to show: focus stays */

    assert_int_equal(c->id, 0);
    assert_string_equal(c->code, VALID_CODE);
    assert_string_equal(c->name, HTX_NAME);
    assert_string_equal(c->district, htx_district_find(DONG_ANH)->code);
    assert_string_equal(c->ward, "X\xC3\xA3 Uy N\xE1\xBB\x97");
    assert_string_equal(c->sector, "agriculture");
    assert_string_equal(c->founded, "2019-03-05");
    assert_int_equal(c->members, 25);
    assert_int_equal(c->capital, 1500000000);
    assert_string_equal(c->representative, NGUYEN_VAN_ANH);
    assert_string_equal(c->phone, "0912345678");
    assert_string_equal(c->email, "htx.donganh@example.vn");
    assert_int_equal(c->status, HTX_ACTIVE);
    assert_true(c->compliant);
    assert_int_equal(c->profitable, 1);
    assert_string_equal(c->notes, "D\xC3\xB2ng 1\nD\xC3\xB2ng 2");

    /* Decomposed text pasted into the form is stored precomposed. */
    fill(f, "representative", "Nguye\xCC\x82\xCC\x83n Va\xCC\x86n A\xCC\x81nh");
    assert_int_equal(form_collect(f, c), 0);
    assert_string_equal(c->representative, NGUYEN_VAN_ANH);

    /* Clearing optional fields clears them in the record. */
    fill(f, "phone", "");
    fill(f, "capital", "");
    fill(f, "founded", "");
    fill(f, "ward", "");
    form_choose(f, index_of(f, "profitable"), "Ch\xC6\xB0\x61 r\xC3\xB5");
    assert_int_equal(form_collect(f, c), 0);
    assert_string_equal(c->phone, "");
    assert_int_equal(c->capital, -1);
    assert_string_equal(c->founded, "");
    assert_string_equal(c->ward, "");
    assert_int_equal(c->profitable, -1);
    form_free(f);
    free(f);
    free(c);
}

/* A record with every field set, as stored. */
static void make_full_record(htx_coop *c)
{
    htx_report r;
    htx_report_init(&r);
    htx_coop_init(c);
    htx_coop_set(c, "code", "0314409058-002", &r);
    htx_coop_set(c, "name", "HTX D\xE1\xBB\x8B\x63h v\xE1\xBB\xA5 Th\xC6\xB0\xC6\xA1ng m\xE1\xBA\xA1i \xE1\xBB\xA8ng H\xC3\xB2\x61", &r);
    htx_coop_set(c, "district", "281", &r);
    htx_coop_set(c, "ward", "Th\xE1\xBB\x8B tr\xE1\xBA\xA5n V\xC3\xA2n \xC4\x90\xC3\xACnh", &r);
    htx_coop_set(c, "address", "S\xE1\xBB\x91 5, ng\xC3\xB5 12", &r);
    htx_coop_set(c, "sector", "trade", &r);
    htx_coop_set(c, "founded", "2010-12-31", &r);
    htx_coop_set(c, "members", "1500", &r);
    htx_coop_set(c, "capital", "2500000000", &r);
    htx_coop_set(c, "representative", NGUYEN_VAN_ANH, &r);
    htx_coop_set(c, "phone", "02438253640", &r);
    htx_coop_set(c, "email", "Lan.Nguyen@example.vn", &r);
    htx_coop_set(c, "products", "G\xE1\xBA\xA1o, rau", &r);
    htx_coop_set(c, "status", "suspended", &r);
    htx_coop_set(c, "compliant", "yes", &r);
    htx_coop_set(c, "profitable", "no", &r);
    htx_coop_set(c, "notes", "m\xE1\xBB\x99t\nhai", &r);
    assert_int_equal(r.errors, 0);
    c->id = 42;
    c->version = 7;
    snprintf(c->created_at, sizeof c->created_at, "2024-01-02 03:04:05");
    snprintf(c->updated_at, sizeof c->updated_at, "2025-06-07 08:09:10");
}

static void assert_same_record(const htx_coop *a, const htx_coop *b)
{
    assert_int_equal(a->id, b->id);
    assert_int_equal(a->version, b->version);
    assert_string_equal(a->created_at, b->created_at);
    assert_string_equal(a->updated_at, b->updated_at);
    for (int i = 0; i < HTX_FIELD_COUNT; i++) {
        char x[8192], y[8192];
        htx_coop_value(a, (htx_field_id)i, HTX_VALUE_RAW, HTX_LANG_VI, x, sizeof x);
        htx_coop_value(b, (htx_field_id)i, HTX_VALUE_RAW, HTX_LANG_VI, y, sizeof y);
        assert_string_equal(x, y);
    }
}

static void test_edit_round_trip(void **state)
{
    (void)state;
    htx_form *f = malloc(sizeof *f);
    htx_coop *c = malloc(sizeof *c);
    htx_coop *out = malloc(sizeof *out);
    assert_non_null(f);
    assert_non_null(c);
    assert_non_null(out);
    make_full_record(c);
    const htx_lang langs[] = {HTX_LANG_VI, HTX_LANG_EN};
    for (size_t k = 0; k < 2; k++) {
        assert_true(form_init_edit(f, c, langs[k]));
        assert_false(f->is_new);
        assert_int_equal(f->focus, index_of(f, "code"));
        assert_string_equal(text_of(f, "founded"), "31/12/2010");
        /* numbers as readers of the form's language write them, read back alike */
        assert_string_equal(text_of(f, "capital"), k == 0 ? "2.500.000.000 \xC4\x91" : "2,500,000,000 VND");
        assert_string_equal(text_of(f, "members"), k == 0 ? "1.500" : "1,500");
        assert_string_equal(text_of(f, "district"), "\xE1\xBB\xA8ng H\xC3\xB2\x61");
        assert_string_equal(text_of(f, "compliant"), k == 0 ? "C\xC3\xB3" : "Yes");
        assert_string_equal(text_of(f, "profitable"), k == 0 ? "Kh\xC3\xB4ng" : "No");
        assert_string_equal(text_of(f, "status"), htx_status_name(HTX_SUSPENDED, langs[k]));
        assert_string_equal(text_of(f, "sector"), htx_sector_name(htx_sector_find("trade"), langs[k]));

        assert_int_equal(form_collect(f, out), 0);
        assert_no_messages(f);
        assert_same_record(c, out);
        assert_false(form_changed(f));

        /* Clearing an optional field clears it; the version still guards. */
        fill(f, "phone", "");
        assert_true(form_changed(f));
        assert_int_equal(form_collect(f, out), 0);
        assert_string_equal(out->phone, "");
        assert_int_equal(out->version, 7);
        assert_int_equal(out->id, 42);
        form_free(f);
    }

    /* Unknown profitability shows and reads back as unknown. */
    c->profitable = -1;
    c->compliant = false;
    assert_true(form_init_edit(f, c, HTX_LANG_EN));
    assert_string_equal(text_of(f, "profitable"), "Unknown");
    assert_int_equal(form_collect(f, out), 0);
    assert_same_record(c, out);
    form_free(f);
    free(f);
    free(c);
    free(out);
}

static void test_choices(void **state)
{
    (void)state;
    htx_form *f = malloc(sizeof *f);
    assert_non_null(f);
    assert_true(form_init_new(f, HTX_LANG_VI));
    const char *names[64];

    int district = index_of(f, "district");
    assert_int_equal(form_choices(f, district, NULL, 0), 30);
    assert_int_equal(form_choices(f, district, names, 64), 30);
    assert_string_equal(names[0], "Ba \xC4\x90\xC3\xACnh");
    assert_string_equal(names[29], "\xE1\xBB\xA8ng H\xC3\xB2\x61");
    for (int i = 1; i < 30; i++)
        assert_true(htx_collate_compare(names[i - 1], names[i]) < 0);
    /* A short list takes the first names and still says how many there are. */
    assert_int_equal(form_choices(f, district, names, 2), 30);
    assert_string_equal(names[0], "Ba \xC4\x90\xC3\xACnh");

    assert_int_equal(form_choices(f, index_of(f, "name"), names, 64), 0);
    assert_int_equal(form_choices(f, index_of(f, "founded"), NULL, 0), 0);
    assert_int_equal(form_choices(f, -1, names, 64), 0);
    assert_int_equal(form_choices(f, f->count, names, 64), 0);

    assert_int_equal(form_choices(f, index_of(f, "sector"), names, 64), 7);
    assert_string_equal(names[5], NONG_NGHIEP);
    assert_int_equal(form_choices(f, index_of(f, "status"), names, 64), 3);
    assert_string_equal(names[2], "\xC4\x90\xC3\xA3 gi\xE1\xBA\xA3i th\xE1\xBB\x83");
    assert_int_equal(form_choices(f, index_of(f, "compliant"), names, 64), 3);
    assert_string_equal(names[0], "C\xC3\xB3");
    assert_string_equal(names[1], "Kh\xC3\xB4ng");
    assert_int_equal(form_choices(f, index_of(f, "profitable"), names, 64), 3);
    assert_string_equal(names[2], "Ch\xC6\xB0\x61 r\xC3\xB5");

    form_choose(f, district, "Gia L\xC3\xA2m");
    assert_string_equal(text_of(f, "district"), "Gia L\xC3\xA2m");
    assert_true(form_changed(f));
    form_free(f);

    assert_true(form_init_new(f, HTX_LANG_EN));
    assert_int_equal(form_choices(f, index_of(f, "sector"), names, 64), 7);
    assert_string_equal(names[5], "Agriculture");
    assert_int_equal(form_choices(f, index_of(f, "status"), names, 64), 3);
    assert_string_equal(names[1], "Suspended");
    assert_int_equal(form_choices(f, index_of(f, "profitable"), names, 64), 3);
    assert_string_equal(names[0], "Yes");
    assert_string_equal(names[2], "Unknown");
    /* Choosing what is already there changes nothing. */
    form_choose(f, index_of(f, "status"), "Active");
    assert_false(form_changed(f));
    form_free(f);
    free(f);
}

/* Every name offered reads back through the core's rules, in both languages. */
static void test_every_choice_collects(void **state)
{
    (void)state;
    htx_form *f = malloc(sizeof *f);
    htx_coop *c = malloc(sizeof *c);
    assert_non_null(f);
    assert_non_null(c);
    const htx_lang langs[] = {HTX_LANG_VI, HTX_LANG_EN};
    for (size_t k = 0; k < 2; k++) {
        assert_true(form_init_new(f, langs[k]));
        fill_registration(f);
        for (int i = 0; i < f->count; i++) {
            const char *names[128];
            int n = form_choices(f, i, names, 128);
            assert_true(n <= 128);
            for (int j = 0; j < n; j++) {
                form_choose(f, i, names[j]);
                if (form_collect(f, c) != 0)
                    fail_msg("%s = %s: %s", f->fields[f->focus].def->key, names[j], f->fields[f->focus].message);
                char shown[256];
                htx_coop_value(c, f->fields[i].def->id, HTX_VALUE_DISPLAY, langs[k], shown, sizeof shown);
                assert_string_equal(shown, names[j]);
            }
        }
        form_free(f);
    }
    free(f);
    free(c);
}

static void test_warnings_do_not_block(void **state)
{
    (void)state;
    htx_form *f = malloc(sizeof *f);
    htx_coop *c = malloc(sizeof *c);
    assert_non_null(f);
    assert_non_null(c);
    assert_true(form_init_new(f, HTX_LANG_VI));
    fill_registration(f);
    fill(f, "members", "3");
    form_focus(f, index_of(f, "products"));
    assert_int_equal(form_collect(f, c), 0);
    int members = index_of(f, "members");
    assert_true(f->fields[members].has_message);
    assert_true(f->fields[members].is_warning);
    assert_non_null(strstr(f->fields[members].message, "3"));
    assert_int_equal(f->focus, index_of(f, "products"));
    assert_int_equal(c->members, 3);

    /* A name without "HTX"/"Hợp tác xã" is a warning too. */
    fill(f, "name", DONG_ANH " xanh");
    assert_int_equal(form_collect(f, c), 0);
    assert_true(f->fields[index_of(f, "name")].is_warning);

    /* Where there is an error, the error shows. */
    fill(f, "members", "ba");
    assert_int_equal(form_collect(f, c), 1);
    assert_false(f->fields[members].is_warning);
    assert_int_equal(f->focus, members);

    /* Messages from a failed save, and clearing them. */
    form_set_message(f, "code", "m\xC3\xA3 s\xE1\xBB\x91 \xC4\x91\xC3\xA3 c\xC3\xB3", false);
    assert_true(f->fields[index_of(f, "code")].has_message);
    form_set_message(f, "no-such-field", "x", false);
    form_clear_messages(f);
    for (int i = 0; i < f->count; i++)
        assert_false(f->fields[i].has_message);
    form_free(f);
    free(f);
    free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_new_form),
        cmocka_unit_test(test_typing),
        cmocka_unit_test(test_wrong_tax_code),
        cmocka_unit_test(test_valid_registration),
        cmocka_unit_test(test_edit_round_trip),
        cmocka_unit_test(test_choices),
        cmocka_unit_test(test_every_choice_collects),
        cmocka_unit_test(test_warnings_do_not_block),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
