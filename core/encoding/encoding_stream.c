/*
 * Decoding a file block by block (encoding.h, htx_decoder): the encoding
 * chosen from the first block, then each block decoded as it comes, with
 * whatever a later block could still change held back.
 *
 * What is held back, and why it is enough:
 *   - raw bytes (carry): the start of a UTF-8 or UTF-16 sequence cut by the
 *     block's end; for VIQR, everything after the block's last line break
 *     (a vowel's marks and "dd" never cross a line break, and a line break
 *     is always a token of its own); iconv keeps its own state (glibc's
 *     CP1258 and TCVN hold a letter back in case a combining tone follows),
 *     and the VNI decoder the letter a mark byte would sit on;
 *   - decoded text (pending): everything after the last line break, since
 *     NFC composes a letter with the marks after it.  A line break is a
 *     starter that composes with nothing, so NFC of the text up to it
 *     followed by NFC of the rest is NFC of the whole.
 * A line longer than max_line stops the decoding there, so no file can make
 * the decoder hold more than that.
 */
#include "encoding_internal.h"

#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

struct htx_decoder {
    htx_encoding enc;
    size_t skip; /* BOM bytes still to skip */
    size_t max_line;
    iconv_t cd;
    int32_t vni_last;
    enc_buffer carry;   /* raw bytes held back */
    enc_buffer pending; /* decoded, not yet normalised: after the last line break */
    char *text;         /* the NFC text handed out last */
    unsigned long long offset; /* bytes of the file before carry */
    long raw_line;      /* line of the byte at offset, counted as htx_decode does */
    long line;          /* lines of the text handed out, as the CSV reader counts */
    bool after_cr;      /* the text handed out ended with CR */
    bool failed;        /* an error was reported: nothing more */
    bool unsure;        /* detected on thin evidence */
};

static bool is_wide(htx_encoding enc)
{
    return enc == HTX_ENC_UTF16 || enc == HTX_ENC_UTF16BE;
}

/* The length of b without a UTF-8 sequence cut short at its end. */
static size_t complete_utf8(const unsigned char *b, size_t len)
{
    for (size_t back = 1; back <= 3 && back <= len; back++) {
        unsigned char c = b[len - back];
        if ((c & 0xC0) == 0x80)
            continue; /* a continuation byte: look further back */
        size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
        return need > back ? len - back : len;
    }
    return len;
}

htx_status htx_decoder_open(const unsigned char *head, size_t len, bool complete, htx_encoding enc,
                            size_t max_line, htx_decoder **out, htx_encoding *used, htx_error *err)
{
    *out = NULL;
    /* As htx_decode: detection, then the BOM and the byte order of UTF-16. */
    bool bom = false, unsure = false;
    if (enc == HTX_ENC_AUTO)
        enc = htx_encoding_detect(head, complete ? len : complete_utf8(head, len), &bom, &unsure);
    htx_encoding bom_enc = HTX_ENC_AUTO;
    size_t skip = enc_bom_length(head, len, &bom_enc);
    htx_encoding order;
    if (enc == HTX_ENC_UTF16 && bom_enc == HTX_ENC_UTF16BE)
        enc = HTX_ENC_UTF16BE;
    else if (enc == HTX_ENC_UTF16 && bom_enc == HTX_ENC_AUTO && enc_looks_like_utf16(head, len, &order))
        enc = order;
    /* VIQR is ASCII, and a file of it saved as UTF-8 may carry that BOM. */
    if (bom_enc != enc && !(enc == HTX_ENC_VIQR && bom_enc == HTX_ENC_UTF8))
        skip = 0;
    if (used)
        *used = enc;

    htx_decoder *d = calloc(1, sizeof *d);
    if (!d)
        return htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
    d->enc = enc;
    d->unsure = unsure;
    d->skip = skip;
    d->max_line = max_line;
    d->cd = (iconv_t)-1;
    d->raw_line = 1;
    const char *name = enc_iconv_name(enc);
    if (name && (d->cd = iconv_open("UTF-8", name)) == (iconv_t)-1) {
        free(d);
        return htx_fail_os(err, HTX_ERR_IO, MSG_IO, NULL, name, errno);
    }
    *out = d;
    return HTX_OK;
}

bool htx_decoder_unsure(const htx_decoder *d)
{
    return d->unsure;
}

void htx_decoder_free(htx_decoder *d)
{
    if (!d)
        return;
    if (d->cd != (iconv_t)-1)
        iconv_close(d->cd);
    free(d->carry.data);
    free(d->pending.data);
    free(d->text);
    free(d);
}

/* ---- errors ---------------------------------------------------------------- */

/* Lines counted in raw bytes as htx_decode counts them (LF bytes, in UTF-16
 * those of the low byte of a unit). */
static long raw_lines(const htx_decoder *d, const unsigned char *b, size_t n)
{
    long lines = 0;
    unsigned parity = d->enc == HTX_ENC_UTF16 ? 0u : 1u;
    for (size_t i = 0; i < n; i++)
        lines += b[i] == '\n' && (!is_wide(d->enc) || (unsigned)((d->offset + i) % 2) == parity);
    return lines;
}

/* Bad bytes at carry[at]: the line and byte of the file, as htx_decode says. */
static htx_status bad_bytes(htx_decoder *d, size_t at, htx_error *err)
{
    d->failed = true;
    char where[64];
    snprintf(where, sizeof where, "%ld (byte %llu)",
             d->raw_line + raw_lines(d, (const unsigned char *)d->carry.data, at), d->offset + at + 1);
    return htx_fail(err, HTX_ERR_INVALID, MSG_BAD_ENCODING, NULL, htx_encoding_name(d->enc), where);
}

static htx_status too_long(htx_decoder *d, htx_error *err)
{
    d->failed = true;
    char line[24], limit[32];
    snprintf(line, sizeof line, "%ld", d->line + 1);
    if (d->max_line % (1024 * 1024) == 0)
        snprintf(limit, sizeof limit, "%zu MiB", d->max_line / (1024 * 1024));
    else
        snprintf(limit, sizeof limit, "%zu bytes", d->max_line);
    return htx_fail(err, HTX_ERR_INVALID, MSG_LINE_TOO_LONG, NULL, line, limit);
}

/* ---- raw bytes to UTF-8 ------------------------------------------------------ */

/* The offset of the first NUL character in b[0..n), or n: a NUL would cut
 * every string short. */
static size_t first_nul(const htx_decoder *d, const unsigned char *b, size_t n)
{
    if (!is_wide(d->enc)) {
        const unsigned char *z = memchr(b, 0, n);
        return z ? (size_t)(z - b) : n;
    }
    for (size_t i = 0; i + 1 < n; i += 2)
        if (b[i] == 0 && b[i + 1] == 0)
            return i;
    return n;
}

/* Decodes what can be decoded of carry into pending; *used gets how many
 * bytes were taken (the rest stays for the next block). */
static htx_status decode_raw(htx_decoder *d, bool last, size_t *used, htx_error *err)
{
    const unsigned char *in = (const unsigned char *)d->carry.data;
    size_t n = d->carry.len, take = n;
    *used = 0;
    if (!n && !(last && d->cd != (iconv_t)-1))
        return HTX_OK;
    switch (d->enc) {
    case HTX_ENC_UTF8:
    case HTX_ENC_VIQR: {
        if (!last)
            take = complete_utf8(in, n);
        if (d->enc == HTX_ENC_VIQR && !last) {
            while (take > 0 && in[take - 1] != '\n' && in[take - 1] != '\r')
                take--;
        }
        long bad = htx_utf8_invalid_at((const char *)in, take);
        if (bad >= 0)
            return bad_bytes(d, (size_t)bad, err);
        if (d->enc == HTX_ENC_UTF8) {
            enc_buf_bytes(&d->pending, in, take);
        } else if (take > 0) {
            /* enc_decode_viqr reads up to a NUL: the carry has room for one. */
            char saved = d->carry.data[take];
            d->carry.data[take] = '\0';
            enc_decode_viqr(d->carry.data, &d->pending);
            d->carry.data[take] = saved;
        }
        break;
    }
    case HTX_ENC_VNI: {
        size_t nul = first_nul(d, in, n);
        if (nul < n)
            return bad_bytes(d, nul, err);
        enc_decode_vni_from(in, n, &d->pending, &d->vni_last);
        break;
    }
    default: {
        size_t nul = first_nul(d, in, n);
        if (nul < n && (!is_wide(d->enc) || nul + 1 < n))
            return bad_bytes(d, nul, err);
        size_t not_vn3 = d->enc == HTX_ENC_TCVN3 ? enc_tcvn3_invalid_at(in, n) : n;
        if (not_vn3 < n)
            return bad_bytes(d, not_vn3, err);
        char *src = d->carry.data;
        size_t left = n;
        enc_buf_reserve(&d->pending, n * 2 + 16);
        while (left > 0 && !d->pending.failed) {
            char *dst = d->pending.data + d->pending.len;
            size_t room = d->pending.cap - d->pending.len - 1;
            size_t r = iconv(d->cd, &src, &left, &dst, &room);
            d->pending.len = (size_t)(dst - d->pending.data);
            d->pending.data[d->pending.len] = '\0';
            if (r != (size_t)-1)
                continue;
            if (errno == E2BIG)
                enc_buf_reserve(&d->pending, d->pending.cap);
            else if (errno == EINVAL && !last)
                break; /* a sequence cut by the block's end: with the next one */
            else
                return bad_bytes(d, (size_t)(src - d->carry.data), err);
        }
        /* At the end, what the converter holds back (a letter that waited
         * for a tone).  With too little room it would be lost: grow. */
        while (last && !d->pending.failed) {
            char *dst = d->pending.data + d->pending.len;
            size_t room = d->pending.cap - d->pending.len - 1;
            size_t r = iconv(d->cd, NULL, NULL, &dst, &room);
            d->pending.len = (size_t)(dst - d->pending.data);
            d->pending.data[d->pending.len] = '\0';
            if (r != (size_t)-1)
                break;
            if (errno != E2BIG)
                return bad_bytes(d, n, err);
            enc_buf_reserve(&d->pending, d->pending.cap);
        }
        take = (size_t)(src - d->carry.data);
        break;
    }
    }
    if (d->pending.failed)
        return htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
    *used = take;
    return HTX_OK;
}

/* ---- decoded text to NFC ------------------------------------------------------ */

/* Whether cp is a character NFC leaves as it is whatever surrounds it: not
 * a mark (combining class 0) and never part of a composition or a
 * decomposition NFC applies (NFC_Quick_Check = Yes).  Only the ranges a
 * Vietnamese register is written in: Latin up to the combining marks,
 * Latin Extended Additional (every precomposed Vietnamese vowel with its
 * tone), the dashes, quotes and currency signs.  The tests check each. */
bool enc_nfc_stable(int32_t cp)
{
    return cp < 0x300 || (cp >= 0x1E00 && cp <= 0x1EFF) || (cp >= 0x2010 && cp <= 0x2027) ||
           (cp >= 0x2030 && cp <= 0x205E) || (cp >= 0x20A0 && cp <= 0x20C0);
}

/* Whether text[0..n) is NFC already, as most decoded text is (precomposed
 * letters without stray marks): then it is handed out as it is, without
 * being decomposed and composed again. */
static bool already_nfc(const char *text, size_t n)
{
    const unsigned char *u = (const unsigned char *)text;
    for (size_t i = 0; i < n;) {
        if (u[i] < 0x80) {
            i++;
            continue;
        }
        int32_t cp;
        int k = htx_utf8_decode(text + i, &cp);
        if (k <= 0 || !enc_nfc_stable(cp))
            return false;
        i += (size_t)k;
    }
    return true;
}

/* Counts the lines of text as the CSV reader does: LF, CRLF, a lone CR. */
static void count_lines(htx_decoder *d, const char *text, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (text[i] == '\n')
            d->line += !(i == 0 ? d->after_cr : text[i - 1] == '\r');
        else if (text[i] == '\r')
            d->line++;
    }
    if (n)
        d->after_cr = text[n - 1] == '\r';
}

htx_status htx_decoder_feed(htx_decoder *d, const unsigned char *bytes, size_t len, bool last,
                            const char **text, size_t *text_len, htx_error *err)
{
    *text = "";
    *text_len = 0;
    free(d->text);
    d->text = NULL;
    if (d->failed)
        return htx_fail(err, HTX_ERR_INVALID, MSG_NONE, NULL, NULL, NULL);
    if (d->skip) {
        size_t k = len < d->skip ? len : d->skip;
        bytes += k;
        len -= k;
        d->skip -= k;
        d->offset += k;
    }
    enc_buf_bytes(&d->carry, bytes, len);
    if (d->carry.failed)
        return htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
    size_t used;
    htx_status st = decode_raw(d, last, &used, err);
    if (st != HTX_OK)
        return st;
    d->raw_line += raw_lines(d, (const unsigned char *)d->carry.data, used);
    d->offset += used;
    memmove(d->carry.data, d->carry.data + used, d->carry.len - used);
    d->carry.len -= used;
    d->carry.data[d->carry.len] = '\0';

    /* Up to the last line break, unless the file ends here. */
    size_t cut = d->pending.len;
    if (!last)
        while (cut > 0 && d->pending.data[cut - 1] != '\n' && d->pending.data[cut - 1] != '\r')
            cut--;
    if (d->max_line) {
        /* A line that goes on (in what is held back, decoded or not) or the
         * last line of the text handed out now. */
        size_t start = cut;
        if (last)
            while (start > 0 && d->pending.data[start - 1] != '\n' && d->pending.data[start - 1] != '\r')
                start--;
        size_t open = last ? cut - start : d->pending.len - cut + d->carry.len;
        if (open > d->max_line) {
            count_lines(d, d->pending.data, start);
            return too_long(d, err);
        }
    }
    if (cut == 0)
        return HTX_OK;
    char saved = d->pending.data[cut];
    d->pending.data[cut] = '\0';
    d->text = already_nfc(d->pending.data, cut) ? strndup(d->pending.data, cut) : htx_text_nfc(d->pending.data);
    d->pending.data[cut] = saved;
    if (!d->text)
        return htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
    memmove(d->pending.data, d->pending.data + cut, d->pending.len - cut);
    d->pending.len -= cut;
    d->pending.data[d->pending.len] = '\0';
    *text = d->text;
    *text_len = strlen(d->text);
    count_lines(d, *text, *text_len);
    return HTX_OK;
}
