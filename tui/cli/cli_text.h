/*
 * Every text the command line prints, in Vietnamese and English, from one
 * catalog (cli_text.def), as the screens have ui_text.def and core has
 * messages.def: a translation is never missing, and a message is changed in
 * one place.
 *
 * Messages are printf formats (print them with cli_tell, cli.h); the two
 * languages of one text take the same conversions in the same order, which
 * tests/test_cli_text.c checks, since the compiler cannot see a format
 * chosen at run time.
 */
#ifndef HTX_CLI_TEXT_H
#define HTX_CLI_TEXT_H

#include "messages.h"

typedef enum cli_text_id {
#define CT(id, vi, en) id,
#include "cli_text.def"
#undef CT
    CT_COUNT
} cli_text_id;

/* The text of id in lang ("" for an id out of range). */
const char *cli_text(cli_text_id id, htx_lang lang);

/*
 * The catalog itself, each text a named array.  An option table is static
 * data whose entries hold both languages (cli_option's help_vi, help_en:
 * the full-screen interface fills them with its own texts), and only the
 * address of an array, not a value read from a table, may initialise static
 * data: CLI_TEXT_PAIR(id) gives the two addresses.
 */
typedef struct cli_text_catalog {
#define CT(id, vi, en) char id##_vi[sizeof(vi)]; char id##_en[sizeof(en)];
#include "cli_text.def"
#undef CT
} cli_text_catalog;

extern const cli_text_catalog cli_text_catalog_data;

#define CLI_TEXT_PAIR(id) cli_text_catalog_data.id##_vi, cli_text_catalog_data.id##_en

#endif
