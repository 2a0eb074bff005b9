/*
 * Character encodings of the files Vietnamese offices exchange.
 *
 * Decodes a whole file to NFC UTF-8 and encodes UTF-8 back: UTF-8 (with or
 * without BOM), UTF-16 (BOM or guessed LE/BE), CP1258, VISCII, TCVN3 (ABC:
 * TCVN 5712's VN3, whose toned capitals are written lower case) and the
 * full TCVN 5712 VN1 (toned capitals in control and upper bytes) through
 * iconv; VNI-Windows (a base letter followed by a mark byte) and
 * VIQR (ASCII: "a^'" for "ấ", "dd" for "đ", backslash escapes), which iconv
 * lacks, through tables written from the published charts.  Detection looks
 * at BOMs, UTF-8 validity and how Vietnamese the decoded words look.
 */
#ifndef HTX_ENCODING_H
#define HTX_ENCODING_H

#include <stdbool.h>
#include <stdint.h>
#include <stddef.h>

#include "error.h"

typedef enum htx_encoding {
    HTX_ENC_AUTO = 0,
    HTX_ENC_UTF8,
    HTX_ENC_UTF16, /* little-endian unless a BOM says otherwise */
    HTX_ENC_UTF16BE,
    HTX_ENC_CP1258,
    HTX_ENC_VISCII,
    HTX_ENC_TCVN3,    /* TCVN3 (ABC), VN3 */
    HTX_ENC_TCVN_VN1, /* TCVN 5712 VN1 */
    HTX_ENC_VNI,
    HTX_ENC_VIQR,
    HTX_ENC_COUNT
} htx_encoding;

/* "auto", "utf-8", "utf-16", "cp1258", "viscii", "tcvn3", "tcvn-vn1", "vni",
 * "viqr" (case, "-" and "_" ignored; "windows-1258", "tcvn", "abc" for
 * TCVN3, "vn1", "tcvn5712-1" for VN1 too); -1 if unknown. */
int htx_encoding_parse(const char *name);
const char *htx_encoding_name(htx_encoding enc); /* "utf-8" … */

/* The encoding the bytes most likely are in (never AUTO).  *has_bom tells
 * whether a byte-order mark starts them; *unsure (may be NULL) whether the
 * evidence was thin: a few VIQR words in ASCII, or 8-bit tables that read
 * the words about as well as each other (a file of a row or two). */
htx_encoding htx_encoding_detect(const unsigned char *bytes, size_t len, bool *has_bom, bool *unsure);

/*
 * Decodes bytes from enc (AUTO detects; a BOM of the encoding is skipped)
 * into a fresh malloc'd NUL-terminated NFC UTF-8 string *out of length
 * *out_len.  *used (may be NULL) receives the encoding decoded from.  Bytes
 * that are not valid in the encoding fail with HTX_ERR_INVALID,
 * MSG_BAD_ENCODING naming the encoding and the 1-based byte offset.
 */
htx_status htx_decode(const unsigned char *bytes, size_t len, htx_encoding enc, char **out,
                      size_t *out_len, htx_encoding *used, htx_error *err);

/*
 * Decoding a file block by block, for files too large to hold whole: what
 * htx_decode does, with memory bounded by the block and the longest line.
 *
 * htx_decoder_open() chooses the encoding from the file's first block
 * (head; complete when it is the whole file) exactly as htx_decode() would
 * from a file of that size: detection reads at most HTX_DETECT_BLOCK bytes
 * anyway for 8-bit files.  Then htx_decoder_feed() takes the file's bytes
 * in order, from the first (the head again; a BOM is skipped), in blocks of
 * any size, and hands back NFC UTF-8 text that always ends after a line
 * break (LF or CR) until the last block: nothing a later block could change
 * (a UTF-8 or UTF-16 sequence, a VNI letter and its mark byte, a VIQR
 * vowel and its marks, a base letter and a combining tone) is ever split.
 *
 * Errors are htx_decode()'s (MSG_BAD_ENCODING with the line and the 1-based
 * byte of the file), and, when max_line is not 0, MSG_LINE_TOO_LONG for a
 * line (counted as the CSV reader counts: LF, CRLF or a lone CR) of more
 * than max_line decoded bytes, naming it: a device, a binary file or a
 * file without line breaks is refused without being read whole.
 */
#define HTX_DETECT_BLOCK 65536

typedef struct htx_decoder htx_decoder;

htx_status htx_decoder_open(const unsigned char *head, size_t len, bool complete, htx_encoding enc,
                            size_t max_line, htx_decoder **out, htx_encoding *used, htx_error *err);
/* *text (valid until the next call; NUL-terminated) and *text_len may be
 * empty when the block ended inside a line. */
htx_status htx_decoder_feed(htx_decoder *d, const unsigned char *bytes, size_t len, bool last,
                            const char **text, size_t *text_len, htx_error *err);
void htx_decoder_free(htx_decoder *d);
/* Whether the encoding was detected, and on thin evidence (htx_encoding_detect). */
bool htx_decoder_unsure(const htx_decoder *d);

/* The ASCII stand-in for typographic punctuation 8-bit code pages lack
 * (– — ‘ ’ “ ” and the no-break space), or NULL.  Letters have none. */
const char *htx_punctuation_stand_in(int32_t cp);

/*
 * Encodes valid UTF-8 text into enc (AUTO means UTF-8), with a BOM when bom
 * is set and the encoding has one (UTF-8, UTF-16).  In the 8-bit encodings
 * typographic punctuation becomes its ASCII stand-in; a character the target
 * still cannot hold fails with MSG_CANNOT_ENCODE naming it and its line.
 * *out is malloc'd.
 */
htx_status htx_encode(const char *text, size_t len, htx_encoding enc, bool bom,
                      unsigned char **out, size_t *out_len, htx_error *err);

#endif
