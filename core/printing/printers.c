/*
 * The printers CUPS knows (printers.h).
 */
#include "printers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cups_link.h"
#include "display.h"

static void copy_safe(const char *text, char *out, size_t size)
{
    char *safe = htx_text_sanitize(text ? text : "");
    snprintf(out, size, "%s", safe ? safe : "");
    free(safe);
}

static void describe(const cups_dest_t *dest, htx_printer *p)
{
    snprintf(p->name, sizeof p->name, "%s", dest->name);
    /* CUPS gives the name again when a queue was set up without a description */
    const char *info = cupsGetOption("printer-info", dest->num_options, dest->options);
    if (info && strcmp(info, dest->name) != 0)
        copy_safe(info, p->description, sizeof p->description);
    p->is_default = dest->is_default != 0;
}

htx_status htx_printers_list(htx_printer_list *list, htx_error *err)
{
    memset(list, 0, sizeof *list);
    list->default_index = -1;
    http_t *http;
    htx_status st = htx_cups_connect(&http, err);
    if (st != HTX_OK)
        return st;
    cups_dest_t *dests = NULL;
    int count = cupsGetDests2(http, &dests);
    /* a scheduler without printers answers "not found": an empty list */
    ipp_status_t said = cupsLastError();
    if (count == 0 && said >= IPP_STATUS_ERROR_BAD_REQUEST && said != IPP_STATUS_ERROR_NOT_FOUND)
        st = htx_cups_fail(NULL, err);
    if (st == HTX_OK && count > 0) {
        list->items = calloc((size_t)count, sizeof *list->items);
        if (!list->items)
            st = htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
    }
    for (int i = 0; st == HTX_OK && i < count; i++) {
        /* an instance (name/instance) is a set of saved options, not another printer */
        if (dests[i].instance)
            continue;
        htx_printer *p = &list->items[list->count];
        describe(&dests[i], p);
        if (p->is_default)
            list->default_index = list->count;
        list->count++;
    }
    cupsFreeDests(count, dests);
    httpClose(http);
    return st;
}

void htx_printers_free(htx_printer_list *list)
{
    free(list->items);
    list->items = NULL;
    list->count = 0;
    list->default_index = -1;
}
