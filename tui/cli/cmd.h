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

/* Each command's name, help and function (cli.h), in its own file. */
extern const cli_spec cmd_init_spec;
extern const cli_spec cmd_list_spec;
extern const cli_spec cmd_show_spec;
extern const cli_spec cmd_add_spec;
extern const cli_spec cmd_edit_spec;
extern const cli_spec cmd_stats_spec;
extern const cli_spec cmd_roster_spec;
extern const cli_spec cmd_join_spec;
extern const cli_spec cmd_import_spec;
extern const cli_spec cmd_export_spec;
extern const cli_spec cmd_backup_spec;
extern const cli_spec cmd_config_spec;
extern const cli_spec cmd_check_spec;

#endif
