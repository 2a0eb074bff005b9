/* Unit tests for forms/vn_input.c: Telex and VNI typing, word by word. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "text.h"
#include "vn_input.h"

/* One typed key sequence and the text it must give. */
typedef struct typed {
    const char *keys;
    const char *text;
} typed;

/* Types keys and compares exactly; the expected text is checked to be NFC
 * itself, so that a decomposed literal cannot make a test pass or fail. */
static void expect_typed(vn_input_mode mode, vn_tone_style style, const char *keys, const char *expected)
{
    char *nfc = htx_text_nfc(expected);
    assert_non_null(nfc);
    assert_string_equal(nfc, expected);
    free(nfc);

    char out[512];
    vn_input_type(mode, style, keys, out, sizeof out);
    if (strcmp(out, expected) != 0)
        print_error("keys \"%s\": got \"%s\", expected \"%s\"\n", keys, out, expected);
    assert_string_equal(out, expected);
}

static void expect_all(vn_input_mode mode, vn_tone_style style, const typed *cases, size_t count)
{
    for (size_t i = 0; i < count; i++)
        expect_typed(mode, style, cases[i].keys, cases[i].text);
}

#define EXPECT_ALL(mode, style, cases) expect_all(mode, style, cases, sizeof cases / sizeof cases[0])

/* ---- Telex ------------------------------------------------------------------------ */

static void test_telex_words(void **state)
{
    (void)state;
    static const typed cases[] = {
        {"Howpj tacs xax Bats Trangf", "Hợp tác xã Bát Tràng"},
        {"howpj tacs xax", "hợp tác xã"},
        {"Nguyeenx", "Nguyễn"},
        {"Vieetj Nam", "Việt Nam"},
        {"tieengs", "tiếng"},
        {"ddaauf", "đầu"},
        {"dduwowngf", "đường"},
        {"nguwowif", "người"},
        {"quys", "quý"},
        {"quoocs", "quốc"},
        {"gifn", "gìn"},
        {"giuwx", "giữ"},
        {"gif", "gì"},
        {"gij", "gị"},
        {"gias", "giá"},
        {"giaof", "giào"},
        {"gieengs", "giếng"},
        {"khuyru", "khuỷu"},
        {"khuyur", "khuỷu"},
        {"ngoawfn ngoefo", "ngoằn ngoèo"},
        {"hoafn", "hoàn"},
        {"toans", "toán"},
        {"tuyeets", "tuyết"},
        {"muaf", "mùa"},
        {"haif", "hài"},
        {"turi", "tủi"},
        {"cuwra", "cửa"},
        {"muwa", "mưa"},
        {"ruwowuj", "rượu"},
        {"truwowngf", "trường"},
        {"xaax", "xẫ"},
        {"Thanhf phoos Haf Nooij", "Thành phố Hà Nội"},
        {"Hopwj", "Hợp"}, /* the horn after the final consonant */
        {"nghieeng", "nghiêng"},
        {"khuyeen", "khuyên"},
        {"khuya", "khuya"},
        {"ddeem", "đêm"},
        {"nuwowcs", "nước"},
        {"thuowngf", "thường"},
        {"muoons", "muốn"},
        {"tiesne", "tiến"},   /* tone first, circumflex last */
        {"xooong", "xoong"},  /* oo: the circumflex undone */
        {"booongs", "boóng"},
        {"ngoaos", "ngoáo"},
    };
    EXPECT_ALL(VN_INPUT_TELEX, VN_TONE_OLD, cases);
}

static void test_telex_w(void **state)
{
    (void)state;
    static const typed cases[] = {
        {"w", "ư"},
        {"tw", "tư"},
        {"ngw", "ngư"},
        {"uw", "ư"},
        {"ow", "ơ"},
        {"aw", "ă"},
        {"ww", "w"},          /* w again gives the letter */
        {"tww", "tw"},
        {"uww", "uw"},        /* after u + w the horn alone is undone */
        {"tuww", "tuw"},
        {"Tuww", "Tuw"},
        {"ngUWW", "ngUW"},
        {"oww", "ow"},
        {"aww", "aw"},        /* the breve undone */
        {"ew", "ew"},         /* nothing to hook, ư cannot follow e */
        {"anw", "ăn"},        /* the breve after the final consonant */
        {"uow", "uơ"},        /* uo alone: the horn on o, as after th */
        {"uowng", "ương"},    /* ươ as soon as a consonant follows */
        {"thuowngf", "thường"},
        {"uwo", "ưo"},
        {"uwon", "ươn"},      /* ưo goes on to ươ before a consonant */
        {"dduwongf", "đường"},
        {"nguwoif", "người"},
        {"uoww", "ươ"},       /* uơ on to ươ */
        {"uowww", "uow"},     /* ươ undone */
        {"dduwowngw", "đuongw"},
        {"thuow", "thuơ"},    /* th + uo at the end: the horn on o alone */
        {"huow", "huơ"},
        {"khuow", "khuơ"},
        {"uowr", "uở"},
    };
    EXPECT_ALL(VN_INPUT_TELEX, VN_TONE_OLD, cases);
}

static void test_telex_thuo(void **state)
{
    (void)state;
    for (int style = VN_TONE_OLD; style <= VN_TONE_NEW; style++) {
        expect_typed(VN_INPUT_TELEX, (vn_tone_style)style, "thuowr", "thuở");
        expect_typed(VN_INPUT_TELEX, (vn_tone_style)style, "thuwor", "thuở");
    }
}

static void test_tone_style(void **state)
{
    (void)state;
    static const typed old_style[] = {
        {"hoaf", "hòa"}, {"thuyr", "thủy"}, {"khoer", "khỏe"}, {"hoaf binhf", "hòa bình"},
        {"quas", "quá"},
    };
    static const typed new_style[] = {
        {"hoaf", "hoà"}, {"thuyr", "thuỷ"}, {"khoer", "khoẻ"}, {"hoaf binhf", "hoà bình"},
        {"quas", "quá"},
    };
    EXPECT_ALL(VN_INPUT_TELEX, VN_TONE_OLD, old_style);
    EXPECT_ALL(VN_INPUT_TELEX, VN_TONE_NEW, new_style);
}

static void test_tone_moves(void **state)
{
    (void)state;
    for (int style = VN_TONE_OLD; style <= VN_TONE_NEW; style++) {
        static const typed cases[] = {
            {"hoafn", "hoàn"}, {"hoanf", "hoàn"}, {"khuyru", "khuỷu"}, {"khuyur", "khuỷu"},
            {"ngoefo", "ngoèo"}, {"hoafi", "hoài"}, {"huynhf", "huỳnh"}, {"muaf", "mùa"},
            {"quyf", "quỳ"}, {"gifa", "già"}, {"toans", "toán"}, {"tuyeets", "tuyết"},
        };
        EXPECT_ALL(VN_INPUT_TELEX, (vn_tone_style)style, cases);
    }
}

static void test_telex_case(void **state)
{
    (void)state;
    static const typed cases[] = {
        {"DD", "Đ"},         {"Dd", "Đ"},           {"dD", "đ"},
        {"DDoongf", "Đồng"}, {"UW", "Ư"},           {"UWngs", "Ứng"},
        {"Howpj", "Hợp"},    {"NGUYEENX", "NGUYỄN"}, {"HOAF", "HÒA"},
        {"VIEETJ NAM", "VIỆT NAM"}, {"AAA", "AA"},  {"W", "Ư"},
        {"WW", "W"},         {"dduwowngf", "đường"}, {"DDUWOWNGF", "ĐƯỜNG"},
        {"DdUwOwNgF", "ĐƯỜNg"},
    };
    EXPECT_ALL(VN_INPUT_TELEX, VN_TONE_OLD, cases);
}

static void test_telex_undo(void **state)
{
    (void)state;
    static const typed cases[] = {
        {"ass", "as"},     {"aaa", "aa"},   {"ddd", "dd"},     {"ooo", "oo"},
        {"eee", "ee"},     {"asf", "à"},    {"asz", "a"},      {"az", "az"},
        {"asss", "ass"},   {"aaaa", "aaa"}, {"tieengss", "tiêngs"},
        {"xooong", "xoong"}, {"hoaff", "hoaf"}, {"Vieetjj", "Viêtj"},
        {"ddaauff", "đâuf"}, {"ddd", "dd"}, {"dddd", "ddd"},
    };
    EXPECT_ALL(VN_INPUT_TELEX, VN_TONE_OLD, cases);
}

static void test_telex_keys_as_letters(void **state)
{
    (void)state;
    static const typed cases[] = {
        {"s", "s"},          {"xa", "xa"},       {"ss", "ss"},
        {"tr", "tr"},        {"ngs", "ngs"},     {"catf", "catf"}, /* -t takes sắc and nặng only */
        {"catj", "cạt"},     {"canhf", "cành"},  {"class", "class"},
        {"HTX", "HTX"},      {"qus", "qus"},     {"z", "z"},
        {"CDD", "CĐ"},       {"HDDND", "HĐND"},  {"add", "add"},
    };
    EXPECT_ALL(VN_INPUT_TELEX, VN_TONE_OLD, cases);
}

static void test_telex_passes_numbers_and_punctuation(void **state)
{
    (void)state;
    static const typed cases[] = {
        {"0912 345 678", "0912 345 678"},
        {"HTX-2020", "HTX-2020"},
        {"Soos 12, phoos Huees.", "Số 12, phố Huế."},
        {"(quaanj 1)", "(quận 1)"},
        {"a1s", "a1s"},
        {"", ""},
    };
    EXPECT_ALL(VN_INPUT_TELEX, VN_TONE_OLD, cases);
}

/* ---- VNI -------------------------------------------------------------------------- */

static void test_vni_words(void **state)
{
    (void)state;
    static const typed cases[] = {
        {"Ho75p ta1c xa4", "Hợp tác xã"},
        {"Ho75p ta1c xa4 Ba1t Tra2ng", "Hợp tác xã Bát Tràng"},
        {"d9u7o7ng2", "đường"},
        {"d9uo7ng2", "đường"},
        {"Nguye6n4", "Nguyễn"},
        {"Vie65t", "Việt"},
        {"so61", "số"},
        {"thuo73", "thuở"},
        {"thu7o3", "thuở"},
        {"quy1", "quý"},
        {"gi2n", "gìn"},
        {"khuy3u", "khuỷu"},
        {"ngoa82n ngoe2o", "ngoằn ngoèo"},
        {"D9o6ng2", "Đồng"},
        {"U7ng1", "Ứng"},
        {"D9", "Đ"},
        {"a8", "ă"},
        {"u7", "ư"},
        {"o7", "ơ"},
        {"a7", "a7"}, /* 7 is the horn: a takes none */
        {"o8", "o8"}, /* 8 is the breve: on a only */
        {"hoa2", "hòa"},
        {"hoa2n", "hoàn"},
        {"ngu7o7i2", "người"},
    };
    EXPECT_ALL(VN_INPUT_VNI, VN_TONE_OLD, cases);
    expect_typed(VN_INPUT_VNI, VN_TONE_NEW, "hoa2", "hoà");
    expect_typed(VN_INPUT_VNI, VN_TONE_NEW, "thuy3", "thuỷ");
}

static void test_vni_undo_and_digits(void **state)
{
    (void)state;
    static const typed cases[] = {
        {"a11", "a1"},         {"a12", "à"},           {"a10", "a"},
        {"a0", "a0"},          {"a66", "a6"},          {"a88", "a8"},
        {"d99", "d9"},         {"u77", "u7"},          {"uo77", "ươ"},
        {"uo777", "uo7"},
        {"2020", "2020"},      {"HTX-2020", "HTX-2020"}, {"0912 345 678", "0912 345 678"},
        {"1a", "1a"},          {"ca1t2", "cát2"},      {"Howpj", "Howpj"}, /* Telex keys are letters */
    };
    EXPECT_ALL(VN_INPUT_VNI, VN_TONE_OLD, cases);
}

/* ---- the word list ---------------------------------------------------------------- */

/* Splits line at tabs into count fields (the line is changed). */
static bool split_tabs(char *line, char **fields, int count)
{
    line[strcspn(line, "\r\n")] = '\0';
    for (int i = 0; i < count; i++) {
        fields[i] = line;
        char *tab = strchr(line, '\t');
        if ((tab == NULL) != (i == count - 1))
            return false;
        if (tab) {
            *tab = '\0';
            line = tab + 1;
        }
    }
    return true;
}

/* Every word of tests/data/vn_words.tsv typed in Telex and VNI, in both
 * tone styles. */
static void test_word_list(void **state)
{
    (void)state;
    FILE *in = fopen(HTX_TEST_DATA "/vn_words.tsv", "r");
    assert_non_null(in);
    char line[512];
    int words = 0, wrong = 0;
    while (fgets(line, sizeof line, in)) {
        if (line[0] == '#' || line[0] == '\n')
            continue;
        char *f[4]; /* old style, new style, Telex, VNI */
        assert_true(split_tabs(line, f, 4));
        words++;
        static const struct {
            vn_input_mode mode;
            vn_tone_style style;
            int keys, text;
        } ways[] = {
            {VN_INPUT_TELEX, VN_TONE_OLD, 2, 0},
            {VN_INPUT_TELEX, VN_TONE_NEW, 2, 1},
            {VN_INPUT_VNI, VN_TONE_OLD, 3, 0},
            {VN_INPUT_VNI, VN_TONE_NEW, 3, 1},
        };
        for (size_t w = 0; w < sizeof ways / sizeof ways[0]; w++) {
            char out[512];
            vn_input_type(ways[w].mode, ways[w].style, f[ways[w].keys], out, sizeof out);
            if (strcmp(out, f[ways[w].text]) != 0) {
                print_error("%s %s \"%s\": got \"%s\", expected \"%s\"\n", vn_input_mode_name(ways[w].mode),
                            ways[w].style == VN_TONE_OLD ? "old" : "new", f[ways[w].keys], out,
                            f[ways[w].text]);
                wrong++;
            }
        }
    }
    fclose(in);
    assert_true(words >= 500);
    assert_int_equal(wrong, 0);
}

/* ---- the key interface ------------------------------------------------------------ */

static void test_key_results(void **state)
{
    (void)state;
    char out[64];
    strcpy(out, "unchanged");
    assert_int_equal(vn_input_key(VN_INPUT_TELEX, VN_TONE_OLD, "a", NULL, 's', out, sizeof out), VN_REWRITE);
    assert_string_equal(out, "á");
    assert_int_equal(vn_input_key(VN_INPUT_TELEX, VN_TONE_OLD, "", NULL, 'x', out, sizeof out), VN_INSERT);
    assert_int_equal(vn_input_key(VN_INPUT_TELEX, VN_TONE_OLD, "ta", NULL, 'n', out, sizeof out), VN_INSERT);
    assert_int_equal(vn_input_key(VN_INPUT_TELEX, VN_TONE_OLD, "tá", NULL, ' ', out, sizeof out), VN_INSERT);
    assert_int_equal(vn_input_key(VN_INPUT_TELEX, VN_TONE_OLD, "tá", NULL, '1', out, sizeof out), VN_INSERT);
    assert_int_equal(vn_input_key(VN_INPUT_TELEX, VN_TONE_OLD, NULL, NULL, 'w', out, sizeof out), VN_REWRITE);
    assert_string_equal(out, "ư");

    /* The key may stay in the rewritten word (an undo). */
    assert_int_equal(vn_input_key(VN_INPUT_TELEX, VN_TONE_OLD, "á", NULL, 's', out, sizeof out), VN_REWRITE);
    assert_string_equal(out, "as");

    /* A plain letter that moves the tone. */
    assert_int_equal(vn_input_key(VN_INPUT_TELEX, VN_TONE_OLD, "hòa", NULL, 'n', out, sizeof out), VN_REWRITE);
    assert_string_equal(out, "hoàn");

    /* Decomposed input is read the same and answered in NFC. */
    assert_int_equal(vn_input_key(VN_INPUT_TELEX, VN_TONE_OLD, "Vie\xCC\x82t", NULL, 'j', out, sizeof out),
                     VN_REWRITE);
    assert_string_equal(out, "Việt");

    /* VNI digits, and letters typed as they are. */
    assert_int_equal(vn_input_key(VN_INPUT_VNI, VN_TONE_OLD, "so", NULL, '6', out, sizeof out), VN_REWRITE);
    assert_string_equal(out, "sô");
    assert_int_equal(vn_input_key(VN_INPUT_VNI, VN_TONE_OLD, "a", NULL, 's', out, sizeof out), VN_INSERT);
    assert_int_equal(vn_input_key(VN_INPUT_VNI, VN_TONE_OLD, "20", NULL, '2', out, sizeof out), VN_INSERT);

    /* Non-Latin words are left alone. */
    assert_int_equal(vn_input_key(VN_INPUT_TELEX, VN_TONE_OLD, "Привет", NULL, 's', out, sizeof out), VN_INSERT);
}

static void test_off_and_small_buffer(void **state)
{
    (void)state;
    char out[64];
    assert_int_equal(vn_input_key(VN_INPUT_OFF, VN_TONE_OLD, "a", NULL, 's', out, sizeof out), VN_INSERT);
    expect_typed(VN_INPUT_OFF, VN_TONE_OLD, "Howpj tacs xax", "Howpj tacs xax");
    expect_typed(VN_INPUT_OFF, VN_TONE_OLD, "Ho75p", "Ho75p");

    /* A rewrite that does not fit is refused: the key goes in as typed. */
    char tiny[3];
    assert_int_equal(vn_input_key(VN_INPUT_TELEX, VN_TONE_OLD, "tie", NULL, 'e', tiny, sizeof tiny), VN_INSERT);
    assert_int_equal(vn_input_key(VN_INPUT_TELEX, VN_TONE_OLD, "a", NULL, 's', tiny, sizeof tiny), VN_REWRITE);
    assert_string_equal(tiny, "á");

    /* A whole text that does not fit is cut, never overrun. */
    char small[8];
    vn_input_type(VN_INPUT_TELEX, VN_TONE_OLD, "Howpj tacs xax", small, sizeof small);
    assert_true(strlen(small) < sizeof small);
    assert_int_equal(strncmp(small, "Hợp tá", strlen(small)), 0);
    vn_input_type(VN_INPUT_TELEX, VN_TONE_OLD, NULL, small, sizeof small);
    assert_string_equal(small, "");
    /* NFC may be longer than the keys ("x" + U+0344 is "ẍ" + U+0301): still
     * NFC where it does not fit, cut between code points. */
    char five[5];
    vn_input_type(VN_INPUT_OFF, VN_TONE_OLD, "x\xCD\x84", five, sizeof five);
    assert_string_equal(five, "\xE1\xBA\x8D"); /* ẍ: the acute did not fit */

    /* A long non-Vietnamese word is no trouble. */
    char longword[600];
    memset(longword, 'a', sizeof longword - 1);
    longword[sizeof longword - 1] = '\0';
    assert_int_equal(vn_input_key(VN_INPUT_TELEX, VN_TONE_OLD, longword, NULL, 's', out, sizeof out), VN_INSERT);
}

static void test_mode_names(void **state)
{
    (void)state;
    assert_string_equal(vn_input_mode_name(VN_INPUT_TELEX), "Telex");
    assert_string_equal(vn_input_mode_name(VN_INPUT_VNI), "VNI");
    assert_string_equal(vn_input_mode_name(VN_INPUT_OFF), "Tắt");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_telex_words),
        cmocka_unit_test(test_telex_w),
        cmocka_unit_test(test_telex_thuo),
        cmocka_unit_test(test_tone_style),
        cmocka_unit_test(test_tone_moves),
        cmocka_unit_test(test_telex_case),
        cmocka_unit_test(test_telex_undo),
        cmocka_unit_test(test_telex_keys_as_letters),
        cmocka_unit_test(test_telex_passes_numbers_and_punctuation),
        cmocka_unit_test(test_vni_words),
        cmocka_unit_test(test_vni_undo_and_digits),
        cmocka_unit_test(test_word_list),
        cmocka_unit_test(test_key_results),
        cmocka_unit_test(test_off_and_small_buffer),
        cmocka_unit_test(test_mode_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
