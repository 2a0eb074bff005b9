/*
 * The catalog of messages core/ can produce, in Vietnamese and English.
 *
 * Messages are identified by htx_msg; their texts live in messages.def (one
 * line per message, both languages side by side) so that a translation is
 * never missing.  Texts are printf formats taking at most two %s arguments.
 */
#ifndef HTX_MESSAGES_H
#define HTX_MESSAGES_H

#include <stddef.h>

typedef enum htx_lang { HTX_LANG_VI = 0, HTX_LANG_EN = 1 } htx_lang;

typedef enum htx_msg {
#define HTX_MSG(id, vi, en) id,
#include "messages.def"
#undef HTX_MSG
    HTX_MSG_COUNT
} htx_msg;

/* The printf format of msg in lang. */
const char *htx_msg_format(htx_msg msg, htx_lang lang);

/* The text of a system error number (errno) in lang, as a message shows
 * it after a colon: "không có tệp hoặc thư mục này", "đĩa đầy" … into out
 * (always NUL-terminated). */
void htx_os_error_text(int os_error, htx_lang lang, char *out, size_t size);

/* Parses "vi" / "en" (also "vi_VN.UTF-8" style); returns -1 when unknown. */
int htx_lang_parse(const char *text);

#endif
