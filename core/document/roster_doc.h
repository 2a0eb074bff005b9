/*
 * The printed roster of a club: the document model shared by every output.
 *
 * A roster document holds the members of one club on one day, in the chosen
 * order, and the texts of the administrative layout around the table (the
 * organisation and the unit at the top left, the national motto at the top
 * right, the date line, the title, the total and the signature block).  The
 * CSV and TSV writers live here; the plain-text pages (roster_txt.h) and the
 * PDF (roster_pdf.h) read the same model, so every format shows the same
 * rows and words.
 *
 * The document is in Vietnamese whatever the interface language: it is an
 * administrative paper of the Alliance.
 */
#ifndef HTX_ROSTER_DOC_H
#define HTX_ROSTER_DOC_H

#include <stdio.h>

#include "date.h"
#include "error.h"
#include "refdata.h"
#include "roster.h"

/* The table's columns, left to right. */
typedef enum htx_roster_col {
    HTX_RCOL_NO,
    HTX_RCOL_NAME,
    HTX_RCOL_DISTRICT,
    HTX_RCOL_REPRESENTATIVE,
    HTX_RCOL_PHONE,
    HTX_RCOL_ROLE,
    HTX_RCOL_JOINED,
    HTX_RCOL_COUNT
} htx_roster_col;

typedef struct htx_roster_doc {
    const htx_club *club;
    htx_date as_of;
    htx_roster_sort sort;
    htx_roster_entry *entries;
    int count;
    int capacity;
} htx_roster_doc;

/* The texts around the table. */
typedef struct htx_roster_texts {
    const char *organisation; /* "LIÊN MINH HTX THÀNH PHỐ HÀ NỘI" */
    char unit[256];           /* the club's name, upper case */
    const char *nation;       /* "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" */
    const char *motto;        /* "Độc lập – Tự do – Hạnh phúc" */
    char date_line[96];       /* "Hà Nội, ngày 28 tháng 11 năm 2026" */
    const char *title;        /* "DANH SÁCH THÀNH VIÊN" */
    char subtitle[256];       /* the club's name, upper case */
    char total[96];           /* "Tổng số: 250 thành viên" */
    const char *signer;       /* "NGƯỜI LẬP BIỂU" */
    const char *sign_hint;    /* "(Ký, ghi rõ họ tên)" */
} htx_roster_texts;

/*
 * Reads the roster of club (a code or a name, marks optional) on as_of_iso
 * ("yyyy-mm-dd"; NULL or "" for today) into doc.  Unknown club or bad date:
 * HTX_ERR_INVALID.  Free with htx_roster_doc_free, also after a failure.
 */
htx_status htx_roster_doc_load(htx_store *s, const char *club, const char *as_of_iso,
                               htx_roster_sort sort, htx_roster_doc *doc, htx_error *err);
void htx_roster_doc_free(htx_roster_doc *doc);

void htx_roster_doc_texts(const htx_roster_doc *doc, htx_roster_texts *out);

/* The column's title in the table ("STT", "Tên HTX" …). */
const char *htx_roster_col_title(htx_roster_col col);
/* The column's key in TSV ("no", "name" …). */
const char *htx_roster_col_key(htx_roster_col col);

/* The text of one cell of row (0-based) as printed: row number, district
 * name, role name, joined date as dd/mm/yyyy. */
void htx_roster_cell(const htx_roster_doc *doc, int row, htx_roster_col col, char *out, size_t size);

/* "Trang 2/5" */
void htx_roster_page_label(int page, int pages, char *out, size_t size);

/* CSV (RFC 4180, CRLF line ends) with a UTF-8 BOM when bom is set, so that
 * spreadsheets read the marks right; the header row holds the column titles. */
htx_status htx_roster_write_csv(const htx_roster_doc *doc, bool bom, FILE *out, htx_error *err);
/* TSV for scripts: English keys, one member a line, role as its code, dates ISO. */
htx_status htx_roster_write_tsv(const htx_roster_doc *doc, FILE *out, htx_error *err);

#endif
