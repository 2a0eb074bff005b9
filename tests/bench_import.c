/*
 * Benchmark: importing a large register.
 *
 *   bench_import [ROWS] [DIR]
 *
 * Writes a CSV of ROWS cooperatives (default 100,000; Vietnamese names,
 * every field) into DIR, then imports it into a new database exactly as
 * `htx import` does (decode, detect, validate every row, one transaction)
 * and prints the time of each step.  Then the same file in CP1258, to show
 * what decoding costs.  Figures, not pass/fail: machines differ.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "encoding.h"
#include "import.h"
#include "refdata.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static const char *const activities[] = {
    "gốm sứ", "mây tre đan", "dịch vụ vận tải", "thương mại dịch vụ", "xây dựng", "cơ khí",
    "dệt may", "sơn mài", "môi trường", "dịch vụ tổng hợp", "điện năng", "chế biến nông sản",
};
static const char *const places[] = {
    "Đông Anh", "Phú Nghĩa", "Bát Tràng", "Ước Lễ", "Hồng Thái", "Thanh Hà", "Ứng Thiên", "Đại Áng",
};
static const char *const people[] = {"Nguyễn Văn Hùng", "Trần Thị Thủy", "Lê Đức Thắng",
                                     "Phạm Thị Hương", "Đỗ Quang Vinh", "Vũ Thị Ngọc"};

/* A valid tax code: nine digits then the check digit of the published rule. */
static void make_code(long i, char out[16])
{
    static const int weights[9] = {31, 29, 23, 19, 17, 13, 7, 5, 3};
    /* Row i tries 11i, 11i+1 …: rows never share a candidate. */
    for (long n = i * 11;; n++) {
        char digits[24];
        snprintf(digits, sizeof digits, "01%07ld", labs(n) % 10000000);
        int sum = 0;
        for (int k = 0; k < 9; k++)
            sum += (digits[k] - '0') * weights[k];
        int check = 10 - sum % 11;
        if (check < 10) {
            snprintf(out, 16, "%.9s%d", digits, check);
            return;
        }
    }
}

static void write_csv(const char *path, long rows)
{
    FILE *f = fopen(path, "w");
    if (!f) {
        perror(path);
        exit(1);
    }
    fputs("Mã số,Tên HTX,Quận/Huyện,Ngành,Ngày thành lập,Số thành viên,Vốn điều lệ,"
          "Người đại diện,Điện thoại,Địa chỉ\n", f);
    for (long i = 0; i < rows; i++) {
        char code[16];
        make_code(i, code);
        const htx_district *d = &HTX_DISTRICTS[i % HTX_DISTRICT_COUNT];
        fprintf(f, "%s,Hợp tác xã %s %s %ld,%s,%s,%02ld/%02ld/%ld,%ld,%ld000000,%s,09%08ld,"
                   "\"Số %ld, thôn %s\"\n",
                code, activities[i % 12], places[i % 8], i, d->name, HTX_SECTORS[i % 7].code,
                i % 28 + 1, i % 12 + 1, 1990 + i % 35, 7 + i % 200, 100 + i % 5000, people[i % 6],
                i, i % 300 + 1, places[(i / 8) % 8]);
    }
    fclose(f);
}

static int import_once(const char *csv, const char *db, const char *label)
{
    unlink(db);
    htx_store *s;
    htx_error err;
    if (htx_store_open(db, HTX_OPEN_CREATE_NEW, &s, &err) != HTX_OK)
        return 1;
    htx_import_options opt;
    htx_import_options_init(&opt);
    opt.user = "bench";
    double t0 = now();
    htx_import_file *file;
    if (htx_import_open(csv, &opt, &file, &err) != HTX_OK) {
        fprintf(stderr, "bench: cannot open %s (%d)\n", csv, err.msg);
        htx_store_close(s);
        return 1;
    }
    double t1 = now();
    htx_import_result result;
    htx_status st = htx_import_run(s, file, &opt, &result, &err);
    double t2 = now();
    printf("%-8s read+decode (%s) %.2f s, validate+insert %.2f s, total %.2f s: %ld rows, %ld "
           "inserted, %zu problems (%.0f rows/s)\n",
           label, htx_encoding_name(file->encoding), t1 - t0, t2 - t1, t2 - t0, result.rows,
           result.inserted, result.problem_count, (double)result.rows / (t2 - t0));
    htx_import_result_free(&result);
    htx_import_close(file);
    htx_store_close(s);
    return st == HTX_OK ? 0 : 1;
}

int main(int argc, char **argv)
{
    long rows = argc > 1 ? atol(argv[1]) : 100000;
    const char *dir = argc > 2 ? argv[2] : ".";
    char csv[512], db[512], cp1258[512];
    snprintf(csv, sizeof csv, "%s/bench_import.csv", dir);
    snprintf(cp1258, sizeof cp1258, "%s/bench_import_cp1258.csv", dir);
    snprintf(db, sizeof db, "%s/bench_import.db", dir);
    write_csv(csv, rows);

    int status = import_once(csv, db, "utf-8");
    /* The same file in CP1258, encoded by htx itself. */
    FILE *f = fopen(csv, "rb");
    if (f) {
        fseek(f, 0, SEEK_END);
        long len = ftell(f);
        rewind(f);
        char *text = malloc((size_t)len + 1);
        if (text && fread(text, 1, (size_t)len, f) == (size_t)len) {
            unsigned char *bytes;
            size_t n;
            htx_error err;
            if (htx_encode(text, (size_t)len, HTX_ENC_CP1258, false, &bytes, &n, &err) == HTX_OK) {
                FILE *o = fopen(cp1258, "wb");
                if (o) {
                    fwrite(bytes, 1, n, o);
                    fclose(o);
                    status |= import_once(cp1258, db, "cp1258");
                }
                free(bytes);
            }
        }
        free(text);
        fclose(f);
    }
    for (const char *suffix = ""; suffix; suffix = suffix[0] ? NULL : "-wal") {
        char extra[600];
        snprintf(extra, sizeof extra, "%s%s", db, suffix);
        unlink(extra);
    }
    return status;
}
