/*
 * The printed roster of a club.
 *
 * A roster holds the members of one club on one day, in the chosen order.
 * As a document (document.h) it is the club's list of members under the
 * Alliance and the club, titled "DANH SÁCH THÀNH VIÊN": the plain-text
 * pages, the PDF and the CSV draw it as they draw any document, so every
 * format shows the same rows and words.  The TSV for scripts lives here.
 */
#ifndef HTX_ROSTER_DOC_H
#define HTX_ROSTER_DOC_H

#include <stdbool.h>
#include <stdio.h>

#include "date.h"
#include "document.h"
#include "error.h"
#include "refdata.h"
#include "roster.h"

/* The table's columns, left to right. */
typedef enum htx_roster_col {
    HTX_RCOL_NO,
    HTX_RCOL_CODE,
    HTX_RCOL_NAME,
    HTX_RCOL_ADDRESS,
    HTX_RCOL_REPRESENTATIVE,
    HTX_RCOL_PHONE,
    HTX_RCOL_ROLE,
    HTX_RCOL_JOINED,
    HTX_RCOL_COUNT
} htx_roster_col;

typedef struct htx_roster_doc {
    const htx_club *club;
    htx_date as_of;
    htx_date issued;           /* the day of issue: today unless chosen */
    char number[32];           /* the document's number; "" to write by hand */
    htx_doc_settings settings; /* the club's names and signature */
    htx_roster_sort sort;
    htx_roster_entry *entries;
    char **seats; /* each member's address in the new form, made once (address.h) */
    int count;
    int capacity;
} htx_roster_doc;

/*
 * Reads the roster of club (a code or a name, marks optional) on as_of_iso
 * ("yyyy-mm-dd"; NULL or "" for today) into doc, with the club's document
 * settings; issued is today and the number blank until the caller sets
 * them.  The signatory is, unless staff set one, the representative of the
 * club's chair.  Unknown club or bad date:
 * HTX_ERR_INVALID.  Free with htx_roster_doc_free, also after a failure.
 */
htx_status htx_roster_doc_load(htx_store *s, const char *club, const char *as_of_iso,
                               htx_roster_sort sort, htx_roster_doc *doc, htx_error *err);
/* The same without the members: what the roster is of (its name, its day),
 * with the default settings. */
htx_status htx_roster_doc_init(const char *club, const char *as_of_iso, htx_roster_sort sort, htx_roster_doc *doc,
                               htx_error *err);
void htx_roster_doc_free(htx_roster_doc *doc);

/* Adds a member at the end (what loading does for each row); false when
 * out of memory. */
bool htx_roster_doc_append(htx_roster_doc *doc, const htx_roster_entry *e);

/*
 * The roster as a document: its columns, the texts around the table, and
 * the file words "danh sách CLB Nông nghiệp" (the club's name without the
 * "các HTX" every club name holds).  The document reads doc, which must
 * outlive it.
 */
void htx_roster_document(const htx_roster_doc *doc, htx_document *out);

/* The column's key in TSV ("no", "name" …). */
const char *htx_roster_col_key(htx_roster_col col);

/* The text of one cell of row (0-based) as printed: row number, the
 * address in the new form (address.h), the phone in groups, role name,
 * joined date as dd/mm/yyyy. */
void htx_roster_cell(const htx_roster_doc *doc, int row, htx_roster_col col, char *out, size_t size);

/* TSV for scripts: English keys, one member a line, role as its code, dates ISO. */
htx_status htx_roster_write_tsv(const htx_roster_doc *doc, FILE *out, htx_error *err);

#endif
