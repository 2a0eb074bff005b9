/*
 * A file to import, read as a stream: opened (a regular file only), read
 * block by block, decoded (htx_decoder) and split into records
 * (htx_csv_reader) as it goes.  Memory is one block, the line being read
 * and the record being read, whatever the size of the file.
 */
#include "import_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "csv_read.h"

/* As large as detection reads: the first block decides the encoding. */
#define BLOCK HTX_DETECT_BLOCK

struct htx_import_rows {
    int fd;
    const char *path;
    off_t offset;   /* of the next block */
    bool head_fed;  /* the first block, read at open, went to the decoder */
    bool last_fed;
    unsigned char *block;
    size_t head_len;
    htx_decoder *decoder;
    htx_csv_reader csv;
    htx_workbook_rows *sheet; /* instead of the above, for a workbook */
    size_t file_len;
};

htx_status imp_file_open(const char *path, int *fd, size_t *size, htx_error *err)
{
    *fd = -1;
    *size = 0;
    /* O_NONBLOCK: opening a FIFO must not wait for a writer.  The type is
     * read from the descriptor itself, so nothing can swap the file between
     * the check and the reading. */
    int d = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    if (d < 0)
        return htx_fail_os(err, HTX_ERR_IO, MSG_IO, NULL, path, errno);
    struct stat st;
    if (fstat(d, &st) != 0) {
        int saved = errno;
        close(d);
        return htx_fail_os(err, HTX_ERR_IO, MSG_IO, NULL, path, saved);
    }
    if (!S_ISREG(st.st_mode)) {
        close(d);
        return htx_fail(err, HTX_ERR_INVALID, S_ISDIR(st.st_mode) ? MSG_IMPORT_IS_DIRECTORY : MSG_IMPORT_NOT_REGULAR,
                        NULL, path, NULL);
    }
    int flags = fcntl(d, F_GETFL);
    if (flags >= 0)
        fcntl(d, F_SETFL, flags & ~O_NONBLOCK);
    *fd = d;
    *size = (size_t)st.st_size;
    return HTX_OK;
}

/* Reads up to BLOCK bytes at s->offset; *n short only at the end. */
static htx_status read_block(imp_stream *s, size_t *n, htx_error *err)
{
    size_t got = 0;
    while (got < BLOCK) {
        ssize_t r = pread(s->fd, s->block + got, BLOCK - got, s->offset + (off_t)got);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0)
            return htx_fail_os(err, HTX_ERR_IO, MSG_IO, NULL, s->path, errno);
        if (r == 0)
            break;
        got += (size_t)r;
    }
    s->offset += (off_t)got;
    *n = got;
    return HTX_OK;
}

/* The CSV reader's source: decoded text, block after block, until some
 * comes out (a block may end inside a line) or the file ends. */
static htx_status next_text(void *ctx, const char **text, size_t *len, htx_error *err)
{
    imp_stream *s = ctx;
    *text = "";
    *len = 0;
    while (!s->last_fed) {
        size_t n;
        if (!s->head_fed) {
            n = s->head_len;
            s->head_fed = true;
        } else {
            htx_status st = read_block(s, &n, err);
            if (st != HTX_OK)
                return st;
        }
        s->last_fed = n < BLOCK;
        htx_status st = htx_decoder_feed(s->decoder, s->block, n, s->last_fed, text, len, err);
        if (st != HTX_OK)
            return st;
        if (*len)
            return HTX_OK;
    }
    return HTX_OK;
}

static void stream_free(imp_stream *s)
{
    if (!s)
        return;
    htx_workbook_rows_close(s->sheet);
    htx_csv_reader_free(&s->csv);
    htx_decoder_free(s->decoder);
    free(s->block);
    free(s);
}

htx_status imp_stream_open(int fd, const char *path, htx_encoding enc, char separator, imp_stream **out,
                           htx_encoding *used, char *sep_used, htx_error *err)
{
    *out = NULL;
    imp_stream *s = calloc(1, sizeof *s);
    if (s)
        s->block = malloc(BLOCK);
    if (!s || !s->block) {
        stream_free(s);
        return htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
    }
    s->fd = fd;
    s->path = path;
    htx_status st = read_block(s, &s->head_len, err);
    if (st == HTX_OK)
        st = htx_decoder_open(s->block, s->head_len, s->head_len < BLOCK, enc, HTX_IMPORT_MAX_LINE,
                              &s->decoder, used, err);
    if (st == HTX_OK) {
        htx_csv_reader_stream(&s->csv, next_text, s, separator ? separator : ',', HTX_IMPORT_MAX_LINE);
        if (!separator) {
            /* The first line as decoded, or as much of it as the first
             * piece holds: a header line is short. */
            const char *text;
            size_t len;
            st = htx_csv_peek(&s->csv, &text, &len, err);
            if (st == HTX_OK)
                s->csv.separator = htx_csv_detect_separator(text, len);
        }
    }
    if (st != HTX_OK) {
        stream_free(s);
        return st;
    }
    if (sep_used)
        *sep_used = s->csv.separator;
    *out = s;
    return HTX_OK;
}

bool imp_stream_unsure(const imp_stream *s)
{
    /* a workbook's cells are text already: no encoding was guessed */
    return s->decoder && htx_decoder_unsure(s->decoder);
}

htx_status imp_sheet_open(htx_workbook *book, size_t len, imp_stream **out, htx_error *err)
{
    *out = NULL;
    imp_stream *s = calloc(1, sizeof *s);
    if (!s)
        return htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
    s->file_len = len;
    htx_status st = htx_workbook_rows_open(book, &s->sheet, err);
    if (st != HTX_OK) {
        stream_free(s);
        return st;
    }
    *out = s;
    return HTX_OK;
}

htx_status imp_stream_next(imp_stream *s, htx_csv_row *row, htx_error *err)
{
    if (s->sheet)
        return htx_workbook_rows_next(s->sheet, row, err);
    return htx_csv_next(&s->csv, row, err);
}

long imp_error_line(const htx_error *e)
{
    long line = 0;
    if (e->msg == MSG_CSV_OPEN_QUOTE || e->msg == MSG_LINE_TOO_LONG || e->msg == MSG_CSV_RECORD_TOO_LONG)
        sscanf(e->arg[0], "%ld", &line);
    else if (e->msg == MSG_BAD_ENCODING)
        sscanf(e->arg[1], "%ld", &line);
    return line;
}

/* ---- the rows of an opened file (import.h) ---------------------------------- */

htx_status htx_import_rows_open(const htx_import_file *f, htx_import_rows **out, htx_error *err)
{
    imp_stream *s;
    htx_status st = f->source->book ? imp_sheet_open(f->source->book, f->len, &s, err)
                                    : imp_stream_open(f->source->fd, f->source->path, f->encoding, f->separator,
                                                      &s, NULL, NULL, err);
    if (st != HTX_OK)
        return st;
    /* The header and what is above it were read at open: skipped. */
    htx_csv_row header = {0};
    do
        st = imp_stream_next(s, &header, err);
    while (st == HTX_OK && header.line < f->header_line);
    htx_csv_row_free(&header);
    if (st == HTX_ERR_NOT_FOUND)
        st = HTX_OK; /* the file was emptied meanwhile: no rows */
    if (st != HTX_OK) {
        stream_free(s);
        return st;
    }
    *out = s;
    return HTX_OK;
}

htx_status htx_import_rows_next(htx_import_rows *r, htx_csv_row *row, htx_error *err)
{
    return imp_stream_next(r, row, err);
}

size_t htx_import_rows_bytes_read(const htx_import_rows *r)
{
    if (r->sheet)
        return (size_t)((double)r->file_len * htx_workbook_rows_progress(r->sheet) / 1000.0);
    return (size_t)r->offset;
}

void htx_import_rows_close(htx_import_rows *r)
{
    stream_free(r);
}
