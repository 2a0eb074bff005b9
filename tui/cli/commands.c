#include "commands.h"

#include <string.h>

#include "cmd.h"
#include "display.h"
#include "htx_config.h"
#include "man_page.h"

static int run_help(const cli_context *ctx, const cli_program *program, int argc, char **argv);

static const cli_option help_options[] = {
    {"--man", false, CLI_TEXT_PAIR(CT_HELP_OPT_MAN)},
    {"--help", false, CLI_TEXT_PAIR(CT_OPT_HELP)},
    {NULL, false, NULL, NULL},
};

/* `htx help` runs with the program's options at hand, so it is run from
 * here rather than through .run. */
static const cli_spec help_spec = {
    .name = "help",
    .brief = CT_COMMAND_HELP,
    .usage = "htx help [LỆNH] [--man]",
    .summary = CT_HELP_SUMMARY,
    .options = help_options,
    .max_operands = 1,
};

/* In the order `htx help` lists them. */
static const cli_spec *const commands[] = {
    &cmd_init_spec,   &cmd_list_spec,   &cmd_show_spec,   &cmd_add_spec,    &cmd_edit_spec,
    &cmd_stats_spec,  &cmd_roster_spec, &cmd_join_spec,   &cmd_import_spec, &cmd_export_spec,
    &cmd_config_spec, &cmd_backup_spec, &cmd_check_spec,  &help_spec,
};

enum { COMMAND_COUNT = sizeof commands / sizeof commands[0] };

static const cli_spec *command_named(const char *name)
{
    for (int i = 0; i < COMMAND_COUNT; i++)
        if (strcmp(commands[i]->name, name) == 0)
            return commands[i];
    return NULL;
}

/* The command was mistyped: say so, with the commands it is close to. */
static int refuse_unknown_command(const cli_context *ctx, const char *typed)
{
    const char *names[COMMAND_COUNT];
    for (int i = 0; i < COMMAND_COUNT; i++)
        names[i] = commands[i]->name;
    char close[256];
    cli_close_names(typed, names, COMMAND_COUNT, "htx ", close, sizeof close);
    if (close[0])
        cli_tell(ctx, ctx->err, CT_UNKNOWN_COMMAND_CLOSE, typed, close);
    else
        cli_tell(ctx, ctx->err, CT_UNKNOWN_COMMAND, typed);
    return CLI_USAGE;
}

int cli_run(const cli_context *ctx, const cli_program *program, int argc, char **argv)
{
    const char *name = argc > 0 ? argv[0] : "";
    const cli_spec *spec = command_named(name);
    if (!spec)
        return refuse_unknown_command(ctx, name);
    cli_context running = *ctx;
    running.command = spec->name;
    if (spec == &help_spec)
        return run_help(&running, program, argc - 1, argv + 1);
    return spec->run(&running, argc - 1, argv + 1);
}

static void print_options(const cli_context *ctx, const cli_option *options)
{
    for (int i = 0; options && options[i].name; i++) {
        char padded[128];
        htx_text_pad(options[i].name, 12, padded, sizeof padded);
        fprintf(ctx->out, "  %s %s\n", padded, cli_tr(ctx, options[i].help_vi, options[i].help_en));
    }
}

void cli_print_main_help(const cli_context *ctx, const cli_program *program)
{
    FILE *o = ctx->out;
    fprintf(o, "htx %s — %s\n\n", HTX_VERSION, cli_t(ctx, CT_MAIN_TITLE));
    fprintf(o, "%s: %s\n\n", cli_t(ctx, CT_HELP_USAGE), cli_t(ctx, CT_MAIN_USAGE));
    fprintf(o, "%s\n", cli_t(ctx, CT_MAIN_NO_COMMAND));
    fprintf(o, "\n%s:\n", cli_t(ctx, CT_MAIN_COMMANDS));
    for (int i = 0; i < COMMAND_COUNT; i++)
        fprintf(o, "  %-8s %s\n", commands[i]->name, cli_t(ctx, commands[i]->brief));
    fprintf(o, "\n%s:\n", cli_t(ctx, CT_MAIN_GLOBAL_OPTIONS));
    print_options(ctx, program->global_options);
    if (program->screen_options && program->screen_options[0].name) {
        fprintf(o, "\n%s:\n", cli_t(ctx, CT_MAIN_SCREEN_OPTIONS));
        print_options(ctx, program->screen_options);
    }
    fprintf(o, "\n%s\n%s\n", cli_t(ctx, CT_MAIN_EXIT_STATUS), cli_t(ctx, CT_MAIN_SEE_ALSO));
}

static int run_help(const cli_context *ctx, const cli_program *program, int argc, char **argv)
{
    cli_args args;
    int early = cli_start(ctx, &help_spec, argc, argv, &args);
    if (early >= 0)
        return early;
    if (cli_flag(&args, "--man")) {
        cli_write_man_page(ctx, program, commands, COMMAND_COUNT);
        return CLI_OK;
    }
    if (args.operand_count == 0) {
        cli_print_main_help(ctx, program);
        return CLI_OK;
    }
    const cli_spec *spec = command_named(args.operands[0]);
    if (!spec)
        return refuse_unknown_command(ctx, args.operands[0]);
    cli_print_help(ctx, spec);
    return CLI_OK;
}
