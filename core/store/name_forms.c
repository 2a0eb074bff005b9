#include "name_forms.h"

#include <stdlib.h>
#include <string.h>

#include "collate.h"
#include "fold.h"
#include "legal_form.h"

htx_status htx_name_forms_make(const char *name, htx_name_forms *f, htx_error *err)
{
    memset(f, 0, sizeof *f);
    htx_distinctive_name d;
    bool ok = htx_distinctive_name_of(name, &d) == 0;
    f->distinctive_plain = ok ? d.comparison : NULL;
    ok = ok && (f->plain = htx_fold_plain(name)) != NULL;
    ok = ok && htx_collate_key(name, &f->key, &f->key_len) == 0;
    ok = ok && htx_collate_key(name + d.offset, &f->distinctive_key, &f->distinctive_key_len) == 0;
    if (!ok) {
        htx_name_forms_free(f);
        return htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
    }
    return HTX_OK;
}

void htx_name_forms_free(htx_name_forms *f)
{
    free(f->key);
    free(f->plain);
    free(f->distinctive_key);
    free(f->distinctive_plain);
    memset(f, 0, sizeof *f);
}

/* Binds to name when the statement has it: the migration writes only the
 * distinctive forms. */
static int bind_blob(sqlite3_stmt *stmt, const char *name, const void *data, size_t length)
{
    int index = sqlite3_bind_parameter_index(stmt, name);
    return index ? sqlite3_bind_blob(stmt, index, data, (int)length, SQLITE_STATIC) : SQLITE_OK;
}

static int bind_text(sqlite3_stmt *stmt, const char *name, const char *text)
{
    int index = sqlite3_bind_parameter_index(stmt, name);
    return index ? sqlite3_bind_text(stmt, index, text, -1, SQLITE_STATIC) : SQLITE_OK;
}

int htx_name_forms_bind(sqlite3_stmt *stmt, const htx_name_forms *f)
{
    int rc = bind_blob(stmt, ":name_key", f->key, f->key_len);
    if (rc == SQLITE_OK)
        rc = bind_text(stmt, ":name_plain", f->plain);
    if (rc == SQLITE_OK)
        rc = bind_blob(stmt, ":distinctive_key", f->distinctive_key, f->distinctive_key_len);
    if (rc == SQLITE_OK)
        rc = bind_text(stmt, ":distinctive_plain", f->distinctive_plain);
    return rc;
}
