#include "print.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cups_link.h"
#include "display.h"

bool htx_print_parse_job(const char *answer, char job[HTX_PRINT_JOB_SIZE])
{
    static const char marker[] = "request id is ";
    const char *at = strstr(answer, marker);
    if (!at)
        return false;
    at += sizeof marker - 1;
    size_t length = strcspn(at, " \t\r\n");
    if (length == 0 || length >= HTX_PRINT_JOB_SIZE)
        return false;
    memcpy(job, at, length);
    job[length] = '\0';
    return true;
}

/* The arguments of the command: lp [-d printer] [-n copies] [-t title] -- file. */
static void build_argv(const htx_print_request *req, const char *command, char copies[16], const char *argv[12])
{
    int n = 0;
    argv[n++] = command;
    if (req->printer && req->printer[0]) {
        argv[n++] = "-d";
        argv[n++] = req->printer;
    }
    snprintf(copies, 16, "%d", req->copies < 1 ? 1 : req->copies);
    argv[n++] = "-n";
    argv[n++] = copies;
    if (req->title && req->title[0]) {
        argv[n++] = "-t";
        argv[n++] = req->title;
    }
    argv[n++] = "--";
    argv[n++] = req->file;
    argv[n] = NULL;
}

/* In the child: output and errors into the pipe, then the command; an exec
 * failure goes back through the close-on-exec pipe as errno. */
static void run_child(const char *argv[], int output_fd, int exec_fd)
{
    dup2(output_fd, STDOUT_FILENO);
    dup2(output_fd, STDERR_FILENO);
    int null_fd = open("/dev/null", O_RDONLY);
    if (null_fd >= 0) {
        dup2(null_fd, STDIN_FILENO);
        if (null_fd > STDERR_FILENO)
            close(null_fd);
    }
    if (output_fd > STDERR_FILENO)
        close(output_fd);
    execvp(argv[0], (char *const *)argv);
    int failure = errno;
    ssize_t ignored = write(exec_fd, &failure, sizeof failure);
    (void)ignored;
    _exit(127);
}

/* Everything the command wrote, at most size - 1 bytes kept. */
static void read_all(int fd, char *out, size_t size)
{
    size_t used = 0;
    for (;;) {
        char chunk[512];
        ssize_t n = read(fd, chunk, sizeof chunk);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        size_t keep = (size_t)n;
        if (used + keep > size - 1)
            keep = size - 1 - used;
        memcpy(out + used, chunk, keep);
        used += keep;
    }
    out[used] = '\0';
}

/* The command's message as one safe line for an error: the first line, no controls. */
static void one_line(const char *answer, char *out, size_t size)
{
    char first[HTX_ERROR_ARG_MAX];
    size_t length = strcspn(answer, "\r\n");
    if (length >= sizeof first)
        length = sizeof first - 1;
    memcpy(first, answer, length);
    first[length] = '\0';
    char *safe = htx_text_sanitize(first);
    snprintf(out, size, "%s", safe ? safe : "");
    free(safe);
}

static bool says_no_default(const char *answer)
{
    return strstr(answer, "No default destination") != NULL || strstr(answer, "no default destination") != NULL;
}

/* The file through a command that takes lp's arguments. */
static htx_status print_by_command(const htx_print_request *req, char job[HTX_PRINT_JOB_SIZE], htx_error *err)
{
    const char *command = req->command;
    char copies[16];
    const char *argv[12];
    build_argv(req, command, copies, argv);
    job[0] = '\0';

    int output[2], exec_report[2];
    if (pipe(output) != 0)
        return htx_fail_os(err, HTX_ERR_IO, MSG_PRINT_RUN, NULL, command, errno);
    if (pipe(exec_report) != 0) {
        int e = errno;
        close(output[0]);
        close(output[1]);
        return htx_fail_os(err, HTX_ERR_IO, MSG_PRINT_RUN, NULL, command, e);
    }
    /* closed by a successful exec: the parent then reads end of file */
    fcntl(exec_report[1], F_SETFD, FD_CLOEXEC);
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0) {
        int e = errno;
        close(output[0]);
        close(output[1]);
        close(exec_report[0]);
        close(exec_report[1]);
        return htx_fail_os(err, HTX_ERR_IO, MSG_PRINT_RUN, NULL, command, e);
    }
    if (pid == 0) {
        close(output[0]);
        close(exec_report[0]);
        run_child(argv, output[1], exec_report[1]);
    }
    close(output[1]);
    close(exec_report[1]);
    char answer[4096];
    read_all(output[0], answer, sizeof answer);
    close(output[0]);
    int exec_errno = 0;
    ssize_t got;
    do
        got = read(exec_report[0], &exec_errno, sizeof exec_errno);
    while (got < 0 && errno == EINTR);
    close(exec_report[0]);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    if (got == (ssize_t)sizeof exec_errno)
        return htx_fail_os(err, HTX_ERR_IO, MSG_PRINT_RUN, NULL, command, exec_errno);

    char message[HTX_ERROR_ARG_MAX];
    one_line(answer, message, sizeof message);
    bool succeeded = WIFEXITED(status) && WEXITSTATUS(status) == 0;
    if (!succeeded) {
        if (says_no_default(answer) && !(req->printer && req->printer[0]))
            return htx_fail(err, HTX_ERR_NOT_FOUND, MSG_PRINT_NO_PRINTER, NULL, message, NULL);
        if (!message[0])
            snprintf(message, sizeof message, "%s: exit %d", command,
                     WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
        if (!(req->printer && req->printer[0]))
            return htx_fail(err, HTX_ERR_IO, MSG_PRINT_FAILED_DEFAULT, NULL, message, NULL);
        return htx_fail(err, HTX_ERR_IO, MSG_PRINT_FAILED, NULL, req->printer, message);
    }
    if (!htx_print_parse_job(answer, job))
        snprintf(job, HTX_PRINT_JOB_SIZE, "?");
    return HTX_OK;
}

/* ---- through libcups ------------------------------------------------------------ */

/* No printer named and no default: say whether CUPS has any printer at all. */
static htx_status no_default(http_t *http, htx_error *err)
{
    cups_dest_t *dests = NULL;
    int count = cupsGetDests2(http, &dests);
    cupsFreeDests(count, dests);
    if (count == 0)
        return htx_fail(err, HTX_ERR_NOT_FOUND, MSG_PRINT_NO_PRINTER, NULL, "CUPS", NULL);
    char printers[16];
    snprintf(printers, sizeof printers, "%d", count);
    return htx_fail(err, HTX_ERR_NOT_FOUND, MSG_PRINT_NO_DEFAULT, NULL, printers, NULL);
}

static htx_status print_by_cups(const htx_print_request *req, char job[HTX_PRINT_JOB_SIZE], htx_error *err)
{
    http_t *http;
    htx_status st = htx_cups_connect(&http, err);
    if (st != HTX_OK)
        return st;
    bool named = req->printer && req->printer[0];
    /* The destination first: printing to a queue that does not exist fails
     * with a bare "No such file or directory". */
    cups_dest_t *dest = cupsGetNamedDest(http, named ? req->printer : NULL, NULL);
    if (!dest) {
        if (named)
            st = htx_cups_fail(req->printer, err);
        else if (cupsLastError() == IPP_STATUS_ERROR_NOT_FOUND)
            st = no_default(http, err);
        else
            st = htx_cups_fail(NULL, err);
        httpClose(http);
        return st;
    }
    char copies[16];
    snprintf(copies, sizeof copies, "%d", req->copies < 1 ? 1 : req->copies);
    cups_option_t *options = NULL;
    int option_count = cupsAddOption("copies", copies, 0, &options);
    int id = cupsPrintFile2(http, dest->name, req->file, req->title && req->title[0] ? req->title : "htx",
                            option_count, options);
    if (id > 0)
        snprintf(job, HTX_PRINT_JOB_SIZE, "%s-%d", dest->name, id);
    else
        st = htx_cups_fail(dest->name, err);
    cupsFreeOptions(option_count, options);
    cupsFreeDests(1, dest);
    httpClose(http);
    return st;
}

htx_status htx_print_file(const htx_print_request *req, char job[HTX_PRINT_JOB_SIZE], htx_error *err)
{
    job[0] = '\0';
    if (req->command && req->command[0])
        return print_by_command(req, job, err);
    return print_by_cups(req, job, err);
}
