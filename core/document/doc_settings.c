/*
 * The settings of printed documents (doc_settings.h): the table of what can
 * be set, the defaults, and the lines made of them.
 */
#include "doc_settings.h"

#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "fold.h"
#include "name_match.h"
#include "settings.h"
#include "text.h"

typedef struct setting_info {
    const char *key;
    const char *label_vi, *label_en;
    const char *hint_vi, *hint_en;
} setting_info;

static const setting_info settings[HTX_DSET_COUNT] = {
    [HTX_DSET_PARENT_BODY] = {"parent-body", "Cơ quan chủ quản", "Parent body",
                              "dòng trên cùng bên trái, chữ in hoa đứng",
                              "the top left line, upright capitals"},
    [HTX_DSET_ISSUER] = {"issuer", "Cơ quan ban hành", "Issuing body",
                         "ghi đầy đủ, chữ in hoa đậm, dưới cơ quan chủ quản",
                         "in full, bold capitals, under the parent body"},
    [HTX_DSET_NUMBER] = {"number", "Số, ký hiệu", "Number and symbol",
                         "{số} là số văn bản (để trống thì viết tay), {năm} là năm ban hành",
                         "{số} is the document's number (blank: written by hand), {năm} the year of issue"},
    [HTX_DSET_CAPACITY] = {"capacity", "Thẩm quyền ký", "Signatory's capacity",
                           "chức vụ người ký, các dòng cách nhau bằng |",
                           "the signatory's capacity, lines separated by |"},
    [HTX_DSET_SIGNER] = {"signer", "Người ký", "Signatory",
                         "họ và tên đầy đủ; mặc định: người đại diện của HTX giữ vai trò Chủ nhiệm CLB",
                         "full name; default: the representative of the club's chair"},
    [HTX_DSET_RECIPIENTS] = {"recipients", "Nơi nhận", "Recipients",
                             "các dòng cách nhau bằng |", "lines separated by |"},
};

const char *htx_doc_setting_key(htx_doc_setting which)
{
    return which < HTX_DSET_COUNT ? settings[which].key : "";
}

const char *htx_doc_setting_label(htx_doc_setting which, htx_lang lang)
{
    if (which >= HTX_DSET_COUNT)
        return "";
    return lang == HTX_LANG_EN ? settings[which].label_en : settings[which].label_vi;
}

const char *htx_doc_setting_hint(htx_doc_setting which, htx_lang lang)
{
    if (which >= HTX_DSET_COUNT)
        return "";
    return lang == HTX_LANG_EN ? settings[which].hint_en : settings[which].hint_vi;
}

int htx_doc_setting_find(const char *typed)
{
    char *wanted = htx_fold_words(typed);
    int best = -1;
    htx_name_fit best_fit = HTX_FIT_NONE;
    bool tie = false;
    for (int i = 0; wanted && i < HTX_DSET_COUNT; i++) {
        const char *names[] = {settings[i].key, settings[i].label_vi, settings[i].label_en};
        htx_name_fit fit = HTX_FIT_NONE;
        for (size_t k = 0; k < sizeof names / sizeof names[0]; k++) {
            char *folded = htx_fold_words(names[k]);
            htx_name_fit f = folded ? htx_name_fit_folded(wanted, folded) : HTX_FIT_NONE;
            free(folded);
            if (f > fit)
                fit = f;
        }
        if (fit > best_fit) {
            best = i;
            best_fit = fit;
            tie = false;
        } else if (fit != HTX_FIT_NONE && fit == best_fit) {
            tie = true;
        }
    }
    free(wanted);
    return tie ? -1 : best;
}

void htx_doc_club_full_name(const htx_club *club, char *out, size_t size)
{
    const char *name = club->name;
    static const struct {
        const char *word, *in_full;
    } abbreviations[] = {{"CLB", "Câu lạc bộ"}, {"HTX", "Hợp tác xã"}, {"TP", "Thành phố"}};
    char expanded[HTX_DSET_VALUE_SIZE] = "";
    size_t used = 0;
    const char *p = name;
    while (*p && used + 1 < sizeof expanded) {
        size_t word = strcspn(p, " ");
        const char *text = p;
        size_t length = word;
        for (size_t a = 0; a < sizeof abbreviations / sizeof abbreviations[0]; a++)
            if (word == strlen(abbreviations[a].word) && strncmp(p, abbreviations[a].word, word) == 0) {
                text = abbreviations[a].in_full;
                length = strlen(text);
            }
        if (used + length + 2 > sizeof expanded)
            break;
        memcpy(expanded + used, text, length);
        used += length;
        p += word;
        while (*p == ' ')
            expanded[used++] = *p++;
    }
    expanded[used] = '\0';
    snprintf(out, size, "%s", expanded);
}

void htx_doc_settings_defaults(const htx_club *club, htx_doc_settings *out)
{
    memset(out, 0, sizeof *out);
    char (*v)[HTX_DSET_VALUE_SIZE] = out->value;
    if (club) {
        snprintf(v[HTX_DSET_PARENT_BODY], HTX_DSET_VALUE_SIZE, "LIÊN MINH HỢP TÁC XÃ THÀNH PHỐ HÀ NỘI");
        char name[HTX_DSET_VALUE_SIZE];
        htx_doc_club_full_name(club, name, sizeof name);
        htx_text_upper(name, v[HTX_DSET_ISSUER], HTX_DSET_VALUE_SIZE);
        snprintf(v[HTX_DSET_NUMBER], HTX_DSET_VALUE_SIZE, "{số}/DS-CLB");
        snprintf(v[HTX_DSET_CAPACITY], HTX_DSET_VALUE_SIZE, "TM. BAN CHỦ NHIỆM" HTX_DSET_LINE_BREAK "CHỦ NHIỆM");
    } else {
        snprintf(v[HTX_DSET_ISSUER], HTX_DSET_VALUE_SIZE, "LIÊN MINH HỢP TÁC XÃ THÀNH PHỐ HÀ NỘI");
        snprintf(v[HTX_DSET_NUMBER], HTX_DSET_VALUE_SIZE, "{số}/DS-LMHTX");
        snprintf(v[HTX_DSET_CAPACITY], HTX_DSET_VALUE_SIZE, "TM. BAN THƯỜNG VỤ" HTX_DSET_LINE_BREAK "CHỦ TỊCH");
    }
    snprintf(v[HTX_DSET_RECIPIENTS], HTX_DSET_VALUE_SIZE, "- Như trên;" HTX_DSET_LINE_BREAK "- Lưu: VT.");
}

static const char *scope_of(const htx_club *club)
{
    return club ? club->code : "";
}

htx_status htx_doc_settings_load(htx_store *s, const htx_club *club, htx_doc_settings *out, htx_error *err)
{
    htx_doc_settings_defaults(club, out);
    htx_status st = HTX_OK;
    for (int i = 0; st == HTX_OK && i < HTX_DSET_COUNT; i++) {
        char value[HTX_DSET_VALUE_SIZE];
        bool found = false;
        st = htx_setting_read(s, scope_of(club), settings[i].key, value, sizeof value, &found, err);
        if (st == HTX_OK && found) {
            memcpy(out->value[i], value, sizeof value);
            out->set[i] = true;
        }
    }
    return st;
}

htx_status htx_doc_setting_save(htx_store *s, const htx_club *club, htx_doc_setting which, const char *value,
                                htx_error *err)
{
    if (which >= HTX_DSET_COUNT)
        return htx_fail(err, HTX_ERR_INVALID, MSG_UNKNOWN_SETTING, NULL, "", NULL);
    if (!value)
        return htx_setting_write(s, scope_of(club), settings[which].key, NULL, err);
    char *clean = NULL;
    htx_status st = htx_text_normalize(value, HTX_TEXT_LINE, HTX_DSET_VALUE_SIZE / 4, settings[which].label_vi,
                                       &clean, err);
    if (st == HTX_OK && clean[0] == '\0' && which != HTX_DSET_SIGNER && which != HTX_DSET_PARENT_BODY)
        st = htx_fail(err, HTX_ERR_INVALID, MSG_REQUIRED, settings[which].label_vi, NULL, NULL);
    if (st == HTX_OK)
        st = htx_setting_write(s, scope_of(club), settings[which].key, clean, err);
    free(clean);
    return st;
}

/* The bytes of the character at p (1 for a byte that starts none). */
static size_t char_length(const char *p)
{
    int32_t cp;
    int n = htx_utf8_decode(p, &cp);
    return n > 0 ? (size_t)n : 1;
}

/* Appends text to out (of size), as much as fits whole: a character is
 * never cut (the bytes that continue one are 10xxxxxx). */
static void append(char *out, size_t size, size_t *used, const char *text, size_t length)
{
    if (*used + length + 1 > size) {
        length = *used + 1 < size ? size - *used - 1 : 0;
        while (length > 0 && ((unsigned char)text[length] & 0xC0) == 0x80)
            length--;
    }
    memcpy(out + *used, text, length);
    *used += length;
    out[*used] = '\0';
}

void htx_doc_number_line(const char *pattern, const char *number, htx_date issued, char *out, size_t size)
{
    static const char number_mark[] = "{số}", year_mark[] = "{năm}";
    /* Room for a number written by hand: as in forms printed blank. */
    static const char hand_written[] = "       ";
    char year[8];
    snprintf(year, sizeof year, "%04d", issued.year);
    size_t used = 0;
    out[0] = '\0';
    append(out, size, &used, "Số: ", strlen("Số: "));
    for (const char *p = pattern; *p;) {
        if (strncmp(p, number_mark, strlen(number_mark)) == 0) {
            const char *n = number && number[0] ? number : hand_written;
            append(out, size, &used, n, strlen(n));
            p += strlen(number_mark);
        } else if (strncmp(p, year_mark, strlen(year_mark)) == 0) {
            append(out, size, &used, year, strlen(year));
            p += strlen(year_mark);
        } else {
            size_t n = char_length(p);
            append(out, size, &used, p, n);
            p += n;
        }
    }
}

void htx_doc_setting_lines(const char *value, char *out, size_t size)
{
    size_t used = 0;
    out[0] = '\0';
    for (const char *p = value; *p;) {
        if (*p == '|') {
            while (used > 0 && out[used - 1] == ' ')
                out[--used] = '\0';
            append(out, size, &used, "\n", 1);
            for (p++; *p == ' '; p++)
                ;
        } else {
            size_t n = char_length(p);
            append(out, size, &used, p, n);
            p += n;
        }
    }
}
