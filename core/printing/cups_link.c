/*
 * The connection to CUPS and its errors (cups_link.h).
 */
#include "cups_link.h"

#include <stdio.h>
#include <stdlib.h>

#include "display.h"

/* How long a connection may take: the scheduler is local, or near. */
#define CONNECT_TIMEOUT_MS 10000

htx_status htx_cups_connect(http_t **http, htx_error *err)
{
    const char *server = cupsServer();
    *http = httpConnect2(server, ippPort(), NULL, AF_UNSPEC, cupsEncryption(), 1, CONNECT_TIMEOUT_MS, NULL);
    if (!*http)
        return htx_fail(err, HTX_ERR_IO, MSG_PRINT_NO_SCHEDULER, NULL, server, NULL);
    return HTX_OK;
}

/* CUPS' words for an error, as one line without controls. */
static void cups_words(char *out, size_t size)
{
    const char *said = cupsLastErrorString();
    char *safe = htx_text_sanitize(said ? said : "");
    snprintf(out, size, "%s", safe && safe[0] ? safe : ippErrorString(cupsLastError()));
    free(safe);
}

htx_status htx_cups_fail(const char *printer, htx_error *err)
{
    char words[HTX_ERROR_ARG_MAX];
    cups_words(words, sizeof words);
    const char *name = printer && printer[0] ? printer : "";
    switch (cupsLastError()) {
    case IPP_STATUS_ERROR_NOT_FOUND:
        return htx_fail(err, HTX_ERR_NOT_FOUND, MSG_PRINT_NO_SUCH_PRINTER, NULL, name, NULL);
    case IPP_STATUS_ERROR_SERVICE_UNAVAILABLE:
        return htx_fail(err, HTX_ERR_IO, MSG_PRINT_NO_SCHEDULER, NULL, cupsServer(), NULL);
    case IPP_STATUS_ERROR_NOT_ACCEPTING_JOBS:
        return htx_fail(err, HTX_ERR_IO, MSG_PRINT_NOT_ACCEPTING, NULL, name, NULL);
    case IPP_STATUS_ERROR_FORBIDDEN:
    case IPP_STATUS_ERROR_NOT_AUTHORIZED:
    case IPP_STATUS_ERROR_NOT_AUTHENTICATED:
    case IPP_STATUS_ERROR_CUPS_AUTHENTICATION_CANCELED:
        return htx_fail(err, HTX_ERR_IO, MSG_PRINT_FORBIDDEN, NULL, name, words);
    default:
        return htx_fail(err, HTX_ERR_IO, MSG_PRINT_FAILED, NULL, name, words);
    }
}
