#include "messages.h"

#include <ctype.h>
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
