#include "commands.h"

#include <string.h>

#include "cmd.h"

typedef struct cli_command {
    const char *name;
    int (*run)(const cli_context *ctx, int argc, char **argv);
    cli_text_id summary; /* one line for `htx --help` */
} cli_command;

/* In the order `htx --help` lists them. */
static const cli_command commands[] = {
    {"init", cmd_init, CT_COMMAND_INIT},
    {"list", cmd_list, CT_COMMAND_LIST},
    {"show", cmd_show, CT_COMMAND_SHOW},
    {"add", cmd_add, CT_COMMAND_ADD},
    {"edit", cmd_edit, CT_COMMAND_EDIT},
    {"stats", cmd_stats, CT_COMMAND_STATS},
    {"roster", cmd_roster, CT_COMMAND_ROSTER},
    {"join", cmd_join, CT_COMMAND_JOIN},
    {"import", cmd_import, CT_COMMAND_IMPORT},
    {"export", cmd_export, CT_COMMAND_EXPORT},
    {"backup", cmd_backup, CT_COMMAND_BACKUP},
    {"check", cmd_check, CT_COMMAND_CHECK},
};

enum { COMMAND_COUNT = sizeof commands / sizeof commands[0] };

int cli_run(const cli_context *ctx, int argc, char **argv)
{
    for (int i = 0; i < COMMAND_COUNT; i++)
        if (argc > 0 && strcmp(commands[i].name, argv[0]) == 0)
            return commands[i].run(ctx, argc - 1, argv + 1);
    cli_tell(ctx, ctx->err, CT_UNKNOWN_COMMAND, argc > 0 ? argv[0] : "");
    return CLI_USAGE;
}

void cli_print_commands(const cli_context *ctx)
{
    for (int i = 0; i < COMMAND_COUNT; i++)
        fprintf(ctx->out, "  %-8s %s\n", commands[i].name, cli_t(ctx, commands[i].summary));
}
