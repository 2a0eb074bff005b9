/*
 * What an office sets once for its printed documents: who issues them and
 * who signs (Nghị định 30/2020, Phụ lục I).  One table names each setting,
 * its key, its Vietnamese label and its default; the settings screen,
 * `htx config` and every document read it from here.
 *
 * A setting belongs to a club (that club's rosters) or to the Alliance (its
 * own lists of cooperatives).  What staff set is kept in the register
 * (settings.h); what they have not set takes the default of this version.
 * A value of several lines (the signatory's capacity, the recipients) is
 * written with " | " between its lines where one line is typed.
 */
#ifndef HTX_DOC_SETTINGS_H
#define HTX_DOC_SETTINGS_H

#include <stdbool.h>
#include <stddef.h>

#include "date.h"
#include "error.h"
#include "refdata.h"
#include "store.h"

typedef enum htx_doc_setting {
    HTX_DSET_PARENT_BODY, /* "LIÊN MINH HỢP TÁC XÃ THÀNH PHỐ HÀ NỘI" */
    HTX_DSET_ISSUER,      /* "CÂU LẠC BỘ CÁC HỢP TÁC XÃ NÔNG NGHIỆP" */
    HTX_DSET_NUMBER,      /* the pattern of the number and symbol: "{số}/DS-CLB" */
    HTX_DSET_CAPACITY,    /* "TM. BAN CHỦ NHIỆM | CHỦ NHIỆM" */
    HTX_DSET_SIGNER,      /* the signatory's full name */
    HTX_DSET_RECIPIENTS,  /* "- Như trên; | - Lưu: VT." */
    HTX_DSET_COUNT
} htx_doc_setting;

#define HTX_DSET_VALUE_SIZE 512
#define HTX_DSET_LINE_BREAK " | "

typedef struct htx_doc_settings {
    char value[HTX_DSET_COUNT][HTX_DSET_VALUE_SIZE];
    bool set[HTX_DSET_COUNT]; /* set by staff; false: the default */
} htx_doc_settings;

/* The key scripts type ("signer"), the label staff read ("Người ký"), and a
 * line that says what it is for. */
const char *htx_doc_setting_key(htx_doc_setting which);
const char *htx_doc_setting_label(htx_doc_setting which, htx_lang lang);
const char *htx_doc_setting_hint(htx_doc_setting which, htx_lang lang);

/* The setting a text names, by key or label (marks optional, as every list
 * is matched, name_match.h); -1 for none. */
int htx_doc_setting_find(const char *typed);

/* A club's name in full, as NĐ 30 writes names on documents: "CLB các HTX
 * Nông nghiệp" → "Câu lạc bộ các Hợp tác xã Nông nghiệp". */
void htx_doc_club_full_name(const htx_club *club, char *out, size_t size);

/* The defaults of club's documents, or of the Alliance's when club is NULL. */
void htx_doc_settings_defaults(const htx_club *club, htx_doc_settings *out);

/* The defaults with what staff set laid over them. */
htx_status htx_doc_settings_load(htx_store *s, const htx_club *club, htx_doc_settings *out, htx_error *err);

/* Keeps value for the setting (NULL: back to the default).  The value is
 * cleaned as every typed text is (text.h) and may not be empty, but for the
 * signer (an empty name leaves the line to be written by hand) and the
 * parent body (a body that has none). */
htx_status htx_doc_setting_save(htx_store *s, const htx_club *club, htx_doc_setting which, const char *value,
                                htx_error *err);

/* The "Số: 15/DS-CLB" line from the pattern: {số} becomes number, or room
 * to write one by hand when number is empty; {năm} becomes the year. */
void htx_doc_number_line(const char *pattern, const char *number, htx_date issued, char *out, size_t size);

/* A value's lines ("A | B") as the lines of a document ("A\nB"). */
void htx_doc_setting_lines(const char *value, char *out, size_t size);

#endif
