/*
 * Sending a file to a printer through CUPS.
 *
 * The job goes to the scheduler through libcups; the answer is the job id
 * ("Phong_KT-12") or CUPS' refusal as an htx error in Vietnamese (no such
 * printer, the scheduler not running, the printer not accepting jobs).
 *
 * Where another spooler takes lp's arguments ($HTX_LP), the file is handed
 * to that command instead: it runs without a shell (fork and execvp), the
 * file passed as an argument, so no name of a file or a printer is ever
 * interpreted, and what it says is read back as lp's answer.
 */
#ifndef HTX_PRINT_H
#define HTX_PRINT_H

#include <stdbool.h>
#include <stddef.h>

#include "error.h"

typedef struct htx_print_request {
    const char *command; /* NULL or "": CUPS itself; otherwise a program taking lp's arguments, looked up in PATH */
    const char *file;
    const char *printer; /* NULL or "": CUPS' default destination */
    int copies;          /* 1 when < 1 */
    const char *title;   /* the job's name in the queue, or NULL */
} htx_print_request;

#define HTX_PRINT_JOB_SIZE 128

/*
 * Sends the file to the printer and writes the job id ("Queue-12") into
 * job.  Errors from CUPS: MSG_PRINT_NO_DEFAULT (or MSG_PRINT_NO_PRINTER when
 * CUPS has none) when no printer was named and there is no default
 * destination; when CUPS refuses, MSG_PRINT_NO_SUCH_PRINTER,
 * MSG_PRINT_NO_SCHEDULER, MSG_PRINT_NOT_ACCEPTING, MSG_PRINT_FORBIDDEN,
 * MSG_PRINT_FAILED.  From a command: MSG_PRINT_NO_PRINTER when it says there
 * is no default destination, MSG_PRINT_FAILED (MSG_PRINT_FAILED_DEFAULT)
 * with its message, MSG_PRINT_RUN when it cannot be started.
 */
htx_status htx_print_file(const htx_print_request *req, char job[HTX_PRINT_JOB_SIZE], htx_error *err);

/* The job id in lp's answer ("request id is Queue-12 (1 file(s))" → "Queue-12");
 * false when the answer holds none. */
bool htx_print_parse_job(const char *answer, char job[HTX_PRINT_JOB_SIZE]);

#endif
