/*
 * htx: the register of cooperatives of the Hanoi City Cooperative Alliance.
 *
 * With a subcommand, htx runs it non-interactively (commands.h); without
 * one it opens the full-screen interface.  Global options may stand anywhere
 * on the command line: they are taken out before the subcommand parses the
 * rest.
 */
#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "text.h"
#include "htx_config.h"
#include "tui.h"

/* The options that take a value come first: take_global_options stops at
 * the first flag. */
static const cli_option global_options[] = {
    {"--db", true, CLI_TEXT_PAIR(CT_OPT_DB)},
    {"--user", true, CLI_TEXT_PAIR(CT_OPT_USER)},
    {"--lang", true, CLI_TEXT_PAIR(CT_OPT_LANG)},
    {"--help", false, CLI_TEXT_PAIR(CT_OPT_HELP)},
    {"--version", false, CLI_TEXT_PAIR(CT_OPT_VERSION)},
    {NULL, false, NULL, NULL},
};

static const cli_program program = {.global_options = global_options, .screen_options = tui_options};

/* Takes the global options out of argv (in place); returns the new argc, or
 * -1 after reporting a bad one.  --help and --version are left in place for
 * the subcommand when one is named. */
static int take_global_options(cli_context *ctx, int argc, char **argv, bool *help, bool *version)
{
    int kept = 1;
    bool seen_command = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--") == 0) {
            while (i < argc)
                argv[kept++] = argv[i++];
            break;
        }
        const char *value = NULL;
        const char *name = NULL;
        for (int k = 0; global_options[k].takes_value; k++) {
            size_t n = strlen(global_options[k].name);
            if (strncmp(a, global_options[k].name, n) == 0 && (a[n] == '=' || a[n] == '\0')) {
                name = global_options[k].name;
                if (a[n] == '=') {
                    value = a + n + 1;
                } else if (i + 1 < argc) {
                    value = argv[++i];
                } else {
                    cli_tell(ctx, ctx->err, CT_GLOBAL_NEEDS_VALUE, name);
                    return -1;
                }
                break;
            }
        }
        if (name) {
            if (strcmp(name, "--db") == 0)
                ctx->db_path = value;
            else if (strcmp(name, "--user") == 0)
                ctx->user = value;
            else {
                int lang = htx_lang_parse(value);
                if (lang < 0) {
                    cli_tell(ctx, ctx->err, CT_UNKNOWN_LANGUAGE, value);
                    return -1;
                }
                ctx->lang = (htx_lang)lang;
            }
            continue;
        }
        if (!seen_command && (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0)) {
            *help = true;
            continue;
        }
        if (!seen_command && (strcmp(a, "--version") == 0 || strcmp(a, "-V") == 0)) {
            *version = true;
            continue;
        }
        if (a[0] != '-')
            seen_command = true;
        argv[kept++] = argv[i];
    }
    argv[kept] = NULL;
    return kept;
}

/*
 * The user recorded in the change log is text that enters like any other:
 * --user must be valid one-line text; an unusable $USER is passed over for
 * the login name.
 */
static bool resolve_user(cli_context *ctx, char *buf, size_t size)
{
    htx_error err;
    char *clean = NULL;
    if (ctx->user) {
        if (htx_text_normalize(ctx->user, HTX_TEXT_LINE, 64, NULL, &clean, &err) != HTX_OK || !clean[0]) {
            free(clean);
            htx_fail(&err, HTX_ERR_INVALID, MSG_BAD_USER, NULL, NULL, NULL);
            cli_report(ctx, &err);
            return false;
        }
    } else {
        const char *env = getenv("USER");
        if (!env || htx_text_normalize(env, HTX_TEXT_LINE, 64, NULL, &clean, &err) != HTX_OK || !clean[0]) {
            free(clean);
            unsetenv("USER"); /* htx_audit_user then falls back to the login name */
            return true;
        }
    }
    snprintf(buf, size, "%s", clean);
    free(clean);
    ctx->user = buf;
    return true;
}

/* ncursesw needs a UTF-8 character set; an SSH client may bring a locale
 * this machine lacks, so fall back to C.UTF-8 rather than show blanks. */
static bool use_utf8_locale(void)
{
    setlocale(LC_CTYPE, "");
    if (strcmp(nl_langinfo(CODESET), "UTF-8") == 0)
        return true;
    return setlocale(LC_CTYPE, "C.UTF-8") && strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
}

int main(int argc, char **argv)
{
    /* Only the character type: numbers are formatted by htx itself. */
    bool utf8 = use_utf8_locale();

    cli_context ctx = {.lang = HTX_LANG_VI, .out = stdout, .err = stderr};
    const char *env_lang = getenv("HTX_LANG");
    if (env_lang && htx_lang_parse(env_lang) >= 0)
        ctx.lang = (htx_lang)htx_lang_parse(env_lang);

    bool help = false, version = false;
    argc = take_global_options(&ctx, argc, argv, &help, &version);
    if (argc < 0)
        return CLI_USAGE;
    char user[256];
    if (!resolve_user(&ctx, user, sizeof user))
        return CLI_USAGE;
    if (version) {
        printf("htx %s\n", HTX_VERSION);
        return CLI_OK;
    }
    if (help) {
        cli_print_main_help(&ctx, &program);
        return CLI_OK;
    }
    if (argc > 1 && argv[1][0] != '-') {
        int status = cli_run(&ctx, &program, argc - 1, argv + 1);
        if (fflush(stdout) != 0 && status == CLI_OK) {
            htx_error err;
            htx_fail_os(&err, HTX_ERR_IO, MSG_IO, NULL, "stdout", errno);
            cli_report(&ctx, &err);
            status = CLI_FAILURE;
        }
        return status;
    }
    if (!utf8) {
        cli_tell(&ctx, ctx.err, CT_NEED_UTF8_LOCALE);
        return CLI_FAILURE;
    }
    return tui_main(&ctx, argc - 1, argv + 1);
}
