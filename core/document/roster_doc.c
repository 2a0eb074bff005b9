#include "roster_doc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

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

htx_status htx_roster_doc_init(const char *club, const char *as_of_iso, htx_roster_sort sort, htx_roster_doc *doc,
                               htx_error *err)
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
    return HTX_OK;
}

htx_status htx_roster_doc_load(htx_store *s, const char *club, const char *as_of_iso,
                               htx_roster_sort sort, htx_roster_doc *doc, htx_error *err)
{
    htx_status st = htx_roster_doc_init(club, as_of_iso, sort, doc, err);
    if (st != HTX_OK)
        return st;
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

/* The table of a roster.  In plain text the name and the representative
 * share the room 3:2; on a narrow page the role, then the district, then
 * the phone give up width first. */
static const htx_doc_column roster_columns[HTX_RCOL_COUNT] = {
    [HTX_RCOL_NO] = {.title = "STT", .min_width = 3, .pdf_width = 26, .number = true},
    [HTX_RCOL_NAME] = {.title = "Tên HTX", .share = 3},
    [HTX_RCOL_DISTRICT] = {.title = "Quận/Huyện", .min_width = 10, .narrowest = 6, .shrink_rank = 2,
                           .pdf_width = 70},
    [HTX_RCOL_REPRESENTATIVE] = {.title = "Người đại diện", .share = 2, .pdf_width = 86},
    [HTX_RCOL_PHONE] = {.title = "Điện thoại", .min_width = 10, .narrowest = 8, .shrink_rank = 3, .pdf_width = 66},
    [HTX_RCOL_ROLE] = {.title = "Vai trò", .min_width = 7, .narrowest = 7, .shrink_rank = 1, .pdf_width = 70},
    [HTX_RCOL_JOINED] = {.title = "Ngày tham gia", .min_width = 10, .pdf_width = 60},
};

static void roster_cell(const void *source, int row, int col, char *out, size_t size)
{
    htx_roster_cell(source, row, (htx_roster_col)col, out, size);
}

void htx_roster_document(const htx_roster_doc *doc, htx_document *out)
{
    memset(out, 0, sizeof *out);
    htx_doc_texts *t = &out->texts;
    htx_doc_common_texts(t, doc->as_of);
    t->organisation = "LIÊN MINH HTX THÀNH PHỐ HÀ NỘI";
    htx_doc_upper(doc->club->name, t->unit, sizeof t->unit);
    t->title = "DANH SÁCH THÀNH VIÊN";
    snprintf(t->subtitle, sizeof t->subtitle, "%s", t->unit);
    char count[32];
    htx_format_thousands(doc->count, count, sizeof count);
    snprintf(t->total, sizeof t->total, "Tổng số: %s thành viên", count);
    out->columns = roster_columns;
    out->column_count = HTX_RCOL_COUNT;
    out->row_count = doc->count;
    out->cell = roster_cell;
    out->source = doc;
    out->day = doc->as_of;
    char club[sizeof out->file_words - 16];
    htx_doc_club_words(doc->club->name, club, sizeof club);
    snprintf(out->file_words, sizeof out->file_words, "danh sách %s", club);
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

/* ---- TSV ------------------------------------------------------------------------------ */

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
