/*
 * The rows an import has checked, waiting in a temporary file for the write
 * phase (import.c): each as the record to write (its fields as plain data,
 * htx_scalar), what the insert computes ahead (registry.h), and, when a
 * rejects file is wanted, the row as read.  The file is unlinked as soon as
 * it is made, so nothing is left behind, whatever happens.
 */
#include "import_internal.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static htx_status spool_io(htx_error *err)
{
    return htx_fail_os(err, HTX_ERR_IO, MSG_IO, NULL, "(temporary file)", errno ? errno : EIO);
}

htx_status imp_spool_open(spool *sp, htx_error *err)
{
    memset(sp, 0, sizeof *sp);
    const char *dir = getenv("TMPDIR");
    char path[4096];
    snprintf(path, sizeof path, "%s/htx-import-XXXXXX", dir && dir[0] ? dir : "/tmp");
    int fd = mkstemp(path);
    if (fd < 0)
        return htx_fail_os(err, HTX_ERR_IO, MSG_IO, NULL, path, errno);
    unlink(path);
    sp->file = fdopen(fd, "w+b");
    if (!sp->file) {
        close(fd);
        return spool_io(err);
    }
    setvbuf(sp->file, NULL, _IOFBF, 1 << 18);
    return HTX_OK;
}

void imp_spool_close(spool *sp)
{
    if (sp->file)
        fclose(sp->file);
    free(sp->buf);
    memset(sp, 0, sizeof *sp);
}

/* ---- writing -------------------------------------------------------------- */

static void put(FILE *f, const void *p, size_t n)
{
    fwrite(p, 1, n, f);
}

static void put_i64(FILE *f, int64_t v)
{
    put(f, &v, sizeof v);
}

static void put_bytes(FILE *f, const void *p, size_t n)
{
    uint32_t len = (uint32_t)n;
    put(f, &len, sizeof len);
    put(f, p, n);
}

htx_status imp_spool_put(spool *sp, long line, int action, const htx_coop *c, const htx_coop_prepared *p,
                         const htx_csv_row *row, htx_error *err)
{
    FILE *f = sp->file;
    put_i64(f, line);
    put_i64(f, action);
    if (action == SPOOL_INSERT) {
        put_bytes(f, p->name_key, p->name_key_len);
        put_bytes(f, p->name_plain, strlen(p->name_plain));
        put_bytes(f, p->distinctive_key, p->distinctive_key_len);
        put_bytes(f, p->distinctive_plain, strlen(p->distinctive_plain));
        put_bytes(f, p->changes, strlen(p->changes));
    } else {
        put_i64(f, c->id);
        put_i64(f, c->version);
    }
    for (int i = 0; i < HTX_FIELD_COUNT; i++) {
        htx_scalar v;
        htx_coop_scalar(c, (htx_field_id)i, &v);
        unsigned char type = (unsigned char)v.type;
        put(f, &type, 1);
        if (v.type == HTX_SCALAR_INTEGER)
            put_i64(f, v.integer);
        else if (v.type == HTX_SCALAR_TEXT)
            put_bytes(f, v.text, v.length);
    }
    put_i64(f, row ? (int64_t)row->count : -1);
    for (size_t i = 0; row && i < row->count; i++)
        put_bytes(f, row->fields[i], strlen(row->fields[i]));
    if (ferror(f))
        return spool_io(err);
    sp->count++;
    return HTX_OK;
}

/* ---- reading back ---------------------------------------------------------- */

htx_status imp_spool_rewind(spool *sp, htx_error *err)
{
    if (fflush(sp->file) != 0 || fseek(sp->file, 0, SEEK_SET) != 0)
        return spool_io(err);
    return HTX_OK;
}

static bool get(FILE *f, void *p, size_t n)
{
    return fread(p, 1, n, f) == n;
}

/* The next piece of text into the buffer at *used (NUL-terminated). */
static bool get_bytes(spool *sp, size_t *used, size_t *at, size_t *len)
{
    uint32_t n;
    if (!get(sp->file, &n, sizeof n))
        return false;
    if (*used + n + 1 > sp->buf_cap) {
        size_t cap = sp->buf_cap ? sp->buf_cap : 4096;
        while (cap < *used + n + 1)
            cap *= 2;
        char *grown = realloc(sp->buf, cap);
        if (!grown)
            return false;
        sp->buf = grown;
        sp->buf_cap = cap;
    }
    if (n && !get(sp->file, sp->buf + *used, n))
        return false;
    sp->buf[*used + n] = '\0';
    *at = *used;
    *len = n;
    *used += n + 1;
    return true;
}

/* Fields of the row as read, as the CSV reader gives them. */
static bool row_of(spool *sp, size_t count, htx_csv_row *row, size_t *used)
{
    if (count > row->field_cap) {
        char **fields = realloc(row->fields, count * sizeof *fields);
        if (!fields)
            return false;
        row->fields = fields;
        size_t *offsets = realloc(row->offsets, count * sizeof *offsets);
        if (!offsets)
            return false;
        row->offsets = offsets;
        row->field_cap = count;
    }
    size_t at, len;
    row->chars_len = 0;
    for (size_t i = 0; i < count; i++) {
        if (!get_bytes(sp, used, &at, &len))
            return false;
        row->offsets[i] = at;
    }
    /* The row's text is the spool's buffer until the next entry. */
    for (size_t i = 0; i < count; i++)
        row->fields[i] = sp->buf + row->offsets[i];
    row->count = count;
    return true;
}

htx_status imp_spool_get(spool *sp, spool_entry *e, htx_coop *c, htx_csv_row *row, htx_error *err)
{
    FILE *f = sp->file;
    int64_t line, action;
    memset(e, 0, sizeof *e);
    if (!get(f, &line, sizeof line))
        return feof(f) ? HTX_ERR_NOT_FOUND : spool_io(err);
    bool ok = get(f, &action, sizeof action);
    e->line = (long)line;
    e->action = (int)action;
    /* The texts go one after another into the buffer, and are pointed at
     * once it has stopped growing. */
    size_t used = 0, key_at = 0, key_len = 0, plain_at = 0, plain_len, changes_at = 0, changes_len;
    size_t distinctive_key_at = 0, distinctive_key_len = 0, distinctive_plain_at = 0, distinctive_plain_len;
    htx_coop_init(c);
    if (ok && e->action == SPOOL_INSERT)
        ok = get_bytes(sp, &used, &key_at, &key_len) && get_bytes(sp, &used, &plain_at, &plain_len) &&
             get_bytes(sp, &used, &distinctive_key_at, &distinctive_key_len) &&
             get_bytes(sp, &used, &distinctive_plain_at, &distinctive_plain_len) &&
             get_bytes(sp, &used, &changes_at, &changes_len);
    else if (ok)
        ok = get(f, &c->id, sizeof c->id) && get(f, &c->version, sizeof c->version);
    for (int i = 0; ok && i < HTX_FIELD_COUNT; i++) {
        unsigned char type;
        htx_scalar v = {.type = HTX_SCALAR_NULL};
        ok = get(f, &type, 1);
        v.type = (htx_scalar_type)type;
        if (ok && v.type == HTX_SCALAR_INTEGER) {
            ok = get(f, &v.integer, sizeof v.integer);
        } else if (ok && v.type == HTX_SCALAR_TEXT) {
            size_t at, len;
            size_t mark = used;
            ok = get_bytes(sp, &used, &at, &len);
            v.text = ok ? sp->buf + at : "";
            v.length = len;
            used = mark; /* copied into c: the room can be used again */
        }
        if (ok)
            htx_coop_set_scalar(c, (htx_field_id)i, &v);
    }
    int64_t count = -1;
    ok = ok && get(f, &count, sizeof count);
    if (ok && count >= 0) {
        ok = row && row_of(sp, (size_t)count, row, &used);
        if (ok)
            row->line = e->line;
        e->row = row;
    }
    if (!ok)
        return feof(f) ? htx_fail(err, HTX_ERR_IO, MSG_IO, NULL, "(temporary file)", "truncated")
                       : spool_io(err);
    if (e->action == SPOOL_INSERT) {
        e->prepared.name_key = (unsigned char *)sp->buf + key_at;
        e->prepared.name_key_len = key_len;
        e->prepared.name_plain = sp->buf + plain_at;
        e->prepared.distinctive_key = (unsigned char *)sp->buf + distinctive_key_at;
        e->prepared.distinctive_key_len = distinctive_key_len;
        e->prepared.distinctive_plain = sp->buf + distinctive_plain_at;
        e->prepared.changes = sp->buf + changes_at;
    }
    return HTX_OK;
}
