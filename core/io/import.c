/*
 * The import run (import.h): every row checked by core's rules and written
 * in one transaction, all or nothing or with the invalid rows set aside.
 *
 * Why the run has two phases.  Reading, decoding and checking a large file
 * takes most of an import's time (some 150,000 rows took 8 s), and a
 * transaction held that long made a colleague's save fail after its busy
 * timeout (5 s, connection.c) with "the database is busy".  So the write
 * lock is taken only when everything that can be done without it is done:
 *
 *   1. check (no lock): every row is read from the stream, checked, and the
 *      rows to write go to a spool (import_spool.c) with what their insert
 *      computes ahead (the name's sort key and plain form, the change-log
 *      entry: registry.h, htx_coop_prepare_insert).  A refused import (or a
 *      dry run) ends here, having taken no lock at all.
 *   2. write (BEGIN IMMEDIATE ... COMMIT): the spooled rows are inserted or
 *      updated, the search index and the district counts caught up
 *      (bulk_load.h), the memberships imported, and the transaction
 *      committed.  This is the only time the lock is held: for 150,000
 *      rows a fraction of the import, and below the savers' busy timeout,
 *      so that a save waits for it and then goes through.
 *
 * All or nothing holds as before: nothing is written until phase 2, and
 * phase 2 is one transaction.  What a colleague may change between the two
 * phases is caught in phase 2 by the store itself: a code registered
 * meanwhile fails the code's unique index, a record saved meanwhile fails
 * the version check of htx_coop_update_in_tx.  Such a row is a problem of
 * its line like any other (in the rejects file with skip_invalid; else
 * the whole import is refused and rolled back).
 */
#include "import_internal.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "csv_read.h"
#include "fold.h"
#include "registry.h"
#include "bulk_load.h"

/* ---- one row ------------------------------------------------------------- */

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

/* The district an address names in one of its parts ("Xã Đa Tốn, huyện
 * Gia Lâm"), set into c when that part is one district's name. */
static bool district_of_address(htx_coop *c)
{
    static const char *const prefixes[] = {"quan ", "huyen ", "thi xa "};
    htx_report *scratch = malloc(sizeof *scratch);
    char *address = strdup(c->address);
    bool found = false;
    char *rest = NULL;
    for (char *part = address ? strtok_r(address, ",;", &rest) : NULL; scratch && part && !found;
         part = strtok_r(NULL, ",;", &rest)) {
        char *plain = htx_fold_plain(part), *start = plain;
        while (start && *start == ' ')
            start++;
        for (size_t i = 0; start && i < sizeof prefixes / sizeof prefixes[0] && !found; i++) {
            if (strncmp(start, prefixes[i], strlen(prefixes[i])) != 0)
                continue;
            htx_report_init(scratch);
            found = htx_coop_set(c, "district", part, scratch) == HTX_OK;
        }
        free(plain);
    }
    free(address);
    free(scratch);
    return found;
}

/* A row that names no district takes the one given, or its address's. */
static void district_for_row(import_run *run, htx_coop *c, htx_report *report)
{
    if (run->opt->district) {
        if (htx_coop_set(c, "district", run->opt->district, report) == HTX_OK)
            run->result->district_given++;
    } else if (c->address[0] && district_of_address(c)) {
        run->result->district_from_address++;
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
    if (!imp_add_problem(run->result, line, false, e))
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

/* A row checked and found good waits in the spool for the write phase
 * (nothing to keep for a dry run but the count). */
static htx_status spool_row(import_run *run, const htx_csv_row *row, const htx_coop *c, bool update,
                            htx_error *err)
{
    htx_status st = HTX_OK;
    if (!run->opt->dry_run) {
        const htx_csv_row *as_read = run->rejects.path ? row : NULL;
        if (update) {
            st = imp_spool_put(&run->spool, row->line, SPOOL_UPDATE, c, NULL, as_read, err);
        } else {
            htx_coop_prepared p;
            st = htx_coop_prepare_insert(c, &p, err);
            if (st == HTX_OK)
                st = imp_spool_put(&run->spool, row->line, SPOOL_INSERT, c, &p, as_read, err);
            htx_coop_prepared_free(&p);
        }
    }
    if (st == HTX_OK)
        update ? run->to_update++ : run->to_insert++;
    return st;
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

    /* A sheet's row ends at its last cell with a value: fewer cells are
     * empty ones, not missing columns. */
    bool short_row = row->count < f->column_count && f->workbook == HTX_WORKBOOK_NONE;
    if (short_row || !cells_empty_from(row, f->column_count)) {
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
            long first = imp_code_set_add(&run->codes, c->code, row->line);
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
        if (!c->district[0])
            district_for_row(run, c, report);
        htx_coop_check(c, report);
        for (int i = 0; i < report->count; i++)
            if (!report->is_warning[i] && !earlier_error_on_field(report, i))
                row_problem(run, row->line, &report->items[i], reason, sizeof reason);
        htx_status st = HTX_OK;
        if (report->errors == 0 && run->writing)
            st = spool_row(run, row, c, update, &e);
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
            imp_rejects_write(&run->rejects, row, reason, run->opt->lang);
        else
            run->writing = false; /* nothing will be kept: only validate the rest */
    }
    return HTX_OK;
}

/* ---- one row as the preview shows it ------------------------------------------ */

htx_status htx_import_convert_row(const htx_import_file *f, const htx_import_options *opt, const htx_csv_row *row,
                                  htx_coop *c, htx_report *report, htx_district_source *from)
{
    htx_import_result counts = {0};
    import_run run = {.file = f, .opt = opt, .result = &counts};
    htx_coop_init(c);
    htx_report_init(report);
    htx_coop_set(c, "code", row_code(f, row), report);
    apply_row(&run, row, c, false, report);
    *from = HTX_DISTRICT_OWN;
    if (!c->district[0]) {
        district_for_row(&run, c, report);
        *from = counts.district_given ? HTX_DISTRICT_GIVEN
                : counts.district_from_address ? HTX_DISTRICT_FROM_ADDRESS : HTX_DISTRICT_OWN;
    }
    htx_coop_check(c, report);
    return report->errors ? HTX_ERR_INVALID : HTX_OK;
}

/* ---- the run --------------------------------------------------------------- */

/* How far the work is, in thousandths: reading and checking the file is
 * most of it, writing the rest. */
enum { PROGRESS_TOTAL = 1000, PROGRESS_CHECKED = 700 };

static void progress(const import_run *run, size_t done)
{
    if (run->opt->progress)
        run->opt->progress(run->opt->progress_ctx, done < PROGRESS_TOTAL ? done : PROGRESS_TOTAL,
                           PROGRESS_TOTAL);
}

/* Phase 1: every row read and checked; the good ones spooled. */
static htx_status check_rows(import_run *run, htx_error *err)
{
    const htx_import_file *f = run->file;
    htx_import_rows *rows;
    htx_status st = htx_import_rows_open(f, &rows, err);
    if (st != HTX_OK)
        return st;
    htx_csv_row row = {0};
    long count = 0;
    while ((st = htx_import_rows_next(rows, &row, err)) == HTX_OK) {
        st = import_row(run, &row, err);
        if (st != HTX_OK)
            break;
        if (++count % 1000 == 0 && f->len)
            progress(run, (size_t)((double)htx_import_rows_bytes_read(rows) / (double)f->len * PROGRESS_CHECKED));
    }
    htx_csv_row_free(&row);
    htx_import_rows_close(rows);
    if (st == HTX_ERR_INVALID) {
        /* A quote left open, bad bytes, a line too long: the rest of the
         * file cannot be read. */
        htx_error e = *err;
        if (!imp_add_problem(run->result, imp_error_line(&e), false, &e))
            return htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
        run->result->rejected++;
        /* Even with skip_invalid: every row after it is lost, and importing
         * the rows before it alone would pass a truncated file off as done. */
        run->writing = false;
        run->file_broken = true;
        st = HTX_ERR_NOT_FOUND;
    }
    if (st != HTX_ERR_NOT_FOUND)
        return st;
    progress(run, PROGRESS_CHECKED);
    return HTX_OK;
}

/* A spooled row that the store refuses because of what a colleague saved
 * since it was checked: a problem of its line.  HTX_OK when the row is only
 * set aside; st (the store's failure) otherwise. */
static htx_status row_changed_meanwhile(import_run *run, const spool_entry *e, const htx_coop *c,
                                        htx_status st, const htx_error *why)
{
    bool insert = e->action == SPOOL_INSERT;
    if (insert && st == HTX_ERR_DUPLICATE && run->opt->on_duplicate == HTX_ON_DUPLICATE_SKIP) {
        run->result->skipped++; /* registered meanwhile: kept as stored */
        return HTX_OK;
    }
    if (!(insert && st == HTX_ERR_DUPLICATE) && !(!insert && (st == HTX_ERR_CONFLICT || st == HTX_ERR_NOT_FOUND)))
        return st;
    (void)why;
    htx_error problem;
    if (insert && run->opt->on_duplicate == HTX_ON_DUPLICATE_FAIL)
        htx_fail(&problem, HTX_ERR_INVALID, MSG_IMPORT_EXISTS, "code", c->code, NULL);
    else
        htx_fail(&problem, HTX_ERR_INVALID, MSG_IMPORT_SAVED_MEANWHILE, "code", c->code, NULL);
    if (!imp_add_problem(run->result, e->line, false, &problem))
        return HTX_ERR_NOMEM;
    run->result->rejected++;
    if (run->opt->skip_invalid && e->row) {
        char reason[1024];
        htx_error_text(&problem, run->opt->lang, reason, sizeof reason);
        imp_rejects_write(&run->rejects, e->row, reason, run->opt->lang);
    } else {
        run->writing = false; /* nothing will be kept */
    }
    return HTX_OK;
}

/* Phase 2, inside the transaction: the spooled rows into the store. */
static htx_status write_rows(import_run *run, htx_error *err)
{
    htx_status st = imp_spool_rewind(&run->spool, err);
    htx_coop *c = malloc(sizeof *c);
    if (!c)
        return htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
    htx_csv_row as_read = {0};
    spool_entry e;
    long done = 0, total = run->spool.count;
    while (st == HTX_OK && run->writing &&
           (st = imp_spool_get(&run->spool, &e, c, &as_read, err)) == HTX_OK) {
        htx_error why;
        htx_status written = e.action == SPOOL_INSERT
                                 ? htx_coop_insert_prepared_in_tx(run->store, c, &e.prepared, run->user, &why)
                                 : htx_coop_update_in_tx(run->store, c, run->user, &why);
        if (written == HTX_OK) {
            e.action == SPOOL_INSERT ? run->result->inserted++ : run->result->updated++;
        } else {
            st = row_changed_meanwhile(run, &e, c, written, &why);
            if (st == HTX_ERR_NOMEM)
                htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
            else if (st != HTX_OK)
                *err = why;
        }
        if (++done % 1000 == 0)
            progress(run, PROGRESS_CHECKED + (size_t)(done * (PROGRESS_TOTAL - PROGRESS_CHECKED) / (total ? total : 1)));
    }
    if (st == HTX_ERR_NOT_FOUND)
        st = HTX_OK;
    htx_csv_row_free(&as_read);
    free(c);
    return st;
}

static double seconds_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Whether what was found so far refuses the import (nothing is written). */
static bool refused(const import_run *run)
{
    const htx_import_result *result = run->result;
    return result->problem_count > 0 && (!run->opt->skip_invalid || !run->writing || run->file_broken);
}

static htx_status import_all(import_run *run, htx_error *err)
{
    htx_store *s = run->store;
    const htx_import_options *opt = run->opt;
    htx_import_result *result = run->result;
    htx_status st = opt->dry_run ? HTX_OK : imp_spool_open(&run->spool, err);
    if (st == HTX_OK)
        st = htx_bulk_check_begin(s, err);
    if (st == HTX_OK) {
        st = check_rows(run, err);
        htx_bulk_check_end(s);
    }

    if (st == HTX_OK && (opt->dry_run || refused(run))) {
        /* Nothing will be written: the memberships are only checked, and
         * no lock is taken at all. */
        if (opt->memberships_path)
            st = imp_import_memberships(run, err);
        if (opt->dry_run) {
            result->inserted = run->to_insert;
            result->updated = run->to_update;
        }
    } else if (st == HTX_OK) {
        /* The codes of the file are in the store from now on. */
        imp_code_set_free(&run->codes);
        htx_bulk_load load;
        double locked = seconds_now();
        st = htx_bulk_load_begin(s, &load, run->spool.count, err);
        if (st == HTX_OK) {
            run->in_tx = true;
            st = write_rows(run, err);
            if (st == HTX_OK && run->writing)
                st = htx_bulk_load_index(s, &load, err);
            if (st == HTX_OK && opt->memberships_path)
                st = imp_import_memberships(run, err);
            if (st == HTX_OK)
                st = imp_rejects_check(&run->rejects, err);
            if (st == HTX_OK && refused(run))
                st = htx_fail(err, HTX_ERR_INVALID, MSG_NONE, NULL, NULL, NULL);
            if (st == HTX_OK) {
                st = htx_store_commit(s, err);
                result->committed = st == HTX_OK;
            }
            if (!result->committed)
                htx_store_rollback(s);
            result->write_seconds = seconds_now() - locked;
            run->in_tx = false;
            htx_bulk_load_end(s, &load);
        }
    }
    if (st == HTX_OK)
        st = imp_rejects_check(&run->rejects, err);
    if (st == HTX_OK && refused(run))
        st = htx_fail(err, HTX_ERR_INVALID, MSG_NONE, NULL, NULL, NULL);
    if (st == HTX_OK)
        progress(run, PROGRESS_TOTAL);
    imp_code_set_free(&run->codes);
    imp_spool_close(&run->spool);
    htx_status settled = imp_rejects_settle(&run->rejects, result->committed, st == HTX_OK ? err : NULL);
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
        .rejects = {.path = opt->skip_invalid && !opt->dry_run ? opt->rejects_path : NULL, .source = f},
    };
    return import_all(&run, err);
}
