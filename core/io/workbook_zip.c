/*
 * A workbook's container (libzip) and its XML parts (expat), read within
 * bounds: the archive is read from the file by pread (other readers of
 * the file are not disturbed), a member is unpacked piece by piece and
 * refused past its limit whatever its header claims, and the XML parser
 * refuses a DOCTYPE, so no entity can expand.
 */
#include "workbook_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum { XML_PIECE = 64 * 1024 };

struct wb_zip {
    zip_t *zip;
};

/* ---- the archive read from a descriptor ----------------------------------- */

typedef struct fd_source {
    int fd;
    zip_uint64_t size, offset;
    zip_error_t error;
} fd_source;

static zip_int64_t fd_source_call(void *ud, void *data, zip_uint64_t len, zip_source_cmd_t cmd)
{
    fd_source *s = ud;
    switch (cmd) {
    case ZIP_SOURCE_OPEN:
        s->offset = 0;
        return 0;
    case ZIP_SOURCE_READ: {
        if (s->offset >= s->size)
            return 0;
        size_t want = len < s->size - s->offset ? (size_t)len : (size_t)(s->size - s->offset);
        ssize_t got;
        do
            got = pread(s->fd, data, want, (off_t)s->offset);
        while (got < 0 && errno == EINTR);
        if (got < 0) {
            zip_error_set(&s->error, ZIP_ER_READ, errno);
            return -1;
        }
        s->offset += (zip_uint64_t)got;
        return got;
    }
    case ZIP_SOURCE_CLOSE:
        return 0;
    case ZIP_SOURCE_STAT: {
        zip_stat_t *st = data;
        zip_stat_init(st);
        st->size = s->size;
        st->valid |= ZIP_STAT_SIZE;
        return sizeof *st;
    }
    case ZIP_SOURCE_ERROR:
        return zip_error_to_data(&s->error, data, len);
    case ZIP_SOURCE_FREE:
        zip_error_fini(&s->error);
        close(s->fd);
        free(s);
        return 0;
    case ZIP_SOURCE_SEEK: {
        zip_int64_t at = zip_source_seek_compute_offset(s->offset, s->size, data, len, &s->error);
        if (at < 0)
            return -1;
        s->offset = (zip_uint64_t)at;
        return 0;
    }
    case ZIP_SOURCE_TELL:
        return (zip_int64_t)s->offset;
    case ZIP_SOURCE_SUPPORTS:
        return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE,
                                              ZIP_SOURCE_STAT, ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE,
                                              ZIP_SOURCE_SEEK, ZIP_SOURCE_TELL, ZIP_SOURCE_SUPPORTS, -1);
    default:
        zip_error_set(&s->error, ZIP_ER_OPNOTSUPP, 0);
        return -1;
    }
}

static htx_status broken(htx_error *err, const char *part, const char *why)
{
    return htx_fail(err, HTX_ERR_INVALID, MSG_WORKBOOK_BROKEN, NULL, part, why);
}

static htx_status open_source(zip_source_t *src, zip_error_t *error, wb_zip **out, htx_error *err)
{
    *out = NULL;
    if (!src) {
        htx_status st = broken(err, "zip", zip_error_strerror(error));
        zip_error_fini(error);
        return st;
    }
    wb_zip *z = calloc(1, sizeof *z);
    if (!z) {
        zip_source_free(src);
        return htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
    }
    zip_error_t opened;
    zip_error_init(&opened);
    z->zip = zip_open_from_source(src, ZIP_RDONLY, &opened);
    if (!z->zip) {
        zip_source_free(src);
        free(z);
        htx_status st = broken(err, "zip", zip_error_strerror(&opened));
        zip_error_fini(&opened);
        return st;
    }
    zip_error_fini(&opened);
    *out = z;
    return HTX_OK;
}

htx_status wb_zip_open_fd(int fd, wb_zip **out, htx_error *err)
{
    struct stat info;
    if (fstat(fd, &info) != 0)
        return htx_fail_os(err, HTX_ERR_IO, MSG_IO, NULL, "zip", errno);
    fd_source *s = calloc(1, sizeof *s);
    if (!s)
        return htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
    /* A descriptor of its own: the archive outlives the caller's. */
    s->fd = fcntl(fd, F_DUPFD_CLOEXEC, 0);
    if (s->fd < 0) {
        int saved = errno;
        free(s);
        return htx_fail_os(err, HTX_ERR_IO, MSG_IO, NULL, "zip", saved);
    }
    s->size = (zip_uint64_t)info.st_size;
    zip_error_init(&s->error);
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t *src = zip_source_function_create(fd_source_call, s, &error);
    if (!src) {
        zip_error_fini(&s->error);
        close(s->fd);
        free(s);
    }
    return open_source(src, &error, out, err);
}

htx_status wb_zip_open_memory(const void *data, size_t len, wb_zip **out, htx_error *err)
{
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t *src = zip_source_buffer_create(data, len, 0, &error);
    return open_source(src, &error, out, err);
}

void wb_zip_close(wb_zip *z)
{
    if (!z)
        return;
    zip_discard(z->zip);
    free(z);
}

bool wb_zip_has(wb_zip *z, const char *name)
{
    return zip_name_locate(z->zip, name, ZIP_FL_NOCASE) >= 0;
}

static htx_status too_large(htx_error *err, const char *name, size_t limit)
{
    char bytes[32];
    snprintf(bytes, sizeof bytes, "%zu MB", limit >> 20);
    return htx_fail(err, HTX_ERR_INVALID, MSG_WORKBOOK_TOO_LARGE, NULL, name, bytes);
}

static htx_status read_failed(zip_file_t *f, const char *name, htx_error *err)
{
    return broken(err, name, zip_error_strerror(zip_file_get_error(f)));
}

htx_status wb_zip_read(wb_zip *z, const char *name, size_t limit, char **text, size_t *len, htx_error *err)
{
    *text = NULL;
    *len = 0;
    zip_file_t *f = zip_fopen(z->zip, name, ZIP_FL_NOCASE);
    if (!f)
        return HTX_ERR_NOT_FOUND;
    char *buf = malloc(limit + 1);
    if (!buf) {
        zip_fclose(f);
        return htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
    }
    size_t used = 0;
    htx_status st = HTX_OK;
    for (;;) {
        zip_int64_t n = zip_fread(f, buf + used, limit + 1 - used);
        if (n < 0) {
            st = read_failed(f, name, err);
            break;
        }
        if (n == 0)
            break;
        used += (size_t)n;
        if (used > limit) {
            st = too_large(err, name, limit);
            break;
        }
    }
    zip_fclose(f);
    if (st != HTX_OK) {
        free(buf);
        return st;
    }
    buf[used] = '\0';
    *text = buf;
    *len = used;
    return HTX_OK;
}

/* ---- XML parts ---------------------------------------------------------------- */

static void XMLCALL refuse_doctype(void *user, const XML_Char *name, const XML_Char *sysid,
                                   const XML_Char *pubid, int has_internal_subset)
{
    (void)name, (void)sysid, (void)pubid, (void)has_internal_subset;
    wb_xml *x = user;
    htx_error why;
    broken(&why, x->name, "DOCTYPE");
    wb_xml_fail(x, &why);
}

htx_status wb_xml_open(wb_xml *x, wb_zip *z, const char *name, size_t limit, void *user,
                       XML_StartElementHandler start, XML_EndElementHandler end,
                       XML_CharacterDataHandler text, htx_error *err)
{
    memset(x, 0, sizeof *x);
    x->name = name;
    x->limit = limit;
    zip_stat_t info;
    if (zip_stat(z->zip, name, ZIP_FL_NOCASE, &info) == 0 && (info.valid & ZIP_STAT_SIZE))
        x->size = info.size;
    x->file = zip_fopen(z->zip, name, ZIP_FL_NOCASE);
    if (!x->file)
        return HTX_ERR_NOT_FOUND;
    x->buf = malloc(XML_PIECE);
    x->parser = XML_ParserCreateNS(NULL, ' ');
    if (!x->buf || !x->parser) {
        wb_xml_close(x);
        return htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
    }
    x->owner = user;
    XML_SetUserData(x->parser, x);
    XML_SetElementHandler(x->parser, start, end);
    XML_SetCharacterDataHandler(x->parser, text);
    XML_SetStartDoctypeDeclHandler(x->parser, refuse_doctype);
    return HTX_OK;
}

htx_status wb_xml_step(wb_xml *x, htx_error *err)
{
    for (;;) {
        enum XML_Status status;
        if (x->suspended) {
            x->suspended = false;
            status = XML_ResumeParser(x->parser);
        } else if (x->at_end) {
            return HTX_ERR_NOT_FOUND;
        } else {
            zip_int64_t n = zip_fread(x->file, x->buf, XML_PIECE);
            if (n < 0)
                return read_failed(x->file, x->name, err);
            x->unpacked += (uint64_t)n;
            if (x->unpacked > x->limit)
                return too_large(err, x->name, (size_t)x->limit);
            x->at_end = n == 0;
            status = XML_Parse(x->parser, x->buf, (int)n, x->at_end);
        }
        if (x->failed != HTX_OK) {
            *err = x->failure;
            return x->failed;
        }
        if (status == XML_STATUS_ERROR) {
            char why[HTX_ERROR_ARG_MAX];
            snprintf(why, sizeof why, "%s, line %lu", XML_ErrorString(XML_GetErrorCode(x->parser)),
                     (unsigned long)XML_GetCurrentLineNumber(x->parser));
            return broken(err, x->name, why);
        }
        if (status == XML_STATUS_SUSPENDED) {
            x->suspended = true;
            return HTX_OK;
        }
    }
}

htx_status wb_xml_parse_all(wb_xml *x, htx_error *err)
{
    htx_status st;
    while ((st = wb_xml_step(x, err)) == HTX_OK)
        ;
    return st == HTX_ERR_NOT_FOUND ? HTX_OK : st;
}

void wb_xml_pause(wb_xml *x)
{
    XML_StopParser(x->parser, XML_TRUE);
}

void wb_xml_fail(wb_xml *x, const htx_error *why)
{
    if (x->failed != HTX_OK)
        return;
    x->failed = why->status;
    x->failure = *why;
    XML_StopParser(x->parser, XML_FALSE);
}

unsigned wb_xml_progress(const wb_xml *x)
{
    if (!x->size)
        return 0;
    uint64_t done = x->unpacked * 1000 / x->size;
    return done > 1000 ? 1000 : (unsigned)done;
}

void wb_xml_close(wb_xml *x)
{
    if (x->parser)
        XML_ParserFree(x->parser);
    if (x->file)
        zip_fclose(x->file);
    free(x->buf);
    memset(x, 0, sizeof *x);
}

const char *wb_local(const char *name)
{
    const char *space = strrchr(name, ' ');
    return space ? space + 1 : name;
}

const char *wb_attr(const char **atts, const char *local)
{
    for (size_t i = 0; atts[i]; i += 2)
        if (strcmp(wb_local(atts[i]), local) == 0)
            return atts[i + 1];
    return NULL;
}
