#include "export.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "membership.h"
#include "textout.h"

void htx_export_options_init(htx_export_options *o)
{
    o->format = HTX_RECORD_CSV;
    o->encoding = HTX_ENC_UTF8;
    o->bom = true;
}

/*
 * Records are written as UTF-8 into memory a chunk at a time, each chunk
 * then encoded and written out: the encoders need whole characters (a
 * record is whole), and memory stays that of one chunk however long the
 * register.  A file is replaced only once whole (outfile.h), so a record
 * the encoding cannot hold leaves the old file as it was; its line is
 * counted from the start of the export, not of the chunk.
 */
enum { CHUNK_RECORDS = 1000 };

typedef struct chunked_export {
    FILE *out;
    const htx_export_options *opt;
    htx_record_writer writer;
    FILE *chunk;
    char *text;
    size_t len;
    int in_chunk;
    bool first;        /* the BOM goes before the first chunk only */
    long lines_before; /* lines of the chunks already written */
    htx_status status;
    htx_error *err;
} chunked_export;

static bool chunk_open(chunked_export *x)
{
    x->text = NULL;
    x->len = 0;
    x->in_chunk = 0;
    x->chunk = open_memstream(&x->text, &x->len);
    x->writer.out = x->chunk;
    return x->chunk != NULL;
}

/* Encodes the chunk written so far, writes it, and starts the next. */
static htx_status chunk_flush(chunked_export *x, bool reopen)
{
    fclose(x->chunk);
    x->chunk = NULL;
    unsigned char *bytes = NULL;
    size_t n = 0;
    htx_status st = htx_encode(x->text, x->len, x->opt->encoding, x->first && x->opt->bom, &bytes, &n, x->err);
    if (st == HTX_ERR_INVALID && x->err->msg == MSG_CANNOT_ENCODE) {
        long line = atol(x->err->arg[1]) + x->lines_before;
        snprintf(x->err->arg[1], sizeof x->err->arg[1], "%ld", line);
    }
    if (st == HTX_OK && fwrite(bytes, 1, n, x->out) != n)
        st = htx_fail_os(x->err, HTX_ERR_IO, MSG_IO, NULL, "", errno);
    for (size_t i = 0; i < x->len; i++)
        x->lines_before += x->text[i] == '\n';
    free(bytes);
    free(x->text);
    x->text = NULL;
    x->first = false;
    if (st == HTX_OK && reopen && !chunk_open(x))
        st = htx_fail(x->err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
    return st;
}

static int write_record(const htx_coop *c, void *ctx)
{
    chunked_export *x = ctx;
    htx_records_write(&x->writer, c);
    if (++x->in_chunk < CHUNK_RECORDS)
        return 0;
    x->status = chunk_flush(x, true);
    return x->status != HTX_OK;
}

htx_status htx_export_coops(htx_store *s, const htx_filter *f, const htx_export_options *opt,
                            FILE *out, long *count, htx_error *err)
{
    chunked_export x = {.out = out, .opt = opt, .first = true, .status = HTX_OK, .err = err};
    *count = 0;
    if (!chunk_open(&x))
        return htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
    htx_records_begin(&x.writer, x.chunk, opt->format);
    htx_status st = htx_query_each(s, f, write_record, &x, err);
    if (st == HTX_OK)
        st = x.status;
    if (st == HTX_OK && x.chunk) {
        x.writer.out = x.chunk;
        htx_records_end(&x.writer);
        st = chunk_flush(&x, false);
    }
    if (x.chunk) {
        fclose(x.chunk);
        free(x.text);
    }
    *count = x.writer.written;
    if (st == HTX_OK && fflush(out) != 0)
        st = htx_fail_os(err, HTX_ERR_IO, MSG_IO, NULL, "", errno);
    return st;
}

/* The memberships, few beside the cooperatives, are encoded as a whole. */
static htx_status encode_to(FILE *out, char *text, size_t len, const htx_export_options *opt,
                            htx_error *err)
{
    unsigned char *bytes;
    size_t n;
    htx_status st = htx_encode(text, len, opt->encoding, opt->bom, &bytes, &n, err);
    if (st != HTX_OK)
        return st;
    if (fwrite(bytes, 1, n, out) != n || fflush(out) != 0)
        st = htx_fail_os(err, HTX_ERR_IO, MSG_IO, NULL, "", errno);
    free(bytes);
    return st;
}

typedef struct coop_ids {
    int64_t *ids;
    char (*codes)[HTX_CODE_SIZE];
    size_t count, cap;
    bool failed;
} coop_ids;

static int collect_id(const htx_coop *c, void *ctx)
{
    coop_ids *list = ctx;
    if (list->count == list->cap) {
        size_t cap = list->cap ? list->cap * 2 : 256;
        int64_t *ids = realloc(list->ids, cap * sizeof *ids);
        if (ids)
            list->ids = ids;
        char(*codes)[HTX_CODE_SIZE] = realloc(list->codes, cap * sizeof *codes);
        if (codes)
            list->codes = codes;
        if (!ids || !codes) {
            list->failed = true;
            return 1;
        }
        list->cap = cap;
    }
    list->ids[list->count] = c->id;
    memcpy(list->codes[list->count], c->code, HTX_CODE_SIZE);
    list->count++;
    return 0;
}

typedef struct membership_writer {
    FILE *out;
    char separator;
    const char *code;
    long written;
} membership_writer;

static void write_cell(membership_writer *w, const char *value, bool first)
{
    if (!first)
        fputc(w->separator, w->out);
    htx_delimited_field(w->out, value, w->separator);
}

static int write_membership(const htx_membership *m, void *ctx)
{
    membership_writer *w = ctx;
    write_cell(w, w->code, true);
    write_cell(w, m->club, false);
    write_cell(w, htx_role_code(m->role), false);
    write_cell(w, m->joined, false);
    write_cell(w, m->left, false);
    fputs("\r\n", w->out);
    w->written++;
    return 0;
}

htx_status htx_export_memberships(htx_store *s, const htx_filter *f, const htx_export_options *opt,
                                  FILE *out, long *count, htx_error *err)
{
    coop_ids list = {0};
    *count = 0;
    /* The cooperatives first: memberships are read with a second query,
     * never while the first one's rows are still being stepped through. */
    htx_status st = htx_query_each(s, f, collect_id, &list, err);
    if (st == HTX_OK && list.failed)
        st = htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
    char *text = NULL;
    size_t len = 0;
    FILE *mem = st == HTX_OK ? open_memstream(&text, &len) : NULL;
    if (st == HTX_OK && !mem)
        st = htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
    if (st == HTX_OK) {
        bool tabs = opt->format == HTX_RECORD_TSV || opt->format == HTX_RECORD_SHEET_TSV;
        membership_writer w = {mem, tabs ? '\t' : ',', NULL, 0};
        static const char *const header[] = {"code", "club", "role", "joined", "left"};
        for (int i = 0; i < 5; i++)
            write_cell(&w, header[i], i == 0);
        fputs("\r\n", mem);
        for (size_t i = 0; i < list.count && st == HTX_OK; i++) {
            w.code = list.codes[i];
            st = htx_membership_each(s, list.ids[i], write_membership, &w, err);
        }
        fclose(mem);
        *count = w.written;
        if (st == HTX_OK)
            st = encode_to(out, text, len, opt, err);
    }
    free(text);
    free(list.ids);
    free(list.codes);
    return st;
}
