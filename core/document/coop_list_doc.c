/*
 * A list of cooperatives as a document (coop_list_doc.h).
 */
#include "coop_list_doc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "address.h"
#include "commune.h"
#include "format.h"
#include "refdata.h"
#include "text.h"

/* ---- the rows -------------------------------------------------------------------- */

typedef struct collector {
    htx_coop_list_doc *doc;
    bool out_of_memory;
} collector;

static int collect(const htx_coop *c, void *data)
{
    collector *into = data;
    htx_coop_list_doc *doc = into->doc;
    if (doc->count == doc->capacity) {
        int capacity = doc->capacity ? doc->capacity * 2 : 64;
        htx_list_row *grown = realloc(doc->rows, (size_t)capacity * sizeof *grown);
        if (!grown) {
            into->out_of_memory = true;
            return 1;
        }
        doc->rows = grown;
        doc->capacity = capacity;
    }
    htx_list_row *row = &doc->rows[doc->count];
    memset(row, 0, sizeof *row);
    char address[1400];
    htx_address_line(c->address, c->commune, c->ward, c->district, address, sizeof address);
    row->name = strdup(c->name);
    row->address = strdup(address);
    if (!row->name || !row->address) {
        free(row->name);
        free(row->address);
        into->out_of_memory = true;
        return 1;
    }
    snprintf(row->code, sizeof row->code, "%s", c->code);
    snprintf(row->district, sizeof row->district, "%s", c->district);
    snprintf(row->sector, sizeof row->sector, "%s", c->sector);
    snprintf(row->phone, sizeof row->phone, "%s", c->phone);
    doc->count++;
    return 0;
}

/* The names the file is called by: the district, sector and club chosen and what was searched. */
static void file_words(const htx_filter *f, char *out, size_t size)
{
    size_t used = (size_t)snprintf(out, size, "danh sách HTX");
    const htx_district *district = f->district ? htx_district_by_code(f->district) : NULL;
    const htx_sector *sector = f->sector ? htx_sector_find(f->sector) : NULL;
    const htx_club *club = f->club ? htx_club_find(f->club) : NULL;
    const htx_commune *commune = f->commune ? htx_commune_find(f->commune) : NULL;
    char club_words[200] = "";
    if (club)
        htx_doc_club_words(club->name, club_words, sizeof club_words);
    const char *parts[] = {
        district ? district->name : NULL,
        commune ? commune->name : NULL,
        sector ? htx_sector_name(sector, HTX_LANG_VI) : NULL,
        club ? club_words : NULL,
        f->search && f->search[0] ? f->search : NULL,
    };
    for (size_t i = 0; i < sizeof parts / sizeof parts[0] && used < size; i++)
        if (parts[i])
            used += (size_t)snprintf(out + used, size - used, " %s", parts[i]);
}

void htx_coop_list_doc_init(const htx_filter *filter, htx_coop_list_doc *doc)
{
    memset(doc, 0, sizeof *doc);
    doc->day = htx_date_today();
    doc->issued = doc->day;
    htx_doc_settings_defaults(NULL, &doc->settings);
    htx_coop_list_scope(filter, doc->scope, sizeof doc->scope);
    file_words(filter, doc->file_words, sizeof doc->file_words);
}

htx_status htx_coop_list_doc_load(htx_store *s, const htx_filter *filter, htx_coop_list_doc *doc, htx_error *err)
{
    htx_coop_list_doc_init(filter, doc);
    collector into = {doc, false};
    htx_status st = htx_query_each(s, filter, collect, &into, err);
    if (st == HTX_OK && into.out_of_memory)
        st = htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
    if (st == HTX_OK)
        st = htx_doc_settings_load(s, NULL, &doc->settings, err);
    return st;
}

void htx_coop_list_doc_free(htx_coop_list_doc *doc)
{
    for (int i = 0; i < doc->count; i++) {
        free(doc->rows[i].name);
        free(doc->rows[i].address);
    }
    free(doc->rows);
    doc->rows = NULL;
    doc->count = doc->capacity = 0;
}

/* ---- the words ------------------------------------------------------------------- */

static void add_part(char *out, size_t size, const char *part)
{
    size_t used = strlen(out);
    if (used < size)
        snprintf(out + used, size - used, "%s%s", used ? "; " : "", part);
}

/* "Đang hoạt động" → "đang hoạt động": the status in the middle of a line. */
static void lower_first(const char *text, char *out, size_t size)
{
    int32_t cp;
    int n = htx_utf8_decode(text, &cp);
    char first[4];
    int length = htx_utf8_encode(utf8proc_tolower(cp), first);
    snprintf(out, size, "%.*s%s", length, first, text + n);
}

void htx_coop_list_scope(const htx_filter *f, char *out, size_t size)
{
    char part[300];
    out[0] = '\0';
    const htx_district *district = f->district ? htx_district_by_code(f->district) : NULL;
    const htx_commune *commune = f->commune ? htx_commune_find(f->commune) : NULL;
    if (district)
        snprintf(part, sizeof part, "Quận/huyện %s", district->name);
    else if (!commune)
        snprintf(part, sizeof part, "Toàn thành phố");
    if (district || !commune)
        add_part(out, size, part);
    if (commune) {
        /* a unit's kind is capitalised only at the head of the line */
        htx_commune_label(commune, out[0] == '\0', HTX_LANG_VI, part, sizeof part);
        add_part(out, size, part);
    }
    if (f->without_commune)
        add_part(out, size, "chưa rõ xã/phường");
    const htx_sector *sector = f->sector ? htx_sector_find(f->sector) : NULL;
    if (sector) {
        snprintf(part, sizeof part, "ngành %s", htx_sector_name(sector, HTX_LANG_VI));
        add_part(out, size, part);
    }
    if (f->status >= 0 && f->status < HTX_STATUS_COUNT) {
        lower_first(htx_status_name((htx_coop_status)f->status, HTX_LANG_VI), part, sizeof part);
        add_part(out, size, part);
    }
    const htx_club *club = f->club ? htx_club_find(f->club) : NULL;
    if (club) {
        snprintf(part, sizeof part, "thành viên %s", club->name);
        add_part(out, size, part);
    }
    htx_date day;
    char shown[HTX_ISO_DATE_SIZE];
    if (f->founded_from[0] && htx_date_parse(f->founded_from, &day)) {
        htx_date_display(day, shown);
        snprintf(part, sizeof part, "thành lập từ %s", shown);
        add_part(out, size, part);
    }
    if (f->founded_to[0] && htx_date_parse(f->founded_to, &day)) {
        htx_date_display(day, shown);
        snprintf(part, sizeof part, "thành lập đến %s", shown);
        add_part(out, size, part);
    }
    if (f->search && f->search[0]) {
        snprintf(part, sizeof part, "tìm: %s", f->search);
        add_part(out, size, part);
    }
}

/* ---- the document ---------------------------------------------------------------- */

/* The name and the sector share the room 2:1 in plain text; on a narrow
 * page the district, then the phone give up width. */
static const htx_doc_column list_columns[HTX_LCOL_COUNT] = {
    [HTX_LCOL_NO] = {.title = "STT", .min_width = 3, .number = true, .kind = HTX_CELL_NUMBER},
    [HTX_LCOL_CODE] = {.title = "Mã số HTX", .min_width = 10, .kind = HTX_CELL_CODE},
    [HTX_LCOL_NAME] = {.title = "Tên HTX", .share = 3},
    [HTX_LCOL_ADDRESS] = {.title = "Địa chỉ", .share = 3},
    [HTX_LCOL_DISTRICT] = {.title = "Quận/huyện cũ", .min_width = 10, .narrowest = 6, .shrink_rank = 1},
    [HTX_LCOL_SECTOR] = {.title = "Ngành", .share = 1},
    [HTX_LCOL_PHONE] = {.title = "Điện thoại", .min_width = 13, .narrowest = 8, .shrink_rank = 2,
                        .kind = HTX_CELL_CODE},
};

static void list_cell(const void *source, int row, int col, char *out, size_t size)
{
    const htx_coop_list_doc *doc = source;
    const htx_list_row *r = &doc->rows[row];
    const htx_district *district;
    const htx_sector *sector;
    switch ((htx_list_col)col) {
    case HTX_LCOL_NO: htx_format_thousands(row + 1, out, size); break;
    case HTX_LCOL_CODE: snprintf(out, size, "%s", r->code); break;
    case HTX_LCOL_NAME: snprintf(out, size, "%s", r->name); break;
    case HTX_LCOL_ADDRESS: snprintf(out, size, "%s", r->address); break;
    case HTX_LCOL_DISTRICT:
        district = htx_district_by_code(r->district);
        snprintf(out, size, "%s", district ? district->name : r->district);
        break;
    case HTX_LCOL_SECTOR:
        sector = htx_sector_find(r->sector);
        snprintf(out, size, "%s", sector ? htx_sector_name(sector, HTX_LANG_VI) : r->sector);
        break;
    case HTX_LCOL_PHONE: htx_format_phone(r->phone, out, size); break;
    default: break;
    }
}

void htx_coop_list_document(const htx_coop_list_doc *doc, htx_document *out)
{
    memset(out, 0, sizeof *out);
    htx_doc_texts *t = &out->texts;
    htx_doc_common_texts(t, &doc->settings, doc->number, doc->issued, doc->day);
    t->title = "DANH SÁCH HỢP TÁC XÃ";
    snprintf(t->subtitle, sizeof t->subtitle, "%s", doc->scope);
    char count[32];
    htx_format_thousands(doc->count, count, sizeof count);
    snprintf(t->total, sizeof t->total, "Tổng số: %s hợp tác xã", count);
    out->columns = list_columns;
    out->column_count = HTX_LCOL_COUNT;
    out->row_count = doc->count;
    out->cell = list_cell;
    out->source = doc;
    out->day = doc->day;
    out->issued = doc->issued;
    snprintf(out->file_words, sizeof out->file_words, "%s", doc->file_words);
}
