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

/* Records are written as UTF-8 into memory, then encoded as a whole: the
 * encoders need whole characters, and a failure leaves out untouched. */
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

static int write_record(const htx_coop *c, void *ctx)
{
    htx_records_write(ctx, c);
    return 0;
}

htx_status htx_export_coops(htx_store *s, const htx_filter *f, const htx_export_options *opt,
                            FILE *out, long *count, htx_error *err)
{
    char *text = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&text, &len);
    if (!mem)
        return htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
    htx_record_writer w;
    htx_records_begin(&w, mem, opt->format);
    htx_status st = htx_query_each(s, f, write_record, &w, err);
    htx_records_end(&w);
    fclose(mem);
    *count = w.written;
    if (st == HTX_OK)
        st = encode_to(out, text, len, opt, err);
    free(text);
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
