/*
 * `htx config`: the names and signatures printed on documents (the issuing
 * body, the number pattern, who signs and in what capacity, the
 * recipients), the Alliance's own or a club's, changed without a
 * programmer.  The settings screen (F4 on the clubs screen) shows the same.
 */
#include <string.h>

#include "cmd.h"
#include "doc_settings.h"

static const cli_option options[] = {
    {"--club", true, CLI_TEXT_PAIR(CT_CONFIG_OPT_CLUB)},
    {"--reset", false, CLI_TEXT_PAIR(CT_CONFIG_OPT_RESET)},
    {"--help", false, CLI_TEXT_PAIR(CT_OPT_HELP)},
    {NULL, false, NULL, NULL},
};

static const cli_choices choices[] = {
    {"--club", HTX_CHOOSE_CLUB},
    {NULL, 0},
};

static void print_more_help(const cli_context *ctx)
{
    fputs(cli_t(ctx, CT_CONFIG_MORE_HELP), ctx->out);
    for (int i = 0; i < HTX_DSET_COUNT; i++)
        fprintf(ctx->out, "  %-12s %s: %s\n", htx_doc_setting_key((htx_doc_setting)i),
                htx_doc_setting_label((htx_doc_setting)i, ctx->lang),
                htx_doc_setting_hint((htx_doc_setting)i, ctx->lang));
}

static int cmd_config(const cli_context *ctx, int argc, char **argv);

const cli_spec cmd_config_spec = {
    .name = "config",
    .brief = CT_COMMAND_CONFIG,
    .usage = "htx config [--club CLB] [THIẾT_LẬP [GIÁ_TRỊ | --reset]]",
    .summary = CT_CONFIG_SUMMARY,
    .options = options,
    .choices = choices,
    .max_operands = 2,
    .more_help = print_more_help,
    .run = cmd_config,
};

static void show_one(const cli_context *ctx, const htx_doc_settings *s, int i)
{
    fprintf(ctx->out, "%s (%s): %s%s\n", htx_doc_setting_label((htx_doc_setting)i, ctx->lang),
            htx_doc_setting_key((htx_doc_setting)i), s->value[i],
            s->set[i] ? "" : cli_t(ctx, CT_CONFIG_DEFAULT_MARK));
}

static int cmd_config(const cli_context *ctx, int argc, char **argv)
{
    cli_args args;
    int early = cli_start(ctx, &cmd_config_spec, argc, argv, &args);
    if (early >= 0)
        return early;
    const char *club_text = cli_value(&args, "--club");
    const htx_club *club = club_text ? htx_club_find(club_text) : NULL;
    bool reset = cli_flag(&args, "--reset");
    int which = -1;
    if (args.operand_count > 0) {
        which = htx_doc_setting_find(args.operands[0]);
        if (which < 0) {
            cli_tell(ctx, ctx->err, CT_CONFIG_UNKNOWN, args.operands[0]);
            return CLI_USAGE;
        }
    }
    bool writing = args.operand_count == 2 || reset;
    if (reset && args.operand_count != 1) {
        cli_tell(ctx, ctx->err, CT_CONFIG_RESET_NEEDS_ONE);
        return CLI_USAGE;
    }
    htx_store *store = cli_open_store(ctx, writing ? HTX_OPEN_EXISTING : HTX_OPEN_READ);
    if (!store)
        return CLI_FAILURE;
    htx_error err;
    htx_status st = HTX_OK;
    if (writing)
        st = htx_doc_setting_save(store, club, (htx_doc_setting)which, reset ? NULL : args.operands[1], &err);
    htx_doc_settings settings;
    if (st == HTX_OK)
        st = htx_doc_settings_load(store, club, &settings, &err);
    htx_store_close(store);
    if (st != HTX_OK) {
        cli_report(ctx, &err);
        return cli_status_exit(st);
    }
    if (which >= 0) {
        show_one(ctx, &settings, which);
        return CLI_OK;
    }
    cli_tell(ctx, ctx->out, CT_CONFIG_HEADING, club ? club->name : cli_t(ctx, CT_CONFIG_ALLIANCE));
    for (int i = 0; i < HTX_DSET_COUNT; i++)
        show_one(ctx, &settings, i);
    return CLI_OK;
}
