/*
 * What the parts of the encoding module share (private to core/encoding*.c):
 *
 *   encoding.c          names, decoding and encoding whole texts (encoding.h)
 *   encoding_convert.c  BOMs, iconv, decoding bytes as one given encoding
 *   encoding_letters.c  a growing byte buffer; a Vietnamese letter as base
 *                       letter + modifier + tone
 *   encoding_vni_viqr.c the two encodings iconv lacks, from their charts
 *   encoding_tcvn3.c    TCVN3 (ABC), the VN3 part of iconv's TCVN 5712 VN1
 *   encoding_detect.c   guessing the encoding of a file
 *   encoding_stream.c   decoding a file block by block (htx_decoder)
 */
#ifndef HTX_ENCODING_INTERNAL_H
#define HTX_ENCODING_INTERNAL_H

#ifndef HTX_PRIVATE_CORE_ENCODING
#error "encoding_internal.h is private to core/encoding/: include the folder's public headers instead"
#endif

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "encoding.h"

/* A growing UTF-8 (or byte) buffer, NUL-terminated; failed once out of memory. */
typedef struct enc_buffer {
    char *data;
    size_t len, cap;
    bool failed;
} enc_buffer;

void enc_buf_reserve(enc_buffer *b, size_t more);
void enc_buf_bytes(enc_buffer *b, const void *bytes, size_t n);
void enc_buf_byte(enc_buffer *b, unsigned char byte);
void enc_buf_cp(enc_buffer *b, int32_t cp);

/* Vietnamese letters as base + modifier + tone. */
enum { MOD_NONE, MOD_CIRCUMFLEX, MOD_BREVE, MOD_HORN };
enum { TONE_NONE, TONE_ACUTE, TONE_GRAVE, TONE_HOOK, TONE_TILDE, TONE_DOT, TONE_COUNT };

typedef struct vn_letter {
    int32_t base; /* ASCII letter, or đ/Đ */
    int modifier;
    int tone;
} vn_letter;

extern const int32_t enc_modifier_cps[4]; /* combining mark of each MOD_* */
extern const int32_t enc_tone_cps[TONE_COUNT];

/* Splits cp into a Vietnamese base letter and its marks; false when cp is not
 * one (a letter of another language, a symbol). */
bool enc_letter_split(int32_t cp, vn_letter *out);
bool enc_is_ascii_letter(int32_t cp);

/* VNI-Windows and VIQR (encoding_vni_viqr.c).  The encoders fail on a
 * character they cannot write, named in *bad. */
void enc_decode_vni(const unsigned char *bytes, size_t len, enc_buffer *out);
/* The same, for a text decoded piece by piece: *last is the character the
 * previous piece ended with (0 at the start), on which a mark byte at the
 * start of this one sits; it is updated for the next. */
void enc_decode_vni_from(const unsigned char *bytes, size_t len, enc_buffer *out, int32_t *last);
bool enc_encode_vni(const char *text, enc_buffer *out, int32_t *bad);
void enc_decode_viqr(const char *text, enc_buffer *out);
bool enc_encode_viqr(const char *text, enc_buffer *out, int32_t *bad);
bool enc_is_viqr_vowel(int32_t cp);
/* The MOD_* that ch writes after vowel in VIQR, or 0. */
int enc_viqr_modifier_for(int32_t vowel, char ch);

/* TCVN3 (ABC), encoding_tcvn3.c: the offset of the first byte VN3 does not
 * hold (len when none), and the letter VN3 writes for cp (a toned capital
 * lower case, any other cp itself). */
size_t enc_tcvn3_invalid_at(const unsigned char *bytes, size_t len);
int32_t enc_tcvn3_letter(int32_t cp);

/* The iconv name of each encoding iconv handles; NULL for the others. */
const char *enc_iconv_name(htx_encoding enc);
/* Converts between charsets; on an invalid or unconvertible sequence returns
 * false with *bad_offset its offset in the input. */
bool enc_iconv(const char *to, const char *from, const char *in, size_t len, enc_buffer *out,
               size_t *bad_offset);

/* Whether NFC leaves cp as it is whatever surrounds it (a sure answer for
 * the ranges Vietnamese text uses; false elsewhere: encoding_stream.c). */
bool enc_nfc_stable(int32_t cp);

/* Decodes bytes as enc into out (not yet NFC); on bad bytes HTX_ERR_INVALID
 * with *bad_offset their offset. */
htx_status enc_decode_as(const unsigned char *bytes, size_t len, htx_encoding enc, enc_buffer *out,
                         size_t *bad_offset);
/* The length of a BOM at the start of b (0 if none), its encoding in *enc. */
size_t enc_bom_length(const unsigned char *b, size_t len, htx_encoding *enc);
/* Whether b reads as BOM-less UTF-16, and in which byte order. */
bool enc_looks_like_utf16(const unsigned char *b, size_t len, htx_encoding *enc);

#endif
