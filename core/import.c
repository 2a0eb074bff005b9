#include "import.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "csv_read.h"
#include "fold.h"
#include "membership.h"
#include "outfile.h"
#include "registry.h"
#include "schema.h"
#include "store_internal.h"
#include "textout.h"

int htx_on_duplicate_parse(const char *text)
{
    if (!text)
        return -1;
    if (strcmp(text, "fail") == 0)
        return HTX_ON_DUPLICATE_FAIL;
    if (strcmp(text, "skip") == 0)
        return HTX_ON_DUPLICATE_SKIP;
    if (strcmp(text, "update") == 0)
        return HTX_ON_DUPLICATE_UPDATE;
    return -1;
}

void htx_import_options_init(htx_import_options *o)
{
    memset(o, 0, sizeof *o);
    o->encoding = HTX_ENC_AUTO;
    o->on_duplicate = HTX_ON_DUPLICATE_FAIL;
    o->lang = HTX_LANG_VI;
}

static void sibling_path(const char *path, const char *suffix, char *out, size_t size)
{
    const char *slash = strrchr(path, '/');
    const char *dot = strrchr(path, '.');
    int stem = dot && (!slash || dot > slash + 1) ? (int)(dot - path) : (int)strlen(path);
    snprintf(out, size, "%.*s%s", stem, path, suffix);
}

void htx_import_rejects_path(const char *path, char *out, size_t size)
{
    sibling_path(path, ".rejected.csv", out, size);
}

void htx_import_memberships_path(const char *path, char *out, size_t size)
{
    sibling_path(path, ".memberships.csv", out, size);
}

/* ---- reading the file ------------------------------------------------------ */

static htx_status read_file(const char *path, unsigned char **out, size_t *len, htx_error *err)
{
    *out = NULL;
    *len = 0;
    FILE *f = fopen(path, "rb");
    if (!f)
        return htx_fail(err, HTX_ERR_IO, MSG_IO, NULL, path, strerror(errno));
    size_t cap = 1 << 16, n = 0;
    unsigned char *data = malloc(cap);
    while (data) {
        n += fread(data + n, 1, cap - n, f);
        if (n < cap)
            break;
        unsigned char *grown = realloc(data, cap * 2);
        if (!grown) {
            free(data);
            data = NULL;
            break;
        }
        data = grown;
        cap *= 2;
    }
    bool failed = ferror(f);
    int saved = errno;
    fclose(f);
    if (!data)
        return htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
    if (failed) {
        free(data);
        return htx_fail(err, HTX_ERR_IO, MSG_IO, NULL, path, strerror(saved));
    }
    *out = data;
    *len = n;
    return HTX_OK;
}

static htx_status read_text(const char *path, htx_encoding enc, char **text, size_t *len,
                            htx_encoding *used, htx_error *err)
{
    unsigned char *bytes;
    size_t n;
    htx_status st = read_file(path, &bytes, &n, err);
    if (st != HTX_OK)
        return st;
    st = htx_decode(bytes, n, enc, text, len, used, err);
    free(bytes);
    return st;
}

/* ---- the header ---------------------------------------------------------- */

static char *trimmed_copy(const char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    char *copy = malloc(n + 1);
    if (copy) {
        memcpy(copy, s, n);
        copy[n] = '\0';
    }
    return copy;
}

/* A column named in --map is the header's column written with or without
 * marks, in any case, with spaces around: the rule headers follow. */
static bool same_column(const char *a, const char *b)
{
    char *ta = trimmed_copy(a), *tb = trimmed_copy(b);
    char *fa = ta ? htx_fold_plain(ta) : NULL, *fb = tb ? htx_fold_plain(tb) : NULL;
    bool same = fa && fb && strcmp(fa, fb) == 0;
    free(ta);
    free(tb);
    free(fa);
    free(fb);
    return same;
}

/* The field a --map names for column: 1 found (*field set, -1 to ignore),
 * 0 not mapped, -1 an unknown field.  used[i] is set for the map taken. */
static int mapped_field(const htx_import_options *opt, const char *column, int *field,
                        const char **bad, bool *used)
{
    for (size_t i = 0; i < opt->map_count; i++) {
        if (!same_column(opt->maps[i].column, column))
            continue;
        used[i] = true;
        const char *name = opt->maps[i].field;
        if (!name[0] || strcmp(name, "-") == 0) {
            *field = -1;
            return 1;
        }
        const htx_field_def *def = htx_field_find(name);
        if (!def) {
            *bad = name;
            return -1;
        }
        *field = (int)def->id;
        return 1;
    }
    return 0;
}

static htx_status map_columns(htx_import_file *f, const htx_csv_row *header, const htx_import_options *opt,
                              bool *used, htx_error *err);

/* The header's columns, quoted, for a message: what was actually read. */
static void header_list(const htx_import_file *f, char *out, size_t size)
{
    size_t n = 0;
    out[0] = '\0';
    for (size_t c = 0; c < f->column_count && n < size; c++)
        n += (size_t)snprintf(out + n, size - n, "%s\"%s\"", c ? ", " : "", f->columns[c].header);
}

/* Every --map must name a column of the header, once. */
static htx_status check_maps(const htx_import_file *f, const htx_import_options *opt, const bool *used,
                             htx_error *err)
{
    for (size_t i = 0; i < opt->map_count; i++) {
        for (size_t k = 0; k < i; k++)
            if (same_column(opt->maps[k].column, opt->maps[i].column))
                return htx_fail(err, HTX_ERR_INVALID, MSG_IMPORT_MAP_TWICE, NULL, opt->maps[i].column, NULL);
        if (used[i])
            continue;
        char columns[HTX_ERROR_ARG_MAX];
        header_list(f, columns, sizeof columns);
        return htx_fail(err, HTX_ERR_INVALID, MSG_IMPORT_MAP_NO_COLUMN, NULL, opt->maps[i].column, columns);
    }
    return HTX_OK;
}

static htx_status map_header(htx_import_file *f, const htx_csv_row *header,
                             const htx_import_options *opt, htx_error *err)
{
    f->columns = calloc(header->count, sizeof *f->columns);
    bool *used = calloc(opt->map_count + 1, sizeof *used);
    if (!f->columns || !used) {
        free(used);
        return htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
    }
    htx_status st = map_columns(f, header, opt, used, err);
    if (st == HTX_OK)
        st = check_maps(f, opt, used, err);
    free(used);
    return st;
}

static htx_status map_columns(htx_import_file *f, const htx_csv_row *header, const htx_import_options *opt,
                              bool *used, htx_error *err)
{
    f->column_count = header->count;
    for (size_t i = 0; i < header->count; i++) {
        htx_import_column *col = &f->columns[i];
        col->header = trimmed_copy(header->fields[i]);
        if (!col->header)
            return htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
        const char *bad = NULL;
        int field = -1;
        int mapped = mapped_field(opt, col->header, &field, &bad, used);
        if (mapped < 0)
            return htx_fail(err, HTX_ERR_INVALID, MSG_UNKNOWN_FIELD, NULL, bad, NULL);
        if (mapped == 0 && col->header[0]) {
            const htx_field_def *def = htx_field_find(col->header);
            field = def ? (int)def->id : -1;
        }
        col->field = field;
        for (size_t k = 0; k < i && field >= 0; k++)
            if (f->columns[k].field == field)
                return htx_fail(err, HTX_ERR_INVALID, MSG_IMPORT_COLUMN_TWICE, NULL,
                                f->columns[k].header, col->header);
    }
    for (size_t i = 0; i < f->column_count; i++)
        if (f->columns[i].field == HTX_F_CODE)
            return HTX_OK;
    char columns[HTX_ERROR_ARG_MAX];
    header_list(f, columns, sizeof columns);
    return htx_fail(err, HTX_ERR_INVALID, MSG_IMPORT_NO_CODE, NULL, columns, NULL);
}

htx_status htx_import_open(const char *path, const htx_import_options *opt, htx_import_file **out,
                           htx_error *err)
{
    *out = NULL;
    htx_import_file *f = calloc(1, sizeof *f);
    if (!f)
        return htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
    f->detected = opt->encoding == HTX_ENC_AUTO;
    htx_status st = read_text(path, opt->encoding, &f->text, &f->len, &f->encoding, err);
    if (st == HTX_OK) {
        f->separator = htx_csv_detect_separator(f->text, f->len);
        htx_csv_reader r;
        htx_csv_reader_init(&r, f->text, f->len, f->separator);
        htx_csv_row header = {0};
        st = htx_csv_next(&r, &header, err);
        if (st == HTX_ERR_NOT_FOUND)
            st = htx_fail(err, HTX_ERR_INVALID, MSG_IMPORT_EMPTY, NULL, NULL, NULL);
        if (st == HTX_OK)
            st = map_header(f, &header, opt, err);
        f->data_start = r.pos;
        f->data_line = r.line;
        htx_csv_row_free(&header);
    }
    if (st != HTX_OK) {
        htx_import_close(f);
        return st;
    }
    *out = f;
    return HTX_OK;
}

void htx_import_close(htx_import_file *f)
{
    if (!f)
        return;
    for (size_t i = 0; i < f->column_count; i++)
        free(f->columns[i].header);
    free(f->columns);
    free(f->text);
    free(f);
}

/* ---- problems ------------------------------------------------------------ */

static bool add_problem(htx_import_result *r, long line, bool in_memberships, const htx_error *e)
{
    if (r->problem_count == r->problem_cap) {
        size_t cap = r->problem_cap ? r->problem_cap * 2 : 16;
        htx_import_problem *grown = realloc(r->problems, cap * sizeof *grown);
        if (!grown)
            return false;
        r->problems = grown;
        r->problem_cap = cap;
    }
    r->problems[r->problem_count++] = (htx_import_problem){line, in_memberships, *e};
    return true;
}

void htx_import_result_free(htx_import_result *r)
{
    free(r->problems);
    memset(r, 0, sizeof *r);
}

/* ---- codes seen in the file ------------------------------------------------ */

typedef struct code_slot {
    char code[HTX_CODE_SIZE];
    long line;
} code_slot;

typedef struct code_set {
    code_slot *slots;
    size_t cap, count;
} code_set;

static uint64_t hash_code(const char *s)
{
    uint64_t h = 1469598103934665603ULL; /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return h;
}

static code_slot *code_set_slot(code_set *set, const char *code)
{
    size_t mask = set->cap - 1;
    for (size_t i = hash_code(code) & mask;; i = (i + 1) & mask)
        if (!set->slots[i].code[0] || strcmp(set->slots[i].code, code) == 0)
            return &set->slots[i];
}

/* Records code at line; returns the line it was first seen on, 0 when new,
 * -1 when out of memory. */
static long code_set_add(code_set *set, const char *code, long line)
{
    if ((set->count + 1) * 2 > set->cap) {
        code_set bigger = {calloc(set->cap ? set->cap * 2 : 1024, sizeof(code_slot)),
                           set->cap ? set->cap * 2 : 1024, 0};
        if (!bigger.slots)
            return -1;
        for (size_t i = 0; i < set->cap; i++)
            if (set->slots[i].code[0]) {
                *code_set_slot(&bigger, set->slots[i].code) = set->slots[i];
                bigger.count++;
            }
        free(set->slots);
        *set = bigger;
    }
    code_slot *slot = code_set_slot(set, code);
    if (slot->code[0])
        return slot->line;
    snprintf(slot->code, sizeof slot->code, "%s", code);
    slot->line = line;
    set->count++;
    return 0;
}

static bool code_set_has(code_set *set, const char *code)
{
    return set->cap > 0 && code_set_slot(set, code)->code[0] != '\0';
}

/* ---- rejected rows --------------------------------------------------------- */

/* The rejected rows are written through an outfile (outfile.h), which takes
 * its name only when the import commits: a refused import leaves no rejects
 * file, and an older one is replaced whole or not at all. */
typedef struct rejects {
    const char *path;
    htx_outfile file;
    FILE *out;
    bool failed;
} rejects;

static FILE *rejects_open(rejects *rj)
{
    htx_error ignored;
    return htx_outfile_open(&rj->file, rj->path, &ignored) == HTX_OK ? rj->file.file : NULL;
}

/* After the transaction: the file takes its name, or goes. */
static htx_status rejects_settle(rejects *rj, bool committed, htx_error *err)
{
    if (!rj->out)
        return HTX_OK;
    rj->out = NULL;
    if (committed)
        return htx_outfile_commit(&rj->file, err);
    htx_outfile_abandon(&rj->file);
    return HTX_OK;
}

static void rejects_write(rejects *rj, const htx_import_file *f, const htx_csv_row *row,
                          const char *reason, htx_lang lang)
{
    if (!rj->path || rj->failed)
        return;
    if (!rj->out) {
        rj->out = rejects_open(rj);
        if (!rj->out) {
            rj->failed = true;
            return;
        }
        fputs("\xEF\xBB\xBF", rj->out); /* UTF-8 with BOM: opens in Excel */
        htx_csv_field(rj->out, lang == HTX_LANG_EN ? "line" : "dòng");
        fputc(',', rj->out);
        htx_csv_field(rj->out, lang == HTX_LANG_EN ? "reason" : "lý do");
        for (size_t i = 0; i < f->column_count; i++) {
            fputc(',', rj->out);
            htx_csv_field(rj->out, f->columns[i].header);
        }
        fputs("\r\n", rj->out);
    }
    fprintf(rj->out, "%ld,", row->line);
    htx_csv_field(rj->out, reason);
    for (size_t i = 0; i < row->count; i++) {
        fputc(',', rj->out);
        htx_csv_field(rj->out, row->fields[i]);
    }
    fputs("\r\n", rj->out);
}

/* Whether every rejected row could be written. */
static htx_status rejects_check(const rejects *rj, htx_error *err)
{
    if (rj->failed || (rj->out && ferror(rj->out)))
        return htx_fail(err, HTX_ERR_IO, MSG_IO, NULL, rj->path, strerror(errno ? errno : EIO));
    return HTX_OK;
}

/* ---- one row ------------------------------------------------------------- */

typedef struct import_run {
    htx_store *store;
    const htx_import_file *file;
    const htx_import_options *opt;
    htx_import_result *result;
    code_set codes;
    rejects rejects;
    const char *user;
    bool writing; /* false once a row failed in all-or-nothing mode */
    bool file_broken; /* a quote left open: nothing can be imported */
    struct {
        char name[64];
        char code[4];
    } districts[64];
    size_t district_count;
} import_run;

/* The code a district name resolved to: a file repeats a few names many
 * thousand times, and resolving a name folds every district's name. */
static const char *known_district(const import_run *run, const char *name)
{
    for (size_t i = 0; i < run->district_count; i++)
        if (strcmp(run->districts[i].name, name) == 0)
            return run->districts[i].code;
    return NULL;
}

static void remember_district(import_run *run, const char *name, const char *code)
{
    if (run->district_count < sizeof run->districts / sizeof run->districts[0] &&
        strlen(name) < sizeof run->districts[0].name) {
        snprintf(run->districts[run->district_count].name, sizeof run->districts[0].name, "%s", name);
        snprintf(run->districts[run->district_count].code, sizeof run->districts[0].code, "%s", code);
        run->district_count++;
    }
}

/* Applies the row's cells to c; empty cells leave c's value unless clear. */
static void apply_row(import_run *run, const htx_csv_row *row, htx_coop *c, bool clear,
                      htx_report *report)
{
    const htx_import_file *f = run->file;
    for (size_t i = 0; i < f->column_count && i < row->count; i++) {
        int field = f->columns[i].field;
        const char *value = row->fields[i];
        if (field < 0 || (!value[0] && !clear) || field == HTX_F_CODE)
            continue;
        if (field == HTX_F_DISTRICT && value[0]) {
            /* The code goes through the same rule as the name would. */
            const char *code = known_district(run, value);
            int errors = report->errors;
            htx_coop_set(c, "district", code ? code : value, report);
            if (!code && report->errors == errors)
                remember_district(run, value, c->district);
            continue;
        }
        htx_coop_set(c, htx_fields[field].key, value, report);
    }
}

static const char *row_code(const htx_import_file *f, const htx_csv_row *row)
{
    for (size_t i = 0; i < f->column_count && i < row->count; i++)
        if (f->columns[i].field == HTX_F_CODE)
            return row->fields[i];
    return "";
}

/* Reports one problem and adds its text to the row's reason. */
static void row_problem(import_run *run, long line, const htx_error *e, char *reason, size_t size)
{
    if (!add_problem(run->result, line, false, e))
        run->rejects.failed = true;
    /* Every problem of the row, so that the rejects file is enough to
     * correct it in one pass. */
    size_t used = strlen(reason);
    if (used + 3 < size) {
        if (used)
            used += (size_t)snprintf(reason + used, size - used, "; ");
        htx_error_text(e, run->opt->lang, reason + used, size - used);
    }
}

/* A field refused for its value is then also reported missing by the
 * record check: one message per field is enough. */
static bool earlier_error_on_field(const htx_report *r, int index)
{
    const char *field = r->items[index].field;
    for (int i = 0; i < index && field[0]; i++)
        if (!r->is_warning[i] && strcmp(r->items[i].field, field) == 0)
            return true;
    return false;
}

/* Spreadsheets end rows with empty cells past the header's last column:
 * those are no data. */
static bool cells_empty_from(const htx_csv_row *row, size_t first)
{
    for (size_t i = first; i < row->count; i++)
        if (row->fields[i][0])
            return false;
    return true;
}

/* A failure that is not the row's fault (the store, memory) is returned
 * with err set; a row's own problems are collected and HTX_OK returned. */
static htx_status import_row(import_run *run, const htx_csv_row *row, htx_error *err)
{
    const htx_import_file *f = run->file;
    htx_import_result *result = run->result;
    char reason[1024] = "";
    char number[2][24];
    htx_error e;
    result->rows++;

    if (row->count < f->column_count || !cells_empty_from(row, f->column_count)) {
        snprintf(number[0], sizeof number[0], "%zu", row->count);
        snprintf(number[1], sizeof number[1], "%zu", f->column_count);
        htx_fail(&e, HTX_ERR_INVALID, MSG_CSV_COLUMNS, NULL, number[0], number[1]);
        row_problem(run, row->line, &e, reason, sizeof reason);
    } else {
        htx_coop *c = malloc(sizeof *c);
        htx_report *report = malloc(sizeof *report);
        if (!c || !report) {
            free(c);
            free(report);
            return htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
        }
        htx_coop_init(c);
        htx_report_init(report);
        htx_coop_set(c, "code", row_code(f, row), report);
        bool exists = false;
        if (report->errors == 0) {
            long first = code_set_add(&run->codes, c->code, row->line);
            if (first < 0) {
                free(c);
                free(report);
                return htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
            }
            if (first > 0) {
                snprintf(number[0], sizeof number[0], "%ld", first);
                htx_report_add(report, false, MSG_IMPORT_SAME_CODE, "code", c->code, number[0]);
            } else {
                htx_status st = htx_coop_load(run->store, c->code, c, &e);
                if (st == HTX_OK)
                    exists = true;
                else if (st != HTX_ERR_NOT_FOUND) {
                    free(c);
                    free(report);
                    *err = e;
                    return st;
                }
            }
        }
        bool update = exists && run->opt->on_duplicate == HTX_ON_DUPLICATE_UPDATE;
        if (exists && run->opt->on_duplicate == HTX_ON_DUPLICATE_FAIL)
            htx_report_add(report, false, MSG_IMPORT_EXISTS, "code", c->code, NULL);
        if (exists && run->opt->on_duplicate == HTX_ON_DUPLICATE_SKIP && report->errors == 0) {
            result->skipped++;
            free(c);
            free(report);
            return HTX_OK;
        }
        apply_row(run, row, c, update, report);
        htx_coop_check(c, report);
        for (int i = 0; i < report->count; i++)
            if (!report->is_warning[i] && !earlier_error_on_field(report, i))
                row_problem(run, row->line, &report->items[i], reason, sizeof reason);
        htx_status st = HTX_OK;
        if (report->errors == 0 && run->writing) {
            st = update ? htx_coop_update_in_tx(run->store, c, run->user, &e)
                        : htx_coop_insert_in_tx(run->store, c, run->user, &e);
            if (st == HTX_OK)
                update ? result->updated++ : result->inserted++;
        }
        free(c);
        free(report);
        if (st != HTX_OK) {
            *err = e;
            return st;
        }
    }
    if (reason[0]) {
        result->rejected++;
        if (run->opt->skip_invalid)
            rejects_write(&run->rejects, f, row, reason, run->opt->lang);
        else
            run->writing = false; /* nothing will be kept: only validate the rest */
    }
    return HTX_OK;
}

/* ---- memberships ---------------------------------------------------------- */

enum { M_CODE, M_CLUB, M_ROLE, M_JOINED, M_LEFT, M_COLUMNS };

static int membership_column(const char *header)
{
    static const char *const names[M_COLUMNS][3] = {
        {"code", "mã số", "mã số htx"},  {"club", "clb", "câu lạc bộ"},
        {"role", "vai trò", ""},          {"joined", "ngày tham gia", ""},
        {"left", "ngày rời", ""},
    };
    const htx_field_def *def = htx_field_find(header);
    if (def && def->id == HTX_F_CODE)
        return M_CODE;
    for (int i = 0; i < M_COLUMNS; i++)
        for (int k = 0; k < 3; k++)
            if (names[i][k][0] && strcasecmp(header, names[i][k]) == 0)
                return i;
    return -1;
}

static bool iso_date(const char *text, char out[HTX_ISO_DATE_SIZE])
{
    out[0] = '\0';
    if (!text[0])
        return true;
    htx_date d;
    if (!htx_date_parse(text, &d))
        return false;
    htx_date_iso(d, out);
    return true;
}

/* One membership row; pass 0 takes the ended memberships, pass 1 the
 * current ones, so a club's history is rebuilt in order. */
typedef struct same_membership {
    const char *club, *joined, *left;
    bool found;
} same_membership;

static int find_same(const htx_membership *m, void *ctx)
{
    same_membership *want = ctx;
    if (strcmp(m->club, want->club) == 0 && strcmp(m->joined, want->joined) == 0 &&
        strcmp(m->left, want->left) == 0) {
        want->found = true;
        return 1;
    }
    return 0;
}

/* Whether the cooperative already has this very membership: importing an
 * export again (with skip or update) must not add its history twice. */
static htx_status already_recorded(import_run *run, int64_t coop_id, const char *club, const char *joined,
                                   const char *left, bool *found, htx_error *err)
{
    same_membership want = {club, joined, left, false};
    htx_status st = htx_membership_each(run->store, coop_id, find_same, &want, err);
    *found = want.found;
    return st;
}

/* A failure that is not the row's fault is returned with err set. */
static htx_status import_membership(import_run *run, const htx_csv_row *row, const int *cols,
                                    size_t column_count, int pass, htx_error *err)
{
    htx_error e;
    const char *cell[M_COLUMNS];
    for (int i = 0; i < M_COLUMNS; i++)
        cell[i] = cols[i] >= 0 && (size_t)cols[i] < row->count ? row->fields[cols[i]] : "";
    if ((pass == 0) != (cell[M_LEFT][0] != '\0'))
        return HTX_OK;
    if (row->count != column_count) {
        char number[2][24];
        snprintf(number[0], sizeof number[0], "%zu", row->count);
        snprintf(number[1], sizeof number[1], "%zu", column_count);
        htx_fail(&e, HTX_ERR_INVALID, MSG_CSV_COLUMNS, NULL, number[0], number[1]);
        return add_problem(run->result, row->line, true, &e) ? HTX_OK : HTX_ERR_NOMEM;
    }
    htx_coop *c = calloc(1, sizeof *c);
    if (!c)
        return htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
    htx_status st = htx_coop_load(run->store, cell[M_CODE], c, &e);
    int64_t coop_id = c->id;
    free(c);
    const htx_club *club = htx_club_find(cell[M_CLUB]);
    int role = cell[M_ROLE][0] ? htx_role_parse(cell[M_ROLE]) : HTX_ROLE_MEMBER;
    char joined[HTX_ISO_DATE_SIZE], left[HTX_ISO_DATE_SIZE];
    /* A code of the register file whose row was not written (the import
     * is refused anyway): check the rest of the row, write nothing. */
    bool in_file_only = st == HTX_ERR_NOT_FOUND && !run->writing && code_set_has(&run->codes, cell[M_CODE]);
    if (in_file_only)
        st = HTX_OK;
    if (st == HTX_ERR_NOT_FOUND) {
        htx_fail(&e, HTX_ERR_INVALID, MSG_COOP_NOT_FOUND, "code", cell[M_CODE], NULL);
    } else if (st != HTX_OK) {
        *err = e;
        return st;
    }
    else if (!club)
        st = htx_fail(&e, HTX_ERR_INVALID, MSG_UNKNOWN_CLUB, NULL, cell[M_CLUB], NULL);
    else if (role < 0)
        st = htx_fail(&e, HTX_ERR_INVALID, MSG_UNKNOWN_ROLE, NULL, cell[M_ROLE], NULL);
    else if (!iso_date(cell[M_JOINED], joined))
        st = htx_fail(&e, HTX_ERR_INVALID, MSG_IMPORT_BAD_DATE, NULL, cell[M_JOINED], NULL);
    else if (!iso_date(cell[M_LEFT], left))
        st = htx_fail(&e, HTX_ERR_INVALID, MSG_IMPORT_BAD_DATE, NULL, cell[M_LEFT], NULL);
    bool recorded = false;
    if (st == HTX_OK && run->writing)
        st = already_recorded(run, coop_id, club->code, joined, left, &recorded, &e);
    if (st == HTX_OK && run->writing && !recorded) {
        st = htx_membership_add_in_tx(run->store, coop_id, club->code, (htx_role)role, joined,
                                      run->user, &e);
        if (st == HTX_OK && left[0])
            st = htx_membership_end_in_tx(run->store, coop_id, club->code, left, run->user, &e);
        if (st == HTX_OK)
            run->result->memberships++;
    }
    if (st == HTX_OK)
        return HTX_OK;
    if (st != HTX_ERR_INVALID && st != HTX_ERR_NOT_FOUND && st != HTX_ERR_DUPLICATE) {
        *err = e;
        return st;
    }
    run->writing = false;
    return add_problem(run->result, row->line, true, &e) ? HTX_OK : HTX_ERR_NOMEM;
}

static htx_status import_memberships(import_run *run, htx_error *err)
{
    char *text;
    size_t len;
    htx_status st = read_text(run->opt->memberships_path, HTX_ENC_AUTO, &text, &len, NULL, err);
    if (st != HTX_OK)
        return st;
    char separator = htx_csv_detect_separator(text, len);
    htx_csv_row row = {0};
    int cols[M_COLUMNS] = {-1, -1, -1, -1, -1};
    size_t column_count = 0;
    for (int pass = 0; pass < 2 && st == HTX_OK; pass++) {
        htx_csv_reader r;
        htx_csv_reader_init(&r, text, len, separator);
        st = htx_csv_next(&r, &row, err);
        if (st == HTX_ERR_NOT_FOUND) {
            st = HTX_OK;
            break;
        }
        column_count = row.count;
        for (size_t i = 0; i < row.count && st == HTX_OK; i++) {
            char *header = trimmed_copy(row.fields[i]);
            int which = header ? membership_column(header) : -1;
            if (which >= 0)
                cols[which] = (int)i;
            free(header);
        }
        if (cols[M_CODE] < 0 || cols[M_CLUB] < 0) {
            char columns[HTX_ERROR_ARG_MAX] = "";
            size_t n = 0;
            for (size_t i = 0; i < row.count && n < sizeof columns; i++)
                n += (size_t)snprintf(columns + n, sizeof columns - n, "%s\"%s\"", i ? ", " : "", row.fields[i]);
            st = htx_fail(err, HTX_ERR_INVALID, MSG_IMPORT_NO_CODE, NULL, columns, NULL);
            break;
        }
        while (st == HTX_OK && (st = htx_csv_next(&r, &row, err)) == HTX_OK)
            st = import_membership(run, &row, cols, column_count, pass, err);
        if (st == HTX_ERR_NOT_FOUND)
            st = HTX_OK;
        else if (st == HTX_ERR_INVALID) { /* a quote left open */
            add_problem(run->result, r.line, true, err);
            run->writing = false;
            st = HTX_OK;
            break;
        }
    }
    htx_csv_row_free(&row);
    free(text);
    return st;
}

/* ---- the run --------------------------------------------------------------- */

static htx_status import_rows(import_run *run, htx_error *err)
{
    const htx_import_file *f = run->file;
    htx_csv_reader r;
    htx_csv_reader_init(&r, f->text, f->len, f->separator);
    r.pos = f->data_start;
    r.line = f->data_line;
    htx_csv_row row = {0};
    htx_status st;
    long count = 0;
    while ((st = htx_csv_next(&r, &row, err)) == HTX_OK) {
        st = import_row(run, &row, err);
        if (st != HTX_OK)
            break;
        if (run->opt->progress && ++count % 1000 == 0)
            run->opt->progress(run->opt->progress_ctx, r.pos, f->len);
    }
    htx_csv_row_free(&row);
    if (st == HTX_ERR_INVALID) {
        /* A quote left open: the rest of the file is one broken field. */
        htx_error e = *err;
        long line = 0;
        sscanf(e.arg[0], "%ld", &line);
        if (!add_problem(run->result, line, false, &e))
            return htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
        run->result->rejected++;
        /* Even with skip_invalid: every row after the quote is lost inside
         * the broken field, and importing the rows before it alone would
         * pass a truncated file off as done. */
        run->writing = false;
        run->file_broken = true;
        st = HTX_ERR_NOT_FOUND;
    }
    if (st != HTX_ERR_NOT_FOUND)
        return st;
    if (run->opt->progress)
        run->opt->progress(run->opt->progress_ctx, f->len, f->len);
    return HTX_OK;
}

static htx_status import_in_tx(import_run *run, htx_error *err)
{
    htx_store *s = run->store;
    const htx_import_options *opt = run->opt;
    htx_import_result *result = run->result;
    htx_status st = htx_store_begin(s, err);
    if (st != HTX_OK)
        return st;
    int64_t last_id = 0;
    st = htx_schema_bulk_begin(s, &last_id, err);
    if (st == HTX_OK)
        st = import_rows(run, err);
    if (st == HTX_OK)
        st = htx_schema_bulk_end(s, last_id, err);
    if (st == HTX_OK && opt->memberships_path)
        st = import_memberships(run, err);
    free(run->codes.slots);
    if (st == HTX_OK)
        st = rejects_check(&run->rejects, err);

    bool invalid = result->problem_count > 0 && (!opt->skip_invalid || !run->writing || run->file_broken);
    if (st == HTX_OK && invalid)
        st = htx_fail(err, HTX_ERR_INVALID, MSG_NONE, NULL, NULL, NULL);
    if (st == HTX_OK && !opt->dry_run) {
        st = htx_store_commit(s, err);
        result->committed = st == HTX_OK;
    }
    if (!result->committed)
        htx_store_rollback(s);
    htx_status settled = rejects_settle(&run->rejects, result->committed, st == HTX_OK ? err : NULL);
    return st != HTX_OK ? st : settled;
}

htx_status htx_import_run(htx_store *s, const htx_import_file *f, const htx_import_options *opt,
                          htx_import_result *result, htx_error *err)
{
    memset(result, 0, sizeof *result);
    import_run run = {
        .store = s,
        .file = f,
        .opt = opt,
        .result = result,
        .user = opt->user ? opt->user : "htx",
        .writing = true,
        .rejects = {.path = opt->skip_invalid && !opt->dry_run ? opt->rejects_path : NULL},
    };
    /* A large import touches many pages of the indexes, and every insert
     * fires triggers that keep a statement journal: with SQLite's small
     * default cache and journals in temporary files, pages would be written
     * out and read back again and again before the commit. */
    htx_store_exec(s, "PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY", NULL);
    htx_status st = import_in_tx(&run, err);
    /* Back to SQLite's default so that a long-lived screen does not keep the
     * import's cache. */
    htx_store_exec(s, "PRAGMA cache_size = -2000", NULL);
    return st;
}
