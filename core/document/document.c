/*
 * The document model (document.h): what every document shares, and CSV.
 */
#include "document.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "fold.h"
#include "stream_out.h"
#include "text.h"
#include "textout.h"

/* Copies a setting's lines into a text of the document. */
static void copy_lines(const char *value, char *out, size_t size)
{
    htx_doc_setting_lines(value, out, size);
}

void htx_doc_common_texts(htx_doc_texts *texts, const htx_doc_settings *settings, const char *number,
                          htx_date issued, htx_date as_of)
{
    const char(*v)[HTX_DSET_VALUE_SIZE] = settings->value;
    snprintf(texts->parent_body, sizeof texts->parent_body, "%s", v[HTX_DSET_PARENT_BODY]);
    htx_text_upper(v[HTX_DSET_ISSUER], texts->issuer, sizeof texts->issuer);
    htx_doc_number_line(v[HTX_DSET_NUMBER], number, issued, texts->number_line, sizeof texts->number_line);
    texts->nation = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    /* NĐ 30 writes the motto with hyphens between its phrases. */
    texts->motto = "Độc lập - Tự do - Hạnh phúc";
    htx_date_line("Hà Nội", issued, texts->date_line, (int)sizeof texts->date_line);
    texts->as_of_line[0] = '\0';
    if (htx_date_compare(as_of, issued) != 0) {
        char day[HTX_ISO_DATE_SIZE];
        htx_date_display(as_of, day);
        snprintf(texts->as_of_line, sizeof texts->as_of_line, "(tính đến ngày %s)", day);
    }
    copy_lines(v[HTX_DSET_RECIPIENTS], texts->recipients, sizeof texts->recipients);
    char capacity[HTX_DOC_TEXT_SIZE];
    copy_lines(v[HTX_DSET_CAPACITY], capacity, sizeof capacity);
    htx_text_upper(capacity, texts->capacity, sizeof texts->capacity);
    snprintf(texts->signer, sizeof texts->signer, "%s", v[HTX_DSET_SIGNER]);
}

void htx_doc_cell(const htx_document *doc, int row, int col, char *out, size_t size)
{
    out[0] = '\0';
    doc->cell(doc->source, row, col, out, size);
}

void htx_doc_page_label(int page, int pages, char *out, size_t size)
{
    snprintf(out, size, "Trang %d/%d", page, pages);
}

void htx_doc_file_name(const htx_document *doc, const char *ending, char *out, size_t size)
{
    char *words = htx_fold_words(doc->file_words);
    char day[HTX_ISO_DATE_SIZE];
    htx_date_iso(doc->day, day);
    for (char *p = words; p && *p; p++)
        if (*p == ' ')
            *p = '-';
    snprintf(out, size, "%s%s%s%s", words && words[0] ? words : "", words && words[0] ? "-" : "", day, ending);
    free(words);
}

void htx_doc_club_words(const char *club_name, char *out, size_t size)
{
    static const char filler[] = "các HTX ";
    const char *at = strstr(club_name, filler);
    if (!at)
        snprintf(out, size, "%s", club_name);
    else
        snprintf(out, size, "%.*s%s", (int)(at - club_name), club_name, at + sizeof filler - 1);
}

/* A number as spreadsheets read it: "1.000" is one, so the dots go. */
static void plain_number(char *cell)
{
    char *to = cell;
    for (const char *from = cell; *from; from++)
        if (*from != '.')
            *to++ = *from;
    *to = '\0';
}

htx_status htx_doc_write_csv(const htx_document *doc, bool bom, FILE *out, htx_error *err)
{
    if (bom)
        fputs("\xEF\xBB\xBF", out);
    for (int c = 0; c < doc->column_count; c++) {
        if (c > 0)
            fputc(',', out);
        htx_csv_field(out, doc->columns[c].title);
    }
    fputs("\r\n", out);
    char cell[1024];
    for (int r = 0; r < doc->row_count; r++) {
        for (int c = 0; c < doc->column_count; c++) {
            if (c > 0)
                fputc(',', out);
            htx_doc_cell(doc, r, c, cell, sizeof cell);
            if (doc->columns[c].number)
                plain_number(cell);
            htx_csv_field(out, cell);
        }
        fputs("\r\n", out);
    }
    return htx_stream_finish(out, err);
}
