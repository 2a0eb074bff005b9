#include "messages.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

static const char *const formats[HTX_MSG_COUNT][2] = {
#define HTX_MSG(id, vi, en) [id] = {vi, en},
#include "messages.def"
#undef HTX_MSG
};

const char *htx_msg_format(htx_msg msg, htx_lang lang)
{
    if ((int)msg < 0 || msg >= HTX_MSG_COUNT)
        return "";
    return formats[msg][lang == HTX_LANG_EN ? 1 : 0];
}

/* The system errors a person meets with files, disks and printers. */
static const struct {
    int os_error;
    htx_msg msg;
} os_errors[] = {
    {ENOENT, MSG_OS_ENOENT},   {EACCES, MSG_OS_EACCES},   {EPERM, MSG_OS_EPERM},
    {ENOSPC, MSG_OS_ENOSPC},   {EDQUOT, MSG_OS_EDQUOT},   {EROFS, MSG_OS_EROFS},
    {EEXIST, MSG_OS_EEXIST},   {EISDIR, MSG_OS_EISDIR},   {ENOTDIR, MSG_OS_ENOTDIR},
    {ENOTEMPTY, MSG_OS_ENOTEMPTY}, {EIO, MSG_OS_EIO},     {ENOMEM, MSG_OS_ENOMEM},
    {EMFILE, MSG_OS_EMFILE},   {ENFILE, MSG_OS_EMFILE},   {ENAMETOOLONG, MSG_OS_ENAMETOOLONG},
    {ELOOP, MSG_OS_ELOOP},     {EBUSY, MSG_OS_EBUSY},     {ETXTBSY, MSG_OS_ETXTBSY},
    {EFBIG, MSG_OS_EFBIG},     {EPIPE, MSG_OS_EPIPE},     {EXDEV, MSG_OS_EXDEV},
    {ENOEXEC, MSG_OS_ENOEXEC}, {EAGAIN, MSG_OS_EAGAIN},   {EINVAL, MSG_OS_EINVAL},
    {ENODEV, MSG_OS_ENODEV},   {ENXIO, MSG_OS_ENODEV},
};

void htx_os_error_text(int os_error, htx_lang lang, char *out, size_t size)
{
    if (size == 0)
        return;
    for (size_t i = 0; i < sizeof os_errors / sizeof os_errors[0]; i++)
        if (os_errors[i].os_error == os_error) {
            snprintf(out, size, "%s", htx_msg_format(os_errors[i].msg, lang));
            return;
        }
    /* A rare one: its number, and the system's own words for whoever
     * looks it up. */
    char number[64];
    snprintf(number, sizeof number, "%d (%s)", os_error, strerror(os_error));
    snprintf(out, size, htx_msg_format(MSG_OS_OTHER, lang), number);
}

int htx_lang_parse(const char *text)
{
    if (!text)
        return -1;
    /* Accept locale-style values ("en_US.UTF-8") by their language part. */
    size_t n = 0;
    while (isalpha((unsigned char)text[n]))
        n++;
    if (n == 2 && strncasecmp(text, "vi", 2) == 0)
        return HTX_LANG_VI;
    if (n == 2 && strncasecmp(text, "en", 2) == 0)
        return HTX_LANG_EN;
    return -1;
}
