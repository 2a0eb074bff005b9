/*
 * The one list of fields (coop_fields.def) against everything made from it:
 * the kinds' operations, the export positions, the table after every
 * migration, and every field through set → insert → load → CSV export →
 * import.  Nothing here names a field but the code, so a new field of an
 * existing kind is tested without a line changed.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "coop_out.h"
#include "export.h"
#include "import.h"
#include "query.h"
#include "registry.h"
#include "test_support.h"

/* A value as staff type it, for a field of each kind: none is the value of a
 * blank record, so each round trip shows the value travelled.  "%s" is the
 * field's key, which keeps the texts of different fields apart. */
static const char *const typed_sample[HTX_FIELD_KINDS] = {
    [HTX_KIND_TEXT] = "HTX %s Đồng Tâm, “Hà Nội”",
    [HTX_KIND_MULTILINE] = "Dòng một của %s\nDòng hai, có \"ngoặc\"; và\ttab",
    [HTX_KIND_CODE] = "0100233488",
    [HTX_KIND_COMMUNE] = "xã Bát Tràng",
    [HTX_KIND_DISTRICT] = "gia lam",
    [HTX_KIND_SECTOR] = "trade",
    [HTX_KIND_DATE] = "05/03/2019",
    [HTX_KIND_COUNT] = "1.234",
    [HTX_KIND_MONEY] = "1.500.000 đ",
    [HTX_KIND_PHONE] = "024 3825 3640",
    [HTX_KIND_EMAIL] = "Lien.Minh@Example.VN",
    [HTX_KIND_STATUS] = "suspended",
    [HTX_KIND_YES_NO_UNKNOWN] = "không",
};

/* The columns of table cooperative that are no field's: derived from the
 * record by the store. */
static const char *const derived_columns[] = {"id",         "name_key",   "name_plain", "distinctive_key",
                                              "distinctive_plain", "created_at", "updated_at", "version"};

typedef struct fixture {
    char dir[64];
    char path[128];
    htx_store *store;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    test_temp_path(f->dir, f->path, "htx.db");
    htx_error err;
    assert_int_equal(htx_store_open(f->path, HTX_OPEN_CREATE_NEW, &f->store, &err), HTX_OK);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    htx_store_close(f->store);
    test_remove_db(f->dir, f->path);
    free(f);
    return 0;
}

static const htx_field_kind_ops *kind_of(const htx_field_def *def)
{
    return &htx_field_kinds[def->kind];
}

static void the_table_follows_the_enum(void **state)
{
    (void)state;
    for (int i = 0; i < HTX_FIELD_COUNT; i++) {
        const htx_field_def *def = &htx_fields[i];
        assert_int_equal(def->id, i);
        assert_true(def->key[0] && strlen(def->key) < sizeof ((htx_error *)0)->field);
        assert_true(def->label_vi[0] && def->label_en[0] && def->column[0]);
        assert_in_range(def->kind, 0, HTX_FIELD_KINDS - 1);
        assert_true(def->offset + def->size <= sizeof(htx_coop));
        assert_ptr_equal(htx_field_find(def->key), def);
        for (int k = 0; k < i; k++) {
            assert_string_not_equal(htx_fields[k].key, def->key);
            assert_string_not_equal(htx_fields[k].column, def->column);
        }
    }
}

static void every_kind_has_its_operations(void **state)
{
    (void)state;
    for (int k = 0; k < HTX_FIELD_KINDS; k++) {
        const htx_field_kind_ops *kind = &htx_field_kinds[k];
        assert_non_null(kind->name);
        assert_non_null(kind->init);
        assert_non_null(kind->parse);
        assert_non_null(kind->format);
        assert_non_null(kind->to_scalar);
        assert_non_null(kind->from_scalar);
        assert_true(kind->scalar == HTX_SCALAR_TEXT || kind->scalar == HTX_SCALAR_INTEGER);
        assert_true(kind->edit_chars > 0);
        if (!typed_sample[k])
            fail_msg("kind %s has no sample value in this test", kind->name);
    }
}

static void export_positions_are_each_column_once(void **state)
{
    (void)state;
    bool taken[HTX_FIELD_COUNT] = {false};
    for (int i = 0; i < HTX_FIELD_COUNT; i++) {
        int position = htx_fields[i].export_position;
        if (position < 1 || position > HTX_FIELD_COUNT || taken[position - 1])
            fail_msg("%s: export position %d is out of 1..%d or taken", htx_fields[i].key,
                     position, HTX_FIELD_COUNT);
        taken[position - 1] = true;
        assert_int_equal(htx_record_fields[position - 1], i);
    }
}

/* A blank passes the parser exactly where the kind says it is a value; the
 * form reports the others as missing. */
static void blanks_are_accepted_where_the_kind_says(void **state)
{
    (void)state;
    for (int i = 0; i < HTX_FIELD_COUNT; i++) {
        htx_coop c;
        htx_report r;
        htx_coop_init(&c);
        htx_report_init(&r);
        htx_status st = htx_coop_set(&c, htx_fields[i].key, "", &r);
        if ((st == HTX_OK) != kind_of(&htx_fields[i])->accepts_blank)
            fail_msg("%s: a blank is %s", htx_fields[i].key, st == HTX_OK ? "accepted" : "refused");
        if (st != HTX_OK)
            assert_string_equal(r.items[0].field, htx_fields[i].key);
    }
}

static void columns_exist_with_their_kinds_type(void **state)
{
    fixture *f = *state;
    sqlite3 *db;
    assert_int_equal(sqlite3_open_v2(f->path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    sqlite3_stmt *stmt;
    /* PRAGMA table_info(cooperative), as a table */
    const char *sql = "SELECT name, type, \"notnull\" FROM pragma_table_info('cooperative')";
    assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &stmt, NULL), SQLITE_OK);
    htx_coop blank;
    htx_coop_init(&blank);
    bool seen[HTX_FIELD_COUNT] = {false};
    while (sqlite3_step(stmt) == SQLITE_ROW) {
        const char *column = (const char *)sqlite3_column_text(stmt, 0);
        const char *type = (const char *)sqlite3_column_text(stmt, 1);
        bool not_null = sqlite3_column_int(stmt, 2) != 0;
        const htx_field_def *def = NULL;
        for (int i = 0; i < HTX_FIELD_COUNT && !def; i++)
            if (strcmp(htx_fields[i].column, column) == 0)
                def = &htx_fields[i];
        if (!def) {
            bool derived = false;
            for (size_t k = 0; k < sizeof derived_columns / sizeof derived_columns[0]; k++)
                derived = derived || strcmp(derived_columns[k], column) == 0;
            if (!derived)
                fail_msg("column %s is no field's (coop_fields.def) and not derived", column);
            continue;
        }
        seen[def->id] = true;
        const char *expected = kind_of(def)->scalar == HTX_SCALAR_INTEGER ? "INTEGER" : "TEXT";
        if (strcmp(type, expected) != 0)
            fail_msg("%s: column %s is %s, the kind %s holds %s", def->key, column, type,
                     kind_of(def)->name, expected);
        /* A blank record's unknown values must be storable, and a required
         * field's column refuses what the rules let through by mistake. */
        htx_scalar value;
        htx_coop_scalar(&blank, def->id, &value);
        if (value.type == HTX_SCALAR_NULL && not_null)
            fail_msg("%s: column %s is NOT NULL but the field may be unknown", def->key, column);
        if (def->required && !not_null)
            fail_msg("%s: required, but column %s accepts NULL", def->key, column);
    }
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    for (int i = 0; i < HTX_FIELD_COUNT; i++)
        if (!seen[i])
            fail_msg("%s: no column %s after every migration", htx_fields[i].key,
                     htx_fields[i].column);
}

/* Every field set from its kind's sample; code gives the record's code. */
static void make_full_record(htx_coop *c, const char *code)
{
    htx_report r;
    htx_report_init(&r);
    htx_coop_init(c);
    for (int i = 0; i < HTX_FIELD_COUNT; i++) {
        char typed[256];
        if (htx_fields[i].kind == HTX_KIND_CODE)
            snprintf(typed, sizeof typed, "%s", code);
        else
            snprintf(typed, sizeof typed, typed_sample[htx_fields[i].kind], htx_fields[i].key);
        htx_coop_set(c, htx_fields[i].key, typed, &r);
    }
    if (r.errors)
        fail_msg("%s: %s", r.items[0].field, htx_msg_format(r.items[0].msg, HTX_LANG_EN));
}

/* Only what must be there: every other field blank (unknown, NULL). */
static void make_bare_record(htx_coop *c, const char *code)
{
    test_make_coop(c, code, "HTX Trống", "ba dinh", "agriculture");
}

static void assert_same_fields(const htx_coop *a, const htx_coop *b, const char *stage)
{
    for (int i = 0; i < HTX_FIELD_COUNT; i++) {
        char x[8192], y[8192];
        for (int form = HTX_VALUE_RAW; form <= HTX_VALUE_DISPLAY; form++) {
            htx_coop_value(a, (htx_field_id)i, (htx_value_form)form, HTX_LANG_VI, x, sizeof x);
            htx_coop_value(b, (htx_field_id)i, (htx_value_form)form, HTX_LANG_VI, y, sizeof y);
            if (strcmp(x, y) != 0)
                fail_msg("%s: %s was \"%s\", is \"%s\"", stage, htx_fields[i].key, x, y);
        }
    }
}

static void insert_all(htx_store *s, htx_coop *records, int count)
{
    htx_error err;
    for (int i = 0; i < count; i++)
        assert_int_equal(htx_coop_insert(s, &records[i], "test", &err), HTX_OK);
}

static void every_field_round_trips_through_store_and_csv(void **state)
{
    fixture *f = *state;
    htx_coop typed[2];
    char code[2][16];
    test_code(1, code[0]);
    test_code(2, code[1]);
    make_full_record(&typed[0], code[0]);
    make_bare_record(&typed[1], code[1]);
    insert_all(f->store, typed, 2);

    htx_error err;
    htx_coop loaded;
    for (int k = 0; k < 2; k++) {
        assert_int_equal(htx_coop_load(f->store, code[k], &loaded, &err), HTX_OK);
        assert_same_fields(&typed[k], &loaded, "insert → load");
    }

    char csv[160];
    snprintf(csv, sizeof csv, "%s/register.csv", f->dir);
    FILE *out = fopen(csv, "w");
    assert_non_null(out);
    htx_filter filter;
    htx_filter_init(&filter);
    htx_export_options options;
    htx_export_options_init(&options);
    long written = 0;
    assert_int_equal(htx_export_coops(f->store, &filter, &options, out, &written, &err), HTX_OK);
    assert_int_equal(fclose(out), 0);
    assert_int_equal(written, 2);

    /* Into an empty register: the same records. */
    char dir[64], path[128];
    test_temp_path(dir, path, "copy.db");
    htx_store *copy;
    assert_int_equal(htx_store_open(path, HTX_OPEN_CREATE_NEW, &copy, &err), HTX_OK);
    htx_import_options import;
    htx_import_options_init(&import);
    import.user = "test";
    htx_import_file *file = NULL;
    assert_int_equal(htx_import_open(csv, &import, &file, &err), HTX_OK);
    for (size_t i = 0; i < file->column_count; i++)
        assert_true(file->columns[i].field >= 0); /* every header is a field's key */
    assert_int_equal(file->column_count, HTX_FIELD_COUNT);
    htx_import_result result = {0};
    assert_int_equal(htx_import_run(copy, file, &import, &result, &err), HTX_OK);
    assert_int_equal(result.inserted, 2);
    htx_import_result_free(&result);
    htx_import_close(file);
    for (int k = 0; k < 2; k++) {
        assert_int_equal(htx_coop_load(copy, code[k], &loaded, &err), HTX_OK);
        assert_same_fields(&typed[k], &loaded, "export → import");
    }
    htx_store_close(copy);
    test_remove_db(dir, path);
    unlink(csv);
}

/* Each key once per record, each value of its kind's JSON type. */
static void json_has_each_key_once_with_its_type(void **state)
{
    (void)state;
    htx_coop records[2];
    make_full_record(&records[0], "0100233488");
    make_bare_record(&records[1], "0100233488");
    for (int k = 0; k < 2; k++) {
        char *json = NULL;
        size_t length = 0;
        FILE *out = open_memstream(&json, &length);
        htx_record_writer w;
        htx_records_begin(&w, out, HTX_RECORD_JSON);
        htx_records_write(&w, &records[k]);
        htx_records_end(&w);
        fclose(out);
        for (int i = 0; i < HTX_FIELD_COUNT; i++) {
            char quoted[64];
            snprintf(quoted, sizeof quoted, "\"%s\": ", htx_fields[i].key);
            const char *at = strstr(json, quoted);
            if (!at || strstr(at + 1, quoted))
                fail_msg("%s: not exactly once in %s", htx_fields[i].key, json);
            char first = at[strlen(quoted)];
            htx_scalar value;
            htx_coop_scalar(&records[k], (htx_field_id)i, &value);
            bool known = value.type != HTX_SCALAR_NULL;
            bool as_typed = false;
            switch (kind_of(&htx_fields[i])->json) {
            case HTX_JSON_STRING: as_typed = first == '"'; break;
            case HTX_JSON_NUMBER: as_typed = first >= '0' && first <= '9'; break;
            case HTX_JSON_BOOL: as_typed = first == 't' || first == 'f'; break;
            }
            if (known ? !as_typed : first != 'n')
                fail_msg("%s: %s value in %s", htx_fields[i].key, known ? "mistyped" : "non-null", json);
        }
        free(json);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_table_follows_the_enum),
        cmocka_unit_test(every_kind_has_its_operations),
        cmocka_unit_test(export_positions_are_each_column_once),
        cmocka_unit_test(blanks_are_accepted_where_the_kind_says),
        cmocka_unit_test(json_has_each_key_once_with_its_type),
        cmocka_unit_test_setup_teardown(columns_exist_with_their_kinds_type, setup, teardown),
        cmocka_unit_test_setup_teardown(every_field_round_trips_through_store_and_csv, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
