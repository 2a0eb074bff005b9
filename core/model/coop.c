#include "coop.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "collate.h"
#include "fold.h"
#include "format.h"
#include "text.h"

/* max_chars for text kinds matches the buffer sizes in htx_coop (4 bytes a
 * character at most in UTF-8). */
const htx_field_def htx_fields[HTX_FIELD_COUNT] = {
    {HTX_F_CODE, "code", "Mã số HTX", "Registration code", HTX_KIND_CODE, 14, true},
    {HTX_F_NAME, "name", "Tên HTX", "Cooperative name", HTX_KIND_TEXT, HTX_NAME_MAX_CHARS, true},
    {HTX_F_DISTRICT, "district", "Quận/Huyện", "District", HTX_KIND_DISTRICT, 0, true},
    {HTX_F_WARD, "ward", "Phường/Xã", "Ward/commune", HTX_KIND_TEXT, 100, false},
    {HTX_F_ADDRESS, "address", "Địa chỉ trụ sở chính", "Head-office address", HTX_KIND_TEXT, 250,
     false},
    {HTX_F_SECTOR, "sector", "Ngành", "Sector", HTX_KIND_SECTOR, 0, true},
    {HTX_F_FOUNDED, "founded", "Ngày thành lập", "Founding date", HTX_KIND_DATE, 0, false},
    {HTX_F_MEMBERS, "members", "Số thành viên", "Number of members", HTX_KIND_COUNT, 0, false},
    {HTX_F_CAPITAL, "capital", "Vốn điều lệ", "Charter capital", HTX_KIND_MONEY, 0, false},
    {HTX_F_REPRESENTATIVE, "representative", "Người đại diện", "Legal representative",
     HTX_KIND_TEXT, 100, false},
    {HTX_F_PHONE, "phone", "Điện thoại", "Phone", HTX_KIND_PHONE, 0, false},
    {HTX_F_EMAIL, "email", "Email", "Email", HTX_KIND_EMAIL, 0, false},
    {HTX_F_PRODUCTS, "products", "Sản phẩm chính", "Main products", HTX_KIND_TEXT, 500, false},
    {HTX_F_STATUS, "status", "Trạng thái", "Status", HTX_KIND_STATUS, 0, false},
    {HTX_F_COMPLIANT, "compliant", "Tổ chức, hoạt động theo Luật HTX",
     "Organised under the Law on Cooperatives", HTX_KIND_YES_NO, 0, false},
    {HTX_F_PROFITABLE, "profitable", "Bảo toàn vốn, kinh doanh có lãi",
     "Capital preserved and profitable", HTX_KIND_YES_NO_UNKNOWN, 0, false},
    {HTX_F_NOTES, "notes", "Ghi chú", "Notes", HTX_KIND_MULTILINE, 2000, false},
};

/* Other names staff put in column headers and on the command line. */
static const struct {
    const char *alias;
    htx_field_id id;
} field_aliases[] = {
    {"ma so", HTX_F_CODE},          {"ma so thue", HTX_F_CODE},
    {"ma htx", HTX_F_CODE},         {"ten", HTX_F_NAME},
    {"ten hop tac xa", HTX_F_NAME}, {"quan", HTX_F_DISTRICT},
    {"huyen", HTX_F_DISTRICT},      {"quan huyen", HTX_F_DISTRICT},
    {"phuong", HTX_F_WARD},         {"xa", HTX_F_WARD},
    {"phuong xa", HTX_F_WARD},      {"dia chi", HTX_F_ADDRESS},
    {"nguoi dai dien theo phap luat", HTX_F_REPRESENTATIVE},
    {"so dien thoai", HTX_F_PHONE}, {"dien thoai", HTX_F_PHONE},
    {"san pham", HTX_F_PRODUCTS},   {"luat htx", HTX_F_COMPLIANT},
    {"co lai", HTX_F_PROFITABLE},   {"founding date", HTX_F_FOUNDED},
    {"tax code", HTX_F_CODE},       {"representative", HTX_F_REPRESENTATIVE},
    {"mst", HTX_F_CODE},            {"ma so doanh nghiep", HTX_F_CODE},
    {"ten don vi", HTX_F_NAME},     {"so xa vien", HTX_F_MEMBERS},
    {"nganh nghe", HTX_F_SECTOR},   {"linh vuc", HTX_F_SECTOR},
};

/* "Quận/Huyện" and "quan huyen" must meet: compare the words of a label. */
static void header_key(const char *text, char *out, size_t size)
{
    char *words = htx_fold_words(text);
    snprintf(out, size, "%s", words ? words : "");
    free(words);
}

const htx_field_def *htx_field_find(const char *key_or_label)
{
    if (!key_or_label)
        return NULL;
    for (int i = 0; i < HTX_FIELD_COUNT; i++)
        if (strcmp(htx_fields[i].key, key_or_label) == 0)
            return &htx_fields[i];

    char wanted[256], candidate[256];
    header_key(key_or_label, wanted, sizeof wanted);
    if (!wanted[0])
        return NULL;
    for (int i = 0; i < HTX_FIELD_COUNT; i++) {
        const char *names[] = {htx_fields[i].key, htx_fields[i].label_vi, htx_fields[i].label_en};
        for (size_t k = 0; k < 3; k++) {
            header_key(names[k], candidate, sizeof candidate);
            if (strcmp(candidate, wanted) == 0)
                return &htx_fields[i];
        }
    }
    for (size_t i = 0; i < sizeof field_aliases / sizeof field_aliases[0]; i++)
        if (strcmp(field_aliases[i].alias, wanted) == 0)
            return &htx_fields[field_aliases[i].id];
    return NULL;
}

const char *htx_field_label(htx_field_id id, htx_lang lang)
{
    if ((unsigned)id >= HTX_FIELD_COUNT)
        return "";
    return lang == HTX_LANG_EN ? htx_fields[id].label_en : htx_fields[id].label_vi;
}

void htx_error_text(const htx_error *err, htx_lang lang, char *buf, size_t size)
{
    char body[512];
    htx_error_message(err, lang, body, sizeof body);
    const htx_field_def *def = err->field[0] ? htx_field_find(err->field) : NULL;
    if (def)
        snprintf(buf, size, "%s: %s", htx_field_label(def->id, lang), body);
    else
        snprintf(buf, size, "%s", body);
}

void htx_coop_init(htx_coop *c)
{
    memset(c, 0, sizeof *c);
    c->members = -1;
    c->capital = -1;
    c->status = HTX_ACTIVE;
    c->compliant = false;
    c->profitable = -1;
}

static void report_error(htx_report *r, const htx_error *e)
{
    htx_report_add(r, false, e->msg, e->field, e->arg[0], e->arg[1]);
}

/* The text buffer of a text-kind field. */
static char *text_slot(htx_coop *c, htx_field_id id, size_t *size)
{
    switch (id) {
    case HTX_F_NAME: *size = sizeof c->name; return c->name;
    case HTX_F_WARD: *size = sizeof c->ward; return c->ward;
    case HTX_F_ADDRESS: *size = sizeof c->address; return c->address;
    case HTX_F_REPRESENTATIVE: *size = sizeof c->representative; return c->representative;
    case HTX_F_PRODUCTS: *size = sizeof c->products; return c->products;
    case HTX_F_NOTES: *size = sizeof c->notes; return c->notes;
    default: *size = 0; return NULL;
    }
}

static const char *text_value(const htx_coop *c, htx_field_id id)
{
    size_t size;
    return text_slot((htx_coop *)c, id, &size);
}

/* Parses an already normalised value of a non-text field into c. */
static htx_status set_parsed(htx_coop *c, const htx_field_def *def, const char *v, htx_error *e)
{
    bool empty = v[0] == '\0';
    switch (def->kind) {
    case HTX_KIND_CODE:
        return htx_parse_code(v, c->code, e);
    case HTX_KIND_DISTRICT: {
        const htx_district *d = htx_district_find(v);
        if (!d)
            return htx_fail(e, HTX_ERR_INVALID, MSG_UNKNOWN_DISTRICT, def->key, v, NULL);
        snprintf(c->district, sizeof c->district, "%s", d->code);
        return HTX_OK;
    }
    case HTX_KIND_SECTOR: {
        const htx_sector *s = htx_sector_find(v);
        if (!s)
            return htx_fail(e, HTX_ERR_INVALID, MSG_UNKNOWN_SECTOR, def->key, v, NULL);
        snprintf(c->sector, sizeof c->sector, "%s", s->code);
        return HTX_OK;
    }
    case HTX_KIND_DATE: {
        if (empty) {
            c->founded[0] = '\0';
            return HTX_OK;
        }
        htx_date d;
        htx_status st = htx_parse_date(v, def->key, true, &d, e);
        if (st == HTX_OK)
            htx_date_iso(d, c->founded);
        return st;
    }
    case HTX_KIND_COUNT:
        if (empty) {
            c->members = -1;
            return HTX_OK;
        }
        return htx_parse_count(v, def->key, &c->members, e);
    case HTX_KIND_MONEY:
        if (empty) {
            c->capital = -1;
            return HTX_OK;
        }
        return htx_parse_money(v, def->key, &c->capital, e);
    case HTX_KIND_PHONE:
        if (empty) {
            c->phone[0] = '\0';
            return HTX_OK;
        }
        return htx_parse_phone(v, c->phone, e);
    case HTX_KIND_EMAIL:
        if (empty) {
            c->email[0] = '\0';
            return HTX_OK;
        }
        return htx_parse_email(v, c->email, e);
    case HTX_KIND_STATUS: {
        int s = htx_status_parse(v);
        if (s < 0)
            return htx_fail(e, HTX_ERR_INVALID, MSG_UNKNOWN_STATUS, def->key, v, NULL);
        c->status = (htx_coop_status)s;
        return HTX_OK;
    }
    case HTX_KIND_YES_NO:
        return htx_parse_yes_no(v, def->key, &c->compliant, e);
    case HTX_KIND_YES_NO_UNKNOWN:
        return htx_parse_yes_no_unknown(v, def->key, &c->profitable, e);
    case HTX_KIND_TEXT:
    case HTX_KIND_MULTILINE:
        break;
    }
    return HTX_OK;
}

/* The screens page by the name's sort key: it must fit their buffers. */
static bool sort_key_fits(const char *name)
{
    /* Most names are short enough for the bound to answer: no key to build
     * (an import checks every row). */
    if (HTX_COLLATE_KEY_MAX(strlen(name)) <= HTX_SORT_KEY_LIMIT)
        return true;
    unsigned char *key = NULL;
    size_t length = 0;
    bool fits = htx_collate_key(name, &key, &length) == 0 && length <= HTX_SORT_KEY_LIMIT;
    free(key);
    return fits;
}

htx_status htx_coop_set(htx_coop *c, const char *key, const char *value, htx_report *report)
{
    htx_error e;
    const htx_field_def *def = htx_field_find(key);
    if (!def) {
        htx_report_add(report, false, MSG_UNKNOWN_FIELD, "", key, NULL);
        return HTX_ERR_INVALID;
    }
    bool multiline = def->kind == HTX_KIND_MULTILINE;
    char *clean = NULL;
    htx_status st = htx_text_normalize(value ? value : "", multiline ? HTX_TEXT_MULTILINE : HTX_TEXT_LINE,
                                       def->max_chars, def->key, &clean, &e);
    if (st != HTX_OK) {
        report_error(report, &e);
        return st;
    }
    if (def->id == HTX_F_NAME && !sort_key_fits(clean)) {
        char limit[16];
        snprintf(limit, sizeof limit, "%u", def->max_chars);
        htx_report_add(report, false, MSG_TOO_LONG, def->key, limit, NULL);
        free(clean);
        return HTX_ERR_INVALID;
    }
    if (def->kind == HTX_KIND_TEXT || multiline) {
        size_t size;
        char *slot = text_slot(c, def->id, &size);
        /* max_chars guarantees the fit; the check guards a table mistake. */
        if (strlen(clean) >= size) {
            char limit[16];
            snprintf(limit, sizeof limit, "%u", def->max_chars);
            htx_report_add(report, false, MSG_TOO_LONG, def->key, limit, NULL);
            st = HTX_ERR_INVALID;
        } else {
            memcpy(slot, clean, strlen(clean) + 1);
        }
    } else {
        st = set_parsed(c, def, clean, &e);
        if (st != HTX_OK)
            report_error(report, &e);
    }
    free(clean);
    return st;
}

void htx_coop_check(const htx_coop *c, htx_report *report)
{
    if (!c->code[0])
        htx_report_add(report, false, MSG_REQUIRED, "code", NULL, NULL);
    if (!c->name[0])
        htx_report_add(report, false, MSG_REQUIRED, "name", NULL, NULL);
    else if (htx_name_lacks_prefix(c->name))
        htx_report_add(report, true, MSG_NAME_PREFIX, "name", NULL, NULL);
    if (!c->district[0])
        htx_report_add(report, false, MSG_REQUIRED, "district", NULL, NULL);
    if (!c->sector[0])
        htx_report_add(report, false, MSG_REQUIRED, "sector", NULL, NULL);
    if (c->members >= 0 && htx_members_below_minimum(c->members)) {
        char n[24];
        snprintf(n, sizeof n, "%" PRId64, c->members);
        htx_report_add(report, true, MSG_MEMBERS_FEW, "members", n, NULL);
    }
}

static void value_date(const char *iso, htx_value_form form, char *out, size_t size)
{
    htx_date d;
    if (form == HTX_VALUE_DISPLAY && iso[0] && htx_date_parse(iso, &d)) {
        char shown[HTX_ISO_DATE_SIZE];
        htx_date_display(d, shown);
        snprintf(out, size, "%s", shown);
    } else {
        snprintf(out, size, "%s", iso);
    }
}

void htx_coop_value(const htx_coop *c, htx_field_id id, htx_value_form form, htx_lang lang,
                    char *out, size_t size)
{
    bool display = form == HTX_VALUE_DISPLAY;
    if (size == 0)
        return;
    out[0] = '\0';
    switch (id) {
    case HTX_F_CODE: snprintf(out, size, "%s", c->code); break;
    case HTX_F_DISTRICT: {
        const htx_district *d = htx_district_by_code(c->district);
        snprintf(out, size, "%s", display && d ? d->name : c->district);
        break;
    }
    case HTX_F_SECTOR: {
        const htx_sector *s = htx_sector_find(c->sector);
        snprintf(out, size, "%s", display && s ? htx_sector_name(s, lang) : c->sector);
        break;
    }
    case HTX_F_FOUNDED: value_date(c->founded, form, out, size); break;
    case HTX_F_MEMBERS:
        if (c->members >= 0) {
            if (display)
                htx_format_thousands(c->members, out, size);
            else
                snprintf(out, size, "%" PRId64, c->members);
        }
        break;
    case HTX_F_CAPITAL:
        if (c->capital >= 0) {
            if (display)
                htx_format_money(c->capital, out, size);
            else
                snprintf(out, size, "%" PRId64, c->capital);
        }
        break;
    case HTX_F_PHONE: snprintf(out, size, "%s", c->phone); break;
    case HTX_F_EMAIL: snprintf(out, size, "%s", c->email); break;
    case HTX_F_STATUS:
        snprintf(out, size, "%s", display ? htx_status_name(c->status, lang) : htx_status_code(c->status));
        break;
    case HTX_F_COMPLIANT: {
        const char *yes = display ? (lang == HTX_LANG_EN ? "Yes" : "Có") : "yes";
        const char *no = display ? (lang == HTX_LANG_EN ? "No" : "Không") : "no";
        snprintf(out, size, "%s", c->compliant ? yes : no);
        break;
    }
    case HTX_F_PROFITABLE: {
        static const char *const words[3][3] = {
            /* unknown, no, yes */
            {"unknown", "no", "yes"},
            {"Chưa rõ", "Không", "Có"},
            {"Unknown", "No", "Yes"},
        };
        int row = display ? (lang == HTX_LANG_EN ? 2 : 1) : 0;
        int col = c->profitable < 0 ? 0 : (c->profitable ? 2 : 1);
        snprintf(out, size, "%s", words[row][col]);
        break;
    }
    default: {
        const char *text = text_value(c, id);
        snprintf(out, size, "%s", text ? text : "");
        break;
    }
    }
}
