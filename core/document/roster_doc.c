#include "roster_doc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "address.h"
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

bool htx_roster_doc_append(htx_roster_doc *doc, const htx_roster_entry *e)
{
    if (doc->count == doc->capacity) {
        int capacity = doc->capacity ? doc->capacity * 2 : 64;
        htx_roster_entry *grown = realloc(doc->entries, (size_t)capacity * sizeof *grown);
        if (grown)
            doc->entries = grown;
        char **seats = realloc(doc->seats, (size_t)capacity * sizeof *seats);
        if (seats)
            doc->seats = seats;
        if (!grown || !seats)
            return false;
        doc->capacity = capacity;
    }
    /* The address is read by every pass of the layout: written once here. */
    char seat[1400];
    htx_address_line(e->address, e->commune, e->ward, e->district, seat, sizeof seat);
    doc->seats[doc->count] = strdup(seat);
    if (!doc->seats[doc->count])
        return false;
    doc->entries[doc->count++] = *e;
    return true;
}

static int collect(const htx_roster_entry *e, void *data)
{
    collector *into = data;
    if (htx_roster_doc_append(into->doc, e))
        return 0;
    into->out_of_memory = true;
    return 1;
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
    doc->issued = htx_date_today();
    doc->sort = sort;
    htx_doc_settings_defaults(doc->club, &doc->settings);
    return HTX_OK;
}

/* The club's chair signs for its board: the representative of the member
 * cooperative that holds the chair, when there is one. */
static void sign_as_chair(htx_roster_doc *doc)
{
    for (int i = 0; i < doc->count; i++)
        if (doc->entries[i].role == HTX_ROLE_CHAIR && doc->entries[i].representative[0]) {
            snprintf(doc->settings.value[HTX_DSET_SIGNER], HTX_DSET_VALUE_SIZE, "%s",
                     doc->entries[i].representative);
            return;
        }
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
    if (st == HTX_OK)
        st = htx_doc_settings_load(s, doc->club, &doc->settings, err);
    if (st == HTX_OK && !doc->settings.set[HTX_DSET_SIGNER])
        sign_as_chair(doc);
    return st;
}

void htx_roster_doc_free(htx_roster_doc *doc)
{
    for (int i = 0; i < doc->count; i++)
        free(doc->seats[i]);
    free(doc->seats);
    doc->seats = NULL;
    free(doc->entries);
    doc->entries = NULL;
    doc->count = doc->capacity = 0;
}

/* The table of a roster, as NĐ 30 lists cooperatives: number, code, name,
 * seat.  In plain text the name, the address and the representative share
 * the room 3:3:2; on a narrow page the role, then the phone, then the code
 * give up width first.  In the PDF the columns without a share are as wide
 * as their widest cell, so a code, a phone and a date keep one line. */
static const htx_doc_column roster_columns[HTX_RCOL_COUNT] = {
    [HTX_RCOL_NO] = {.title = "STT", .min_width = 3, .number = true, .kind = HTX_CELL_NUMBER},
    [HTX_RCOL_CODE] = {.title = "Mã số HTX", .min_width = 10, .narrowest = 10, .shrink_rank = 3,
                       .kind = HTX_CELL_CODE},
    [HTX_RCOL_NAME] = {.title = "Tên HTX", .share = 3},
    [HTX_RCOL_ADDRESS] = {.title = "Địa chỉ", .share = 3},
    [HTX_RCOL_REPRESENTATIVE] = {.title = "Người đại diện", .share = 2},
    [HTX_RCOL_PHONE] = {.title = "Điện thoại", .min_width = 13, .narrowest = 8, .shrink_rank = 2,
                        .kind = HTX_CELL_CODE},
    [HTX_RCOL_ROLE] = {.title = "Vai trò", .min_width = 7, .narrowest = 7, .shrink_rank = 1},
    [HTX_RCOL_JOINED] = {.title = "Ngày tham gia", .min_width = 10, .kind = HTX_CELL_DATE},
};

static void roster_cell(const void *source, int row, int col, char *out, size_t size)
{
    htx_roster_cell(source, row, (htx_roster_col)col, out, size);
}

void htx_roster_document(const htx_roster_doc *doc, htx_document *out)
{
    memset(out, 0, sizeof *out);
    htx_doc_texts *t = &out->texts;
    htx_doc_common_texts(t, &doc->settings, doc->number, doc->issued, doc->as_of);
    t->title = "DANH SÁCH THÀNH VIÊN";
    htx_doc_club_full_name(doc->club, t->subtitle, sizeof t->subtitle);
    char count[32];
    htx_format_thousands(doc->count, count, sizeof count);
    snprintf(t->total, sizeof t->total, "Tổng số: %s thành viên", count);
    out->columns = roster_columns;
    out->column_count = HTX_RCOL_COUNT;
    out->row_count = doc->count;
    out->cell = roster_cell;
    out->source = doc;
    out->day = doc->as_of;
    out->issued = doc->issued;
    char club[sizeof out->file_words - 16];
    htx_doc_club_words(doc->club->name, club, sizeof club);
    snprintf(out->file_words, sizeof out->file_words, "danh sách %s", club);
}

const char *htx_roster_col_key(htx_roster_col col)
{
    static const char *const keys[HTX_RCOL_COUNT] = {
        "no", "code", "name", "address", "representative", "phone", "role", "joined",
    };
    return col < HTX_RCOL_COUNT ? keys[col] : "";
}

void htx_roster_cell(const htx_roster_doc *doc, int row, htx_roster_col col, char *out, size_t size)
{
    const htx_roster_entry *e = &doc->entries[row];
    htx_date day;
    out[0] = '\0';
    switch (col) {
    case HTX_RCOL_NO: htx_format_thousands(row + 1, out, size); break;
    case HTX_RCOL_CODE: snprintf(out, size, "%s", e->code); break;
    case HTX_RCOL_NAME: snprintf(out, size, "%s", e->name); break;
    case HTX_RCOL_ADDRESS: snprintf(out, size, "%s", doc->seats ? doc->seats[row] : ""); break;
    case HTX_RCOL_REPRESENTATIVE: snprintf(out, size, "%s", e->representative); break;
    case HTX_RCOL_PHONE: htx_format_phone(e->phone, out, size); break;
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
    /* Scripts read these by key: the printed columns may change, these stay. */
    fputs("no\tcode\tname\tdistrict\tcommune\taddress\trepresentative\tphone\trole\tjoined\n", out);
    for (int r = 0; r < doc->count; r++) {
        const htx_roster_entry *e = &doc->entries[r];
        const htx_district *district = htx_district_by_code(e->district);
        const char *fields[] = {e->code,    e->name, district ? district->name : e->district,
                                e->commune, e->address, e->representative,
                                e->phone,   htx_role_code(e->role), e->joined};
        fprintf(out, "%d", r + 1);
        for (size_t f = 0; f < sizeof fields / sizeof fields[0]; f++) {
            fputc('\t', out);
            htx_tsv_field(out, fields[f]);
        }
        fputc('\n', out);
    }
    return htx_stream_finish(out, err);
}
