/*
 * The commands htx knows, by name.  This module sits above every command:
 * it names them all, and none of them (nor cli.c, which they share) names
 * it back.
 */
#ifndef HTX_CLI_COMMANDS_H
#define HTX_CLI_COMMANDS_H

#include "cli.h"

/* Runs the command named argv[0] with the arguments after it and returns
 * its exit status; an unknown name is reported (CLI_USAGE). */
int cli_run(const cli_context *ctx, int argc, char **argv);

/* Lists the commands with their summaries, for `htx --help`. */
void cli_print_commands(const cli_context *ctx);

#endif
