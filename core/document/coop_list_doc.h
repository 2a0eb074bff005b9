/*
 * A list of cooperatives as a document: the rows a filter gives (a
 * district, a sector, a status, a club's members, a search) in its order,
 * titled "DANH SÁCH HỢP TÁC XÃ" with what the list is of under it
 * ("Quận/huyện Thanh Trì; tìm: banh cuon"), issued by the Alliance.
 */
#ifndef HTX_COOP_LIST_DOC_H
#define HTX_COOP_LIST_DOC_H

#include "coop.h"
#include "date.h"
#include "document.h"
#include "error.h"
#include "query.h"
#include "store.h"

/* The table's columns, left to right. */
typedef enum htx_list_col {
    HTX_LCOL_NO,
    HTX_LCOL_CODE,
    HTX_LCOL_NAME,
    HTX_LCOL_ADDRESS,
    HTX_LCOL_DISTRICT,
    HTX_LCOL_SECTOR,
    HTX_LCOL_PHONE,
    HTX_LCOL_COUNT
} htx_list_col;

/* What a row of the list shows of a cooperative. */
typedef struct htx_list_row {
    char code[HTX_CODE_SIZE];
    char *name;
    char *address; /* in the new form (address.h) */
    char district[4];
    char sector[16];
    char phone[HTX_PHONE_SIZE];
} htx_list_row;

typedef struct htx_coop_list_doc {
    htx_date day;
    htx_date issued;           /* the day of issue: today unless chosen */
    char number[32];           /* the document's number; "" to write by hand */
    htx_doc_settings settings; /* the Alliance's names and signature */
    char scope[512];      /* "Quận/huyện Thanh Trì; tìm: banh cuon" */
    char file_words[256]; /* "danh sách HTX Thanh Trì banh cuon" */
    htx_list_row *rows;
    int count;
    int capacity;
} htx_coop_list_doc;

/* Reads the cooperatives filter gives, in its order, as of today.  Free
 * with htx_coop_list_doc_free, also after a failure. */
htx_status htx_coop_list_doc_load(htx_store *s, const htx_filter *filter, htx_coop_list_doc *doc, htx_error *err);
/* The same without the rows: what the list is of (its words, its day). */
void htx_coop_list_doc_init(const htx_filter *filter, htx_coop_list_doc *doc);
void htx_coop_list_doc_free(htx_coop_list_doc *doc);

/* What the list is of, in words, as the document's subject says it. */
void htx_coop_list_scope(const htx_filter *filter, char *out, size_t size);

/* The list as a document, which reads doc: doc must outlive it. */
void htx_coop_list_document(const htx_coop_list_doc *doc, htx_document *out);

#endif
