/*
 * The memberships file that goes with a register (code, club, role, joined,
 * left), imported in the register's transaction.
 */
#include "import_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "csv_read.h"
#include "date.h"
#include "membership.h"
#include "refdata.h"
#include "registry.h"

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
        return imp_add_problem(run->result, row->line, true, &e) ? HTX_OK : HTX_ERR_NOMEM;
    }
    htx_coop *c = calloc(1, sizeof *c);
    if (!c)
        return htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
    htx_status st = htx_coop_load(run->store, cell[M_CODE], c, &e);
    int64_t coop_id = c->id;
    free(c);
    size_t club_index = 0, role = HTX_ROLE_MEMBER;
    htx_error club_error, role_error;
    htx_status club_found = htx_choice_find(HTX_CHOOSE_CLUB, cell[M_CLUB], NULL, &club_index, &club_error);
    htx_status role_found = cell[M_ROLE][0]
                                ? htx_choice_find(HTX_CHOOSE_ROLE, cell[M_ROLE], NULL, &role, &role_error)
                                : HTX_OK;
    const htx_club *club = club_found == HTX_OK ? &HTX_CLUBS[club_index] : NULL;
    char joined[HTX_ISO_DATE_SIZE], left[HTX_ISO_DATE_SIZE];
    /* A code of the register file whose row was not written (the import
     * is refused anyway): check the rest of the row, write nothing. */
    bool writing = run->in_tx && run->writing;
    bool in_file_only = st == HTX_ERR_NOT_FOUND && !writing && imp_code_set_has(&run->codes, cell[M_CODE]);
    if (in_file_only)
        st = HTX_OK;
    if (st == HTX_ERR_NOT_FOUND) {
        htx_fail(&e, HTX_ERR_INVALID, MSG_COOP_NOT_FOUND, "code", cell[M_CODE], NULL);
    } else if (st != HTX_OK) {
        *err = e;
        return st;
    }
    else if (club_found != HTX_OK)
        e = club_error, st = club_found;
    else if (role_found != HTX_OK)
        e = role_error, st = role_found;
    else if (!iso_date(cell[M_JOINED], joined))
        st = htx_fail(&e, HTX_ERR_INVALID, MSG_IMPORT_BAD_DATE, NULL, cell[M_JOINED], NULL);
    else if (!iso_date(cell[M_LEFT], left))
        st = htx_fail(&e, HTX_ERR_INVALID, MSG_IMPORT_BAD_DATE, NULL, cell[M_LEFT], NULL);
    bool recorded = false;
    if (st == HTX_OK && writing)
        st = already_recorded(run, coop_id, club->code, joined, left, &recorded, &e);
    if (st == HTX_OK && writing && !recorded) {
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
    return imp_add_problem(run->result, row->line, true, &e) ? HTX_OK : HTX_ERR_NOMEM;
}

/* One pass over the file: its header, then every row of the pass. */
static htx_status membership_pass(import_run *run, int fd, const char *path, int pass, htx_error *err)
{
    imp_stream *rows;
    htx_status st = imp_stream_open(fd, path, HTX_ENC_AUTO, 0, &rows, NULL, NULL, err);
    if (st != HTX_OK)
        return st;
    htx_csv_row row = {0};
    int cols[M_COLUMNS] = {-1, -1, -1, -1, -1};
    size_t column_count = 0;
    st = imp_stream_next(rows, &row, err);
    bool empty = st == HTX_ERR_NOT_FOUND; /* no memberships: no more passes */
    if (st == HTX_OK) {
        column_count = row.count;
        for (size_t i = 0; i < row.count; i++) {
            char *header = imp_trimmed_copy(row.fields[i]);
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
        }
    }
    while (st == HTX_OK && (st = imp_stream_next(rows, &row, err)) == HTX_OK)
        st = import_membership(run, &row, cols, column_count, pass, err);
    if (st == HTX_ERR_NOT_FOUND && !empty) {
        st = HTX_OK; /* the end of this pass */
    } else if (st == HTX_ERR_INVALID && err->msg != MSG_IMPORT_NO_CODE) {
        /* A quote left open, bad bytes, a line too long: no more passes. */
        if (!imp_add_problem(run->result, imp_error_line(err), true, err))
            st = htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
        else
            st = HTX_ERR_NOT_FOUND;
        run->writing = false;
    }
    htx_csv_row_free(&row);
    htx_import_rows_close(rows);
    return st;
}

htx_status imp_import_memberships(import_run *run, htx_error *err)
{
    const char *path = run->opt->memberships_path;
    int fd;
    size_t size;
    htx_status st = imp_file_open(path, &fd, &size, err);
    for (int pass = 0; pass < 2 && st == HTX_OK; pass++)
        st = membership_pass(run, fd, path, pass, err);
    if (fd >= 0)
        close(fd);
    return st == HTX_ERR_NOT_FOUND ? HTX_OK : st;
}
