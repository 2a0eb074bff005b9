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

void htx_doc_common_texts(htx_doc_texts *texts, htx_date day)
{
    texts->nation = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    texts->motto = "Độc lập – Tự do – Hạnh phúc";
    htx_date_line("Hà Nội", day, texts->date_line, (int)sizeof texts->date_line);
    texts->signer = "NGƯỜI LẬP BIỂU";
    texts->sign_hint = "(Ký, ghi rõ họ tên)";
}

void htx_doc_upper(const char *text, char *out, size_t size)
{
    size_t used = 0;
    int32_t cp;
    int n;
    while ((n = htx_utf8_decode(text, &cp)) > 0) {
        char utf8[4];
        int len = htx_utf8_encode(utf8proc_toupper(cp), utf8);
        if (used + (size_t)len + 1 > size)
            break;
        memcpy(out + used, utf8, (size_t)len);
        used += (size_t)len;
        text += n;
    }
    if (size > 0)
        out[used] = '\0';
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
