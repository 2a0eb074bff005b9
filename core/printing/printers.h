/*
 * The printers CUPS knows: what the print dialog offers to choose from.
 *
 * The list comes from the scheduler (through libcups), in CUPS' order, with
 * the default destination marked: the user's own default (lpoptions) or the
 * scheduler's.  A printer's name is what a job is sent to; its description
 * ("Máy in phòng Kế toán") is what people call it.
 */
#ifndef HTX_PRINTERS_H
#define HTX_PRINTERS_H

#include <stdbool.h>

#include "error.h"

#define HTX_PRINTER_NAME_SIZE 128 /* CUPS allows 127 bytes */

typedef struct htx_printer {
    char name[HTX_PRINTER_NAME_SIZE];
    char description[256]; /* "" when CUPS has none but the name */
    bool is_default;
} htx_printer;

typedef struct htx_printer_list {
    htx_printer *items;
    int count;
    int default_index; /* -1 when no printer is the default */
} htx_printer_list;

/*
 * Reads the printers into list (none is not an error).  Errors:
 * MSG_PRINT_NO_SCHEDULER when CUPS does not answer.  Free with
 * htx_printers_free, also after a failure.
 */
htx_status htx_printers_list(htx_printer_list *list, htx_error *err);
void htx_printers_free(htx_printer_list *list);

#endif
