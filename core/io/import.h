/*
 * Importing the register from a CSV/TSV file.
 *
 * A file is opened first (htx_import_open): read, decoded (encoding.h,
 * auto-detected unless given), its separator detected and its header
 * mapped to fields — Vietnamese or English labels or keys, marks and case
 * ignored (htx_field_find), or as --map says.  Unknown columns are listed,
 * not fatal.  A screen can show that and a preview before anything is
 * written.
 *
 * htx_import_run() then validates every row by the rules every entry path
 * shares (htx_coop_set, htx_coop_check) and writes in one transaction: all
 * or nothing by default, every problem collected with its line number.
 * With skip_invalid the valid rows go in and the rejected ones are written,
 * with their reason, to a CSV file.  A second file of memberships (code,
 * club, role, joined, left — what htx_export_memberships writes) may be
 * imported in the same transaction.
 */
#ifndef HTX_IMPORT_H
#define HTX_IMPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "coop.h"
#include "encoding.h"
#include "store.h"

typedef enum htx_on_duplicate {
    HTX_ON_DUPLICATE_FAIL,   /* a code already registered is an error */
    HTX_ON_DUPLICATE_SKIP,   /* keep the stored record */
    HTX_ON_DUPLICATE_UPDATE, /* the mapped columns replace the stored values */
} htx_on_duplicate;

int htx_on_duplicate_parse(const char *text); /* "fail", "skip", "update"; -1 */

typedef struct htx_column_map {
    const char *column; /* header as in the file */
    const char *field;  /* field key or label; "" or "-" ignores the column */
} htx_column_map;

typedef struct htx_import_options {
    htx_encoding encoding; /* HTX_ENC_AUTO detects */
    const htx_column_map *maps;
    size_t map_count;
    htx_on_duplicate on_duplicate;
    bool skip_invalid;
    bool dry_run;            /* validate everything, then roll back */
    const char *user;        /* for the change log */
    htx_lang lang;           /* of the reasons in the rejected-rows file */
    const char *memberships_path; /* NULL: no memberships */
    const char *rejects_path;     /* with skip_invalid; NULL: not written */
    /* Called now and then with how far the work is (0..total), e.g. for a
     * progress bar. */
    void (*progress)(void *ctx, size_t done, size_t total);
    void *progress_ctx;
} htx_import_options;

void htx_import_options_init(htx_import_options *o);

typedef struct htx_import_column {
    char *header;
    int field; /* htx_field_id, or -1: not imported */
} htx_import_column;

typedef struct htx_import_file {
    char *text; /* decoded, NFC */
    size_t len;
    htx_encoding encoding;
    bool detected; /* encoding chosen by detection */
    char separator;
    htx_import_column *columns;
    size_t column_count;
    size_t data_start; /* offset of the first line after the header */
    long data_line;
} htx_import_file;

/* Reads and decodes path and maps its header.  Errors: I/O (MSG_IO), bad
 * bytes (MSG_BAD_ENCODING), no header, an unknown --map field, two columns
 * for one field, no code column. */
htx_status htx_import_open(const char *path, const htx_import_options *opt, htx_import_file **out,
                           htx_error *err);
void htx_import_close(htx_import_file *f);

typedef struct htx_import_problem {
    long line;
    bool in_memberships; /* the line is in the memberships file */
    htx_error error;
} htx_import_problem;

typedef struct htx_import_result {
    long rows, inserted, updated, skipped, rejected, memberships;
    htx_import_problem *problems;
    size_t problem_count, problem_cap;
    bool committed;
} htx_import_result;

/*
 * Imports the rows of f.  Returns HTX_OK when the work was committed (or,
 * for a dry run, would have been), HTX_ERR_INVALID when rows are invalid
 * and skip_invalid is off (nothing written; the problems are in result),
 * another status for a failure of the store or of the files (in err).
 */
htx_status htx_import_run(htx_store *s, const htx_import_file *f, const htx_import_options *opt,
                          htx_import_result *result, htx_error *err);
void htx_import_result_free(htx_import_result *r);

/* Room for a sibling path of any path the system can open (PATH_MAX
 * bytes): the stem plus the longest suffix, never truncated. */
#define HTX_SIBLING_PATH_SIZE (4096 + 32)

/* Where rejected rows of path go: beside it, "name.rejected.csv". */
void htx_import_rejects_path(const char *path, char *out, size_t size);
/* The memberships file that goes with the register file path:
 * "name.memberships.csv" beside it (what the export writes). */
void htx_import_memberships_path(const char *path, char *out, size_t size);

#endif
