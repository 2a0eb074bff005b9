/*
 * The list filters shared by `htx list`, `htx stats` (and later exports):
 * --district --sector --club --status --search --founded-from --founded-to.
 */
#ifndef HTX_CLI_FILTER_H
#define HTX_CLI_FILTER_H

#include "cli.h"
#include "query.h"

#define CLI_FILTER_OPTIONS                                                                         \
    {"--district", true, CLI_TEXT_PAIR(CT_OPT_DISTRICT)},                                          \
    {"--commune", true, CLI_TEXT_PAIR(CT_OPT_COMMUNE)},                                            \
        {"--sector", true, CLI_TEXT_PAIR(CT_OPT_SECTOR)},                                          \
        {"--club", true, CLI_TEXT_PAIR(CT_OPT_CLUB)},                                              \
        {"--status", true, CLI_TEXT_PAIR(CT_OPT_STATUS)},                                          \
        {"--search", true, CLI_TEXT_PAIR(CT_OPT_SEARCH)},                                          \
        {"--founded-from", true, CLI_TEXT_PAIR(CT_OPT_FOUNDED_FROM)},                              \
        {"--founded-to", true, CLI_TEXT_PAIR(CT_OPT_FOUNDED_TO)}

/* The lists the filters' values are chosen from, for the help. */
extern const cli_choices cli_filter_choices[];

/*
 * Fills f from the parsed filter options, resolving names to codes.  Prints
 * what is wrong and returns false for a bad value.  f keeps pointers into
 * static reference data and into args.
 */
bool cli_filter_from_args(const cli_context *ctx, const cli_args *args, htx_filter *f);

#endif
