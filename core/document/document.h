/*
 * A printed list: the document model that every output draws.
 *
 * A document is a table in the administrative layout (Nghị định 30/2020,
 * Phụ lục I): the texts around it (the issuing body at the top left, the
 * national motto at the top right, the date line, the title and its
 * subject, the total and the signature block) and the table, its columns
 * described once and its cells read from the document's source.  The
 * plain-text pages (document_txt.h), the PDF (document_pdf.h) and the CSV
 * here draw any document alike: a club's roster (roster_doc.h), a list of
 * cooperatives (coop_list_doc.h).
 *
 * Documents are in Vietnamese whatever the interface language: they are
 * administrative papers of the Alliance.
 */
#ifndef HTX_DOCUMENT_H
#define HTX_DOCUMENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "date.h"
#include "doc_settings.h"
#include "error.h"

#define HTX_DOC_TEXT_SIZE (HTX_DSET_VALUE_SIZE + 64)

/* The texts around the table.  The names and signatures come from the
 * office's settings (doc_settings.h); texts of several lines hold "\n". */
typedef struct htx_doc_texts {
    char parent_body[HTX_DOC_TEXT_SIZE]; /* "LIÊN MINH HỢP TÁC XÃ THÀNH PHỐ HÀ NỘI"; "" for none */
    char issuer[HTX_DOC_TEXT_SIZE];      /* the issuing body in full, upper case */
    char number_line[HTX_DOC_TEXT_SIZE]; /* "Số:        /DS-CLB" */
    const char *nation;                  /* "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" */
    const char *motto;                   /* "Độc lập - Tự do - Hạnh phúc" */
    char date_line[96];                  /* the place and day of issue: "Hà Nội, ngày 28 tháng 11 năm 2026" */
    const char *title;                   /* "DANH SÁCH THÀNH VIÊN" */
    char subtitle[512];                  /* what the list is of */
    char as_of_line[96];                 /* "(tính đến ngày 31/12/2019)", or "" for a list of the day of issue */
    char total[96];                      /* "Tổng số: 250 thành viên" */
    char recipients[HTX_DOC_TEXT_SIZE];  /* "- Như trên;\n- Lưu: VT." */
    char capacity[HTX_DOC_TEXT_SIZE];    /* "TM. BAN CHỦ NHIỆM\nCHỦ NHIỆM" */
    char signer[HTX_DOC_TEXT_SIZE];      /* the signatory's full name; "" leaves room to write it */
} htx_doc_texts;

/*
 * A column of the table.  In plain text a column is as wide as its widest
 * cell (at least min_width), or, with share > 0, takes that many parts of
 * what the others leave and wraps its words.  On a page too narrow for the
 * widths of the content, the columns with a shrink_rank give up width,
 * rank 1 first, down to narrowest, and wrap.  In the PDF likewise: a
 * column without a share is as wide as its widest cell (and the widest word
 * of its title), the others share what is left.
 */
/* What a cell holds, for formats that keep types (a workbook): text, a
 * number, a date written dd/mm/yyyy, or a code of digits that stays text
 * (its leading zero kept). */
typedef enum htx_cell_kind { HTX_CELL_TEXT, HTX_CELL_NUMBER, HTX_CELL_DATE, HTX_CELL_CODE } htx_cell_kind;

typedef struct htx_doc_column {
    const char *title; /* "STT", "Tên HTX" … */
    int share;
    int min_width;
    int narrowest;
    int shrink_rank; /* 0: keeps its width */
    bool number; /* aligned right; a plain number in CSV */
    htx_cell_kind kind;
} htx_doc_column;

#define HTX_DOC_MAX_COLUMNS 8

/* The text of cell (row, col) of the source, as printed. */
typedef void (*htx_doc_cell_fn)(const void *source, int row, int col, char *out, size_t size);

typedef struct htx_document {
    htx_doc_texts texts;
    const htx_doc_column *columns; /* at most HTX_DOC_MAX_COLUMNS */
    int column_count;
    int row_count;
    htx_doc_cell_fn cell;
    const void *source;
    htx_date day;    /* the day the list is of */
    htx_date issued; /* the day it is issued */
    /* What a file of the document is called, in words: "danh sách CLB Nông nghiệp". */
    char file_words[256];
} htx_document;

/*
 * The texts every document shares: the nation and the motto, and from the
 * office's settings the issuing body, the number line, the recipients and
 * the signature.  issued is the day of issue (the date line); as_of, when
 * it is another day, is said under the title: a list as of 31/12/2019
 * printed today is dated today.
 */
void htx_doc_common_texts(htx_doc_texts *texts, const htx_doc_settings *settings, const char *number,
                          htx_date issued, htx_date as_of);

void htx_doc_cell(const htx_document *doc, int row, int col, char *out, size_t size);

/* "Trang 2/5" */
void htx_doc_page_label(int page, int pages, char *out, size_t size);

/*
 * The name a file of the document gets by default: its file words without
 * marks, lower case, joined by hyphens, then the day and the ending:
 * "danh-sach-clb-nong-nghiep-2026-12-02.pdf".
 */
void htx_doc_file_name(const htx_document *doc, const char *ending, char *out, size_t size);

/* A club's name as a file calls it: without the "các HTX" every club name
 * holds ("CLB các HTX Nông nghiệp" → "CLB Nông nghiệp"). */
void htx_doc_club_words(const char *club_name, char *out, size_t size);

/* CSV (RFC 4180, CRLF line ends) with a UTF-8 BOM when bom is set, so that
 * spreadsheets read the marks right; the header row holds the column titles. */
htx_status htx_doc_write_csv(const htx_document *doc, bool bom, FILE *out, htx_error *err);

#endif
