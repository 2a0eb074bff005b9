/* The record's fields: every entry path sets values through htx_coop_set. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "commune.h"
#include "coop.h"
#include "legal_form.h"
#include "refdata.h"

static htx_status set(htx_coop *c, const char *key, const char *value, htx_report *r)
{
    htx_report_init(r);
    return htx_coop_set(c, key, value, r);
}

static void nfd_and_composite_names_are_stored_nfc(void **state)
{
    (void)state;
    htx_coop a, b, c;
    htx_report r;
    htx_coop_init(&a);
    htx_coop_init(&b);
    htx_coop_init(&c);
    /* "Hợp tác xã Đồng Tâm": precomposed, fully decomposed, and the CP1258
     * composite form (ơ precomposed + combining dot below, etc.). */
    const char *nfc = "H\xe1\xbb\xa3p t\xc3\xa1\x63 x\xc3\xa3 \xc4\x90\xe1\xbb\x93ng T\xc3\xa2m";
    const char *nfd = "Ho\xcc\x9b\xcc\xa3p ta\xcc\x81\x63 xa\xcc\x83 \xc4\x90o\xcc\x82\xcc\x80ng Ta\xcc\x82m";
    const char *cp1258 = "H\xc6\xa1\xcc\xa3p ta\xcc\x81\x63 xa\xcc\x83 \xc4\x90\xc3\xb4\xcc\x80ng T\xc3\xa2m";
    assert_int_equal(set(&a, "name", nfc, &r), HTX_OK);
    assert_int_equal(set(&b, "name", nfd, &r), HTX_OK);
    assert_int_equal(set(&c, "name", cp1258, &r), HTX_OK);
    assert_string_equal(a.name, nfc);
    assert_string_equal(b.name, nfc);
    assert_string_equal(c.name, nfc);
}

static void invalid_utf8_names_the_byte(void **state)
{
    (void)state;
    htx_coop c;
    htx_report r;
    htx_coop_init(&c);
    assert_int_equal(set(&c, "name", "HTX \xc3\x28 abc", &r), HTX_ERR_INVALID);
    assert_int_equal(r.errors, 1);
    assert_int_equal(r.items[0].msg, MSG_BAD_UTF8);
    assert_string_equal(r.items[0].field, "name");
    assert_string_equal(r.items[0].arg[0], "5");
    assert_string_equal(c.name, ""); /* nothing stored */

    char text[256];
    htx_error_text(&r.items[0], HTX_LANG_VI, text, sizeof text);
    assert_string_equal(text, "Tên HTX: văn bản không phải UTF-8 hợp lệ (byte thứ 5)");
    htx_error_text(&r.items[0], HTX_LANG_EN, text, sizeof text);
    assert_string_equal(text, "Cooperative name: text is not valid UTF-8 (byte 5)");
}

static void control_characters_are_refused_in_lines_not_in_notes(void **state)
{
    (void)state;
    htx_coop c;
    htx_report r;
    htx_coop_init(&c);
    assert_int_equal(set(&c, "name", "HTX \x1b[31mĐỏ", &r), HTX_ERR_INVALID);
    assert_int_equal(r.items[0].msg, MSG_CONTROL_CHAR);
    assert_int_equal(set(&c, "representative", "Nguyễn\nVăn A", &r), HTX_ERR_INVALID);
    assert_int_equal(set(&c, "notes", "dòng 1\r\ndòng 2", &r), HTX_OK);
    assert_string_equal(c.notes, "dòng 1\ndòng 2");
    assert_int_equal(set(&c, "notes", "bad \x07 bell", &r), HTX_ERR_INVALID);
}

static void each_kind_is_parsed_to_its_stored_form(void **state)
{
    (void)state;
    htx_coop c;
    htx_report r;
    htx_coop_init(&c);
    assert_int_equal(set(&c, "code", " 0314409058-002 ", &r), HTX_OK);
    assert_string_equal(c.code, "0314409058-002");
    assert_int_equal(set(&c, "district", "HUYEN GIA LAM", &r), HTX_OK);
    assert_string_equal(c.district, "018");
    assert_int_equal(set(&c, "district", "268", &r), HTX_OK);
    assert_string_equal(c.district, "268");
    assert_int_equal(set(&c, "sector", "Thương mại – Dịch vụ", &r), HTX_OK);
    assert_string_equal(c.sector, "trade");
    assert_int_equal(set(&c, "founded", "2019-03-05", &r), HTX_OK);
    assert_string_equal(c.founded, "2019-03-05");
    assert_int_equal(set(&c, "status", "tam ngung", &r), HTX_OK);
    assert_int_equal(c.status, HTX_SUSPENDED);
    assert_int_equal(set(&c, "compliant", "có", &r), HTX_OK);
    assert_true(c.compliant);
    assert_int_equal(set(&c, "profitable", "unknown", &r), HTX_OK);
    assert_int_equal(c.profitable, -1);
    assert_int_equal(set(&c, "profitable", "không", &r), HTX_OK);
    assert_int_equal(c.profitable, 0);
    assert_int_equal(set(&c, "email", "HTX@Example.VN", &r), HTX_OK);
    assert_string_equal(c.email, "HTX@example.vn");
    /* an empty value clears an optional field */
    assert_int_equal(set(&c, "founded", "", &r), HTX_OK);
    assert_string_equal(c.founded, "");
}

static void bad_values_are_refused_with_the_field(void **state)
{
    (void)state;
    htx_coop c;
    htx_report r;
    htx_coop_init(&c);
    struct {
        const char *key, *value;
        htx_msg msg;
    } cases[] = {
        {"code", "0100233487", MSG_CODE_CHECK_DIGIT},
        {"code", "12345", MSG_CODE_FORMAT},
        {"phone", "0123456789", MSG_PHONE_FORMAT},
        {"founded", "31/02/2019", MSG_DATE_FORMAT},
        {"founded", "01/01/2999", MSG_DATE_FUTURE},
        {"district", "Quận 1", MSG_UNKNOWN_DISTRICT},
        {"sector", "fishing", MSG_UNKNOWN_SECTOR},
        {"status", "closed", MSG_UNKNOWN_STATUS},
        {"members", "-3", MSG_NUMBER_FORMAT},
        {"no_such_field", "x", MSG_UNKNOWN_FIELD},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        assert_int_equal(set(&c, cases[i].key, cases[i].value, &r), HTX_ERR_INVALID);
        assert_int_equal(r.errors, 1);
        assert_int_equal(r.items[0].msg, cases[i].msg);
    }
    assert_string_equal(c.code, "");
    assert_string_equal(c.phone, "");
}

static void record_checks_give_errors_and_warnings(void **state)
{
    (void)state;
    htx_coop c;
    htx_report r;
    htx_coop_init(&c);
    htx_report_init(&r);
    htx_coop_check(&c, &r);
    assert_int_equal(r.errors, 4); /* code, name, district, sector */
    assert_true(htx_report_find(&r, "name") >= 0);

    set(&c, "code", "0100233488", &r);
    set(&c, "name", "Công ty Bình Minh", &r);
    set(&c, "district", "ba dinh", &r);
    set(&c, "sector", "trade", &r);
    set(&c, "members", "3", &r);
    htx_report_init(&r);
    htx_coop_check(&c, &r);
    assert_int_equal(r.errors, 0);
    assert_int_equal(r.count, 2);
    assert_true(r.is_warning[0] && r.is_warning[1]);
    assert_int_equal(r.items[0].msg, MSG_NAME_PREFIX);
    assert_int_equal(r.items[1].msg, MSG_MEMBERS_FEW);
}

static void fields_are_found_by_key_or_label(void **state)
{
    (void)state;
    assert_int_equal(htx_field_find("name")->id, HTX_F_NAME);
    assert_int_equal(htx_field_find("Tên HTX")->id, HTX_F_NAME);
    assert_int_equal(htx_field_find("ten htx")->id, HTX_F_NAME);
    assert_int_equal(htx_field_find("Quận/Huyện")->id, HTX_F_DISTRICT);
    assert_int_equal(htx_field_find("Người đại diện")->id, HTX_F_REPRESENTATIVE);
    assert_int_equal(htx_field_find("Mã số")->id, HTX_F_CODE);
    assert_int_equal(htx_field_find("Charter capital")->id, HTX_F_CAPITAL);
    assert_null(htx_field_find("colour"));
}

static void values_display_as_staff_write_them(void **state)
{
    (void)state;
    htx_coop c;
    htx_report r;
    char out[128];
    htx_coop_init(&c);
    set(&c, "capital", "1500000000", &r);
    set(&c, "founded", "5/3/2019", &r);
    set(&c, "district", "ung hoa", &r);
    set(&c, "status", "dissolved", &r);
    htx_coop_value(&c, HTX_F_CAPITAL, HTX_VALUE_DISPLAY, HTX_LANG_VI, out, sizeof out);
    assert_string_equal(out, "1.500.000.000 đ");
    htx_coop_value(&c, HTX_F_CAPITAL, HTX_VALUE_RAW, HTX_LANG_VI, out, sizeof out);
    assert_string_equal(out, "1500000000");
    htx_coop_value(&c, HTX_F_FOUNDED, HTX_VALUE_DISPLAY, HTX_LANG_VI, out, sizeof out);
    assert_string_equal(out, "05/03/2019");
    htx_coop_value(&c, HTX_F_DISTRICT, HTX_VALUE_DISPLAY, HTX_LANG_VI, out, sizeof out);
    assert_string_equal(out, "Ứng Hòa");
    htx_coop_value(&c, HTX_F_STATUS, HTX_VALUE_DISPLAY, HTX_LANG_VI, out, sizeof out);
    assert_string_equal(out, "Đã giải thể");
    htx_coop_value(&c, HTX_F_STATUS, HTX_VALUE_DISPLAY, HTX_LANG_EN, out, sizeof out);
    assert_string_equal(out, "Dissolved");
    htx_coop_value(&c, HTX_F_PROFITABLE, HTX_VALUE_DISPLAY, HTX_LANG_VI, out, sizeof out);
    assert_string_equal(out, "Chưa rõ");
    htx_coop_value(&c, HTX_F_MEMBERS, HTX_VALUE_DISPLAY, HTX_LANG_VI, out, sizeof out);
    assert_string_equal(out, "");
}

static void reference_data_lookups(void **state)
{
    (void)state;
    assert_int_equal(HTX_DISTRICT_COUNT, 30);
    assert_string_equal(htx_district_find("dong anh")->code, "017");
    assert_string_equal(htx_district_find("Đống Đa")->code, "006");
    assert_string_equal(htx_district_find("thi xa son tay")->code, "269");
    assert_null(htx_district_find("Hà Nội"));
    assert_string_equal(htx_club_find("nhua ha noi")->code, "plastic");
    assert_string_equal(htx_club_find("CLB Quỹ Tín dụng Nhân dân")->code, "credit");
    assert_string_equal(htx_club_find("CLB cac HTX Cong nghiep - Tieu thu cong nghiep")->code, "industry");
    assert_string_equal(htx_sector_find("van tai")->code, "transport");
    assert_string_equal(htx_sector_find("TM-DV")->code, "trade");
    assert_string_equal(htx_sector_find("cn - ttcn")->code, "industry");
    assert_int_equal(htx_role_parse("phó chủ nhiệm"), HTX_ROLE_VICE_CHAIR);
    assert_int_equal(htx_role_parse("vice-chair"), HTX_ROLE_VICE_CHAIR);
    assert_int_equal(htx_status_parse("Đang hoạt động"), HTX_ACTIVE);
}

static size_t chosen(htx_choice_list list, const char *text)
{
    size_t i = SIZE_MAX;
    htx_error err;
    if (htx_choice_find(list, text, "x", &i, &err) != HTX_OK) {
        char shown[512];
        htx_error_message(&err, HTX_LANG_VI, shown, sizeof shown);
        print_error("\"%s\": %s\n", text, shown);
        fail();
    }
    return i;
}

static void refused_saying(htx_choice_list list, const char *text, htx_lang lang, const char *said)
{
    size_t i;
    htx_error err;
    assert_int_equal(htx_choice_find(list, text, "x", &i, &err), HTX_ERR_INVALID);
    char shown[512];
    htx_error_message(&err, lang, shown, sizeof shown);
    assert_string_equal(shown, said);
}

static void names_are_found_by_their_beginning(void **state)
{
    (void)state;
    assert_string_equal(HTX_SECTORS[chosen(HTX_CHOOSE_SECTOR, "thuong mai")].code, "trade");
    assert_string_equal(HTX_SECTORS[chosen(HTX_CHOOSE_SECTOR, "Thương mại, dịch vụ")].code, "trade");
    assert_string_equal(HTX_SECTORS[chosen(HTX_CHOOSE_SECTOR, "tiểu thủ công nghiệp")].code, "industry");
    assert_string_equal(HTX_SECTORS[chosen(HTX_CHOOSE_SECTOR, "NONG")].code, "agriculture");
    assert_string_equal(HTX_CLUBS[chosen(HTX_CHOOSE_CLUB, "nhua")].code, "plastic");
    assert_string_equal(HTX_DISTRICTS[chosen(HTX_CHOOSE_DISTRICT, "huyen thanh t")].code, "020");
    assert_int_equal(chosen(HTX_CHOOSE_ROLE, "chủ nhiệm"), HTX_ROLE_CHAIR);
    assert_int_equal(chosen(HTX_CHOOSE_ROLE, "pho chu nhiem"), HTX_ROLE_VICE_CHAIR);
    assert_int_equal(chosen(HTX_CHOOSE_ROLE, "thanh vien"), HTX_ROLE_MEMBER);
    assert_int_equal(chosen(HTX_CHOOSE_ROLE, "Chair"), HTX_ROLE_CHAIR);
    assert_int_equal(chosen(HTX_CHOOSE_ROLE, "vicechair"), HTX_ROLE_VICE_CHAIR);
    assert_int_equal(chosen(HTX_CHOOSE_STATUS, "tạm ngừng"), HTX_SUSPENDED);
    assert_int_equal(chosen(HTX_CHOOSE_STATUS, "giai the"), HTX_DISSOLVED);
    assert_int_equal(chosen(HTX_CHOOSE_STATUS, "SUSPENDED"), HTX_SUSPENDED);
}

static void several_fits_are_refused_with_the_candidates(void **state)
{
    (void)state;
    refused_saying(HTX_CHOOSE_DISTRICT, "thanh", HTX_LANG_VI,
                   "\"thanh\" ứng với nhiều quận/huyện: Thanh Xuân (009), Thanh Trì (020), Thanh Oai (278); "
                   "hãy gõ rõ hơn");
    refused_saying(HTX_CHOOSE_STATUS, "hoat dong", HTX_LANG_EN,
                   "\"hoat dong\" fits several statuses: Active, Suspended; type more of the name");
    assert_null(htx_district_find("tu liem"));
}

static void unknown_names_suggest_the_close_ones(void **state)
{
    (void)state;
    refused_saying(HTX_CHOOSE_DISTRICT, "hoan kim", HTX_LANG_VI,
                   "không có quận/huyện \"hoan kim\". Có phải: Hoàn Kiếm (002)?");
    refused_saying(HTX_CHOOSE_SECTOR, "thuong mia", HTX_LANG_EN,
                   "no sector \"thuong mia\" (industry, construction, trade, transport, other, agriculture, "
                   "credit). Did you mean: Trade and services (trade)?");
    /* nothing near: no guess */
    refused_saying(HTX_CHOOSE_DISTRICT, "xyz", HTX_LANG_VI, "không có quận/huyện \"xyz\"");
}

static void choices_are_labelled_with_their_codes(void **state)
{
    (void)state;
    char label[128];
    htx_choice_label(HTX_CHOOSE_SECTOR, 2, HTX_LANG_VI, label, sizeof label);
    assert_string_equal(label, "Thương mại – Dịch vụ (trade)");
    htx_choice_label(HTX_CHOOSE_SECTOR, 1, HTX_LANG_EN, label, sizeof label);
    assert_string_equal(label, "Construction");
    htx_choice_label(HTX_CHOOSE_ROLE, HTX_ROLE_VICE_CHAIR, HTX_LANG_VI, label, sizeof label);
    assert_string_equal(label, "Phó chủ nhiệm (vice-chair)");
    assert_int_equal(htx_choice_count(HTX_CHOOSE_DISTRICT), 30);
    assert_int_equal(htx_choice_count(HTX_CHOOSE_ROLE), 3);
}

/* The system's errors are told in the user's language, never in strerror's. */
static void system_errors_are_translated(void **state)
{
    (void)state;
    htx_error err;
    char shown[512];
    htx_fail_os(&err, HTX_ERR_IO, MSG_IO, NULL, "/a/b.csv", ENOENT);
    htx_error_message(&err, HTX_LANG_VI, shown, sizeof shown);
    assert_string_equal(shown, "lỗi đọc/ghi /a/b.csv: không có tệp hoặc thư mục này");
    htx_error_message(&err, HTX_LANG_EN, shown, sizeof shown);
    assert_string_equal(shown, "cannot read or write /a/b.csv: no such file or directory");
    htx_fail_os(&err, HTX_ERR_IO, MSG_IO, NULL, "x", EACCES);
    htx_error_message(&err, HTX_LANG_VI, shown, sizeof shown);
    assert_string_equal(shown, "lỗi đọc/ghi x: không đủ quyền");
    htx_fail_os(&err, HTX_ERR_IO, MSG_IO, NULL, "x", ENOSPC);
    htx_error_message(&err, HTX_LANG_VI, shown, sizeof shown);
    assert_string_equal(shown, "lỗi đọc/ghi x: đĩa đầy");
    /* a rare one keeps its number */
    htx_fail_os(&err, HTX_ERR_IO, MSG_IO, NULL, "x", EDOM);
    htx_error_message(&err, HTX_LANG_VI, shown, sizeof shown);
    assert_non_null(strstr(shown, "lỗi hệ thống số "));
}

static void expect_distinctive(const char *name, const char *comparison, const char *rest)
{
    htx_distinctive_name d;
    assert_int_equal(htx_distinctive_name_of(name, &d), 0);
    if (strcmp(d.comparison, comparison) != 0 || strcmp(name + d.offset, rest) != 0)
        fail_msg("\"%s\": compared as \"%s\" from \"%s\", expected \"%s\" from \"%s\"", name, d.comparison,
                 name + d.offset, comparison, rest);
    htx_distinctive_name_free(&d);
}

/* The legal form at the head of a name is one however it is written; a
 * credit fund stays a credit fund; invisible characters do not count. */
static void legal_form_prefixes_are_one(void **state)
{
    (void)state;
    expect_distinctive("Hợp tác xã Đồng Tâm", "dong tam", "Đồng Tâm");
    expect_distinctive("HTX Đồng Tâm", "dong tam", "Đồng Tâm");
    expect_distinctive("HTX DV Đồng Tâm", "dong tam", "Đồng Tâm");
    expect_distinctive("HTX-DV Đồng   Tâm", "dong tam", "Đồng   Tâm");
    expect_distinctive("Hợp tác xã dịch vụ Đồng Tâm", "dong tam", "Đồng Tâm");
    expect_distinctive("hợp tác xã đồng tâm", "dong tam", "đồng tâm");
    expect_distinctive("Đồng Tâm", "dong tam", "Đồng Tâm");
    expect_distinctive("HTX Đồng Tâm\u200b", "dong tam", "Đồng Tâm\u200b");
    expect_distinctive("\ufeffHTX Đồng\u200b Tâm", "dong tam", "Đồng\u200b Tâm");
    expect_distinctive("Quỹ tín dụng nhân dân Đồng Tâm", "qtdnd dong tam", "Đồng Tâm");
    expect_distinctive("QTDND Đồng Tâm", "qtdnd dong tam", "Đồng Tâm");
    expect_distinctive("HTX", "htx", "HTX");
    expect_distinctive("HTX nông nghiệp Đồng Tâm", "nong nghiep dong tam", "nông nghiệp Đồng Tâm");
    /* a word that only begins like a legal form is the name's own */
    expect_distinctive("HTXanh Đồng Tâm", "htxanh dong tam", "HTXanh Đồng Tâm");
}

/* The 126 units of 1 July 2025, found as staff type them, each tied to the
 * former districts it was formed from. */
static void communes_are_the_126_units(void **state)
{
    (void)state;
    assert_int_equal(HTX_COMMUNE_COUNT, 126);
    int wards = 0;
    for (size_t i = 0; i < HTX_COMMUNE_COUNT; i++) {
        wards += HTX_COMMUNES[i].kind == HTX_WARD;
        bool some = false;
        for (size_t d = 0; d < HTX_DISTRICT_COUNT; d++)
            some = some || htx_commune_in_district(&HTX_COMMUNES[i], HTX_DISTRICTS[d].code);
        if (!some)
            fail_msg("%s is in no former district", HTX_COMMUNES[i].name);
        assert_ptr_equal(htx_commune_find(HTX_COMMUNES[i].name), &HTX_COMMUNES[i]);
    }
    assert_int_equal(wards, 51);
    const htx_commune *bat_trang = htx_commune_find("bat trang");
    assert_non_null(bat_trang);
    assert_ptr_equal(htx_commune_find("Xã Bát Tràng"), bat_trang);
    assert_ptr_equal(htx_commune_find("XA BAT-TRANG"), bat_trang);
    assert_ptr_equal(htx_commune_find("Bát Tràng commune"), bat_trang);
    assert_string_equal(htx_commune_only_district(bat_trang)->code, "018");
    /* a unit's own name may begin like a kind */
    assert_string_equal(htx_commune_find("Phượng Dực")->name, "Phượng Dực");
    assert_string_equal(htx_commune_find("xa phuong duc")->name, "Phượng Dực");
    /* formed across districts: no single one */
    const htx_commune *hong_ha = htx_commune_find("phường Hồng Hà");
    assert_non_null(hong_ha);
    assert_null(htx_commune_only_district(hong_ha));
    assert_true(htx_commune_in_district(hong_ha, "003"));
    assert_false(htx_commune_in_district(hong_ha, "018"));
    char label[64];
    htx_commune_label(bat_trang, false, HTX_LANG_VI, label, sizeof label);
    assert_string_equal(label, "xã Bát Tràng");
    assert_null(htx_commune_find("Gia Lâm huyện"));
    assert_null(htx_commune_find(""));
    /* an old ward gives its unit where the name says it, in its district */
    assert_ptr_equal(htx_commune_from_old_ward("Xã Bát Tràng", "018"), bat_trang);
    assert_null(htx_commune_from_old_ward("Xã Bát Tràng", "020"));
    assert_null(htx_commune_from_old_ward("Thị trấn Yên Viên", "018"));
}

/* Entering the unit fills the former district when it is unambiguous; a
 * unit of another district is a warning, not a refusal. */
static void the_unit_fills_the_district(void **state)
{
    (void)state;
    htx_coop c;
    htx_coop_init(&c);
    htx_report r;
    htx_report_init(&r);
    assert_int_equal(htx_coop_set(&c, "commune", "bat trang", &r), HTX_OK);
    assert_string_equal(c.commune, "Bát Tràng");
    assert_string_equal(c.district, "018");
    assert_int_equal(htx_coop_set(&c, "district", "thanh tri", &r), HTX_OK);
    assert_int_equal(htx_coop_set(&c, "commune", "xã Bát Tràng", &r), HTX_OK);
    assert_string_equal(c.district, "020"); /* what was typed stays */
    htx_report_init(&r);
    htx_coop_check(&c, &r);
    assert_int_equal(htx_report_find(&r, "commune"), -1); /* no error */
    bool warned = false;
    for (int k = 0; k < r.count; k++)
        warned = warned || (strcmp(r.items[k].field, "commune") == 0 && r.is_warning[k]);
    assert_true(warned);
    assert_int_equal(htx_coop_set(&c, "commune", "", &r), HTX_OK);
    assert_string_equal(c.commune, "");
    htx_report_init(&r);
    assert_int_equal(htx_coop_set(&c, "commune", "Hồ Gươm", &r), HTX_ERR_INVALID);
}

/* A ward written the old way gives its new unit where the name says it,
 * in whichever order the two are set; headers of 2025 name the unit. */
static void an_old_ward_gives_its_unit(void **state)
{
    (void)state;
    htx_coop c;
    htx_coop_init(&c);
    htx_report r;
    htx_report_init(&r);
    assert_int_equal(htx_coop_set(&c, "ward", "Xã Bát Tràng", &r), HTX_OK);
    assert_string_equal(c.commune, ""); /* no district yet: which Bát Tràng? */
    assert_int_equal(htx_coop_set(&c, "district", "gia lam", &r), HTX_OK);
    assert_string_equal(c.commune, "Bát Tràng");
    /* merged into a unit of another name: left for a person */
    htx_coop_init(&c);
    assert_int_equal(htx_coop_set(&c, "district", "thanh tri", &r), HTX_OK);
    assert_int_equal(htx_coop_set(&c, "ward", "Xã Ngũ Hiệp", &r), HTX_OK);
    assert_string_equal(c.commune, "");
    /* a unit given is never replaced */
    htx_coop_init(&c);
    assert_int_equal(htx_coop_set(&c, "commune", "Ngọc Hồi", &r), HTX_OK);
    assert_int_equal(htx_coop_set(&c, "ward", "Xã Ngũ Hiệp", &r), HTX_OK);
    assert_string_equal(c.commune, "Ngọc Hồi");
    assert_int_equal(htx_field_find("Đơn vị hành chính cấp xã")->id, HTX_F_COMMUNE);
    assert_int_equal(htx_field_find("Xã/phường mới")->id, HTX_F_COMMUNE);
    assert_int_equal(htx_field_find("Xã/Phường")->id, HTX_F_COMMUNE);
    assert_int_equal(htx_field_find("Phường/Xã cũ")->id, HTX_F_WARD);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(nfd_and_composite_names_are_stored_nfc),
        cmocka_unit_test(invalid_utf8_names_the_byte),
        cmocka_unit_test(control_characters_are_refused_in_lines_not_in_notes),
        cmocka_unit_test(each_kind_is_parsed_to_its_stored_form),
        cmocka_unit_test(bad_values_are_refused_with_the_field),
        cmocka_unit_test(record_checks_give_errors_and_warnings),
        cmocka_unit_test(fields_are_found_by_key_or_label),
        cmocka_unit_test(values_display_as_staff_write_them),
        cmocka_unit_test(names_are_found_by_their_beginning),
        cmocka_unit_test(several_fits_are_refused_with_the_candidates),
        cmocka_unit_test(unknown_names_suggest_the_close_ones),
        cmocka_unit_test(choices_are_labelled_with_their_codes),
        cmocka_unit_test(system_errors_are_translated),
        cmocka_unit_test(reference_data_lookups),
        cmocka_unit_test(legal_form_prefixes_are_one),
        cmocka_unit_test(communes_are_the_126_units),
        cmocka_unit_test(the_unit_fills_the_district),
        cmocka_unit_test(an_old_ward_gives_its_unit),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
