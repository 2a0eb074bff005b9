/* Unit tests for tui/cli/cli_text.def: the command line's catalog.  A
 * message's format is chosen at run time, so the compiler checks neither
 * language against the arguments; a translation that drops, adds or swaps a
 * conversion would read the wrong argument.  Here both languages of every
 * text must take the same conversions in the same order. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "cli.h"
#include "cli_text.h"

static const char *const names[CT_COUNT] = {
#define CT(id, vi, en) [id] = #id,
#include "cli_text.def"
#undef CT
};

/*
 * The arguments a printf format reads, one letter each: "*" for a width or
 * precision given as an argument, then the length modifier and the kind of
 * the conversion (d signed, u unsigned, f floating, c, s, p, n).  Writes
 * into out; false for a format printf would not take (a lone % at the end,
 * an unknown conversion) or one that numbers its arguments (%1$s), since a
 * translation must then still read them in order.
 */
static bool arguments_read(const char *format, char *out, size_t size)
{
    size_t n = 0;
#define PUT(c)                                                                                     \
    do {                                                                                           \
        if (n + 1 >= size)                                                                         \
            return false;                                                                          \
        out[n++] = (c);                                                                            \
    } while (0)
    for (const char *p = format; *p; p++) {
        if (*p != '%')
            continue;
        p++;
        if (*p == '%')
            continue;
        while (*p && strchr("-+ #0'", *p))
            p++;
        if (*p == '*') {
            PUT('*');
            p++;
        }
        while (*p >= '0' && *p <= '9')
            p++;
        if (*p == '$')
            return false;
        if (*p == '.') {
            p++;
            if (*p == '*') {
                PUT('*');
                p++;
            }
            while (*p >= '0' && *p <= '9')
                p++;
        }
        while (*p && strchr("hlLjztq", *p))
            PUT(*p++);
        if (!*p)
            return false;
        if (strchr("di", *p))
            PUT('d');
        else if (strchr("ouxX", *p))
            PUT('u');
        else if (strchr("eEfFgGaA", *p))
            PUT('f');
        else if (strchr("cspn", *p))
            PUT(*p);
        else
            return false;
        PUT(' ');
    }
    out[n] = '\0';
    return true;
#undef PUT
}

static void test_the_checker_sees_a_difference(void **state)
{
    (void)state;
    char a[64], b[64];
    assert_true(arguments_read("htx %s: %.*s (%ld%%)", a, sizeof a));
    assert_string_equal(a, "s *s ld ");
    assert_true(arguments_read("%-10s %zu", b, sizeof b));
    assert_string_equal(b, "s zu ");
    assert_true(arguments_read("%d %s", a, sizeof a) && arguments_read("%s %d", b, sizeof b));
    assert_string_not_equal(a, b);
    assert_true(arguments_read("%ld", a, sizeof a) && arguments_read("%d", b, sizeof b));
    assert_string_not_equal(a, b);
    assert_false(arguments_read("50%", a, sizeof a));
    assert_false(arguments_read("%1$s", a, sizeof a));
    assert_false(arguments_read("%y", a, sizeof a));
}

static void test_both_languages_read_the_same_arguments(void **state)
{
    (void)state;
    int wrong = 0;
    for (int id = 0; id < CT_COUNT; id++) {
        const char *vi = cli_text((cli_text_id)id, HTX_LANG_VI);
        const char *en = cli_text((cli_text_id)id, HTX_LANG_EN);
        char vi_args[128], en_args[128];
        bool vi_ok = arguments_read(vi, vi_args, sizeof vi_args);
        bool en_ok = arguments_read(en, en_args, sizeof en_args);
        if (!vi_ok || !en_ok || strcmp(vi_args, en_args) != 0) {
            print_error("%s: \"%s\" reads [%s], \"%s\" reads [%s]\n", names[id], vi, vi_ok ? vi_args : "?", en,
                        en_ok ? en_args : "?");
            wrong++;
        }
    }
    assert_int_equal(wrong, 0);
}

static void test_no_translation_is_missing(void **state)
{
    (void)state;
    for (int id = 1; id < CT_COUNT; id++) {
        if (!cli_text((cli_text_id)id, HTX_LANG_VI)[0] || !cli_text((cli_text_id)id, HTX_LANG_EN)[0])
            print_error("%s is empty in one language\n", names[id]);
        assert_true(cli_text((cli_text_id)id, HTX_LANG_VI)[0]);
        assert_true(cli_text((cli_text_id)id, HTX_LANG_EN)[0]);
    }
    assert_string_equal(cli_text(CT_COUNT, HTX_LANG_VI), "");
    assert_string_equal(cli_text((cli_text_id)-1, HTX_LANG_EN), "");
}

/* Option tables hold the texts by address (CLI_TEXT_PAIR): the same texts. */
static void test_pairs_are_the_catalog(void **state)
{
    (void)state;
    static const cli_option help = {"--help", false, CLI_TEXT_PAIR(CT_OPT_HELP)};
    assert_ptr_equal(help.help_vi, cli_text(CT_OPT_HELP, HTX_LANG_VI));
    assert_ptr_equal(help.help_en, cli_text(CT_OPT_HELP, HTX_LANG_EN));
    assert_string_equal(help.help_vi, "trợ giúp");
    assert_string_equal(help.help_en, "this help");
}

static char *told(htx_lang lang, cli_text_id id, const char *value)
{
    char *text = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&text, &size);
    assert_non_null(out);
    cli_context ctx = {.lang = lang, .out = out, .err = out};
    cli_tell(&ctx, out, id, value);
    fclose(out);
    return text;
}

/* What was typed comes back visible, never as a raw control character. */
static void test_typed_controls_stay_visible(void **state)
{
    (void)state;
    char *vi = told(HTX_LANG_VI, CT_UNKNOWN_COMMAND, "bad\x01\x1b[2Jcmd");
    assert_string_equal(vi, "htx: không có lệnh \"bad␁␛[2Jcmd\" (xem: htx --help)\n");
    free(vi);
    char *en = told(HTX_LANG_EN, CT_UNKNOWN_LANGUAGE, "x\ty\x7f");
    assert_string_equal(en, "htx: --lang: unknown language \"x␉y␡\" (vi, en)\n");
    free(en);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_the_checker_sees_a_difference),
        cmocka_unit_test(test_both_languages_read_the_same_arguments),
        cmocka_unit_test(test_no_translation_is_missing),
        cmocka_unit_test(test_pairs_are_the_catalog),
        cmocka_unit_test(test_typed_controls_stay_visible),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
