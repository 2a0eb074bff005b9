/* Unit tests for reading a file as a stream: htx_decoder (encoding.h) gives
 * what htx_decode gives on the whole text, for every encoding and however
 * the bytes are cut into blocks; the CSV reader over a source reads the same
 * records, with the same lines, as over the text in memory; lines and
 * records too long are refused, naming their line.  And the import that
 * checks a file before it takes the write lock (import.h): what a colleague
 * saves between the check and the writing is caught, row by row. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <utf8proc.h>

#include "csv_read.h"
#include "encoding.h"
#include "import.h"
#include "registry.h"
#include "test_support.h"
#include "text.h"

/* Every Vietnamese letter, both cases, with line ends of every kind and
 * letters right before them (where a held-back tone would be lost). */
static const char text[] =
    "Mã số,Tên HTX,Quận/Huyện,Người đại diện,Địa chỉ\r\n"
    "0100233488,Hợp tác xã Đồng Tâm,Thanh Trì,Nguyễn Thị Hương,\"Số 12,\r\nthôn Ngũ Hiệp\"\n"
    "0107836196,Hợp tác xã bánh cuốn Đại Kim,Hoàng Mai,Trần Văn Quyết,\"Số 230, phố Tam Trinh\"\r"
    "0108108915,HTX bao bì nhựa Phú Xuyên,Phú Xuyên,Khuất Ngọc Nga,Xóm 3 xã Phượng Dực\n\n"
    "a à á ả ã ạ ă ằ ắ ẳ ẵ ặ â ầ ấ ẩ ẫ ậ e è é ẻ ẽ ẹ ê ề ế ể ễ ệ i ì í ỉ ĩ ị\n"
    "o ò ó ỏ õ ọ ô ồ ố ổ ỗ ộ ơ ờ ớ ở ỡ ợ u ù ú ủ ũ ụ ư ừ ứ ử ữ ự y ỳ ý ỷ ỹ ỵ đ\r\n"
    "A À Á Ả Ã Ạ Ă Ằ Ắ Ẳ Ẵ Ặ Â Ầ Ấ Ẩ Ẫ Ậ E È É Ẻ Ẽ Ẹ Ê Ề Ế Ể Ễ Ệ I Ì Í Ỉ Ĩ Ị\r"
    "O Ò Ó Ỏ Õ Ọ Ô Ồ Ố Ổ Ỗ Ộ Ơ Ờ Ớ Ở Ỡ Ợ U Ù Ú Ủ Ũ Ụ Ư Ừ Ứ Ử Ữ Ự Y Ỳ Ý Ỷ Ỹ Ỵ Đ\n"
    "cuối tệp không xuống dòng: Ước Lễ";

/* What the decoder hands out for bytes fed in blocks of size bytes. */
static htx_status decode_in_blocks(const unsigned char *bytes, size_t len, size_t block,
                                   htx_encoding enc, size_t max_line, char **out, htx_encoding *used,
                                   htx_error *err)
{
    size_t head = len < 65536 ? len : 65536;
    htx_decoder *d;
    htx_status st = htx_decoder_open(bytes, head, head == len, enc, max_line, &d, used, err);
    if (st != HTX_OK)
        return st;
    size_t cap = 64, n = 0;
    *out = malloc(cap);
    (*out)[0] = '\0';
    for (size_t at = 0;; at += block) {
        size_t k = at >= len ? 0 : len - at < block ? len - at : block;
        bool last = at + k >= len;
        const char *piece;
        size_t piece_len;
        st = htx_decoder_feed(d, bytes + at, k, last, &piece, &piece_len, err);
        if (st != HTX_OK)
            break;
        /* Text is handed out up to a line break, except at the end. */
        if (!last && piece_len)
            assert_true(piece[piece_len - 1] == '\n' || piece[piece_len - 1] == '\r');
        while (n + piece_len + 1 > cap)
            cap *= 2;
        *out = realloc(*out, cap);
        memcpy(*out + n, piece, piece_len);
        n += piece_len;
        (*out)[n] = '\0';
        if (last)
            break;
    }
    htx_decoder_free(d);
    if (st != HTX_OK) {
        free(*out);
        *out = NULL;
    }
    return st;
}

static void same_as_whole(const unsigned char *bytes, size_t len, htx_encoding enc)
{
    char *whole;
    size_t whole_len;
    htx_encoding whole_used, used;
    htx_error err;
    assert_int_equal(htx_decode(bytes, len, enc, &whole, &whole_len, &whole_used, &err), HTX_OK);
    static const size_t blocks[] = {1, 2, 3, 5, 7, 64, 1000, 1 << 20};
    for (size_t i = 0; i < sizeof blocks / sizeof blocks[0]; i++) {
        char *streamed;
        assert_int_equal(decode_in_blocks(bytes, len, blocks[i], enc, 0, &streamed, &used, &err), HTX_OK);
        assert_int_equal(used, whole_used);
        assert_string_equal(streamed, whole);
        free(streamed);
    }
    free(whole);
}

static void test_every_encoding_in_every_block_size(void **state)
{
    (void)state;
    static const htx_encoding encodings[] = {HTX_ENC_UTF8,   HTX_ENC_UTF16, HTX_ENC_UTF16BE,
                                             HTX_ENC_CP1258, HTX_ENC_VISCII, HTX_ENC_TCVN3,
                                             HTX_ENC_TCVN_VN1, HTX_ENC_VNI,  HTX_ENC_VIQR};
    for (size_t i = 0; i < sizeof encodings / sizeof encodings[0]; i++) {
        unsigned char *bytes;
        size_t len;
        htx_error err;
        for (int bom = 0; bom < 2; bom++) {
            assert_int_equal(htx_encode(text, strlen(text), encodings[i], bom, &bytes, &len, &err), HTX_OK);
            same_as_whole(bytes, len, encodings[i]);
            same_as_whole(bytes, len, HTX_ENC_AUTO);
            free(bytes);
        }
    }
    /* Decomposed text (a tone after its letter, maybe in the next block)
     * comes out composed, as from htx_decode. */
    static const char nfd[] = "Nguye\xcc\x82\xcc\x83n\nHo\xcc\x9b\xcc\xa3p ta\xcc\x81" "c xa\xcc\x83\n";
    same_as_whole((const unsigned char *)nfd, strlen(nfd), HTX_ENC_UTF8);
    /* The composite form of CP1258: a base letter, then a tone byte. */
    static const unsigned char cp1258[] = "Nguy\xea\xde" "n\nHo\xf5\xf2p ta\xec" "c xa\xde";
    same_as_whole(cp1258, sizeof cp1258 - 1, HTX_ENC_CP1258);
}

/* The characters the decoder hands out without normalising them when a
 * block holds nothing else (encoding_stream.c, enc_nfc_stable: the same
 * ranges): NFC leaves each alone, after any letter too. */
static void test_text_left_as_it_is_is_nfc(void **state)
{
    (void)state;
    static const int32_t ranges[][2] = {{0x80, 0x2FF}, {0x1E00, 0x1EFF}, {0x2010, 0x2027},
                                        {0x2030, 0x205E}, {0x20A0, 0x20C0}};
    static const char *const before[] = {"", "a", "A", "e", "o", "u", "y", "ư", "ơ", "â", "ô", "ă", "đ", "ệ"};
    for (size_t r = 0; r < sizeof ranges / sizeof ranges[0]; r++)
        for (int32_t cp = ranges[r][0]; cp <= ranges[r][1]; cp++) {
            if (utf8proc_category(cp) == UTF8PROC_CATEGORY_CN || utf8proc_category(cp) == UTF8PROC_CATEGORY_CS)
                continue;
            assert_int_equal(utf8proc_get_property(cp)->combining_class, 0);
            for (size_t b = 0; b < sizeof before / sizeof before[0]; b++) {
                char in[16];
                size_t n = strlen(before[b]);
                memcpy(in, before[b], n);
                n += (size_t)htx_utf8_encode(cp, in + n);
                in[n] = '\0';
                char *nfc = htx_text_nfc(in);
                assert_non_null(nfc);
                assert_string_equal(nfc, in);
                free(nfc);
            }
        }
    /* And a block of such text with a mark in it is normalised. */
    static const char mixed[] = "Hợp tác xã – “Đồng Tâm”\nNguye\xcc\x82\xcc\x83n Văn A\n";
    same_as_whole((const unsigned char *)mixed, sizeof mixed - 1, HTX_ENC_UTF8);
}

static void test_bad_bytes_named_as_htx_decode_names_them(void **state)
{
    (void)state;
    static const struct {
        const char *bytes;
        size_t len;
        htx_encoding enc;
    } bad[] = {
#define BYTES(s) s, sizeof s - 1
        {BYTES("code,name\n0100233488,HTX A\nx,HTX Ph\xc3\xb9\xff\n"), HTX_ENC_UTF8},
        {BYTES("code,name\n0100233488,HTX A\x00\n"), HTX_ENC_UTF8},
        {BYTES("a\nb\nc\xe2\x82"), HTX_ENC_UTF8}, /* a sequence the file ends inside */
        {BYTES("a\x00\n\x00" "b\x00\xd8"), HTX_ENC_UTF16}, /* half a unit at the end */
        {BYTES("a\nb\x00\n"), HTX_ENC_VNI},
#undef BYTES
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char *whole = NULL, *streamed = NULL;
        size_t whole_len;
        htx_error whole_err, err;
        htx_encoding used;
        assert_int_equal(htx_decode((const unsigned char *)bad[i].bytes, bad[i].len, bad[i].enc, &whole,
                                    &whole_len, NULL, &whole_err),
                         HTX_ERR_INVALID);
        for (size_t block = 1; block < 12; block++) {
            assert_int_equal(decode_in_blocks((const unsigned char *)bad[i].bytes, bad[i].len, block,
                                              bad[i].enc, 0, &streamed, &used, &err),
                             HTX_ERR_INVALID);
            assert_int_equal(err.msg, MSG_BAD_ENCODING);
            assert_string_equal(err.arg[0], whole_err.arg[0]);
            assert_string_equal(err.arg[1], whole_err.arg[1]);
        }
    }
}

static void test_a_line_too_long_is_named(void **state)
{
    (void)state;
    size_t len = 3 * 10000;
    char *bytes = malloc(len + 64);
    int n = snprintf(bytes, len, "code,name\r\nshort\r");
    memset(bytes + n, 'x', len - (size_t)n - 1);
    bytes[len - 1] = '\n';
    char *out;
    htx_error err;
    htx_encoding used;
    for (size_t block = 100; block <= 4096; block *= 4) {
        assert_int_equal(decode_in_blocks((unsigned char *)bytes, len, block, HTX_ENC_UTF8, 4096, &out, &used,
                                          &err),
                         HTX_ERR_INVALID);
        assert_int_equal(err.msg, MSG_LINE_TOO_LONG);
        assert_string_equal(err.arg[0], "3");
        assert_string_equal(err.arg[1], "4096 bytes");
    }
    /* The same line at the very end of the file. */
    bytes[len - 1] = 'x';
    assert_int_equal(decode_in_blocks((unsigned char *)bytes, len, 1000, HTX_ENC_UTF8, 4096, &out, &used, &err),
                     HTX_ERR_INVALID);
    assert_string_equal(err.arg[0], "3");
    /* Under the limit: read. */
    assert_int_equal(decode_in_blocks((unsigned char *)bytes, len, 1000, HTX_ENC_UTF8, len, &out, &used, &err),
                     HTX_OK);
    assert_int_equal(strlen(out), len);
    free(out);
    free(bytes);
}

/* ---- the CSV reader over a source ------------------------------------------ */

typedef struct pieces {
    const char *text;
    size_t len, at, size;
    bool fail_at_end;
} pieces;

static htx_status next_piece(void *ctx, const char **out, size_t *len, htx_error *err)
{
    pieces *p = ctx;
    if (p->at >= p->len && p->fail_at_end)
        return htx_fail(err, HTX_ERR_INVALID, MSG_BAD_ENCODING, NULL, "utf-8", "9 (byte 99)");
    size_t n = p->len - p->at < p->size ? p->len - p->at : p->size;
    *out = p->text + p->at;
    *len = n;
    p->at += n;
    return HTX_OK;
}

static void test_csv_stream_reads_what_memory_reads(void **state)
{
    (void)state;
    static const char csv[] = "a,b,c\r\n\r\n\"x\"\"y\",\"line\r\nbreak\",z\r"
                              ";;;\n\"q\n\nq\",2,3\n  \nlast,\"\",\"\"\"\"";
    for (size_t size = 1; size < sizeof csv + 2; size++) {
        htx_csv_reader mem, str;
        htx_csv_reader_init(&mem, csv, strlen(csv), ',');
        pieces p = {csv, strlen(csv), 0, size, false};
        htx_csv_reader_stream(&str, next_piece, &p, ',', 0);
        htx_csv_row a = {0}, b = {0};
        htx_error err;
        htx_status sa, sb;
        do {
            sa = htx_csv_next(&mem, &a, &err);
            sb = htx_csv_next(&str, &b, &err);
            assert_int_equal(sa, sb);
            if (sa != HTX_OK)
                break;
            assert_int_equal(a.line, b.line);
            assert_int_equal(a.count, b.count);
            for (size_t i = 0; i < a.count; i++)
                assert_string_equal(a.fields[i], b.fields[i]);
        } while (1);
        assert_int_equal(sa, HTX_ERR_NOT_FOUND);
        assert_int_equal(mem.line, str.line);
        htx_csv_row_free(&a);
        htx_csv_row_free(&b);
        htx_csv_reader_free(&str);
    }
}

static void test_csv_stream_errors(void **state)
{
    (void)state;
    htx_csv_reader r;
    htx_csv_row row = {0};
    htx_error err;
    /* The source's error comes where its text stops, after the rows before. */
    static const char rows[] = "a,b\nc,d\n";
    pieces p = {rows, strlen(rows), 0, 3, true};
    htx_csv_reader_stream(&r, next_piece, &p, ',', 0);
    assert_int_equal(htx_csv_next(&r, &row, &err), HTX_OK);
    assert_int_equal(htx_csv_next(&r, &row, &err), HTX_OK);
    assert_int_equal(htx_csv_next(&r, &row, &err), HTX_ERR_INVALID);
    assert_int_equal(err.msg, MSG_BAD_ENCODING);
    htx_csv_reader_free(&r);
    /* Inside a quote, too: it is not called a quote left open. */
    static const char quoted[] = "a,b\n\"c\nd";
    p = (pieces){quoted, strlen(quoted), 0, 2, true};
    htx_csv_reader_stream(&r, next_piece, &p, ',', 0);
    assert_int_equal(htx_csv_next(&r, &row, &err), HTX_OK);
    assert_int_equal(htx_csv_next(&r, &row, &err), HTX_ERR_INVALID);
    assert_int_equal(err.msg, MSG_BAD_ENCODING);
    htx_csv_reader_free(&r);
    /* A record longer than the limit, named by the line it starts on. */
    static const char longer[] = "a,b\n\"1\n2\n3\n4\n5\n6\n7\n8\n9\",x\n";
    p = (pieces){longer, strlen(longer), 0, 4, false};
    htx_csv_reader_stream(&r, next_piece, &p, ',', 10);
    assert_int_equal(htx_csv_next(&r, &row, &err), HTX_OK);
    assert_int_equal(htx_csv_next(&r, &row, &err), HTX_ERR_INVALID);
    assert_int_equal(err.msg, MSG_CSV_RECORD_TOO_LONG);
    assert_string_equal(err.arg[0], "2");
    htx_csv_reader_free(&r);
    /* The first piece, for the separator. */
    static const char semi[] = "a;b;c\n1;2;3\n";
    p = (pieces){semi, strlen(semi), 0, 4, false};
    htx_csv_reader_stream(&r, next_piece, &p, ',', 0);
    const char *peek;
    size_t peek_len;
    assert_int_equal(htx_csv_peek(&r, &peek, &peek_len, &err), HTX_OK);
    r.separator = htx_csv_detect_separator(peek, peek_len);
    assert_int_equal(r.separator, ';');
    assert_int_equal(htx_csv_next(&r, &row, &err), HTX_OK);
    assert_int_equal(row.count, 3);
    htx_csv_reader_free(&r);
    htx_csv_row_free(&row);
}

/* ---- saves of a colleague between the check and the writing ---------------- */

enum { RACE_ROWS = 2500, RACE_ROW = 100 };

typedef struct race {
    char dir[64], db[128], csv[160], rejects[192];
    htx_store *store;
    int mode; /* 0: register the code of RACE_ROW meanwhile; 1: save a record the file updates */
    bool done;
} race;

/* The import's progress callback: once row RACE_ROW is checked (progress
 * is told every 1000 rows; the reading is 70% of it) and before the
 * writing begins, the colleague saves, through a connection of their own. */
static void colleague_saves(void *ctx, size_t done, size_t total)
{
    race *r = ctx;
    if (r->done || done * 10 < total * 7)
        return;
    r->done = true;
    htx_store *other;
    htx_error err;
    assert_int_equal(htx_store_open(r->db, HTX_OPEN_EXISTING, &other, &err), HTX_OK);
    htx_coop c;
    char code[16];
    if (r->mode == 0) {
        test_code(RACE_ROW, code);
        test_make_coop(&c, code, "HTX Đăng Ký Trước", "Ba Đình", "trade");
        assert_int_equal(htx_coop_insert(other, &c, "colleague", &err), HTX_OK);
    } else {
        test_code(RACE_ROW, code);
        assert_int_equal(htx_coop_load(other, code, &c, &err), HTX_OK);
        c.members = 99;
        assert_int_equal(htx_coop_update(other, &c, "colleague", &err), HTX_OK);
    }
    htx_store_close(other);
}

static void race_setup(race *r, int mode)
{
    memset(r, 0, sizeof *r);
    test_temp_path(r->dir, r->db, "htx.db");
    snprintf(r->csv, sizeof r->csv, "%s/register.csv", r->dir);
    snprintf(r->rejects, sizeof r->rejects, "%s/register.rejected.csv", r->dir);
    r->mode = mode;
    htx_error err;
    assert_int_equal(htx_store_open(r->db, HTX_OPEN_CREATE_NEW, &r->store, &err), HTX_OK);
    FILE *f = fopen(r->csv, "w");
    assert_non_null(f);
    fputs("code,name,district,sector,members\n", f);
    for (int i = 0; i < RACE_ROWS; i++) {
        char code[16];
        test_code(i, code);
        fprintf(f, "%s,HTX Số %d,Gia Lâm,trade,%d\n", code, i, 10 + i % 50);
    }
    fclose(f);
}

static void race_teardown(race *r)
{
    htx_store_close(r->store);
    unlink(r->csv);
    unlink(r->rejects);
    test_remove_db(r->dir, r->db);
}

static htx_status race_import(race *r, htx_on_duplicate on_duplicate, bool skip_invalid,
                              htx_import_result *result)
{
    htx_import_options opt;
    htx_import_options_init(&opt);
    opt.on_duplicate = on_duplicate;
    opt.skip_invalid = skip_invalid;
    opt.rejects_path = r->rejects;
    opt.progress = colleague_saves;
    opt.progress_ctx = r;
    htx_import_file *file;
    htx_error err;
    assert_int_equal(htx_import_open(r->csv, &opt, &file, &err), HTX_OK);
    htx_status st = htx_import_run(r->store, file, &opt, result, &err);
    htx_import_close(file);
    return st;
}

static long registered(race *r)
{
    htx_coop c;
    htx_error err;
    long n = 0;
    for (int i = 0; i < RACE_ROWS; i++) {
        char code[16];
        test_code(i, code);
        n += htx_coop_load(r->store, code, &c, &err) == HTX_OK;
    }
    return n;
}

static void test_a_code_registered_meanwhile_refuses_the_import(void **state)
{
    (void)state;
    race r;
    race_setup(&r, 0);
    htx_import_result result;
    assert_int_equal(race_import(&r, HTX_ON_DUPLICATE_FAIL, false, &result), HTX_ERR_INVALID);
    assert_true(r.done);
    assert_int_equal(result.problem_count, 1);
    assert_int_equal(result.problems[0].line, RACE_ROW + 2);
    assert_int_equal(result.problems[0].error.msg, MSG_IMPORT_EXISTS);
    assert_false(result.committed);
    assert_int_equal(registered(&r), 1); /* the colleague's, nothing of the file */
    htx_import_result_free(&result);
    race_teardown(&r);
}

static void test_a_code_registered_meanwhile_is_set_aside(void **state)
{
    (void)state;
    race r;
    race_setup(&r, 0);
    htx_import_result result;
    assert_int_equal(race_import(&r, HTX_ON_DUPLICATE_FAIL, true, &result), HTX_OK);
    assert_int_equal(result.inserted, RACE_ROWS - 1);
    assert_int_equal(result.rejected, 1);
    assert_int_equal(registered(&r), RACE_ROWS);
    /* The rejects file has the row as it was read. */
    FILE *f = fopen(r.rejects, "r");
    assert_non_null(f);
    char line[512], code[16], want[64];
    assert_non_null(fgets(line, sizeof line, f));
    assert_non_null(fgets(line, sizeof line, f));
    test_code(RACE_ROW, code);
    snprintf(want, sizeof want, ",%s,HTX Số %d,Gia Lâm,trade,%d\r\n", code, RACE_ROW, 10 + RACE_ROW % 50);
    assert_non_null(strstr(line, want));
    assert_int_equal(atol(line), RACE_ROW + 2);
    fclose(f);
    htx_import_result_free(&result);
    /* With skip, it is kept as the colleague registered it. */
    race_teardown(&r);
    race_setup(&r, 0);
    assert_int_equal(race_import(&r, HTX_ON_DUPLICATE_SKIP, false, &result), HTX_OK);
    assert_int_equal(result.inserted, RACE_ROWS - 1);
    assert_int_equal(result.skipped, 1);
    htx_import_result_free(&result);
    race_teardown(&r);
}

static void test_a_record_saved_meanwhile_is_not_overwritten(void **state)
{
    (void)state;
    race r;
    race_setup(&r, 1);
    htx_import_options opt;
    htx_import_options_init(&opt);
    htx_import_file *file;
    htx_import_result result;
    htx_error err;
    /* The register first, then the same file again as updates. */
    assert_int_equal(htx_import_open(r.csv, &opt, &file, &err), HTX_OK);
    assert_int_equal(htx_import_run(r.store, file, &opt, &result, &err), HTX_OK);
    htx_import_close(file);
    htx_import_result_free(&result);
    assert_int_equal(race_import(&r, HTX_ON_DUPLICATE_UPDATE, false, &result), HTX_ERR_INVALID);
    assert_int_equal(result.problem_count, 1);
    assert_int_equal(result.problems[0].error.msg, MSG_IMPORT_SAVED_MEANWHILE);
    assert_int_equal(result.problems[0].line, RACE_ROW + 2);
    htx_coop c;
    char code[16];
    test_code(RACE_ROW, code);
    assert_int_equal(htx_coop_load(r.store, code, &c, &err), HTX_OK);
    assert_int_equal(c.members, 99);
    htx_import_result_free(&result);
    race_teardown(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_encoding_in_every_block_size),
        cmocka_unit_test(test_text_left_as_it_is_is_nfc),
        cmocka_unit_test(test_bad_bytes_named_as_htx_decode_names_them),
        cmocka_unit_test(test_a_line_too_long_is_named),
        cmocka_unit_test(test_csv_stream_reads_what_memory_reads),
        cmocka_unit_test(test_csv_stream_errors),
        cmocka_unit_test(test_a_code_registered_meanwhile_refuses_the_import),
        cmocka_unit_test(test_a_code_registered_meanwhile_is_set_aside),
        cmocka_unit_test(test_a_record_saved_meanwhile_is_not_overwritten),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
