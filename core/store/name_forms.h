/*
 * The columns stored beside a cooperative's name (private to core/store/):
 * name_key, its Vietnamese collation key (ORDER BY through a plain index);
 * name_plain, its plain fold (the search prefilter); distinctive_key, the
 * collation key of the name after its legal form (the list's order "by
 * distinctive name"); distinctive_plain, the form the duplicate check
 * compares (legal_form.h).  Written by every insert and update and by the
 * migration that added the distinctive columns, so they are computed here
 * once.
 */
#ifndef HTX_NAME_FORMS_H
#define HTX_NAME_FORMS_H

#ifndef HTX_PRIVATE_CORE_STORE
#error "name_forms.h is private to core/store/: include the folder's public headers instead"
#endif

#include <sqlite3.h>
#include <stddef.h>

#include "error.h"

typedef struct htx_name_forms {
    unsigned char *key;
    size_t key_len;
    char *plain;
    unsigned char *distinctive_key;
    size_t distinctive_key_len;
    char *distinctive_plain;
} htx_name_forms;

htx_status htx_name_forms_make(const char *name, htx_name_forms *f, htx_error *err);
void htx_name_forms_free(htx_name_forms *f);

/* Binds the forms to those of :name_key, :name_plain, :distinctive_key and
 * :distinctive_plain the statement has (without copying: f must outlive the
 * step); SQLite's result code. */
int htx_name_forms_bind(sqlite3_stmt *stmt, const htx_name_forms *f);

#endif
