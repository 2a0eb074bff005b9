/* Unit tests for core/store/backup.c: consistent copies and checks of the register. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>

#include <cmocka.h>

#include "backup.h"
#include "demo.h"
#include "query.h"
#include "registry.h"
#include "test_support.h"

static int64_t count_all(htx_store *s)
{
    htx_filter f;
    htx_filter_init(&f);
    int64_t n = -1;
    htx_error err;
    assert_int_equal(htx_query_count(s, &f, &n, &err), HTX_OK);
    return n;
}

static void test_backup_is_a_whole_private_copy(void **state)
{
    (void)state;
    char dir[64], path[128], copy[192];
    test_temp_path(dir, path, "r.db");
    htx_store *s = NULL;
    htx_error err;
    assert_int_equal(htx_store_open(path, HTX_OPEN_CREATE_NEW, &s, &err), HTX_OK);
    assert_int_equal(htx_demo_populate(s, &err), HTX_OK);
    snprintf(copy, sizeof copy, "%s/backup.db", dir);
    mode_t old_mask = umask(022);
    assert_int_equal(htx_store_backup(s, copy, &err), HTX_OK);
    umask(old_mask);
    struct stat st;
    assert_int_equal(stat(copy, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);
    /* one file: the copy keeps no WAL */
    char wal[224];
    snprintf(wal, sizeof wal, "%s-wal", copy);
    assert_int_not_equal(access(wal, F_OK), 0);

    htx_store *b = NULL;
    assert_int_equal(htx_store_open(copy, HTX_OPEN_EXISTING, &b, &err), HTX_OK);
    assert_int_equal(count_all(b), count_all(s));
    htx_check_result check;
    assert_int_equal(htx_store_check(b, &check, &err), HTX_OK);
    assert_true(check.intact);
    htx_store_close(b);

    /* a second backup replaces the first, whole */
    htx_coop c;
    test_make_coop(&c, "0100233488", "HTX Đồng Tâm", "Thanh Trì", "trade");
    assert_int_equal(htx_coop_insert(s, &c, "test", &err), HTX_OK);
    assert_int_equal(htx_store_backup(s, copy, &err), HTX_OK);
    assert_int_equal(htx_store_open(copy, HTX_OPEN_EXISTING, &b, &err), HTX_OK);
    assert_int_equal(count_all(b), count_all(s));
    htx_store_close(b);
    htx_store_close(s);
    unlink(copy);
    test_remove_db(dir, path);
}

static void test_check_finds_damage(void **state)
{
    (void)state;
    char dir[64], path[128], copy[192];
    test_temp_path(dir, path, "r.db");
    htx_store *s = NULL;
    htx_error err;
    assert_int_equal(htx_store_open(path, HTX_OPEN_CREATE_NEW, &s, &err), HTX_OK);
    assert_int_equal(htx_demo_populate(s, &err), HTX_OK);
    htx_check_result check;
    assert_int_equal(htx_store_check(s, &check, &err), HTX_OK);
    assert_true(check.intact);
    snprintf(copy, sizeof copy, "%s/damaged.db", dir);
    assert_int_equal(htx_store_backup(s, copy, &err), HTX_OK);
    htx_store_close(s);

    /* scribble over pages in the middle of the copy, past its header */
    FILE *f = fopen(copy, "r+b");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    for (long at = 8192; at < size - 4096; at += 16384) {
        fseek(f, at, SEEK_SET);
        for (int i = 0; i < 512; i++)
            fputc(0x5A, f);
    }
    fclose(f);
    htx_store *d = NULL;
    htx_status st = htx_store_open(copy, HTX_OPEN_EXISTING, &d, &err);
    if (st == HTX_OK) {
        st = htx_store_check(d, &check, &err);
        assert_true(st != HTX_OK || !check.intact);
        htx_store_close(d);
    }
    unlink(copy);
    test_remove_db(dir, path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_backup_is_a_whole_private_copy),
        cmocka_unit_test(test_check_finds_damage),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
