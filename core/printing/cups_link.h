/*
 * What the printing module's files share (private to core/printing/): the
 * connection to the CUPS scheduler and CUPS' errors read as htx errors.
 */
#ifndef HTX_CUPS_LINK_H
#define HTX_CUPS_LINK_H

#ifndef HTX_PRIVATE_CORE_PRINTING
#error "cups_link.h is private to core/printing/: include print.h or printers.h instead"
#endif

#include <cups/cups.h>

#include "error.h"

/*
 * Connects to the scheduler CUPS is configured for (CUPS_SERVER,
 * client.conf, the local socket) into *http; close it with httpClose.
 * Errors: MSG_PRINT_NO_SCHEDULER naming the server.
 */
htx_status htx_cups_connect(http_t **http, htx_error *err);

/*
 * The last CUPS request failed: its status as an htx error about printer
 * (the destination's name, or NULL for the default): MSG_PRINT_NO_SUCH_PRINTER,
 * MSG_PRINT_NO_SCHEDULER, MSG_PRINT_NOT_ACCEPTING, MSG_PRINT_FORBIDDEN, and
 * MSG_PRINT_FAILED with CUPS' own words for the rest.
 */
htx_status htx_cups_fail(const char *printer, htx_error *err);

#endif
