/*
 * Errors as values.
 *
 * A function that can fail returns an htx_status and, when given one, fills
 * an htx_error.  The error holds a message *identifier* with up to two
 * arguments rather than rendered text, so that the caller (command line or
 * TUI) renders it in the user's language with htx_error_text() (coop.h).  core/ never
 * prints and never exits.
 */
#ifndef HTX_ERROR_H
#define HTX_ERROR_H

#include <stdbool.h>
#include <stddef.h>

#include "messages.h"

typedef enum htx_status {
    HTX_OK = 0,
    HTX_ERR_INVALID,   /* bad input: the user can fix it */
    HTX_ERR_DUPLICATE, /* unique value already present */
    HTX_ERR_NOT_FOUND,
    HTX_ERR_CONFLICT,  /* optimistic lock: record changed since it was read */
    HTX_ERR_EXISTS,    /* refusing to overwrite a file */
    HTX_ERR_DB,        /* SQLite failure */
    HTX_ERR_IO,
    HTX_ERR_NOMEM,
    HTX_ERR_CANCELLED, /* a read given up because a newer request made it pointless (store.h) */
} htx_status;

#define HTX_ERROR_ARG_MAX 160

typedef struct htx_error {
    htx_status status;
    htx_msg msg;
    char field[24]; /* field key ("code", "phone" …) or "" */
    char arg[2][HTX_ERROR_ARG_MAX];
    /* What follows the message, or MSG_NONE: the names that were perhaps
     * meant, the candidates of a name that fits several.  Its argument
     * is given in each language, because the names it lists differ. */
    htx_msg hint;
    char hint_arg[2][HTX_ERROR_ARG_MAX];
    /* The system's error number (errno) behind the message, or 0.  When
     * set, the message's second argument is its text, in the language the
     * message is shown in (htx_os_error_text), never strerror's English. */
    int os_error;
} htx_error;

/* Sets *err (when err is non-NULL) and returns status.  Arguments may be NULL. */
htx_status htx_fail(htx_error *err, htx_status status, htx_msg msg,
                    const char *field, const char *arg0, const char *arg1);

/* The same for a failure of the system: os_error (errno) becomes the
 * message's second argument. */
htx_status htx_fail_os(htx_error *err, htx_status status, htx_msg msg, const char *field,
                       const char *arg0, int os_error);

void htx_error_clear(htx_error *err);

/* Adds the hint (its format takes one %s) to an error already set; does
 * nothing when err is NULL. */
void htx_error_hint(htx_error *err, htx_msg hint, const char *arg_vi, const char *arg_en);

/* Renders the message (without the field) and its hint in lang into buf
 * (always NUL-terminated).  htx_error_text() in coop.h prefixes the field's label. */
void htx_error_message(const htx_error *err, htx_lang lang, char *buf, size_t size);

/*
 * A list of diagnostics from validation: errors block a save, warnings are
 * shown but do not.  Bounded: validation of one record never yields more
 * than a few dozen.
 */
#define HTX_REPORT_MAX 32

typedef struct htx_report {
    htx_error items[HTX_REPORT_MAX];
    bool is_warning[HTX_REPORT_MAX];
    int count;
    int errors;
} htx_report;

void htx_report_init(htx_report *r);
void htx_report_add(htx_report *r, bool warning, htx_msg msg, const char *field,
                    const char *arg0, const char *arg1);
/* The same for an error already made, its hint kept. */
void htx_report_add_error(htx_report *r, bool warning, const htx_error *e);
/* Index of the first error about field, or -1. */
int htx_report_find(const htx_report *r, const char *field);

#endif
