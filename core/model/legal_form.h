/*
 * The legal form at the head of a cooperative's name, and the distinctive
 * name that follows it.
 *
 * Offices write the same legal form many ways: "Hợp tác xã Đồng Tâm",
 * "HTX Đồng Tâm", "HTX DV Đồng Tâm", "HTX dịch vụ Đồng Tâm" are one
 * cooperative's name, and "Quỹ tín dụng nhân dân Đồng Tâm" is the same as
 * "QTDND Đồng Tâm".  The duplicate check compares names without that
 * prefix, and the list can sort by what follows it so that such names sit
 * together.  A credit fund stays apart from a cooperative of the same
 * distinctive name: its comparison form keeps a mark of its legal form.
 *
 * Characters of Unicode's format category (zero-width space, BOM …) are
 * invisible and ignored; other punctuation separates words.
 */
#ifndef HTX_LEGAL_FORM_H
#define HTX_LEGAL_FORM_H

#include <stddef.h>

typedef struct htx_distinctive_name {
    /* Where the distinctive name starts in the name (bytes); 0 when the
     * name has no legal-form prefix or is nothing but one. */
    size_t offset;
    /* The form the duplicate check compares: the distinctive name's words,
     * folded (no case, no marks, đ → d) and one space apart, after "qtdnd "
     * for a credit fund.  Malloc'd. */
    char *comparison;
} htx_distinctive_name;

/* Splits name (valid UTF-8).  Returns 0, or -1 when out of memory. */
int htx_distinctive_name_of(const char *name, htx_distinctive_name *out);
void htx_distinctive_name_free(htx_distinctive_name *d);

#endif
