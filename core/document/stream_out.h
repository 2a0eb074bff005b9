/*
 * Writing a document's text onto a stream: as UTF-8 or in one of the 8-bit
 * encodings offices still use, and making sure it all reached the stream.
 */
#ifndef HTX_STREAM_OUT_H
#define HTX_STREAM_OUT_H

#include <stddef.h>
#include <stdio.h>

#include "error.h"

/* Flushes out; a write error (disk full …) becomes an MSG_IO error. */
htx_status htx_stream_finish(FILE *out, htx_error *err);

/*
 * Writes UTF-8 text in encoding (an iconv name such as "CP1258", "VISCII",
 * "TCVN5712-1"; "UTF-8" copies).  A character the encoding cannot hold is
 * an error (MSG_ENCODING_CHAR) naming the character and its line, never a
 * silent substitute; an unknown encoding is MSG_ENCODING_UNKNOWN.  Nothing
 * is written to out on failure.
 */
htx_status htx_write_encoded(const char *utf8, size_t length, const char *encoding, FILE *out,
                             htx_error *err);

#endif
