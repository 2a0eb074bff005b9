/*
 * Importing the register (import.h): the input is a CSV file, imported into
 * a fresh store in a temporary directory that already holds two
 * cooperatives, one with a club membership (so codes already registered,
 * --on-duplicate and memberships are exercised).
 *
 * Bytes after the input's first form feed ("\f") are the memberships file
 * beside it (NAME.memberships.csv).  The options — encoding, what to do
 * with codes already registered and with invalid rows, a dry run — follow
 * from a hash of the input, so every input is imported one reproducible way.
 *
 * Properties: nothing crashes; progress never goes past its total; an
 * import either commits, with the register holding the rows it says it
 * inserted, or leaves the register exactly as it was (every field of every
 * cooperative, every membership).
 */
#include "fuzz_support.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include "export.h"
#include "import.h"
#include "query.h"

static char dir[4096];
static char db_path[4200], csv_path[4200], memberships_path[4300], rejects_path[4300];
static unsigned char *template_db;
static size_t template_len;

static const char seed_register[] =
    "Mã số,Tên HTX,Quận/Huyện,Ngành,Ngày thành lập,Số thành viên,Vốn điều lệ,Điện thoại\n"
    "0100233488,HTX Đồng Tâm,Thanh Trì,trade,05/03/2019,12,500000000,024 3825 3640\n"
    "0107836196,Hợp tác xã Nông nghiệp Bát Tràng,Gia Lâm,agriculture,01/06/2015,30,,0912345678\n";
static const char seed_memberships[] =
    "code,club,role,joined,left\n"
    "0100233488,trade,member,01/06/2020,\n";

static void write_file(const char *path, const void *bytes, size_t len)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    FUZZ_CHECK(fd >= 0);
    const char *p = bytes;
    while (len > 0) {
        ssize_t n = write(fd, p, len);
        FUZZ_CHECK(n > 0);
        p += n;
        len -= (size_t)n;
    }
    FUZZ_CHECK(close(fd) == 0);
}

static unsigned char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    FUZZ_CHECK(f != NULL);
    FUZZ_CHECK(fseek(f, 0, SEEK_END) == 0);
    long n = ftell(f);
    FUZZ_CHECK(n > 0);
    rewind(f);
    unsigned char *bytes = fuzz_alloc((size_t)n);
    FUZZ_CHECK(fread(bytes, 1, (size_t)n, f) == (size_t)n);
    fclose(f);
    *len = (size_t)n;
    return bytes;
}

static void remove_store(void)
{
    static const char *const suffixes[] = {"", "-wal", "-shm", "-journal"};
    for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
        char path[4300];
        snprintf(path, sizeof path, "%s%s", db_path, suffixes[i]);
        unlink(path);
    }
}

static void remove_files(void)
{
    remove_store();
    unlink(csv_path);
    unlink(memberships_path);
    unlink(rejects_path);
}

static void cleanup(void)
{
    remove_files();
    rmdir(dir);
}

/* The store the seed register makes, kept as bytes: each input starts from
 * a copy of it. */
static void make_template(void)
{
    write_file(csv_path, seed_register, sizeof seed_register - 1);
    write_file(memberships_path, seed_memberships, sizeof seed_memberships - 1);
    htx_store *s = NULL;
    htx_error err;
    FUZZ_CHECK(htx_store_open(db_path, HTX_OPEN_CREATE_NEW, &s, &err) == HTX_OK);
    htx_import_options opt;
    htx_import_options_init(&opt);
    opt.user = "fuzz";
    opt.memberships_path = memberships_path;
    htx_import_file *file = NULL;
    FUZZ_CHECK(htx_import_open(csv_path, &opt, &file, &err) == HTX_OK);
    htx_import_result result;
    htx_status st = htx_import_run(s, file, &opt, &result, &err);
    if (st != HTX_OK || result.inserted != 2 || result.memberships != 1) {
        fprintf(stderr, "fuzz: the seed register does not import (%d, %ld rows, %zu problems)\n",
                (int)st, result.inserted, result.problem_count);
        abort();
    }
    htx_import_result_free(&result);
    htx_import_close(file);
    htx_store_close(s);
    template_db = read_file(db_path, &template_len);
    remove_files();
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    setenv("HTX_TODAY", "2026-02-05", 1);
    fuzz_keep_iconv_loaded();
    /* Where run_fuzz.sh says (it removes that directory, even after a
     * crash, which skips atexit), else in memory where the system has it:
     * every commit is synced. */
    const char *base = getenv("HTX_FUZZ_TMP");
    if (!base || !base[0])
        base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : getenv("TMPDIR");
    snprintf(dir, sizeof dir, "%s/htx-fuzz-import.XXXXXX", base ? base : "/tmp");
    FUZZ_CHECK(mkdtemp(dir) != NULL);
    snprintf(db_path, sizeof db_path, "%s/htx.db", dir);
    snprintf(csv_path, sizeof csv_path, "%s/ds.csv", dir);
    htx_import_memberships_path(csv_path, memberships_path, sizeof memberships_path);
    htx_import_rejects_path(csv_path, rejects_path, sizeof rejects_path);
    atexit(cleanup);
    make_template();
    return 0;
}

/* The whole register as text: every field of every cooperative, and every
 * membership. */
static char *snapshot(htx_store *s, long *coops)
{
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    FUZZ_CHECK(out != NULL);
    htx_filter f;
    htx_filter_init(&f);
    f.sort = HTX_SORT_CODE;
    htx_export_options opt;
    htx_export_options_init(&opt);
    htx_error err;
    long memberships = 0;
    FUZZ_CHECK(htx_export_coops(s, &f, &opt, out, coops, &err) == HTX_OK);
    FUZZ_CHECK(htx_export_memberships(s, &f, &opt, out, &memberships, &err) == HTX_OK);
    FUZZ_CHECK(fclose(out) == 0);
    return text;
}

typedef struct progress {
    size_t done;
    bool any;
} progress;

static void on_progress(void *ctx, size_t done, size_t total)
{
    progress *p = ctx;
    FUZZ_CHECK(done <= total);
    FUZZ_CHECK(!p->any || done >= p->done);
    p->done = done;
    p->any = true;
}

static uint32_t hash(const uint8_t *data, size_t size)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < size; i++)
        h = (h ^ data[i]) * 16777619u;
    return h;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 65536)
        return 0;
    const uint8_t *ff = memchr(data, '\f', size);
    size_t register_len = ff ? (size_t)(ff - data) : size;
    write_file(csv_path, data, register_len);
    if (ff)
        write_file(memberships_path, ff + 1, size - register_len - 1);
    write_file(db_path, template_db, template_len);

    uint32_t h = hash(data, size);
    htx_import_options opt;
    htx_import_options_init(&opt);
    opt.user = "fuzz";
    opt.on_duplicate = (htx_on_duplicate)(h % 3);
    opt.skip_invalid = (h >> 2) & 1;
    opt.dry_run = ((h >> 3) & 3) == 0;
    opt.lang = (h >> 5) & 1 ? HTX_LANG_EN : HTX_LANG_VI;
    opt.encoding = ((h >> 6) & 3) == 0 ? (htx_encoding)((h >> 8) % HTX_ENC_COUNT) : HTX_ENC_AUTO;
    opt.memberships_path = ff ? memberships_path : NULL;
    opt.rejects_path = rejects_path;
    progress p = {0, false};
    opt.progress = on_progress;
    opt.progress_ctx = &p;

    htx_store *s = NULL;
    htx_error err;
    FUZZ_CHECK(htx_store_open(db_path, HTX_OPEN_EXISTING, &s, &err) == HTX_OK);
    long before_count = 0, after_count = 0;
    char *before = snapshot(s, &before_count);

    htx_import_file *file = NULL;
    if (htx_import_open(csv_path, &opt, &file, &err) == HTX_OK) {
        FUZZ_CHECK(file->column_count >= 1 && file->encoding != HTX_ENC_AUTO);
        for (size_t i = 0; i < file->column_count; i++)
            FUZZ_CHECK(file->columns[i].field >= -1 && file->columns[i].field < HTX_FIELD_COUNT);
        htx_import_result result;
        htx_status st = htx_import_run(s, file, &opt, &result, &err);
        char *after = snapshot(s, &after_count);
        FUZZ_CHECK(result.problem_count <= result.problem_cap);
        if (result.committed) {
            FUZZ_CHECK(!opt.dry_run);
            FUZZ_CHECK(after_count == before_count + result.inserted);
            if (!opt.skip_invalid)
                FUZZ_CHECK(result.problem_count == 0 && result.rejected == 0);
            if (result.inserted == 0 && result.updated == 0 && result.memberships == 0)
                FUZZ_CHECK(strcmp(after, before) == 0);
        } else {
            if (strcmp(after, before) != 0) {
                fprintf(stderr, "fuzz: an import that did not commit (status %d) changed the "
                                "register\n",
                        (int)st);
                FUZZ_CHECK(false);
            }
            FUZZ_CHECK(st != HTX_OK || opt.dry_run);
            /* Rejected rows are set aside only when the rest is kept. */
            FUZZ_CHECK(access(rejects_path, F_OK) != 0);
        }
        if (st == HTX_OK && !opt.dry_run)
            FUZZ_CHECK(result.committed);
        free(after);
        htx_import_result_free(&result);
        htx_import_close(file);
    }
    free(before);
    htx_store_close(s);
    remove_files();
    return 0;
}
