/*
 * The full-screen interface, opened by `htx` without a subcommand.
 */
#ifndef HTX_TUI_H
#define HTX_TUI_H

#include "cli.h"

/* Runs the interface with its own options (argv holds only options);
 * returns the process exit status. */
int tui_main(const cli_context *ctx, int argc, char **argv);

/* The interface's options (ending with {NULL}), for the help and the
 * manual page. */
extern const cli_option tui_options[];

#endif
