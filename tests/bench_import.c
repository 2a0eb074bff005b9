/*
 * Benchmark: importing a large register.
 *
 *   bench_import [ROWS] [DIR] [MB …]
 *
 * Writes a CSV of ROWS cooperatives (default 100,000; Vietnamese names,
 * every field) into DIR, then imports it into a new database exactly as
 * `htx import` does (decode, detect, validate every row, one transaction)
 * and prints the time of each step, the CPU time, how long the write lock
 * was held and the peak memory (getrusage).  Then the same file in CP1258,
 * to show what decoding costs.  Then the same rows as an .xlsx workbook
 * (written by libxlsxwriter with shared strings and date cells, as Excel
 * writes them), to show what reading a workbook costs.  Then, for each MB given, a file of about
 * that many megabytes, for the peak memory: it must not grow with the
 * file.  Last, ROWS more rows (other codes and names) into a register of
 * 1.1 ROWS, as staff import into a register in use: its
 * indexes are kept then, and the word index caught up rather than built.
 * Each import runs in a child process of its own, so that each peak
 * is its own.  Figures, not pass/fail: machines differ.
 *
 * Measured on a shared 2-core machine, before and after making each name's
 * word-index terms once in C, the collation key's clusters read once and
 * ASCII text normalised in one pass (runs interleaved, total / write lock):
 *   new register, 100k rows:   before 11.8-13.1 s / 7.4-7.8 s, after 9.1-11.0 s / 5.4-6.6 s
 *   110k register, 100k more:  before 22.7-23.6 s / 17.4-17.7 s, after 15.9-16.5 s / 11.8-11.9 s
 *   peak RSS 40-46 MB either way, flat in the file's size.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <xlsxwriter.h>

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
        /* 01…, then 02… past ten million candidates: a million rows and more
         * still have codes of their own. */
        snprintf(digits, sizeof digits, "%02ld%07ld", 1 + labs(n) / 10000000 % 99, labs(n) % 10000000);
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

static void write_row(FILE *f, long i)
{
    char code[16];
    make_code(i, code);
    const htx_district *d = &HTX_DISTRICTS[i % HTX_DISTRICT_COUNT];
    fprintf(f, "%s,Hợp tác xã %s %s %ld,%s,%s,%02ld/%02ld/%ld,%ld,%ld000000,%s,09%08ld,"
               "\"Số %ld, thôn %s\"\n",
            code, activities[i % 12], places[i % 8], i, d->name, HTX_SECTORS[i % 7].code,
            i % 28 + 1, i % 12 + 1, 1990 + i % 35, 7 + i % 200, 100 + i % 5000, people[i % 6],
            i, i % 300 + 1, places[(i / 8) % 8]);
}

static const char header[] = "Mã số,Tên HTX,Quận/Huyện,Ngành,Ngày thành lập,Số thành viên,Vốn điều lệ,"
                             "Người đại diện,Điện thoại,Địa chỉ\n";

/* ROWS rows numbered from first, or (rows < 0) rows until the file holds
 * -rows bytes. */
static long write_csv(const char *path, long first, long rows)
{
    FILE *f = fopen(path, "w");
    if (!f) {
        perror(path);
        exit(1);
    }
    fputs(header, f);
    long i = 0;
    for (; rows >= 0 ? i < rows : ftell(f) < -rows; i++)
        write_row(f, first + i);
    fclose(f);
    return i;
}

/* The same file in CP1258, encoded by htx itself, line by line. */
static int write_cp1258(const char *from, const char *to)
{
    FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
    char line[4096];
    int status = in && out ? 0 : 1;
    while (status == 0 && fgets(line, sizeof line, in)) {
        unsigned char *bytes;
        size_t n;
        htx_error err;
        if (htx_encode(line, strlen(line), HTX_ENC_CP1258, false, &bytes, &n, &err) != HTX_OK) {
            status = 1;
            break;
        }
        fwrite(bytes, 1, n, out);
        free(bytes);
    }
    if (in)
        fclose(in);
    if (out)
        fclose(out);
    return status;
}

/* The rows of write_csv as a workbook: text cells in the shared strings,
 * numbers, the founding date a date cell. */
static int write_xlsx(const char *path, long rows)
{
    lxw_workbook *wb = workbook_new(path);
    if (!wb)
        return 1;
    lxw_worksheet *ws = workbook_add_worksheet(wb, "Danh sách");
    lxw_format *date = workbook_add_format(wb);
    format_set_num_format(date, "dd/mm/yyyy");
    static const char *const titles[] = {"Mã số", "Tên HTX", "Quận/Huyện", "Ngành", "Ngày thành lập",
                                         "Số thành viên", "Vốn điều lệ", "Người đại diện", "Điện thoại",
                                         "Địa chỉ"};
    for (int c = 0; c < 10; c++)
        worksheet_write_string(ws, 0, (lxw_col_t)c, titles[c], NULL);
    for (long i = 0; i < rows; i++) {
        char code[16], name[160], phone[32], address[96];
        make_code(i, code);
        snprintf(name, sizeof name, "Hợp tác xã %s %s %ld", activities[i % 12], places[i % 8], i);
        snprintf(phone, sizeof phone, "09%08ld", i);
        snprintf(address, sizeof address, "Số %ld, thôn %s", i % 300 + 1, places[(i / 8) % 8]);
        lxw_row_t r = (lxw_row_t)(i + 1);
        lxw_datetime founded = {(int)(1990 + i % 35), (int)(i % 12 + 1), (int)(i % 28 + 1), 0, 0, 0};
        worksheet_write_string(ws, r, 0, code, NULL);
        worksheet_write_string(ws, r, 1, name, NULL);
        worksheet_write_string(ws, r, 2, HTX_DISTRICTS[i % HTX_DISTRICT_COUNT].name, NULL);
        worksheet_write_string(ws, r, 3, HTX_SECTORS[i % 7].code, NULL);
        worksheet_write_datetime(ws, r, 4, &founded, date);
        worksheet_write_number(ws, r, 5, (double)(7 + i % 200), NULL);
        worksheet_write_number(ws, r, 6, (double)(100 + i % 5000) * 1e6, NULL);
        worksheet_write_string(ws, r, 7, people[i % 6], NULL);
        worksheet_write_string(ws, r, 8, phone, NULL);
        worksheet_write_string(ws, r, 9, address, NULL);
    }
    return workbook_close(wb) == LXW_NO_ERROR ? 0 : 1;
}

static double cpu_seconds(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 + (double)ru.ru_stime.tv_sec +
           (double)ru.ru_stime.tv_usec / 1e6;
}

static void remove_db(const char *db)
{
    char extra[600];
    unlink(db);
    snprintf(extra, sizeof extra, "%s-wal", db);
    unlink(extra);
    snprintf(extra, sizeof extra, "%s-shm", db);
    unlink(extra);
}

/* Into a new database, or (fresh false) into the one at db. */
static int import_once(const char *csv, const char *db, const char *label, bool fresh)
{
    if (fresh)
        remove_db(db);
    htx_store *s;
    htx_error err;
    if (htx_store_open(db, fresh ? HTX_OPEN_CREATE_NEW : HTX_OPEN_EXISTING, &s, &err) != HTX_OK)
        return 1;
    htx_import_options opt;
    htx_import_options_init(&opt);
    opt.user = "bench";
    double t0 = now(), c0 = cpu_seconds();
    htx_import_file *file;
    if (htx_import_open(csv, &opt, &file, &err) != HTX_OK) {
        fprintf(stderr, "bench: cannot open %s (%d)\n", csv, err.msg);
        htx_store_close(s);
        return 1;
    }
    double t1 = now();
    htx_import_result result;
    htx_status st = htx_import_run(s, file, &opt, &result, &err);
    double t2 = now(), c2 = cpu_seconds();
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("%-8s %.0f MB (%s): open %.2f s, check+write %.2f s, total %.2f s (CPU %.2f s), write lock "
           "held %.2f s; %ld rows, %ld inserted, %zu problems (%.0f rows/s); peak RSS %.1f MB\n",
           label, (double)file->len / 1e6, file->workbook != HTX_WORKBOOK_NONE ? htx_workbook_kind_name(file->workbook) : htx_encoding_name(file->encoding), t1 - t0, t2 - t1, t2 - t0,
           c2 - c0, result.write_seconds, result.rows, result.inserted, result.problem_count,
           (double)result.rows / (t2 - t0), (double)ru.ru_maxrss / 1024.0);
    fflush(stdout);
    htx_import_result_free(&result);
    htx_import_close(file);
    htx_store_close(s);
    return st == HTX_OK ? 0 : 1;
}

/* import_once in a child process: its peak memory is its own. */
static int import_in_child(const char *csv, const char *db, const char *label, bool fresh)
{
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0)
        _exit(import_once(csv, db, label, fresh));
    int status = 1;
    if (pid < 0 || waitpid(pid, &status, 0) != pid)
        return 1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}

int main(int argc, char **argv)
{
    long rows = argc > 1 ? atol(argv[1]) : 100000;
    const char *dir = argc > 2 ? argv[2] : ".";
    char csv[512], db[512], cp1258[512], xlsx[512];
    snprintf(csv, sizeof csv, "%s/bench_import.csv", dir);
    snprintf(cp1258, sizeof cp1258, "%s/bench_import_cp1258.csv", dir);
    snprintf(db, sizeof db, "%s/bench_import.db", dir);
    snprintf(xlsx, sizeof xlsx, "%s/bench_import.xlsx", dir);
    write_csv(csv, 0, rows);

    int status = import_in_child(csv, db, "utf-8", true);
    if (write_cp1258(csv, cp1258) == 0)
        status |= import_in_child(cp1258, db, "cp1258", true);
    unlink(cp1258);
    /* Written in a child: what the writer held must not count in the peak
     * of the import's child, forked from this process. */
    fflush(stdout);
    pid_t writer = fork();
    if (writer == 0)
        _exit(write_xlsx(xlsx, rows));
    int written = 1;
    if (writer > 0 && waitpid(writer, &written, 0) == writer && WIFEXITED(written) && WEXITSTATUS(written) == 0)
        status |= import_in_child(xlsx, db, "xlsx", true);
    else
        status = 1;
    unlink(xlsx);
    /* Files of a given size, for the peak memory. */
    for (int i = 3; i < argc; i++) {
        long mb = atol(argv[i]);
        char label[32];
        snprintf(label, sizeof label, "%ld MB", mb);
        long n = write_csv(csv, 0, -mb * 1000 * 1000);
        printf("%s: %ld rows\n", label, n);
        status |= import_in_child(csv, db, label, true);
    }
    /* Into a register in use: a tenth more rows than the import, so that
     * the import does not double it and its indexes are kept. */
    long held = rows + rows / 10;
    write_csv(csv, 0, held);
    status |= import_in_child(csv, db, "register", true);
    write_csv(csv, held, rows);
    status |= import_in_child(csv, db, "existing", false);
    unlink(csv);
    remove_db(db);
    return status;
}
