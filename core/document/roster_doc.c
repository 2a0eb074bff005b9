#include "roster_doc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "display.h"
#include "format.h"
#include "text.h"
#include "stream_out.h"
#include "textout.h"

/* ---- the model ------------------------------------------------------------- */

typedef struct collector {
    htx_roster_doc *doc;
    bool out_of_memory;
} collector;

static int collect(const htx_roster_entry *e, void *data)
{
    collector *into = data;
    htx_roster_doc *doc = into->doc;
    if (doc->count == doc->capacity) {
        int capacity = doc->capacity ? doc->capacity * 2 : 64;
        htx_roster_entry *grown = realloc(doc->entries, (size_t)capacity * sizeof *grown);
        if (!grown) {
            into->out_of_memory = true;
            return 1;
        }
        doc->entries = grown;
        doc->capacity = capacity;
    }
    doc->entries[doc->count++] = *e;
    return 0;
}

htx_status htx_roster_doc_load(htx_store *s, const char *club, const char *as_of_iso,
                               htx_roster_sort sort, htx_roster_doc *doc, htx_error *err)
{
    memset(doc, 0, sizeof *doc);
    size_t found;
    htx_status st = htx_choice_find(HTX_CHOOSE_CLUB, club, "club", &found, err);
    if (st != HTX_OK)
        return st;
    doc->club = &HTX_CLUBS[found];
    if (as_of_iso && as_of_iso[0]) {
        if (!htx_date_parse(as_of_iso, &doc->as_of))
            return htx_fail(err, HTX_ERR_INVALID, MSG_DATE_FORMAT, NULL, as_of_iso, NULL);
    } else {
        doc->as_of = htx_date_today();
    }
    doc->sort = sort;
    char day[HTX_ISO_DATE_SIZE];
    htx_date_iso(doc->as_of, day);
    collector into = {doc, false};
    st = htx_roster_each(s, doc->club->code, day, sort, collect, &into, err);
    if (st == HTX_OK && into.out_of_memory)
        st = htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
    return st;
}

void htx_roster_doc_free(htx_roster_doc *doc)
{
    free(doc->entries);
    doc->entries = NULL;
    doc->count = doc->capacity = 0;
}

/* Vietnamese upper case, letter by letter: "CLB Nhựa Hà Nội" → "CLB NHỰA HÀ NỘI". */
static void upper_case(const char *text, char *out, size_t size)
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

void htx_roster_doc_texts(const htx_roster_doc *doc, htx_roster_texts *out)
{
    memset(out, 0, sizeof *out);
    out->organisation = "LIÊN MINH HTX THÀNH PHỐ HÀ NỘI";
    upper_case(doc->club->name, out->unit, sizeof out->unit);
    out->nation = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    out->motto = "Độc lập – Tự do – Hạnh phúc";
    htx_date_line("Hà Nội", doc->as_of, out->date_line, (int)sizeof out->date_line);
    out->title = "DANH SÁCH THÀNH VIÊN";
    snprintf(out->subtitle, sizeof out->subtitle, "%s", out->unit);
    char count[32];
    htx_format_thousands(doc->count, count, sizeof count);
    snprintf(out->total, sizeof out->total, "Tổng số: %s thành viên", count);
    out->signer = "NGƯỜI LẬP BIỂU";
    out->sign_hint = "(Ký, ghi rõ họ tên)";
}

const char *htx_roster_col_title(htx_roster_col col)
{
    static const char *const titles[HTX_RCOL_COUNT] = {
        "STT", "Tên HTX", "Quận/Huyện", "Người đại diện", "Điện thoại", "Vai trò", "Ngày tham gia",
    };
    return col < HTX_RCOL_COUNT ? titles[col] : "";
}

const char *htx_roster_col_key(htx_roster_col col)
{
    static const char *const keys[HTX_RCOL_COUNT] = {
        "no", "name", "district", "representative", "phone", "role", "joined",
    };
    return col < HTX_RCOL_COUNT ? keys[col] : "";
}

void htx_roster_cell(const htx_roster_doc *doc, int row, htx_roster_col col, char *out, size_t size)
{
    const htx_roster_entry *e = &doc->entries[row];
    const htx_district *district;
    htx_date day;
    out[0] = '\0';
    switch (col) {
    case HTX_RCOL_NO: htx_format_thousands(row + 1, out, size); break;
    case HTX_RCOL_NAME: snprintf(out, size, "%s", e->name); break;
    case HTX_RCOL_DISTRICT:
        district = htx_district_by_code(e->district);
        snprintf(out, size, "%s", district ? district->name : e->district);
        break;
    case HTX_RCOL_REPRESENTATIVE: snprintf(out, size, "%s", e->representative); break;
    case HTX_RCOL_PHONE: snprintf(out, size, "%s", e->phone); break;
    case HTX_RCOL_ROLE: snprintf(out, size, "%s", htx_role_name(e->role, HTX_LANG_VI)); break;
    case HTX_RCOL_JOINED:
        if (e->joined[0] && htx_date_parse(e->joined, &day) && size >= HTX_ISO_DATE_SIZE)
            htx_date_display(day, out);
        break;
    default: break;
    }
}

void htx_roster_page_label(int page, int pages, char *out, size_t size)
{
    snprintf(out, size, "Trang %d/%d", page, pages);
}

/* ---- CSV and TSV ---------------------------------------------------------------------- */

htx_status htx_roster_write_csv(const htx_roster_doc *doc, bool bom, FILE *out, htx_error *err)
{
    if (bom)
        fputs("\xEF\xBB\xBF", out);
    for (int c = 0; c < HTX_RCOL_COUNT; c++) {
        if (c > 0)
            fputc(',', out);
        htx_csv_field(out, htx_roster_col_title((htx_roster_col)c));
    }
    fputs("\r\n", out);
    char cell[1024];
    for (int r = 0; r < doc->count; r++) {
        for (int c = 0; c < HTX_RCOL_COUNT; c++) {
            if (c > 0)
                fputc(',', out);
            if (c == HTX_RCOL_NO) /* a plain number: spreadsheets read "1.000" as one */
                snprintf(cell, sizeof cell, "%d", r + 1);
            else
                htx_roster_cell(doc, r, (htx_roster_col)c, cell, sizeof cell);
            htx_csv_field(out, cell);
        }
        fputs("\r\n", out);
    }
    return htx_stream_finish(out, err);
}

htx_status htx_roster_write_tsv(const htx_roster_doc *doc, FILE *out, htx_error *err)
{
    fputs("no\tcode", out);
    for (int c = HTX_RCOL_NAME; c < HTX_RCOL_COUNT; c++)
        fprintf(out, "\t%s", htx_roster_col_key((htx_roster_col)c));
    fputc('\n', out);
    char cell[1024];
    for (int r = 0; r < doc->count; r++) {
        const htx_roster_entry *e = &doc->entries[r];
        fprintf(out, "%d\t", r + 1);
        htx_tsv_field(out, e->code);
        for (int c = HTX_RCOL_NAME; c < HTX_RCOL_COUNT; c++) {
            fputc('\t', out);
            if (c == HTX_RCOL_ROLE)
                htx_tsv_field(out, htx_role_code(e->role));
            else if (c == HTX_RCOL_JOINED)
                htx_tsv_field(out, e->joined);
            else {
                htx_roster_cell(doc, r, (htx_roster_col)c, cell, sizeof cell);
                htx_tsv_field(out, cell);
            }
        }
        fputc('\n', out);
    }
    return htx_stream_finish(out, err);
}
