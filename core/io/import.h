/*
 * Importing the register from a CSV/TSV file or a workbook (.xlsx, .ods,
 * .xls: workbook_read.h), told apart by the file's first bytes.
 *
 * A file is opened first (htx_import_open): a regular file only (a device,
 * a FIFO or a directory is refused at once), its encoding detected from
 * its first block unless given, its separator detected and its header
 * mapped to fields — Vietnamese or English labels or keys, marks and case
 * ignored (htx_field_find), or as --map says.  Unknown columns are listed,
 * not fatal.  The header is the first of the first rows where most cells
 * name fields (rows above it, such as titles, are skipped and counted), or
 * the line opt->header_row names.  A numbering column (STT, TT, Số TT) is
 * recognised and ignored.  A screen can show that and a preview (htx_import_rows_open:
 * the first rows) before anything is written.
 *
 * The file is never held whole: it is read block by block, decoded
 * (encoding.h, htx_decoder) and split into records as it goes, so memory
 * stays flat whatever its size; a line or a record longer than
 * HTX_IMPORT_MAX_LINE is refused, naming its line.
 *
 * htx_import_run() then validates every row by the rules every entry path
 * shares (htx_coop_set, htx_coop_check): all or nothing by default, every
 * problem collected with its line number.  With skip_invalid the valid rows
 * go in and the rejected ones are written, with their reason, to a file in
 * the sender's format (the same encoding and separator; an .xlsx for a
 * workbook).  A second file of memberships (code, club, role, joined, left —
 * what htx_export_memberships writes) may be imported in the same
 * transaction.
 *
 * The write lock is taken only once every row has been read and checked
 * (see import.c): the rows ready to be written wait in a temporary file,
 * and the transaction does the inserts alone, so that a colleague's save
 * during a long import waits a moment instead of failing.
 */
#ifndef HTX_IMPORT_H
#define HTX_IMPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "coop.h"
#include "csv_read.h"
#include "encoding.h"
#include "store.h"
#include "workbook_read.h"

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
    const char *sheet;     /* of a workbook: NULL the first, a name or a number */
    long header_row;       /* the header's line (row of a sheet); 0 finds it */
    /* The district of rows that name none (no district column, or its cell
     * empty); NULL: the district named in the address ("…, huyện Gia Lâm")
     * when it is one district's, else the row is refused for lacking it. */
    const char *district;
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
    bool numbering; /* STT, TT, Số TT: the rows' numbers, ignored */
} htx_import_column;

/* Rows looked at for the header when it is not given. */
#define HTX_IMPORT_HEADER_SEARCH 30

/* The longest line, and the longest record, an import reads. */
#define HTX_IMPORT_MAX_LINE (1024 * 1024)

typedef struct htx_import_file {
    size_t len; /* the file's size in bytes */
    htx_encoding encoding; /* never AUTO */
    bool detected; /* encoding chosen by detection */
    bool unsure;   /* detected on thin evidence: the preview says so */
    char separator;
    htx_workbook_kind workbook; /* HTX_WORKBOOK_NONE for text */
    long header_line;  /* where the header is (a sheet's row number) */
    long lines_above;  /* non-blank lines above it, skipped (titles) */
    htx_import_column *columns;
    size_t column_count;
    struct htx_import_source *source; /* the open file (private) */
} htx_import_file;

/* Opens path, decodes its first block, and maps its header.  Errors:
 * opt->district not a district (its field's message), I/O
 * (MSG_IO), not a regular file (MSG_IMPORT_IS_DIRECTORY,
 * MSG_IMPORT_NOT_REGULAR), bad bytes in the first block
 * (MSG_BAD_ENCODING), a line too long, no header, an unknown --map field,
 * two columns for one field, no code column.  The file stays open until
 * htx_import_close: what is imported is what was opened, even if the name
 * is given to another file meanwhile. */
htx_status htx_import_open(const char *path, const htx_import_options *opt, htx_import_file **out,
                           htx_error *err);
void htx_import_close(htx_import_file *f);

/*
 * The data rows of f (after its header), read from the file's start again
 * each time rows are opened: a preview reads a few, the run all of them.
 * htx_import_rows_next() is htx_csv_next(): HTX_OK, HTX_ERR_NOT_FOUND at
 * the end, HTX_ERR_INVALID for a quote left open, bad bytes or a line too
 * long (err says which, with the line; nothing after it can be read).
 */
typedef struct htx_import_rows htx_import_rows;

htx_status htx_import_rows_open(const htx_import_file *f, htx_import_rows **out, htx_error *err);
htx_status htx_import_rows_next(htx_import_rows *r, htx_csv_row *row, htx_error *err);
/* Bytes of the file read so far (for progress: of f->len). */
size_t htx_import_rows_bytes_read(const htx_import_rows *r);
void htx_import_rows_close(htx_import_rows *r);

/* Where a row's district came from. */
typedef enum htx_district_source {
    HTX_DISTRICT_OWN,          /* its own cell (or none: then it lacks one) */
    HTX_DISTRICT_GIVEN,        /* opt->district */
    HTX_DISTRICT_FROM_ADDRESS, /* the district its address names */
} htx_district_source;

/* What the import makes of one row of f, without the store: c as the row's
 * cells set it (each value read by the field's rules: "500 triệu" becomes
 * 500000000, "2018" a year alone) and its district as the import would
 * find it (*from says where), every problem in report.  For a preview that
 * shows each conversion.  HTX_OK, or HTX_ERR_INVALID when report has
 * errors. */
htx_status htx_import_convert_row(const htx_import_file *f, const htx_import_options *opt, const htx_csv_row *row,
                                  htx_coop *c, htx_report *report, htx_district_source *from);

typedef struct htx_import_problem {
    long line;
    bool in_memberships; /* the line is in the memberships file */
    htx_error error;
} htx_import_problem;

/* Problems kept in a result: past this the last one says how many more
 * there are, from which line on (a file of nothing but errors must not
 * fill the memory with them). */
#define HTX_IMPORT_PROBLEMS_MAX 10000

typedef struct htx_import_result {
    long rows, inserted, updated, skipped, rejected, memberships;
    long district_given;        /* rows that took opt->district */
    long district_from_address; /* rows whose district is the address's */
    htx_import_problem *problems;
    size_t problem_count, problem_cap;
    size_t problems_not_listed; /* beyond HTX_IMPORT_PROBLEMS_MAX */
    bool committed;
    double write_seconds; /* how long the write lock was held */
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
/* The same for the file f opened from path, in its format: "name.rejected"
 * with the file's own ending (.csv, .txt, …), or .xlsx for a workbook. */
void htx_import_file_rejects_path(const htx_import_file *f, const char *path, char *out, size_t size);
/* The memberships file that goes with the register file path:
 * "name.memberships.csv" beside it (what the export writes). */
void htx_import_memberships_path(const char *path, char *out, size_t size);

#endif
