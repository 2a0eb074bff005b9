/* The printed roster's pieces: wrapping, the text layout, encodings, the print command's answer. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "display.h"
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
    doc.count = copies_of_members;
    doc.entries = calloc((size_t)copies_of_members, sizeof *doc.entries);
    for (int i = 0; i < copies_of_members; i++)
        doc.entries[i] = members[i % 2];
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
    assert_non_null(strstr(text, "CLB NHỰA HÀ NỘI"));
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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(wrap_breaks_at_spaces_and_keeps_marks),
        cmocka_unit_test(txt_table_lines_share_one_width),
        cmocka_unit_test(empty_roster_still_has_one_page),
        cmocka_unit_test(encodings_refuse_what_they_cannot_hold),
        cmocka_unit_test(job_id_is_read_from_lp),
        cmocka_unit_test(print_command_runs_without_a_shell),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
