/*
 * htx's manual page (man 1 htx), written from the very tables the command
 * line reads: the program's options, each command's usage, options, lists
 * and help, in the user's language.  tui/man/ holds it as `htx help --man`
 * writes it, for installing.
 */
#ifndef HTX_CLI_MAN_PAGE_H
#define HTX_CLI_MAN_PAGE_H

#include <stddef.h>

#include "cli.h"

/* Writes the page as roff (the man macros) on ctx->out. */
void cli_write_man_page(const cli_context *ctx, const cli_program *program, const cli_spec *const commands[],
                        size_t count);

#endif
