/*
 * The list filters shared by `htx list`, `htx stats` (and later exports):
 * --district --sector --club --status --search --founded-from --founded-to.
 */
#ifndef HTX_CLI_FILTER_H
#define HTX_CLI_FILTER_H

#include "cli.h"
#include "query.h"

#define CLI_FILTER_OPTIONS                                                                         \
    {"--district", true, "quận/huyện: mã hoặc tên, gõ không dấu cũng được (\"gia lam\")",         \
     "district: code or name, marks optional (\"gia lam\")"},                                     \
        {"--sector", true, "ngành: industry, construction, trade, transport, other, agriculture, " \
                           "credit hoặc tên ngành",                                                \
         "sector: industry, construction, trade, transport, other, agriculture, credit or name"},  \
        {"--club", true, "câu lạc bộ: mã (agriculture, trade, plastic, industry, credit) hoặc tên", \
         "club: code (agriculture, trade, plastic, industry, credit) or name"},                    \
        {"--status", true, "trạng thái: active, suspended, dissolved",                             \
         "status: active, suspended, dissolved"},                                                  \
        {"--search", true, "tìm theo tên (không cần dấu) hoặc mã số",                              \
         "search by name (marks optional) or code"},                                               \
        {"--founded-from", true, "thành lập từ ngày (dd/mm/yyyy)", "founded on or after (dd/mm/yyyy)"}, \
        {"--founded-to", true, "thành lập đến ngày (dd/mm/yyyy)", "founded on or before (dd/mm/yyyy)"}

/*
 * Fills f from the parsed filter options, resolving names to codes.  Prints
 * what is wrong and returns false for a bad value.  f keeps pointers into
 * static reference data and into args.
 */
bool cli_filter_from_args(const cli_context *ctx, const cli_args *args, htx_filter *f);

#endif
