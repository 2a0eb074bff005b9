/*
 * Opening a file to import: options, the file, its encoding and separator
 * (import_stream.c), and the header mapped to fields (import.h).
 */
#include "import_internal.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "csv_read.h"
#include "fold.h"

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

void htx_import_file_rejects_path(const htx_import_file *f, const char *path, char *out, size_t size)
{
    const char *slash = strrchr(path, '/');
    const char *dot = strrchr(path, '.');
    bool ending = dot && (!slash || dot > slash + 1) && dot[1];
    char suffix[48];
    if (f->workbook != HTX_WORKBOOK_NONE || !ending || strlen(dot) > 16)
        snprintf(suffix, sizeof suffix, ".rejected.%s", f->workbook != HTX_WORKBOOK_NONE ? "xlsx" : "csv");
    else
        snprintf(suffix, sizeof suffix, ".rejected%s", dot);
    sibling_path(path, suffix, out, size);
}

void htx_import_memberships_path(const char *path, char *out, size_t size)
{
    sibling_path(path, ".memberships.csv", out, size);
}

/* ---- the header ---------------------------------------------------------- */

char *imp_trimmed_copy(const char *s)
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
    char *ta = imp_trimmed_copy(a), *tb = imp_trimmed_copy(b);
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

/* The header's columns, quoted, for a message: what was actually read. */
static void header_list(const htx_import_file *f, char *out, size_t size)
{
    size_t n = 0;
    out[0] = '\0';
    for (size_t c = 0; c < f->column_count && n < size; c++)
        n += (size_t)snprintf(out + n, size - n, "%s\"%s\"", c ? ", " : "", f->columns[c].header);
}

/* The column offices number their rows in (STT, TT, Số TT): not data. */
static bool numbering_column(const char *header)
{
    static const char *const names[] = {"stt", "tt", "so tt", "so thu tu", "thu tu"};
    char *words = htx_fold_words(header);
    bool numbering = false;
    for (size_t i = 0; words && i < sizeof names / sizeof names[0]; i++)
        numbering |= strcmp(words, names[i]) == 0;
    free(words);
    return numbering;
}

/* The field a header names by itself (not by --map): -1 for none. */
static int header_field(const char *header)
{
    const htx_field_def *def = header[0] ? htx_field_find(header) : NULL;
    return def ? (int)def->id : -1;
}

static htx_status map_columns(htx_import_file *f, const htx_csv_row *header, const htx_import_options *opt,
                              bool *used, htx_error *err)
{
    f->column_count = header->count;
    for (size_t i = 0; i < header->count; i++) {
        htx_import_column *col = &f->columns[i];
        col->header = imp_trimmed_copy(header->fields[i]);
        if (!col->header)
            return htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
        const char *bad = NULL;
        int field = -1;
        int mapped = mapped_field(opt, col->header, &field, &bad, used);
        if (mapped < 0)
            return htx_fail(err, HTX_ERR_INVALID, MSG_UNKNOWN_FIELD, NULL, bad, NULL);
        if (mapped == 0) {
            col->numbering = numbering_column(col->header);
            field = col->numbering ? -1 : header_field(col->header);
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

/* Whether a row is a header: most of its cells (the numbering column
 * aside) name fields, by themselves or by --map, and at least two do. */
static bool looks_like_header(const htx_csv_row *row, const htx_import_options *opt)
{
    int named = 0, cells = 0;
    bool *used = calloc(opt->map_count + 1, sizeof *used);
    for (size_t i = 0; used && i < row->count; i++) {
        char *cell = imp_trimmed_copy(row->fields[i]);
        if (cell && cell[0] && !numbering_column(cell)) {
            cells++;
            int field = -1;
            const char *bad = NULL;
            int mapped = mapped_field(opt, cell, &field, &bad, used);
            named += mapped != 0 || header_field(cell) >= 0;
        }
        free(cell);
    }
    free(used);
    return named >= 2 && 2 * named >= cells;
}

static htx_status copy_row(htx_csv_row *to, const htx_csv_row *from, htx_error *err)
{
    htx_csv_row_start(to, from->line);
    for (size_t i = 0; i < from->count; i++)
        if (!htx_csv_row_add(to, from->fields[i], strlen(from->fields[i])))
            return htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
    htx_csv_row_finish(to);
    return HTX_OK;
}

/* The header: the row opt->header_row names (the first non-blank one from
 * it), else the first of the first rows that looks like one, else the
 * first row (whose columns then say what is missing). */
static htx_status find_header(imp_stream *rows, const htx_import_options *opt, htx_import_file *f,
                              htx_csv_row *header, htx_error *err)
{
    htx_csv_row row = {0};
    htx_status st;
    long seen = 0;
    bool found = false;
    while (!found && (st = imp_stream_next(rows, &row, err)) == HTX_OK) {
        if (seen == 0 && (st = copy_row(header, &row, err)) != HTX_OK)
            break;
        if (opt->header_row > 0)
            found = row.line >= opt->header_row;
        else
            found = looks_like_header(&row, opt);
        if (found) {
            st = copy_row(header, &row, err);
            f->lines_above = seen;
        }
        seen++;
        if (!found && opt->header_row <= 0 && seen >= HTX_IMPORT_HEADER_SEARCH)
            break;
    }
    htx_csv_row_free(&row);
    if (st == HTX_ERR_NOT_FOUND && seen == 0)
        return htx_fail(err, HTX_ERR_INVALID, MSG_IMPORT_EMPTY, NULL, NULL, NULL);
    if (!found && opt->header_row > 0 && (st == HTX_OK || st == HTX_ERR_NOT_FOUND)) {
        char line[24];
        snprintf(line, sizeof line, "%ld", opt->header_row);
        return htx_fail(err, HTX_ERR_INVALID, MSG_IMPORT_NO_HEADER_ROW, NULL, line, NULL);
    }
    if (st != HTX_OK && st != HTX_ERR_NOT_FOUND)
        return st;
    f->header_line = header->line;
    return HTX_OK;
}

/* The rows of the file from its start: a workbook's sheet, recognised by
 * its first bytes, or text decoded. */
static htx_status open_rows(htx_import_file *f, const htx_import_options *opt, imp_stream **rows,
                            htx_error *err)
{
    unsigned char head[8];
    ssize_t got = pread(f->source->fd, head, sizeof head, 0);
    f->workbook = got > 0 ? htx_workbook_sniff(head, (size_t)got) : HTX_WORKBOOK_NONE;
    if (f->workbook == HTX_WORKBOOK_NONE)
        return imp_stream_open(f->source->fd, f->source->path, opt->encoding, 0, rows, &f->encoding,
                               &f->separator, err);
    htx_status st = htx_workbook_open_fd(f->source->fd, f->source->path, opt->sheet, &f->source->book, err);
    if (st != HTX_OK)
        return st;
    f->workbook = htx_workbook_kind_of(f->source->book);
    f->encoding = HTX_ENC_UTF8;
    f->detected = false;
    f->separator = ',';
    return imp_sheet_open(f->source->book, f->len, rows, err);
}

/* The district given for rows without one must be one. */
static htx_status check_district(const htx_import_options *opt, htx_error *err)
{
    if (!opt->district)
        return HTX_OK;
    htx_coop *c = malloc(sizeof *c);
    htx_report *report = malloc(sizeof *report);
    htx_status st = HTX_OK;
    if (!c || !report) {
        st = htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
    } else {
        htx_coop_init(c);
        htx_report_init(report);
        if (htx_coop_set(c, "district", opt->district, report) != HTX_OK || !c->district[0]) {
            st = HTX_ERR_INVALID;
            if (report->count)
                *err = report->items[0];
            else
                htx_fail(err, st, MSG_REQUIRED, "district", NULL, NULL);
        }
    }
    free(c);
    free(report);
    return st;
}

htx_status htx_import_open(const char *path, const htx_import_options *opt, htx_import_file **out,
                           htx_error *err)
{
    *out = NULL;
    htx_import_file *f = calloc(1, sizeof *f);
    if (f)
        f->source = calloc(1, sizeof *f->source);
    if (f && f->source && !(f->source->path = strdup(path))) {
        free(f->source);
        f->source = NULL;
    }
    if (!f || !f->source) {
        free(f);
        return htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
    }
    f->detected = opt->encoding == HTX_ENC_AUTO;
    htx_status st = check_district(opt, err);
    if (st == HTX_OK)
        st = imp_file_open(path, &f->source->fd, &f->len, err);
    imp_stream *rows = NULL;
    if (st == HTX_OK)
        st = open_rows(f, opt, &rows, err);
    if (st == HTX_OK)
        f->unsure = imp_stream_unsure(rows);
    if (st == HTX_OK) {
        htx_csv_row header = {0};
        st = find_header(rows, opt, f, &header, err);
        if (st == HTX_OK)
            st = map_header(f, &header, opt, err);
        htx_csv_row_free(&header);
    }
    htx_import_rows_close(rows);
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
    if (f->source) {
        htx_workbook_close(f->source->book);
        if (f->source->fd >= 0)
            close(f->source->fd);
        free(f->source->path);
        free(f->source);
    }
    free(f);
}
