/*
 * The subcommands, one file each (cmd_*.c), for the table that names them
 * (commands.c).  Private to tui/cli/: outside it a command is reached by
 * name through cli_run (commands.h), so adding one touches this folder only.
 */
#ifndef HTX_CLI_CMD_H
#define HTX_CLI_CMD_H

#ifndef HTX_PRIVATE_TUI_CLI
#error "cmd.h is private to tui/cli/: use commands.h"
#endif

#include "cli.h"

int cmd_init(const cli_context *ctx, int argc, char **argv);
int cmd_list(const cli_context *ctx, int argc, char **argv);
int cmd_show(const cli_context *ctx, int argc, char **argv);
int cmd_add(const cli_context *ctx, int argc, char **argv);
int cmd_edit(const cli_context *ctx, int argc, char **argv);
int cmd_stats(const cli_context *ctx, int argc, char **argv);
int cmd_roster(const cli_context *ctx, int argc, char **argv);
int cmd_join(const cli_context *ctx, int argc, char **argv);
int cmd_import(const cli_context *ctx, int argc, char **argv);
int cmd_export(const cli_context *ctx, int argc, char **argv);
int cmd_backup(const cli_context *ctx, int argc, char **argv);
int cmd_check(const cli_context *ctx, int argc, char **argv);

#endif
