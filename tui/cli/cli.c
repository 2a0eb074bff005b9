#include "cli.h"

#include <pwd.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "coop.h" /* htx_error_text */
#include "display.h"
#include "format.h"

static int option_index(const cli_option *options, const char *name, size_t len)
{
    for (int i = 0; options[i].name; i++)
        if (strlen(options[i].name) == len && strncmp(options[i].name, name, len) == 0)
            return i;
    return -1;
}

bool cli_parse(const cli_context *ctx, const char *command, const cli_option *options, int argc,
               char **argv, cli_args *out)
{
    memset(out, 0, sizeof *out);
    out->options = options;
    bool options_ended = false;
    for (int i = 0; i < argc; i++) {
        const char *arg = argv[i];
        if (options_ended || arg[0] != '-' || arg[1] == '\0') {
            if (out->operand_count == CLI_MAX_OPERANDS) {
                cli_tell(ctx, ctx->err, CT_TOO_MANY_ARGUMENTS, command);
                return false;
            }
            out->operands[out->operand_count++] = arg;
            continue;
        }
        if (strcmp(arg, "--") == 0) {
            options_ended = true;
            continue;
        }
        const char *eq = strchr(arg, '=');
        size_t name_len = eq && arg[1] == '-' ? (size_t)(eq - arg) : strlen(arg);
        int k = option_index(options, arg, name_len);
        if (k < 0) {
            cli_tell(ctx, ctx->err, CT_UNKNOWN_OPTION, command, (int)name_len, arg, command);
            return false;
        }
        if (!options[k].takes_value) {
            if (eq && arg[1] == '-') {
                cli_tell(ctx, ctx->err, CT_TAKES_NO_VALUE, command, options[k].name);
                return false;
            }
            out->values[k] = "";
        } else if (eq && arg[1] == '-') {
            out->values[k] = eq + 1;
        } else if (i + 1 < argc) {
            out->values[k] = argv[++i];
        } else {
            cli_tell(ctx, ctx->err, CT_NEEDS_VALUE, command, options[k].name);
            return false;
        }
    }
    return true;
}

const char *cli_value(const cli_args *args, const char *name)
{
    int k = option_index(args->options, name, strlen(name));
    return k < 0 ? NULL : args->values[k];
}

bool cli_flag(const cli_args *args, const char *name)
{
    return cli_value(args, name) != NULL;
}

/* The user's home: $HOME when it is an absolute path, else the passwd
 * entry's (cron may run with HOME unset or empty); NULL when neither. */
static const char *home_directory(void)
{
    const char *home = getenv("HOME");
    if (home && home[0] == '/')
        return home;
    struct passwd *entry = getpwuid(getuid());
    return entry && entry->pw_dir && entry->pw_dir[0] == '/' ? entry->pw_dir : NULL;
}

const char *cli_db_path(const cli_context *ctx, char *buf, size_t size)
{
    const char *env;
    const char *home;
    if (ctx->db_path && ctx->db_path[0])
        snprintf(buf, size, "%s", ctx->db_path);
    else if ((env = getenv("HTX_DB")) && env[0])
        snprintf(buf, size, "%s", env);
    /* The XDG base directory rules: a relative XDG_DATA_HOME is ignored,
     * so the register never lands in whatever directory a job runs in. */
    else if ((env = getenv("XDG_DATA_HOME")) && env[0] == '/')
        snprintf(buf, size, "%s/htx/htx.db", env);
    else if ((home = home_directory()))
        snprintf(buf, size, "%s/.local/share/htx/htx.db", home);
    else
        buf[0] = '\0'; /* no home to put it in: the caller asks for --db */
    return buf;
}

htx_store *cli_open_store(const cli_context *ctx, htx_open_mode mode)
{
    char path[4096];
    htx_store *store = NULL;
    htx_error err;
    if (!cli_db_path(ctx, path, sizeof path)[0]) {
        cli_tell(ctx, ctx->err, CT_NO_HOME_FOR_DB);
        return NULL;
    }
    if (htx_store_open(path, mode, &store, &err) != HTX_OK) {
        cli_report(ctx, &err);
        return NULL;
    }
    return store;
}

void cli_report(const cli_context *ctx, const htx_error *err)
{
    char text[1024];
    htx_error_text(err, ctx->lang, text, sizeof text);
    /* The message may quote user input: never let it drive the terminal. */
    char *safe = htx_text_sanitize(text);
    fprintf(ctx->err, "htx: %s\n", safe ? safe : text);
    free(safe);
    if (err->msg == MSG_OUTPUT_EXISTS)
        cli_tell(ctx, ctx->err, CT_OUTPUT_WAY_OUT);
}

htx_status cli_outfile_open(const cli_context *ctx, htx_outfile *o, const char *path, bool force,
                            htx_error *err)
{
    char register_path[4096];
    htx_outfile_rules rules = {.register_path = cli_db_path(ctx, register_path, sizeof register_path),
                               .replace = force};
    if (!rules.register_path[0])
        rules.register_path = NULL;
    return htx_outfile_open_checked(o, path, &rules, err);
}

/* Messages quote what was typed: line by line, never raw controls. */
static void say(FILE *to, const char *format, va_list ap)
{
    char text[2048];
    vsnprintf(text, sizeof text, format, ap);
    for (char *line = text; *line;) {
        char *end = strchr(line, '\n');
        if (end)
            *end = '\0';
        char *safe = htx_text_sanitize(line);
        fputs(safe ? safe : "", to);
        free(safe);
        if (!end)
            break;
        fputc('\n', to);
        line = end + 1;
    }
}

void cli_tell(const cli_context *ctx, FILE *to, cli_text_id id, ...)
{
    va_list ap;
    va_start(ap, id);
    say(to, cli_t(ctx, id), ap);
    va_end(ap);
}

void cli_say(const cli_context *ctx, FILE *to, const char *vi, const char *en, ...)
{
    va_list ap;
    va_start(ap, en);
    say(to, cli_tr(ctx, vi, en), ap);
    va_end(ap);
}

const char *cli_number(const cli_context *ctx, long long n, char *out, size_t size)
{
    htx_format_number(n, ctx->lang, out, size);
    return out;
}

const char *cli_count(const cli_context *ctx, long long n, cli_text_id one, cli_text_id several, char *out,
                      size_t size)
{
    char number[32];
    snprintf(out, size, cli_t(ctx, n == 1 ? one : several), cli_number(ctx, n, number, sizeof number));
    return out;
}

int cli_status_exit(htx_status st)
{
    switch (st) {
    case HTX_OK: return CLI_OK;
    case HTX_ERR_INVALID:
    case HTX_ERR_DUPLICATE: return CLI_USAGE;
    case HTX_ERR_CONFLICT: return CLI_CONFLICT;
    default: return CLI_FAILURE;
    }
}

void cli_print_help(const cli_context *ctx, const cli_spec *spec)
{
    FILE *o = ctx->out;
    const cli_option *options = spec->options;
    fprintf(o, "%s: %s\n%s\n", cli_t(ctx, CT_HELP_USAGE), spec->usage, cli_t(ctx, spec->summary));
    if (options && options[0].name)
        fprintf(o, "\n%s:\n", cli_t(ctx, CT_HELP_OPTIONS));
    for (int i = 0; options && options[i].name; i++) {
        char left[64];
        snprintf(left, sizeof left, "%s%s", options[i].name, options[i].takes_value ? " …" : "");
        char padded[128];
        htx_text_pad(left, 18, padded, sizeof padded);
        fprintf(o, "  %s %s\n", padded, cli_tr(ctx, options[i].help_vi, options[i].help_en));
    }
    if (spec->more_help)
        spec->more_help(ctx);
}

int cli_start(const cli_context *ctx, const cli_spec *spec, int argc, char **argv, cli_args *args)
{
    if (!cli_parse(ctx, spec->name, spec->options, argc, argv, args))
        return CLI_USAGE;
    if (cli_flag(args, "--help")) {
        cli_print_help(ctx, spec);
        return CLI_OK;
    }
    if (spec->max_operands >= 0 && args->operand_count > spec->max_operands) {
        cli_tell(ctx, ctx->err, CT_UNEXPECTED_ARGUMENT, spec->name, args->operands[spec->max_operands],
                 spec->name);
        return CLI_USAGE;
    }
    return -1;
}
