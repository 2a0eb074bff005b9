/*
 * The commands htx knows, by name, and the help that lists them.  This
 * module sits above every command: it names them all, and none of them
 * (nor cli.c, which they share) names it back.
 */
#ifndef HTX_CLI_COMMANDS_H
#define HTX_CLI_COMMANDS_H

#include "cli.h"

/* Runs the command named argv[0] with the arguments after it and returns
 * its exit status; an unknown name is reported with the commands close to
 * it (CLI_USAGE).  `htx help [COMMAND] [--man]` is one of them. */
int cli_run(const cli_context *ctx, const cli_program *program, int argc, char **argv);

/* `htx --help`, `htx help`: what htx is, its commands and its options. */
void cli_print_main_help(const cli_context *ctx, const cli_program *program);

#endif
