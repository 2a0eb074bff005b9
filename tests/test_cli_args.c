/* Unit tests for tui/cli/cli.c's reading of arguments: options anywhere,
 * and any number of operands in their order. */
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

static const cli_option options[] = {
    {"--club", true, "", ""},
    {"--force", false, "", ""},
    {NULL, false, NULL, NULL},
};

static void test_any_number_of_operands(void **state)
{
    (void)state;
    enum { CODES = 1000 };
    static char codes[CODES][16];
    char *argv[CODES + 3];
    int argc = 0;
    for (int i = 0; i < CODES; i++) {
        snprintf(codes[i], sizeof codes[i], "%010d", 100000000 + i);
        argv[argc++] = codes[i];
        if (i == 500) {
            argv[argc++] = "--club";
            argv[argc++] = "plastic";
        }
        if (i == 700)
            argv[argc++] = "--force";
    }
    cli_context ctx = {.lang = HTX_LANG_VI, .out = stdout, .err = stderr};
    cli_args args;
    assert_true(cli_parse(&ctx, "join", options, argc, argv, &args));
    assert_int_equal(args.operand_count, CODES);
    for (int i = 0; i < CODES; i++)
        assert_string_equal(args.operands[i], codes[i]);
    assert_string_equal(cli_value(&args, "--club"), "plastic");
    assert_true(cli_flag(&args, "--force"));
}

static void test_operands_after_double_dash(void **state)
{
    (void)state;
    char *argv[] = {"a", "--club", "x", "--", "--force", "b"};
    cli_context ctx = {.lang = HTX_LANG_VI, .out = stdout, .err = stderr};
    cli_args args;
    assert_true(cli_parse(&ctx, "join", options, 6, argv, &args));
    assert_int_equal(args.operand_count, 3);
    assert_string_equal(args.operands[0], "a");
    assert_string_equal(args.operands[1], "--force");
    assert_string_equal(args.operands[2], "b");
    assert_string_equal(cli_value(&args, "--club"), "x");
    assert_false(cli_flag(&args, "--force"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_any_number_of_operands),
        cmocka_unit_test(test_operands_after_double_dash),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
