/*
 * Printing through CUPS: a file handed to the print command (lp).
 *
 * The command runs without a shell (fork and execvp), the file passed as
 * an argument, so no name of a file or a printer is ever interpreted.  What
 * the command says is read back: the job id on success ("request id is
 * Queue-12 (1 file(s))"), CUPS' own message on failure.
 */
#ifndef HTX_PRINT_H
#define HTX_PRINT_H

#include <stddef.h>

#include "error.h"

#define HTX_PRINT_COMMAND "lp"

typedef struct htx_print_request {
    const char *command; /* NULL or "": HTX_PRINT_COMMAND; a program, looked up in PATH */
    const char *file;
    const char *printer; /* NULL or "": CUPS' default destination */
    int copies;          /* 1 when < 1 */
    const char *title;   /* the job's name in the queue, or NULL */
} htx_print_request;

#define HTX_PRINT_JOB_SIZE 128

/*
 * Sends the file to the printer and writes the job id ("Queue-12") into
 * job.  Errors: MSG_PRINT_NO_PRINTER when there is no default destination
 * (and no printer was named), MSG_PRINT_FAILED with the command's message,
 * MSG_PRINT_RUN when the command cannot be started.
 */
htx_status htx_print_file(const htx_print_request *req, char job[HTX_PRINT_JOB_SIZE], htx_error *err);

/* The job id in lp's answer ("request id is Queue-12 (1 file(s))" → "Queue-12");
 * false when the answer holds none. */
bool htx_print_parse_job(const char *answer, char job[HTX_PRINT_JOB_SIZE]);

#endif
