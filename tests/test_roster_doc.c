/* The printed roster's pieces: wrapping, the text layout, encodings, the print command's answer. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "address.h"
#include "display.h"
#include "format.h"
#include "print.h"
#include "document_txt.h"
#include "roster_doc.h"
#include "stream_out.h"
#include "text_wrap.h"

static double columns(const char *text, size_t length, void *ctx)
{
    (void)ctx;
    (void)length;
    return htx_text_width(text) > 0 ? 1 : 0; /* Vietnamese NFC: one column a character */
}

static void wrap_breaks_at_spaces_and_keeps_marks(void **state)
{
    (void)state;
    htx_wrapped w;
    assert_true(htx_wrap("Hợp tác xã Đồng Tâm", 10, columns, NULL, &w));
    assert_int_equal(w.count, 2);
    assert_string_equal(w.lines[0], "Hợp tác xã");
    assert_string_equal(w.lines[1], "Đồng Tâm");
    htx_wrapped_free(&w);
    /* a word longer than a line breaks between letters, a letter and its marks stay together */
    assert_true(htx_wrap("Nghie\xCC\x82\xCC\x83ng", 5, columns, NULL, &w));
    assert_int_equal(w.count, 2);
    assert_string_equal(w.lines[0], "Nghie\xCC\x82\xCC\x83");
    htx_wrapped_free(&w);
    assert_true(htx_wrap("", 5, columns, NULL, &w));
    assert_int_equal(w.count, 1);
    assert_string_equal(w.lines[0], "");
    htx_wrapped_free(&w);
}

static const htx_roster_entry members[] = {
    {.coop_id = 1, .code = "0100000001", .name = "HTX An Bình", .district = "001", .representative = "Lê Văn A",
     .phone = "0912345678", .role = HTX_ROLE_CHAIR, .joined = "2019-03-05"},
    {.coop_id = 2, .code = "0100000002",
     .name = "Hợp tác xã dịch vụ nông nghiệp tổng hợp và thương mại Đông Dư mở rộng", .district = "018",
     .representative = "Nguyễn Thị Thanh Thủy", .phone = "", .role = HTX_ROLE_MEMBER, .joined = ""},
};

static htx_roster_doc sample_doc(int copies_of_members)
{
    htx_roster_doc doc = {0};
    doc.club = htx_club_find("plastic");
    doc.as_of = (htx_date){2026, 2, 5};
    doc.issued = doc.as_of;
    htx_doc_settings_defaults(doc.club, &doc.settings);
    for (int i = 0; i < copies_of_members; i++)
        assert_true(htx_roster_doc_append(&doc, &members[i % 2]));
    return doc;
}

static char *render_txt(const htx_roster_doc *roster, int width, int lines, int *pages)
{
    char *text = NULL;
    size_t length = 0;
    FILE *out = open_memstream(&text, &length);
    htx_error err;
    htx_document doc;
    htx_roster_document(roster, &doc);
    assert_int_equal(htx_doc_write_txt(&doc, (htx_txt_layout){width, lines}, out, pages, &err), HTX_OK);
    fclose(out);
    return text;
}

static void txt_table_lines_share_one_width(void **state)
{
    (void)state;
    htx_roster_doc doc = sample_doc(90);
    int pages = 0;
    char *text = render_txt(&doc, 100, 40, &pages);
    assert_true(pages > 2);
    assert_non_null(strstr(text, "Hà Nội, ngày 05 tháng 02 năm 2026"));
    assert_non_null(strstr(text, "CÂU LẠC BỘ NHỰA HÀ NỘI"));
    char label[32];
    snprintf(label, sizeof label, "Trang %d/%d", pages, pages);
    assert_non_null(strstr(text, label));
    int form_feeds = 0;
    for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
        if (line[0] == '\f') {
            form_feeds++;
            line++;
        }
        if (line[0] == '|' || line[0] == '+')
            assert_int_equal(htx_text_width(line), 100);
    }
    assert_int_equal(form_feeds, pages - 1);
    free(text);
    htx_roster_doc_free(&doc);
}

static void empty_roster_still_has_one_page(void **state)
{
    (void)state;
    htx_roster_doc doc = sample_doc(0);
    int pages = 0;
    char *text = render_txt(&doc, 120, 60, &pages);
    assert_int_equal(pages, 1);
    assert_non_null(strstr(text, "Tổng số: 0 thành viên"));
    free(text);
    htx_roster_doc_free(&doc);
}

static char *encode(const char *utf8, const char *encoding, htx_status *st, htx_error *err)
{
    char *bytes = NULL;
    size_t length = 0;
    FILE *out = open_memstream(&bytes, &length);
    *st = htx_write_encoded(utf8, strlen(utf8), encoding, out, err);
    fclose(out);
    return bytes;
}

static void encodings_refuse_what_they_cannot_hold(void **state)
{
    (void)state;
    htx_status st;
    htx_error err;
    char *bytes = encode("Độc lập – Tự do", "CP1258", &st, &err);
    assert_int_equal(st, HTX_OK);
    assert_true(strlen(bytes) > 0);
    free(bytes);
    /* VISCII has no en dash: the dash becomes "-", the letters stay */
    bytes = encode("Độc lập – Tự do", "VISCII", &st, &err);
    assert_int_equal(st, HTX_OK);
    assert_non_null(strstr(bytes, " - "));
    free(bytes);
    bytes = encode("dòng 1\nHTX Ệ", "ISO-8859-1", &st, &err);
    assert_int_equal(st, HTX_ERR_INVALID);
    assert_int_equal(err.msg, MSG_ENCODING_CHAR);
    assert_non_null(strstr(err.arg[1], "U+1EC6"));
    assert_non_null(strstr(err.arg[1], "2"));
    assert_string_equal(bytes, "");
    free(bytes);
    bytes = encode("x", "NO-SUCH-ENCODING", &st, &err);
    assert_int_equal(err.msg, MSG_ENCODING_UNKNOWN);
    free(bytes);
}

static void job_id_is_read_from_lp(void **state)
{
    (void)state;
    char job[HTX_PRINT_JOB_SIZE];
    assert_true(htx_print_parse_job("request id is Queue-12 (1 file(s))\n", job));
    assert_string_equal(job, "Queue-12");
    assert_false(htx_print_parse_job("lp: Error - No default destination.\n", job));
}

static void print_command_runs_without_a_shell(void **state)
{
    (void)state;
    char job[HTX_PRINT_JOB_SIZE];
    htx_error err;
    /* "echo" prints its arguments: the answer holds no job id, the file name is not interpreted */
    htx_print_request req = {.command = "echo", .file = "a file; rm -rf $HOME", .copies = 2};
    assert_int_equal(htx_print_file(&req, job, &err), HTX_OK);
    assert_string_equal(job, "?");
    req.command = "false";
    assert_int_equal(htx_print_file(&req, job, &err), HTX_ERR_IO);
    assert_int_equal(err.msg, MSG_PRINT_FAILED_DEFAULT);
    req.printer = "Queue";
    assert_int_equal(htx_print_file(&req, job, &err), HTX_ERR_IO);
    assert_int_equal(err.msg, MSG_PRINT_FAILED);
    assert_string_equal(err.arg[0], "Queue");
    req.command = "htx-no-such-command";
    assert_int_equal(htx_print_file(&req, job, &err), HTX_ERR_IO);
    assert_int_equal(err.msg, MSG_PRINT_RUN);
}


/* NĐ 30: a list as of another day is dated the day it is issued and says
 * the day it is of under the title; the number line leaves room for a
 * hand-written number; the signature block names the capacity. */
static void back_dated_roster_is_dated_today_and_says_as_of(void **state)
{
    (void)state;
    htx_roster_doc doc = sample_doc(2);
    doc.as_of = (htx_date){2019, 12, 31};
    doc.issued = (htx_date){2026, 12, 3};
    int pages = 0;
    char *text = render_txt(&doc, 100, 60, &pages);
    assert_non_null(strstr(text, "Hà Nội, ngày 03 tháng 12 năm 2026"));
    assert_null(strstr(text, "năm 2019"));
    assert_non_null(strstr(text, "(tính đến ngày 31/12/2019)"));
    assert_non_null(strstr(text, "LIÊN MINH HỢP TÁC XÃ THÀNH PHỐ HÀ NỘI"));
    assert_non_null(strstr(text, "Độc lập - Tự do - Hạnh phúc"));
    assert_non_null(strstr(text, "Số:        /DS-CLB"));
    assert_non_null(strstr(text, "Nơi nhận:"));
    assert_non_null(strstr(text, "- Lưu: VT."));
    assert_non_null(strstr(text, "TM. BAN CHỦ NHIỆM"));
    /* the rows: code, address in the new form, phone in groups */
    assert_non_null(strstr(text, "0100000001"));
    assert_non_null(strstr(text, "0912 345 678"));
    free(text);
    /* the same day: no as-of line */
    doc.as_of = doc.issued;
    text = render_txt(&doc, 100, 60, &pages);
    assert_null(strstr(text, "tính đến ngày"));
    free(text);
    htx_roster_doc_free(&doc);
}

static void number_line_follows_the_pattern(void **state)
{
    (void)state;
    char line[128];
    htx_date day = {2026, 12, 3};
    htx_doc_number_line("{số}/DS-CLB", "15", day, line, sizeof line);
    assert_string_equal(line, "Số: 15/DS-CLB");
    htx_doc_number_line("{số}/{năm}/DS-LMHTX", "", day, line, sizeof line);
    assert_string_equal(line, "Số:        /2026/DS-LMHTX");
    char lines[64];
    htx_doc_setting_lines("TM. BAN CHỦ NHIỆM | CHỦ NHIỆM", lines, sizeof lines);
    assert_string_equal(lines, "TM. BAN CHỦ NHIỆM\nCHỦ NHIỆM");
}

static void settings_default_to_the_club_in_full(void **state)
{
    (void)state;
    htx_doc_settings s;
    htx_doc_settings_defaults(htx_club_find("agriculture"), &s);
    assert_string_equal(s.value[HTX_DSET_ISSUER], "CÂU LẠC BỘ CÁC HỢP TÁC XÃ NÔNG NGHIỆP");
    assert_string_equal(s.value[HTX_DSET_PARENT_BODY], "LIÊN MINH HỢP TÁC XÃ THÀNH PHỐ HÀ NỘI");
    assert_false(s.set[HTX_DSET_ISSUER]);
    assert_int_equal(htx_doc_setting_find("nguoi ky"), HTX_DSET_SIGNER);
    assert_int_equal(htx_doc_setting_find("signer"), HTX_DSET_SIGNER);
    assert_int_equal(htx_doc_setting_find("Nơi nhận"), HTX_DSET_RECIPIENTS);
    assert_int_equal(htx_doc_setting_find("xyz"), -1);
}

static void address_is_written_in_the_new_form(void **state)
{
    (void)state;
    char out[256];
    htx_address_line("Số 18, thôn Giang Cao, xã Bát Tràng", "Bát Tràng", "Xã Bát Tràng", "018", out, sizeof out);
    assert_string_equal(out, "Số 18, thôn Giang Cao, xã Bát Tràng, TP Hà Nội");
    /* the old ward gives way to the new unit */
    htx_address_line("Xóm 3, thôn Ngũ Hiệp, xã Ngũ Hiệp", "Ngọc Hồi", "Xã Ngũ Hiệp", "020", out, sizeof out);
    assert_string_equal(out, "Xóm 3, thôn Ngũ Hiệp, xã Ngọc Hồi, TP Hà Nội");
    /* no unit yet: the old way, with the former district */
    htx_address_line("Số 25, tổ dân phố 3", "", "Thị trấn Sóc Sơn", "016", out, sizeof out);
    assert_string_equal(out, "Số 25, tổ dân phố 3, Thị trấn Sóc Sơn, huyện Sóc Sơn, TP Hà Nội");
    htx_address_line("", "Hồng Hà", "", "", out, sizeof out);
    assert_string_equal(out, "phường Hồng Hà, TP Hà Nội");
}

static void phones_are_written_in_groups(void **state)
{
    (void)state;
    char out[32];
    htx_format_phone("02438261757", out, sizeof out);
    assert_string_equal(out, "024 3826 1757");
    htx_format_phone("0912345678", out, sizeof out);
    assert_string_equal(out, "0912 345 678");
    htx_format_phone("+84 912 345 678", out, sizeof out);
    assert_string_equal(out, "+84 912 345 678");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(wrap_breaks_at_spaces_and_keeps_marks),
        cmocka_unit_test(txt_table_lines_share_one_width),
        cmocka_unit_test(back_dated_roster_is_dated_today_and_says_as_of),
        cmocka_unit_test(number_line_follows_the_pattern),
        cmocka_unit_test(settings_default_to_the_club_in_full),
        cmocka_unit_test(address_is_written_in_the_new_form),
        cmocka_unit_test(phones_are_written_in_groups),
        cmocka_unit_test(empty_roster_still_has_one_page),
        cmocka_unit_test(encodings_refuse_what_they_cannot_hold),
        cmocka_unit_test(job_id_is_read_from_lp),
        cmocka_unit_test(print_command_runs_without_a_shell),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
