/* Unit tests for core/encoding.c and core/csv_read.c: Vietnamese encodings,
 * detection, and reading delimited text. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "csv_read.h"
#include "encoding.h"

/* Every Vietnamese letter, lower and upper case, in NFC. */
static const char all_letters[] =
    "a à á ả ã ạ ă ằ ắ ẳ ẵ ặ â ầ ấ ẩ ẫ ậ e è é ẻ ẽ ẹ ê ề ế ể ễ ệ i ì í ỉ ĩ ị "
    "o ò ó ỏ õ ọ ô ồ ố ổ ỗ ộ ơ ờ ớ ở ỡ ợ u ù ú ủ ũ ụ ư ừ ứ ử ữ ự y ỳ ý ỷ ỹ ỵ đ "
    "A À Á Ả Ã Ạ Ă Ằ Ắ Ẳ Ẵ Ặ Â Ầ Ấ Ẩ Ẫ Ậ E È É Ẻ Ẽ Ẹ Ê Ề Ế Ể Ễ Ệ I Ì Í Ỉ Ĩ Ị "
    "O Ò Ó Ỏ Õ Ọ Ô Ồ Ố Ổ Ỗ Ộ Ơ Ờ Ớ Ở Ỡ Ợ U Ù Ú Ủ Ũ Ụ Ư Ừ Ứ Ử Ữ Ự Y Ỳ Ý Ỷ Ỹ Ỵ Đ";

/* A small register: the kind of text detection has to judge. */
static const char sample[] =
    "Mã số,Tên HTX,Quận/Huyện,Người đại diện,Địa chỉ\r\n"
    "0100233488,Hợp tác xã Đồng Tâm,Thanh Trì,Nguyễn Thị Hương,\"Số 12, thôn Ngũ Hiệp\"\r\n"
    "0107836196,Hợp tác xã bánh cuốn Đại Kim,Hoàng Mai,Trần Văn Quyết,\"Số 230, phố Tam Trinh\"\r\n"
    "0108108915,HTX bao bì nhựa Phú Xuyên,Phú Xuyên,Khuất Ngọc Nga,\"Xóm 3, xã Phượng Dực\"\r\n"
    "0101234567,HTX dịch vụ nông nghiệp Ước Lễ,Thanh Oai,Lê Thị Thủy,\"Thôn Ước Lễ, xã Tân Ước\"\r\n";

static char *decode(const void *bytes, size_t len, htx_encoding enc, htx_encoding *used)
{
    char *out = NULL;
    size_t out_len;
    htx_error err;
    assert_int_equal(htx_decode(bytes, len, enc, &out, &out_len, used, &err), HTX_OK);
    assert_int_equal(strlen(out), out_len);
    return out;
}

static void round_trip(htx_encoding enc, const char *text)
{
    unsigned char *bytes;
    size_t len;
    htx_error err;
    assert_int_equal(htx_encode(text, strlen(text), enc, false, &bytes, &len, &err), HTX_OK);
    htx_encoding used;
    char *back = decode(bytes, len, enc, &used);
    assert_string_equal(back, text);
    free(back);
    /* Detection finds the encoding on its own. */
    back = decode(bytes, len, HTX_ENC_AUTO, &used);
    assert_int_equal(used, enc == HTX_ENC_UTF16BE ? HTX_ENC_UTF16BE : enc);
    assert_string_equal(back, text);
    free(back);
    free(bytes);
}

static void test_every_letter_in_every_encoding(void **state)
{
    (void)state;
    static const htx_encoding encodings[] = {HTX_ENC_UTF8,   HTX_ENC_UTF16,     HTX_ENC_CP1258,
                                             HTX_ENC_VISCII, HTX_ENC_TCVN_VN1, HTX_ENC_VNI,
                                             HTX_ENC_VIQR};
    for (size_t i = 0; i < sizeof encodings / sizeof encodings[0]; i++) {
        unsigned char *bytes;
        size_t len;
        htx_error err;
        assert_int_equal(htx_encode(all_letters, strlen(all_letters), encodings[i], false, &bytes,
                                    &len, &err),
                         HTX_OK);
        htx_encoding used;
        char *back = decode(bytes, len, encodings[i], &used);
        assert_string_equal(back, all_letters);
        free(back);
        free(bytes);
    }
}

/* TCVN3 (ABC) is TCVN 5712's VN3: no toned capitals, so they are written
 * with the lower-case letter; VN1 keeps them, in control and upper bytes. */
static void test_tcvn3_is_vn3_and_vn1_its_own(void **state)
{
    (void)state;
    static const char *const capitals = "\xC3\x80\xC3\x81\xE1\xBA\xA2\xC3\x83\xE1\xBA\xA0" /* À Á Ả Ã Ạ */
                                        "\xE1\xBB\xAA\xE1\xBB\xB8\xE1\xBA\xAE\xE1\xBB\x90"; /* Ừ Ỹ Ắ Ố */
    static const unsigned char vn3[] = {0xB5, 0xB8, 0xB6, 0xB7, 0xB9, 0xF5, 0xFC, 0xBE, 0xE8};
    unsigned char *bytes;
    size_t len;
    htx_error err;
    assert_int_equal(htx_encode(capitals, strlen(capitals), HTX_ENC_TCVN3, false, &bytes, &len, &err), HTX_OK);
    assert_int_equal(len, sizeof vn3);
    assert_memory_equal(bytes, vn3, sizeof vn3);
    free(bytes);
    /* the letters VN3 has: Ă Â Ê Ô Ơ Ư Đ as capitals, the rest lower case */
    const char *with_capitals = "\xC4\x82\xC3\x82\xC3\x8A\xC3\x94\xC6\xA0\xC6\xAF\xC4\x90 \xE1\xBB\xA8ng H\xC3\xB2\x61";
    static const unsigned char vn3_letters[] = {0xA1, 0xA2, 0xA3, 0xA4, 0xA5, 0xA6, 0xA7, ' ', 0xF8, 'n', 'g', ' ', 'H', 0xDF, 'a'};
    assert_int_equal(htx_encode(with_capitals, strlen(with_capitals), HTX_ENC_TCVN3, false, &bytes, &len, &err),
                     HTX_OK);
    assert_int_equal(len, sizeof vn3_letters);
    assert_memory_equal(bytes, vn3_letters, sizeof vn3_letters);
    htx_encoding used;
    char *back = decode(bytes, len, HTX_ENC_AUTO, &used);
    assert_int_equal(used, HTX_ENC_TCVN3);
    assert_string_equal(back, "\xC4\x82\xC3\x82\xC3\x8A\xC3\x94\xC6\xA0\xC6\xAF\xC4\x90 \xE1\xBB\xA9ng H\xC3\xB2\x61");
    free(back);
    free(bytes);
    /* every letter: nothing below 0x20, nothing in 0x80-0x9F */
    assert_int_equal(htx_encode(all_letters, strlen(all_letters), HTX_ENC_TCVN3, false, &bytes, &len, &err), HTX_OK);
    for (size_t i = 0; i < len; i++)
        assert_true(bytes[i] >= 0x20 && (bytes[i] < 0x80 || bytes[i] >= 0xA0));
    free(bytes);
    /* VN1 writes Ừ as 0x04 and reads it back; VN3 refuses that byte */
    assert_int_equal(htx_encode("\xE1\xBB\xAA", 3, HTX_ENC_TCVN_VN1, false, &bytes, &len, &err), HTX_OK);
    assert_int_equal(len, 1);
    assert_int_equal(bytes[0], 0x04);
    free(bytes);
    static const unsigned char vn1_file[] = {'H', 'T', 'X', ' ', 0x04, 'n', 'g', ',', 0x80, '\n'};
    back = decode(vn1_file, sizeof vn1_file, HTX_ENC_TCVN_VN1, &used);
    assert_string_equal(back, "HTX \xE1\xBB\xAAng,\xC3\x80\n");
    free(back);
    char *out = NULL;
    size_t out_len;
    assert_int_equal(htx_decode(vn1_file, sizeof vn1_file, HTX_ENC_TCVN3, &out, &out_len, &used, &err),
                     HTX_ERR_INVALID);
    assert_int_equal(err.msg, MSG_BAD_ENCODING);
    assert_string_equal(err.arg[1], "1 (byte 5)");
    /* detection tells a VN1 file (toned capitals) from a VN3 one */
    static const char register_line[] = "0100233488,HTX \xE1\xBB\xA8NG H\xC3\x92\x41 \xC4\x90\xE1\xBB\x92NG T\xC3\x82M,Thanh Tr\xC3\xAC\n";
    assert_int_equal(htx_encode(register_line, strlen(register_line), HTX_ENC_TCVN_VN1, false, &bytes, &len, &err),
                     HTX_OK);
    back = decode(bytes, len, HTX_ENC_AUTO, &used);
    assert_int_equal(used, HTX_ENC_TCVN_VN1);
    assert_string_equal(back, register_line);
    free(back);
    free(bytes);
}

static void test_detection_on_a_register(void **state)
{
    (void)state;
    round_trip(HTX_ENC_UTF8, sample);
    round_trip(HTX_ENC_CP1258, sample);
    round_trip(HTX_ENC_VISCII, sample);
    round_trip(HTX_ENC_TCVN3, sample); /* in VN1 the same bytes: no toned capitals */
    round_trip(HTX_ENC_VNI, sample);
    round_trip(HTX_ENC_VIQR, sample);
}

/* A file of one short row, the hardest case: a few words must tell the
 * 8-bit encodings apart. */
static void test_detection_on_one_row(void **state)
{
    (void)state;
    static const char *const rows[] = {
        "0100233488,Hợp tác xã Đồng Tâm,Thanh Trì\n",
        "0101234565,HTX Bát Tràng,Gia Lâm\n",
        "0108108915,HTX bao bì nhựa Phú Xuyên,Phú Xuyên\n",
        "0101112221,HTX dịch vụ nông nghiệp Ước Lễ,Thanh Oai\n",
    };
    static const htx_encoding encodings[] = {HTX_ENC_CP1258, HTX_ENC_VISCII, HTX_ENC_TCVN3, HTX_ENC_VNI};
    for (size_t r = 0; r < sizeof rows / sizeof rows[0]; r++)
        for (size_t e = 0; e < sizeof encodings / sizeof encodings[0]; e++) {
            unsigned char *bytes;
            size_t len;
            htx_error err;
            assert_int_equal(htx_encode(rows[r], strlen(rows[r]), encodings[e], false, &bytes, &len, &err),
                             HTX_OK);
            /* The encoding named may be another whose bytes mean the same
             * here ("Bát Tràng, Gia Lâm" is the same bytes in CP1258 and
             * VISCII): what counts is the text read. */
            htx_encoding used;
            char *back = decode(bytes, len, HTX_ENC_AUTO, &used);
            assert_string_equal(back, rows[r]);
            free(back);
            free(bytes);
        }
}

/* VIQR is ASCII: a short file must be told from plain ASCII by how its
 * marks read, and the guess is said to be unsure. */
static void test_viqr_detection_on_short_files(void **state)
{
    (void)state;
    static const char issue_file[] = "code,name,district,sector\n0170000448,HTX Ha`,Ba DDi`nh,trade\n";
    bool bom, unsure;
    assert_int_equal(htx_encoding_detect((const unsigned char *)issue_file, strlen(issue_file), &bom, &unsure),
                     HTX_ENC_VIQR);
    assert_true(unsure);
    static const char *const rows[] = {
        "code,name,district,sector\n0100233488,HTX Đồng Tâm,Thanh Trì,trade\n",
        "code,name\n0101234565,HTX Bát Tràng\n",
        "0108108915,HTX bao bì nhựa Phú Xuyên,Phú Xuyên\n",
        "0101112221,HTX Ước Lễ,Thanh Oai\n",
        "0101112221,HTX Vạn Phúc,Hà Đông\n",
        "0101112221,HTX Đa Tốn,Gia Lâm\n",
    };
    for (size_t r = 0; r < sizeof rows / sizeof rows[0]; r++) {
        unsigned char *bytes;
        size_t len;
        htx_error err;
        assert_int_equal(htx_encode(rows[r], strlen(rows[r]), HTX_ENC_VIQR, false, &bytes, &len, &err), HTX_OK);
        htx_encoding used;
        char *back = decode(bytes, len, HTX_ENC_AUTO, &used);
        if (strcmp(back, rows[r]) != 0)
            fail_msg("\"%.*s\" read as \"%s\"", (int)len, (const char *)bytes, back);
        assert_int_equal(used, HTX_ENC_VIQR);
        free(back);
        free(bytes);
    }
    /* plain ASCII stays what it is, and is no doubt */
    static const char *const ascii[] = {
        "code,name\n0100233488,HTX Dong Tam\n",
        "code,name,notes\n0100233488,HTX Dong Tam,\"Who? Me. (see e.g. p.4) Address: 12 Ha~ St.\"\n",
        "name\nCafe' Sua\n",
    };
    for (size_t a = 0; a < sizeof ascii / sizeof ascii[0]; a++) {
        assert_int_equal(htx_encoding_detect((const unsigned char *)ascii[a], strlen(ascii[a]), &bom, &unsure),
                         HTX_ENC_UTF8);
        assert_false(unsure);
    }
    /* a whole register in VIQR is no doubt either */
    unsigned char *bytes;
    size_t len;
    htx_error err;
    assert_int_equal(htx_encode(sample, strlen(sample), HTX_ENC_VIQR, false, &bytes, &len, &err), HTX_OK);
    assert_int_equal(htx_encoding_detect(bytes, len, &bom, &unsure), HTX_ENC_VIQR);
    assert_false(unsure);
    free(bytes);
}

/* UTF-16 without a BOM, holding NFD text (combining tones are 00 03 in
 * little-endian order): found by auto, and by "utf-16" in either order. */
static void test_utf16_without_bom(void **state)
{
    (void)state;
    const char *text = "Mã số,Tên\n0100233488,HTX Đồng Tâm\n";
    /* The same, decomposed: a + U+0303, o + U+0302 + U+0301 … */
    const char *decomposed = "Ma\xCC\x83 so\xCC\x82\xCC\x81,Te\xCC\x82n\n"
                             "0100233488,HTX \xC4\x90o\xCC\x82\xCC\x80ng Ta\xCC\x82m\n";
    static const htx_encoding orders[] = {HTX_ENC_UTF16, HTX_ENC_UTF16BE};
    for (size_t i = 0; i < 2; i++) {
        unsigned char *bytes;
        size_t len;
        htx_error err;
        assert_int_equal(htx_encode(decomposed, strlen(decomposed), orders[i], false, &bytes, &len, &err), HTX_OK);
        htx_encoding used;
        char *back = decode(bytes, len, HTX_ENC_AUTO, &used);
        assert_int_equal(used, orders[i]);
        assert_string_equal(back, text);
        free(back);
        back = decode(bytes, len, HTX_ENC_UTF16, &used);
        assert_string_equal(back, text);
        free(back);
        free(bytes);
    }
}

/* The last letter of a file, which the CP1258 and TCVN3 decoders hold back
 * for a combining tone, survives whatever the length. */
static void test_last_letter_at_every_length(void **state)
{
    (void)state;
    static const htx_encoding encodings[] = {HTX_ENC_CP1258, HTX_ENC_TCVN3, HTX_ENC_TCVN_VN1};
    char *text = malloc(1500 * 3 + 4);
    assert_non_null(text);
    for (size_t e = 0; e < 3; e++)
        for (int n = 1; n < 1500; n++) {
            size_t len = 0;
            for (int i = 0; i < n; i++) {
                memcpy(text + len, "ạ", strlen("ạ"));
                len += strlen("ạ");
            }
            strcpy(text + len, "â");
            unsigned char *bytes;
            size_t size;
            htx_error err;
            assert_int_equal(htx_encode(text, strlen(text), encodings[e], false, &bytes, &size, &err), HTX_OK);
            htx_encoding used;
            char *back = decode(bytes, size, encodings[e], &used);
            assert_string_equal(back, text);
            free(back);
            free(bytes);
        }
    free(text);
}

static void test_boms(void **state)
{
    (void)state;
    htx_encoding used;
    char *s = decode("\xEF\xBB\xBFM\xC3\xA3", 6, HTX_ENC_AUTO, &used);
    assert_int_equal(used, HTX_ENC_UTF8);
    assert_string_equal(s, "Mã");
    free(s);
    s = decode("\xFF\xFEM\0\xE3\0", 6, HTX_ENC_AUTO, &used);
    assert_int_equal(used, HTX_ENC_UTF16);
    assert_string_equal(s, "Mã");
    free(s);
    s = decode("\xFE\xFF\0M\0\xE3", 6, HTX_ENC_UTF16, &used);
    assert_int_equal(used, HTX_ENC_UTF16BE);
    assert_string_equal(s, "Mã");
    free(s);
    /* VIQR is ASCII: saved as UTF-8, it may carry that BOM. */
    s = decode("\xEF\xBB\xBFMa~", 6, HTX_ENC_VIQR, &used);
    assert_int_equal(used, HTX_ENC_VIQR);
    assert_string_equal(s, "Mã");
    free(s);
}

/* Hand-written from the VNI-Windows and VIQR charts, not by our encoder. */
static void test_vni_and_viqr_by_hand(void **state)
{
    (void)state;
    htx_encoding used;
    /* "Hợp tác xã Đồng Tâm": ơ is one byte (F4), its dot a mark (EF); â is a + E2. */
    static const char vni[] = "H\xF4\xEFp ta\xF9\x63 xa\xF5 \xD1o\xE0ng Ta\xE2m";
    char *s = decode(vni, sizeof vni - 1, HTX_ENC_VNI, &used);
    assert_string_equal(s, "Hợp tác xã Đồng Tâm");
    free(s);
    /* Capitals take the marks 0x20 lower: "NGUYỄN" = E + C3, "ĐẠI" = Ñ A Ï I. */
    static const char vni_caps[] = "NGUYE\xC3N \xD1\x41\xCFI";
    s = decode(vni_caps, sizeof vni_caps - 1, HTX_ENC_VNI, &used);
    assert_string_equal(s, "NGUYỄN ĐẠI");
    free(s);
    const char *viqr = "Ho+.p ta'c xa~ DDo^`ng Ta^m, hoa\\.binh\\@mail";
    s = decode(viqr, strlen(viqr), HTX_ENC_VIQR, &used);
    assert_string_equal(s, "Hợp tác xã Đồng Tâm, hoa.binh\\@mail");
    free(s);
    /* d beside đ, in every order and case, comes back as it went. */
    const char *ds = "dđ Dđ dĐ DĐ đd đđ add đdd ddd";
    unsigned char *bytes;
    size_t len;
    htx_error err;
    assert_int_equal(htx_encode(ds, strlen(ds), HTX_ENC_VIQR, false, &bytes, &len, &err), HTX_OK);
    s = decode(bytes, len, HTX_ENC_VIQR, &used);
    assert_string_equal(s, ds);
    free(s);
    free(bytes);
}

static void test_invalid_bytes_name_line_and_byte(void **state)
{
    (void)state;
    char *out;
    size_t len;
    htx_error err;
    const char bad[] = "code,name\n01,HTX \xC4\x90\xE1\xBB\x93ng T\xC3\xA2m\n02,HTX Ph\xFF\n";
    assert_int_equal(htx_decode((const unsigned char *)bad, strlen(bad), HTX_ENC_AUTO, &out, &len,
                                NULL, &err),
                     HTX_ERR_INVALID);
    assert_int_equal(err.msg, MSG_BAD_ENCODING);
    assert_string_equal(err.arg[0], "utf-8");
    assert_string_equal(err.arg[1], "3 (byte 40)");
    assert_null(out);
}

static void test_cannot_encode(void **state)
{
    (void)state;
    unsigned char *bytes;
    size_t len;
    htx_error err;
    /* Typographic punctuation has an ASCII stand-in in the 8-bit encodings. */
    assert_int_equal(htx_encode("a – “b”", strlen("a – “b”"), HTX_ENC_VISCII, false, &bytes, &len, &err),
                     HTX_OK);
    assert_int_equal(len, strlen("a - \"b\""));
    assert_memory_equal(bytes, "a - \"b\"", len);
    free(bytes);
    /* A character with none is refused, named with its line. */
    const char *text = "Ngọc\nGiá 5 €\n";
    assert_int_equal(htx_encode(text, strlen(text), HTX_ENC_VISCII, false, &bytes, &len, &err), HTX_ERR_INVALID);
    assert_int_equal(err.msg, MSG_CANNOT_ENCODE);
    assert_string_equal(err.arg[0], "\"€\" (U+20AC)");
    assert_string_equal(err.arg[1], "2");
    text = "Ngọc\nNgọc\nA → B\n"; /* VNI keeps the Windows code page's €, not an arrow */
    assert_int_equal(htx_encode(text, strlen(text), HTX_ENC_VNI, false, &bytes, &len, &err), HTX_ERR_INVALID);
    assert_string_equal(err.arg[1], "3");
}

static void test_names(void **state)
{
    (void)state;
    assert_int_equal(htx_encoding_parse("UTF-8"), HTX_ENC_UTF8);
    assert_int_equal(htx_encoding_parse("windows-1258"), HTX_ENC_CP1258);
    assert_int_equal(htx_encoding_parse("TCVN3"), HTX_ENC_TCVN3);
    assert_int_equal(htx_encoding_parse("abc"), HTX_ENC_TCVN3);
    assert_int_equal(htx_encoding_parse("tcvn-vn1"), HTX_ENC_TCVN_VN1);
    assert_int_equal(htx_encoding_parse("TCVN5712-1"), HTX_ENC_TCVN_VN1);
    assert_string_equal(htx_encoding_name(HTX_ENC_TCVN3), "tcvn3");
    assert_string_equal(htx_encoding_name(HTX_ENC_TCVN_VN1), "tcvn-vn1");
    assert_int_equal(htx_encoding_parse("vni"), HTX_ENC_VNI);
    assert_int_equal(htx_encoding_parse("latin9"), -1);
    assert_string_equal(htx_encoding_name(HTX_ENC_VIQR), "viqr");
}

/* ---- CSV ---------------------------------------------------------------- */

static void test_csv_separators(void **state)
{
    (void)state;
    assert_int_equal(htx_csv_detect_separator("a,b,c\n", 6), ',');
    assert_int_equal(htx_csv_detect_separator("a;b;\"x,y,z\"\n", 12), ';');
    assert_int_equal(htx_csv_detect_separator("a\tb\n", 4), '\t');
}

static void test_csv_quotes_and_lines(void **state)
{
    (void)state;
    const char text[] = "a,b\r\n\r\n\"x, \"\"y\"\"\",\"two\nlines\"\n3,\n";
    htx_csv_reader r;
    htx_csv_reader_init(&r, text, strlen(text), ',');
    htx_csv_row row = {0};
    htx_error err;
    assert_int_equal(htx_csv_next(&r, &row, &err), HTX_OK);
    assert_int_equal(row.count, 2);
    assert_int_equal(row.line, 1);
    assert_int_equal(htx_csv_next(&r, &row, &err), HTX_OK);
    assert_int_equal(row.line, 3);
    assert_string_equal(row.fields[0], "x, \"y\"");
    assert_string_equal(row.fields[1], "two\nlines");
    assert_int_equal(htx_csv_next(&r, &row, &err), HTX_OK);
    assert_int_equal(row.line, 5);
    assert_int_equal(row.count, 2);
    assert_string_equal(row.fields[1], "");
    assert_int_equal(htx_csv_next(&r, &row, &err), HTX_ERR_NOT_FOUND);
    htx_csv_row_free(&row);
}

static void test_csv_open_quote(void **state)
{
    (void)state;
    const char text[] = "a,b\n1,2\n3,\"never closed\n4,5\n";
    htx_csv_reader r;
    htx_csv_reader_init(&r, text, strlen(text), ',');
    htx_csv_row row = {0};
    htx_error err;
    assert_int_equal(htx_csv_next(&r, &row, &err), HTX_OK);
    assert_int_equal(htx_csv_next(&r, &row, &err), HTX_OK);
    assert_int_equal(htx_csv_next(&r, &row, &err), HTX_ERR_INVALID);
    assert_int_equal(err.msg, MSG_CSV_OPEN_QUOTE);
    assert_string_equal(err.arg[0], "3");
    htx_csv_row_free(&row);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_letter_in_every_encoding),
        cmocka_unit_test(test_tcvn3_is_vn3_and_vn1_its_own),
        cmocka_unit_test(test_detection_on_a_register),
        cmocka_unit_test(test_detection_on_one_row),
        cmocka_unit_test(test_viqr_detection_on_short_files),
        cmocka_unit_test(test_utf16_without_bom),
        cmocka_unit_test(test_last_letter_at_every_length),
        cmocka_unit_test(test_boms),
        cmocka_unit_test(test_vni_and_viqr_by_hand),
        cmocka_unit_test(test_invalid_bytes_name_line_and_byte),
        cmocka_unit_test(test_cannot_encode),
        cmocka_unit_test(test_names),
        cmocka_unit_test(test_csv_separators),
        cmocka_unit_test(test_csv_quotes_and_lines),
        cmocka_unit_test(test_csv_open_quote),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
