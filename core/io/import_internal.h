/*
 * What the parts of the importer share (private to core/import*.c):
 *
 *   import_file.c         options, opening a file, its header
 *   import_stream.c       a file read block by block, decoded, in records
 *   import.c              the run: every row checked, then written
 *   import_rejects.c      the rows set aside, in the format they came in
 *   import_spool.c        the rows checked, waiting for the write phase
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
#include "registry.h"

/* The codes met in the file, with the line each was first on.  A code of
 * the usual form (10 digits, maybe -NNN) is kept as a number: 12 bytes a
 * slot, so that the codes of a million rows take some 20 MB; any other in
 * the string slots. */
typedef struct code_slot {
    char code[HTX_CODE_SIZE];
    long line;
} code_slot;

typedef struct code_set {
    code_slot *slots;
    size_t cap, count;
    uint64_t *keys;   /* packed codes, 0 for an empty slot */
    uint32_t *lines;
    size_t key_cap, key_count;
} code_set;

void imp_code_set_free(code_set *set);

/* Records code at line; returns the line it was first seen on, 0 when new,
 * -1 when out of memory (import_tally.c, as the problems below). */
long imp_code_set_add(code_set *set, const char *code, long line);
bool imp_code_set_has(code_set *set, const char *code);

/* The rejected rows are written through an outfile (outfile.h), which takes
 * its name only when the import commits: a refused import leaves no rejects
 * file, and an older one is replaced whole or not at all.  They are written
 * as the source came, so that the office can correct them and send them
 * again: a text file in its encoding with its separator, a workbook as an
 * .xlsx (libxlsxwriter). */
typedef struct rejects {
    const char *path;
    const htx_import_file *source;
    htx_outfile file;
    FILE *out;
    struct lxw_workbook *book; /* for a workbook's rows */
    struct lxw_worksheet *sheet;
    unsigned long rows_written;
    bool failed;
} rejects;

void imp_rejects_write(rejects *rj, const htx_csv_row *row, const char *reason, htx_lang lang);
/* Whether every rejected row could be written. */
htx_status imp_rejects_check(const rejects *rj, htx_error *err);
/* After the transaction: the file takes its name, or goes. */
htx_status imp_rejects_settle(rejects *rj, bool committed, htx_error *err);

/* ---- a file read as a stream (import_stream.c) ---------------------------- */

/* The file an htx_import_file was opened from (private to core/io). */
typedef struct htx_import_source {
    int fd;
    char *path;
    htx_workbook *book; /* a workbook's, or NULL for text */
} htx_import_source;

/* Opens path for reading: a regular file, else MSG_IMPORT_IS_DIRECTORY or
 * MSG_IMPORT_NOT_REGULAR at once (a FIFO is not waited on); *size its size. */
htx_status imp_file_open(const char *path, int *fd, size_t *size, htx_error *err);

/* Records read from fd from its first byte (by pread: streams over one file
 * do not disturb each other), decoded from enc (AUTO detects from the first
 * block; *used gets it), split by separator (0: detected from the first
 * line, *sep_used gets it). */
typedef struct htx_import_rows imp_stream;
htx_status imp_stream_open(int fd, const char *path, htx_encoding enc, char separator,
                           imp_stream **out, htx_encoding *used, char *sep_used, htx_error *err);
/* The rows of a workbook's sheet as a stream (len: the file's size, for
 * the bytes read). */
htx_status imp_sheet_open(htx_workbook *book, size_t len, imp_stream **out, htx_error *err);
/* htx_csv_next() on the stream, or the sheet's next row. */
htx_status imp_stream_next(imp_stream *s, htx_csv_row *row, htx_error *err);
/* Whether the encoding was detected on thin evidence (htx_encoding_detect). */
bool imp_stream_unsure(const imp_stream *s);
/* The line of the error a stream stopped on (open quote, bad bytes, line
 * or record too long), 0 when it names none. */
long imp_error_line(const htx_error *e);

/* ---- the rows checked, waiting for the write phase (import_spool.c) ----- */

enum { SPOOL_INSERT = 1, SPOOL_UPDATE = 2 };

/* A temporary file (unlinked at once: it goes with the process). */
typedef struct spool {
    FILE *file;
    long count;
    char *buf; /* for reading back */
    size_t buf_cap;
} spool;

typedef struct spool_entry {
    long line;
    int action;
    htx_coop_prepared prepared; /* SPOOL_INSERT; pointing into the spool's buffer */
    const htx_csv_row *row;     /* the row as read, for the rejects file, or NULL */
} spool_entry;

htx_status imp_spool_open(spool *sp, htx_error *err);
/* Adds c (with p for an insert; the id and version for an update) and,
 * when row is not NULL, the row as read. */
htx_status imp_spool_put(spool *sp, long line, int action, const htx_coop *c, const htx_coop_prepared *p,
                         const htx_csv_row *row, htx_error *err);
htx_status imp_spool_rewind(spool *sp, htx_error *err);
/* The next entry into e and c (and *row, the row as read, when it was kept);
 * HTX_ERR_NOT_FOUND at the end. */
htx_status imp_spool_get(spool *sp, spool_entry *e, htx_coop *c, htx_csv_row *row, htx_error *err);
void imp_spool_close(spool *sp);

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
    bool in_tx;       /* the write phase: rows are in the store */
    spool spool;
    long to_insert, to_update; /* rows checked and spooled */
    struct {
        char name[64];
        char code[4];
    } districts[64];
    size_t district_count;
} import_run;

/* s without the spaces and tabs around it, fresh; NULL when out of memory. */
char *imp_trimmed_copy(const char *s);
/* Records a problem of line; false when out of memory. */
bool imp_add_problem(htx_import_result *r, long line, bool in_memberships, const htx_error *e);
/* Imports opt->memberships_path inside run's transaction. */
htx_status imp_import_memberships(import_run *run, htx_error *err);

#endif
