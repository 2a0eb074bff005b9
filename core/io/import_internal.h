/*
 * What the parts of the importer share (private to core/import*.c):
 *
 *   import_file.c         options, reading and decoding a file, its header
 *   import.c              the run: every row checked and written, rejects
 *   import_tally.c        the problems found and the codes met, as it reads
 *   import_memberships.c  the memberships file that goes with a register
 */
#ifndef HTX_IMPORT_INTERNAL_H
#define HTX_IMPORT_INTERNAL_H

#ifndef HTX_PRIVATE_CORE_IO
#error "import_internal.h is private to core/io/: include the folder's public headers instead"
#endif

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "import.h"
#include "outfile.h"

/* The codes met in the file, with the line each was first on. */
typedef struct code_slot {
    char code[HTX_CODE_SIZE];
    long line;
} code_slot;

typedef struct code_set {
    code_slot *slots;
    size_t cap, count;
} code_set;

/* Records code at line; returns the line it was first seen on, 0 when new,
 * -1 when out of memory (import_tally.c, as the problems below). */
long imp_code_set_add(code_set *set, const char *code, long line);
bool imp_code_set_has(code_set *set, const char *code);

/* The rejected rows are written through an outfile (outfile.h), which takes
 * its name only when the import commits: a refused import leaves no rejects
 * file, and an older one is replaced whole or not at all. */
typedef struct rejects {
    const char *path;
    htx_outfile file;
    FILE *out;
    bool failed;
} rejects;

/* One import in progress. */
typedef struct import_run {
    htx_store *store;
    const htx_import_file *file;
    const htx_import_options *opt;
    htx_import_result *result;
    code_set codes;
    rejects rejects;
    const char *user;
    bool writing; /* false once a row failed in all-or-nothing mode */
    bool file_broken; /* a quote left open: nothing can be imported */
    struct {
        char name[64];
        char code[4];
    } districts[64];
    size_t district_count;
} import_run;

/* Reads path and decodes it to NFC (enc may be AUTO); *used gets the
 * encoding read, when not NULL. */
htx_status imp_read_text(const char *path, htx_encoding enc, char **text, size_t *len, htx_encoding *used,
                         htx_error *err);
/* s without the spaces and tabs around it, fresh; NULL when out of memory. */
char *imp_trimmed_copy(const char *s);
/* Records a problem of line; false when out of memory. */
bool imp_add_problem(htx_import_result *r, long line, bool in_memberships, const htx_error *e);
/* Imports opt->memberships_path inside run's transaction. */
htx_status imp_import_memberships(import_run *run, htx_error *err);

#endif
