/*
 * Text onto a stream (stream_out.h): in another encoding, and checked.
 */
#include "stream_out.h"

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "encoding.h"
#include "text.h"

htx_status htx_stream_finish(FILE *out, htx_error *err)
{
    if (fflush(out) != 0 || ferror(out))
        return htx_fail_os(err, HTX_ERR_IO, MSG_IO, NULL, "", errno);
    return HTX_OK;
}

static bool is_utf8_name(const char *encoding)
{
    return strcmp(encoding, "UTF-8") == 0 || strcmp(encoding, "utf-8") == 0 ||
           strcmp(encoding, "UTF8") == 0 || strcmp(encoding, "utf8") == 0;
}

static void describe_character(const char *utf8, const char *at, char *out, size_t size)
{
    int32_t cp;
    int n = htx_utf8_decode(at, &cp);
    int line = 1;
    for (const char *p = utf8; p < at; p++)
        if (*p == '\n')
            line++;
    snprintf(out, size, "\"%.*s\" (U+%04X), dòng/line %d", n, at, (unsigned)cp, line);
}

static htx_status write_own_table(const char *utf8, size_t length, htx_encoding encoding, FILE *out,
                                  htx_error *err)
{
    unsigned char *bytes = NULL;
    size_t n = 0;
    htx_status st = htx_encode(utf8, length, encoding, false, &bytes, &n, err);
    if (st == HTX_OK) {
        fwrite(bytes, 1, n, out);
        st = htx_stream_finish(out, err);
    }
    free(bytes);
    return st;
}

htx_status htx_write_encoded(const char *utf8, size_t length, const char *encoding, FILE *out,
                             htx_error *err)
{
    if (!encoding || !encoding[0] || is_utf8_name(encoding)) {
        fwrite(utf8, 1, length, out);
        return htx_stream_finish(out, err);
    }
    /* The Vietnamese tables iconv lacks (VNI, VIQR) or writes another way
     * (TCVN3 is ABC's VN3, not iconv's VN1) are encoding.h's own. */
    int own = htx_encoding_parse(encoding);
    if (own == HTX_ENC_TCVN3 || own == HTX_ENC_VNI || own == HTX_ENC_VIQR)
        return write_own_table(utf8, length, (htx_encoding)own, out, err);
    if (own == HTX_ENC_TCVN_VN1)
        encoding = "TCVN5712-1"; /* "tcvn-vn1", "vn1": iconv's name for it */
    iconv_t cd = iconv_open(encoding, "UTF-8");
    if (cd == (iconv_t)-1)
        return htx_fail(err, HTX_ERR_INVALID, MSG_ENCODING_UNKNOWN, NULL, encoding, NULL);
    size_t capacity = length * 2 + 16;
    char *converted = malloc(capacity);
    if (!converted) {
        iconv_close(cd);
        return htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
    }
    char *in = (char *)utf8, *to = converted;
    size_t in_left = length, to_left = capacity;
    htx_status st = HTX_OK;
    while (in_left > 0 && st == HTX_OK) {
        if (iconv(cd, &in, &in_left, &to, &to_left) != (size_t)-1)
            break;
        if (errno == EILSEQ || errno == EINVAL) {
            int32_t cp;
            int n = htx_utf8_decode(in, &cp);
            const char *stand_in = htx_punctuation_stand_in(cp);
            if (stand_in && to_left > strlen(stand_in)) {
                size_t k = strlen(stand_in);
                memcpy(to, stand_in, k);
                to += k;
                to_left -= k;
                in += n;
                in_left -= (size_t)n;
                continue;
            }
            char where[HTX_ERROR_ARG_MAX];
            describe_character(utf8, in, where, sizeof where);
            st = htx_fail(err, HTX_ERR_INVALID, MSG_ENCODING_CHAR, NULL, encoding, where);
        } else if (errno == E2BIG) {
            size_t done = (size_t)(to - converted);
            capacity *= 2;
            char *grown = realloc(converted, capacity);
            if (!grown) {
                st = htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
                break;
            }
            converted = grown;
            to = converted + done;
            to_left = capacity - done;
        } else {
            st = htx_fail_os(err, HTX_ERR_IO, MSG_IO, NULL, encoding, errno);
        }
    }
    iconv_close(cd);
    if (st == HTX_OK) {
        fwrite(converted, 1, (size_t)(to - converted), out);
        st = htx_stream_finish(out, err);
    }
    free(converted);
    return st;
}
