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
    htx_status st = imp_file_open(path, &f->source->fd, &f->len, err);
    imp_stream *rows = NULL;
    if (st == HTX_OK)
        st = imp_stream_open(f->source->fd, f->source->path, opt->encoding, 0, &rows, &f->encoding,
                             &f->separator, err);
    if (st == HTX_OK)
        f->unsure = imp_stream_unsure(rows);
    if (st == HTX_OK) {
        htx_csv_row header = {0};
        st = imp_stream_next(rows, &header, err);
        if (st == HTX_ERR_NOT_FOUND)
            st = htx_fail(err, HTX_ERR_INVALID, MSG_IMPORT_EMPTY, NULL, NULL, NULL);
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
        if (f->source->fd >= 0)
            close(f->source->fd);
        free(f->source->path);
        free(f->source);
    }
    free(f);
}
