/* The workbook reader (workbook_read.h) on workbooks written by
 * libxlsxwriter, a writer independent of it (with shared strings, and with
 * the inline strings of its constant-memory mode), and on hostile archives
 * made with libzip: a DOCTYPE, broken XML, a string that is not there, a
 * cell past the last column, a shared-string table past its bound. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <fcntl.h>
#include <unistd.h>
#include <xlsxwriter.h>
#include <zip.h>

#include "test_support.h"
#include "workbook_read.h"

typedef struct fixture {
    char dir[64];
    char path[128];
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    assert_non_null(f);
    test_temp_path(f->dir, f->path, "book.xlsx");
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    unlink(f->path);
    rmdir(f->dir);
    free(f);
    return 0;
}

static void write_book(const char *path, bool constant_memory)
{
    lxw_workbook_options options = {.constant_memory = constant_memory};
    lxw_workbook *wb = workbook_new_opt(path, &options);
    assert_non_null(wb);
    lxw_worksheet *ws = workbook_add_worksheet(wb, "Danh sách");
    lxw_format *date = workbook_add_format(wb);
    format_set_num_format(date, "dd/mm/yyyy");
    if (!constant_memory)
        worksheet_merge_range(ws, 0, 0, 0, 3, "DANH SÁCH HỢP TÁC XÃ", NULL);
    else
        worksheet_write_string(ws, 0, 0, "DANH SÁCH HỢP TÁC XÃ", NULL);
    worksheet_write_string(ws, 2, 0, "Mã số", NULL);
    worksheet_write_string(ws, 2, 1, "Tên HTX", NULL);
    worksheet_write_string(ws, 2, 3, "Ngày", NULL);
    worksheet_write_string(ws, 3, 0, "0100233488", NULL);
    worksheet_write_number(ws, 3, 1, 1.5, NULL);
    worksheet_write_number(ws, 3, 2, 500000000, NULL);
    lxw_datetime day = {2019, 3, 5, 0, 0, 0};
    worksheet_write_datetime(ws, 3, 3, &day, date);
    worksheet_write_boolean(ws, 4, 0, 1, NULL);
    worksheet_write_formula_num(ws, 4, 1, "=3+4", NULL, 7);
    worksheet_write_blank(ws, 4, 2, date);
    worksheet_write_string(ws, 4, 3, "  Hợp tác xã  ", NULL);
    lxw_worksheet *other = workbook_add_worksheet(wb, "Khác");
    worksheet_write_string(other, 0, 0, "x", NULL);
    assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
}

static htx_workbook *open_book(const char *path, const char *sheet, htx_error *err, htx_status expected)
{
    int fd = open(path, O_RDONLY);
    assert_true(fd >= 0);
    htx_workbook *w = NULL;
    assert_int_equal(htx_workbook_open_fd(fd, path, sheet, &w, err), expected);
    close(fd); /* the workbook reads through its own reference */
    return w;
}

static void expect_row(htx_workbook_rows *r, htx_csv_row *row, long line, size_t count, const char *const *cells)
{
    htx_error err;
    assert_int_equal(htx_workbook_rows_next(r, row, &err), HTX_OK);
    assert_int_equal(row->line, line);
    assert_int_equal(row->count, count);
    for (size_t i = 0; i < count; i++)
        assert_string_equal(row->fields[i], cells[i]);
}

static void read_cells(const char *path)
{
    htx_error err;
    htx_workbook *w = open_book(path, NULL, &err, HTX_OK);
    assert_int_equal(htx_workbook_kind_of(w), HTX_WORKBOOK_XLSX);
    for (int pass = 0; pass < 2; pass++) { /* the rows again from the start */
        htx_workbook_rows *r;
        assert_int_equal(htx_workbook_rows_open(w, &r, &err), HTX_OK);
        htx_csv_row row = {0};
        expect_row(r, &row, 1, 1, (const char *const[]){"DANH SÁCH HỢP TÁC XÃ"});
        expect_row(r, &row, 3, 4, (const char *const[]){"Mã số", "Tên HTX", "", "Ngày"});
        expect_row(r, &row, 4, 4, (const char *const[]){"0100233488", "1.5", "500000000", "05/03/2019"});
        expect_row(r, &row, 5, 4, (const char *const[]){"TRUE", "7", "", "  Hợp tác xã  "});
        assert_int_equal(htx_workbook_rows_next(r, &row, &err), HTX_ERR_NOT_FOUND);
        assert_int_equal(htx_workbook_rows_progress(r), 1000);
        htx_csv_row_free(&row);
        htx_workbook_rows_close(r);
    }
    htx_workbook_close(w);
}

static void shared_strings_and_cell_types(void **state)
{
    fixture *f = *state;
    write_book(f->path, false);
    read_cells(f->path);
}

static void inline_strings(void **state)
{
    fixture *f = *state;
    write_book(f->path, true);
    read_cells(f->path);
}

static void a_sheet_by_number_or_name(void **state)
{
    fixture *f = *state;
    write_book(f->path, false);
    const char *const choices[] = {"2", "khac", "KHÁC"};
    for (size_t i = 0; i < 3; i++) {
        htx_error err;
        htx_workbook *w = open_book(f->path, choices[i], &err, HTX_OK);
        htx_workbook_rows *r;
        assert_int_equal(htx_workbook_rows_open(w, &r, &err), HTX_OK);
        htx_csv_row row = {0};
        expect_row(r, &row, 1, 1, (const char *const[]){"x"});
        htx_csv_row_free(&row);
        htx_workbook_rows_close(r);
        htx_workbook_close(w);
    }
    htx_error err;
    assert_null(open_book(f->path, "3", &err, HTX_ERR_INVALID));
    assert_int_equal(err.msg, MSG_WORKBOOK_NO_SHEET);
    assert_string_equal(err.arg[0], "3");
    assert_string_equal(err.arg[1], "\"Danh sách\", \"Khác\"");
}

/* An archive of the given parts (name, text, …, NULL). */
static void write_zip(const char *path, ...)
{
    int error;
    unlink(path);
    zip_t *z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &error);
    assert_non_null(z);
    va_list ap;
    va_start(ap, path);
    for (const char *name; (name = va_arg(ap, const char *));) {
        const char *text = va_arg(ap, const char *);
        zip_source_t *src = zip_source_buffer(z, text, strlen(text), 0);
        assert_non_null(src);
        assert_true(zip_file_add(z, name, src, ZIP_FL_ENC_UTF_8) >= 0);
    }
    va_end(ap);
    assert_int_equal(zip_close(z), 0);
}

static const char workbook_xml[] =
    "<workbook xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
    "<sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
static const char rels_xml[] =
    "<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/></Relationships>";

/* The first row's status, and its error. */
static htx_status first_row(const char *path, htx_error *err)
{
    htx_workbook *w = open_book(path, NULL, err, HTX_OK);
    htx_workbook_rows *r;
    htx_status st = htx_workbook_rows_open(w, &r, err);
    htx_csv_row row = {0};
    if (st == HTX_OK) {
        st = htx_workbook_rows_next(r, &row, err);
        htx_workbook_rows_close(r);
    }
    htx_csv_row_free(&row);
    htx_workbook_close(w);
    return st;
}

static void hostile_parts_are_clear_errors(void **state)
{
    fixture *f = *state;
    htx_error err;
    /* entities that would expand: no DOCTYPE at all */
    write_zip(f->path, "xl/workbook.xml",
              "<!DOCTYPE w [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;\">]><workbook>&b;</workbook>",
              NULL);
    assert_null(open_book(f->path, NULL, &err, HTX_ERR_INVALID));
    assert_int_equal(err.msg, MSG_WORKBOOK_BROKEN);
    assert_string_equal(err.arg[0], "xl/workbook.xml");
    assert_string_equal(err.arg[1], "DOCTYPE");
    /* broken XML in the sheet: named, with its line */
    write_zip(f->path, "xl/workbook.xml", workbook_xml, "xl/_rels/workbook.xml.rels", rels_xml,
              "xl/worksheets/sheet1.xml", "<worksheet><sheetData><row r=\"1\"><c t=\"inlineStr\"><is><t>a</is>",
              NULL);
    assert_int_equal(first_row(f->path, &err), HTX_ERR_INVALID);
    assert_int_equal(err.msg, MSG_WORKBOOK_BROKEN);
    assert_string_equal(err.arg[0], "xl/worksheets/sheet1.xml");
    /* a shared string that is not there */
    write_zip(f->path, "xl/workbook.xml", workbook_xml, "xl/_rels/workbook.xml.rels", rels_xml,
              "xl/sharedStrings.xml", "<sst><si><t>a</t></si></sst>", "xl/worksheets/sheet1.xml",
              "<worksheet><sheetData><row r=\"1\"><c t=\"s\"><v>1</v></c></row></sheetData></worksheet>", NULL);
    assert_int_equal(first_row(f->path, &err), HTX_ERR_INVALID);
    assert_string_equal(err.arg[0], "xl/sharedStrings.xml");
    /* a cell past the last column (XFD) */
    write_zip(f->path, "xl/workbook.xml", workbook_xml, "xl/_rels/workbook.xml.rels", rels_xml,
              "xl/worksheets/sheet1.xml",
              "<worksheet><sheetData><row r=\"7\"><c r=\"XFE7\" t=\"inlineStr\"><is><t>a</t></is></c></row>"
              "</sheetData></worksheet>",
              NULL);
    assert_int_equal(first_row(f->path, &err), HTX_ERR_INVALID);
    assert_int_equal(err.msg, MSG_WORKBOOK_ROW_TOO_LONG);
    assert_string_equal(err.arg[0], "7");
    /* a ZIP that is no workbook */
    write_zip(f->path, "word/document.xml", "<w/>", NULL);
    assert_null(open_book(f->path, NULL, &err, HTX_ERR_INVALID));
    assert_int_equal(err.msg, MSG_WORKBOOK_NOT_SPREADSHEET);
}

/* A shared-string table past its bound (a few hundred kilobytes packed)
 * is refused at the bound, not held. */
static void a_huge_string_table_is_refused_at_its_bound(void **state)
{
    fixture *f = *state;
    size_t n = HTX_WORKBOOK_MAX_STRINGS + 1024;
    char *sst = malloc(n + 64);
    assert_non_null(sst);
    strcpy(sst, "<sst><si><t>");
    memset(sst + 12, 'a', n);
    strcpy(sst + 12 + n, "</t></si></sst>");
    write_zip(f->path, "xl/workbook.xml", workbook_xml, "xl/_rels/workbook.xml.rels", rels_xml,
              "xl/sharedStrings.xml", sst, "xl/worksheets/sheet1.xml", "<worksheet/>", NULL);
    free(sst);
    htx_error err;
    assert_null(open_book(f->path, NULL, &err, HTX_ERR_INVALID));
    assert_int_equal(err.msg, MSG_WORKBOOK_TOO_LARGE);
    assert_string_equal(err.arg[0], "xl/sharedStrings.xml");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(shared_strings_and_cell_types, setup, teardown),
        cmocka_unit_test_setup_teardown(inline_strings, setup, teardown),
        cmocka_unit_test_setup_teardown(a_sheet_by_number_or_name, setup, teardown),
        cmocka_unit_test_setup_teardown(hostile_parts_are_clear_errors, setup, teardown),
        cmocka_unit_test_setup_teardown(a_huge_string_table_is_refused_at_its_bound, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
