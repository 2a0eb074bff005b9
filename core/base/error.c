#include "error.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

static void copy_arg(char dst[HTX_ERROR_ARG_MAX], const char *src)
{
    if (!src) {
        dst[0] = '\0';
        return;
    }
    size_t n = strlen(src);
    if (n >= HTX_ERROR_ARG_MAX) {
        /* Cut on a UTF-8 boundary so the message stays valid text. */
        n = HTX_ERROR_ARG_MAX - 1;
        while (n > 0 && ((unsigned char)src[n] & 0xC0) == 0x80)
            n--;
    }
    memcpy(dst, src, n);
    dst[n] = '\0';
}

static void fill(htx_error *e, htx_status status, htx_msg msg, const char *field,
                 const char *arg0, const char *arg1)
{
    e->status = status;
    e->msg = msg;
    snprintf(e->field, sizeof e->field, "%s", field ? field : "");
    copy_arg(e->arg[0], arg0);
    copy_arg(e->arg[1], arg1);
    e->os_error = 0;
    e->hint = MSG_NONE;
    e->hint_arg[0][0] = e->hint_arg[1][0] = '\0';
}

htx_status htx_fail(htx_error *err, htx_status status, htx_msg msg, const char *field,
                    const char *arg0, const char *arg1)
{
    if (err)
        fill(err, status, msg, field, arg0, arg1);
    return status;
}

htx_status htx_fail_os(htx_error *err, htx_status status, htx_msg msg, const char *field,
                       const char *arg0, int os_error)
{
    if (err) {
        fill(err, status, msg, field, arg0, NULL);
        err->os_error = os_error ? os_error : EIO; /* a failure with no number is still one */
    }
    return status;
}

void htx_error_clear(htx_error *err)
{
    if (err)
        fill(err, HTX_OK, MSG_NONE, NULL, NULL, NULL);
}

void htx_error_hint(htx_error *err, htx_msg hint, const char *arg_vi, const char *arg_en)
{
    if (!err)
        return;
    err->hint = hint;
    copy_arg(err->hint_arg[0], arg_vi);
    copy_arg(err->hint_arg[1], arg_en);
}

void htx_error_message(const htx_error *err, htx_lang lang, char *buf, size_t size)
{
    if (size == 0)
        return;
    /* The catalog's formats take at most two %s; unused arguments are ignored. */
    char os_text[HTX_ERROR_ARG_MAX];
    const char *second = err->arg[1];
    if (err->os_error) {
        htx_os_error_text(err->os_error, lang, os_text, sizeof os_text);
        second = os_text;
    }
    int used = snprintf(buf, size, htx_msg_format(err->msg, lang), err->arg[0], second);
    if (err->hint != MSG_NONE && used >= 0 && (size_t)used < size)
        snprintf(buf + used, size - (size_t)used, htx_msg_format(err->hint, lang),
                 err->hint_arg[lang == HTX_LANG_EN ? 1 : 0]);
}

void htx_report_init(htx_report *r)
{
    memset(r, 0, sizeof *r);
}

void htx_report_add(htx_report *r, bool warning, htx_msg msg, const char *field,
                    const char *arg0, const char *arg1)
{
    if (!warning)
        r->errors++;
    if (r->count >= HTX_REPORT_MAX)
        return; /* the count of errors stays right even when details are dropped */
    fill(&r->items[r->count], warning ? HTX_OK : HTX_ERR_INVALID, msg, field, arg0, arg1);
    r->is_warning[r->count] = warning;
    r->count++;
}

void htx_report_add_error(htx_report *r, bool warning, const htx_error *e)
{
    int before = r->count;
    htx_report_add(r, warning, e->msg, e->field, e->arg[0], e->arg[1]);
    if (r->count > before) {
        htx_error_hint(&r->items[before], e->hint, e->hint_arg[0], e->hint_arg[1]);
        r->items[before].os_error = e->os_error;
    }
}

int htx_report_find(const htx_report *r, const char *field)
{
    for (int i = 0; i < r->count; i++)
        if (!r->is_warning[i] && strcmp(r->items[i].field, field) == 0)
            return i;
    return -1;
}
