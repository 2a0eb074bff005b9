#include "cli.h"

#include <pwd.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "coop.h" /* htx_error_text */
#include "display.h"
#include "collate.h"
#include "fold.h"
#include "format.h"
#include "name_match.h"
#include "text.h"

static int option_index(const cli_option *options, const char *name, size_t len)
{
    for (int i = 0; options[i].name; i++)
        if (strlen(options[i].name) == len && strncmp(options[i].name, name, len) == 0)
            return i;
    /* -h, as every program takes it, wherever there is a --help */
    if (len == 2 && strncmp(name, "-h", 2) == 0)
        return option_index(options, "--help", strlen("--help"));
    return -1;
}

static void refuse_unknown_option(const cli_context *ctx, const char *command, const cli_option *options,
                                  const char *arg, size_t name_len)
{
    const char *names[CLI_MAX_OPTIONS + 1];
    size_t count = 0;
    for (int i = 0; options[i].name && count < CLI_MAX_OPTIONS + 1; i++)
        names[count++] = options[i].name;
    char typed[128], close[256];
    snprintf(typed, sizeof typed, "%.*s", (int)name_len, arg);
    cli_close_names(typed, names, count, "", close, sizeof close);
    if (close[0])
        cli_tell(ctx, ctx->err, CT_UNKNOWN_OPTION_CLOSE, command, (int)name_len, arg, close);
    else
        cli_tell(ctx, ctx->err, CT_UNKNOWN_OPTION, command, (int)name_len, arg, command);
}

bool cli_parse(const cli_context *ctx, const char *command, const cli_option *options, int argc,
               char **argv, cli_args *out)
{
    memset(out, 0, sizeof *out);
    out->options = options;
    out->operands = argv;
    bool options_ended = false;
    for (int i = 0; i < argc; i++) {
        const char *arg = argv[i];
        if (options_ended || arg[0] != '-' || arg[1] == '\0') {
            /* The arguments read since the last operand move up one. */
            memmove(argv + out->operand_count + 1, argv + out->operand_count,
                    (size_t)(i - out->operand_count) * sizeof *argv);
            argv[out->operand_count++] = (char *)arg;
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
            refuse_unknown_option(ctx, command, options, arg, name_len);
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

/* Said on a terminal only: a script's error stream stays what it was. */
static void tell_upgrade(void *context, int from_version, int to_version)
{
    const cli_context *ctx = context;
    if (isatty(fileno(ctx->err))) {
        cli_tell(ctx, ctx->err, CT_UPGRADING_REGISTER, from_version, to_version);
        fflush(ctx->err);
    }
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
    if (htx_store_open_telling(path, mode, tell_upgrade, (void *)ctx, &store, &err) != HTX_OK) {
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
    cli_point_to_names(ctx, err);
}

void cli_point_to_names(const cli_context *ctx, const htx_error *err)
{
    static const htx_msg unknown_names[] = {MSG_UNKNOWN_DISTRICT, MSG_UNKNOWN_SECTOR, MSG_UNKNOWN_CLUB,
                                            MSG_UNKNOWN_STATUS, MSG_UNKNOWN_ROLE};
    bool unknown = false;
    for (size_t i = 0; i < sizeof unknown_names / sizeof unknown_names[0]; i++)
        unknown = unknown || err->msg == unknown_names[i];
    /* A close name already says what was meant. */
    if (unknown && err->hint == MSG_NONE && ctx->command)
        cli_tell(ctx, ctx->err, CT_SEE_NAMES, ctx->command);
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
    if (spec->choices && spec->choices[0].option)
        fprintf(o, "\n%s:\n", cli_t(ctx, CT_HELP_CHOICES));
    for (int i = 0; spec->choices && spec->choices[i].option; i++) {
        fprintf(o, "  %s:\n    ", spec->choices[i].option);
        cli_print_choices(ctx, spec->choices[i].list, 4);
    }
    if (spec->more_help)
        spec->more_help(ctx);
}

/* Help is laid out for the narrowest terminal staff use, whatever this one is. */
enum { HELP_WIDTH = 80 };

void cli_print_wrapped(FILE *out, const char *const words[], size_t count, int indent, int width)
{
    int column = indent;
    for (size_t i = 0; i < count; i++) {
        bool last = i + 1 == count;
        int needed = (int)htx_text_width(words[i]) + (last ? 0 : 1); /* with its comma */
        if (i > 0 && column + 1 + needed > width) {
            fprintf(out, "\n%*s", indent, "");
            column = indent;
        } else if (i > 0) {
            fputc(' ', out);
            column++;
        }
        fprintf(out, "%s%s", words[i], last ? "" : ",");
        column += needed;
    }
    fputc('\n', out);
}

enum { LABEL_SIZE = 160 };

static int by_vietnamese_order(const void *a, const void *b)
{
    return htx_collate_compare(*(const char *const *)a, *(const char *const *)b);
}

const char **cli_choice_labels(const cli_context *ctx, htx_choice_list list, size_t *count)
{
    *count = htx_choice_count(list);
    /* The pointers, then the texts they point to, in one block. */
    const char **labels = malloc(*count * (sizeof *labels + LABEL_SIZE) + 1);
    if (!labels)
        return NULL;
    char *text = (char *)(labels + *count);
    for (size_t i = 0; i < *count; i++) {
        htx_choice_label(list, i, ctx->lang, text + i * LABEL_SIZE, LABEL_SIZE);
        labels[i] = text + i * LABEL_SIZE;
    }
    /* A place is looked for by its name, as the forms list them; the other
     * lists keep the Alliance's own order. */
    if (list == HTX_CHOOSE_DISTRICT)
        qsort(labels, *count, sizeof *labels, by_vietnamese_order);
    return labels;
}

void cli_print_choices(const cli_context *ctx, htx_choice_list list, int indent)
{
    size_t count;
    const char **labels = cli_choice_labels(ctx, list, &count);
    if (labels)
        cli_print_wrapped(ctx->out, labels, count, indent, HELP_WIDTH);
    free(labels);
}

void cli_close_names(const char *typed, const char *const names[], size_t count, const char *prefix, char *out,
                     size_t size)
{
    out[0] = '\0';
    /* What cannot be read as text resembles nothing. */
    if (!typed || htx_utf8_invalid_at(typed, strlen(typed)) >= 0)
        return;
    char *folded = htx_fold_words(typed);
    size_t *distance = calloc(count ? count : 1, sizeof *distance);
    size_t nearest = SIZE_MAX;
    for (size_t i = 0; folded && distance && i < count; i++) {
        char *name = htx_fold_words(names[i]);
        distance[i] = name ? htx_name_distance(folded, name) : SIZE_MAX;
        free(name);
        if (distance[i] < nearest)
            nearest = distance[i];
    }
    if (folded && distance && nearest != SIZE_MAX && htx_name_is_close(folded, nearest)) {
        size_t used = 0;
        for (size_t i = 0; i < count && used < size; i++)
            if (distance[i] == nearest)
                used += (size_t)snprintf(out + used, size - used, "%s%s%s", used ? ", " : "", prefix, names[i]);
    }
    free(distance);
    free(folded);
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
