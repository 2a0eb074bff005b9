#include "man_page.h"

#include <stdlib.h>
#include <string.h>

#include "htx_config.h"

/*
 * Text as roff reads it: a backslash is an escape and is doubled as \e, a
 * hyphen is written \- so options stay hyphens on every device, and a line
 * that would begin with a request character ('.' or '\'') is guarded by \&.
 * Line breaks are kept.
 */
static void put_text(FILE *out, const char *text)
{
    bool line_start = true;
    for (const char *p = text; *p; p++) {
        if (line_start && (*p == '.' || *p == '\''))
            fputs("\\&", out);
        line_start = *p == '\n';
        if (*p == '\\')
            fputs("\\e", out);
        else if (*p == '-')
            fputs("\\-", out);
        else
            fputc(*p, out);
    }
}

static void put_line(FILE *out, const char *text)
{
    put_text(out, text);
    fputc('\n', out);
}

static void section(const cli_context *ctx, cli_text_id heading)
{
    fprintf(ctx->out, ".SH \"%s\"\n", cli_t(ctx, heading));
}

static void options(const cli_context *ctx, const cli_option *list)
{
    for (int i = 0; list && list[i].name; i++) {
        fputs(".TP\n\\fB", ctx->out);
        put_text(ctx->out, list[i].name);
        fputs(list[i].takes_value ? "\\fR \\fI…\\fR\n" : "\\fR\n", ctx->out);
        put_line(ctx->out, cli_tr(ctx, list[i].help_vi, list[i].help_en));
    }
}

/* What a function prints for the terminal, as text for the page. */
static char *captured(const cli_context *ctx, void (*print)(const cli_context *ctx))
{
    char *text = NULL;
    size_t size = 0;
    FILE *memory = open_memstream(&text, &size);
    if (!memory)
        return NULL;
    cli_context into = *ctx;
    into.out = memory;
    print(&into);
    fclose(memory);
    return text;
}

static void command(const cli_context *ctx, const cli_spec *spec)
{
    FILE *o = ctx->out;
    fprintf(o, ".SS %s\n\\fB", spec->name);
    put_text(o, spec->usage);
    fputs("\\fR\n.PP\n", o);
    put_line(o, cli_t(ctx, spec->summary));
    options(ctx, spec->options);
    if (spec->choices && spec->choices[0].option) {
        fputs(".PP\n", o);
        put_line(o, cli_t(ctx, CT_HELP_CHOICES));
    }
    for (int i = 0; spec->choices && spec->choices[i].option; i++) {
        fputs(".TP\n\\fB", o);
        put_text(o, spec->choices[i].option);
        fputs("\\fR\n", o);
        size_t count;
        const char **labels = cli_choice_labels(ctx, spec->choices[i].list, &count);
        for (size_t k = 0; labels && k < count; k++) {
            put_text(o, labels[k]);
            fputs(k + 1 < count ? ",\n" : "\n", o);
        }
        free(labels);
    }
    char *more = spec->more_help ? captured(ctx, spec->more_help) : NULL;
    if (more && more[0]) {
        /* Laid out for the terminal (aligned columns, examples): kept as it is. */
        fputs(".PP\n.nf\n", o);
        put_text(o, more[0] == '\n' ? more + 1 : more);
        fputs(more[strlen(more) - 1] == '\n' ? ".fi\n" : "\n.fi\n", o);
    }
    free(more);
}

void cli_write_man_page(const cli_context *ctx, const cli_program *program, const cli_spec *const commands[],
                        size_t count)
{
    FILE *o = ctx->out;
    fputs(".\\\" Written by `htx help --man` from htx's own tables.\n", o);
    fprintf(o, ".TH HTX 1 \"\" \"htx %s\" \"%s\"\n", HTX_VERSION, cli_t(ctx, CT_MAIN_TITLE));
    fputs(".ad l\n", o); /* ragged right: long paths and codes stretch no spaces */
    section(ctx, CT_MAN_NAME);
    fputs("htx \\- ", o);
    put_line(o, cli_t(ctx, CT_MAIN_TITLE));
    section(ctx, CT_MAN_SYNOPSIS);
    put_line(o, cli_t(ctx, CT_MAIN_USAGE));
    section(ctx, CT_MAN_DESCRIPTION);
    put_line(o, cli_t(ctx, CT_MAN_DESCRIPTION_TEXT));
    section(ctx, CT_MAN_OPTIONS);
    options(ctx, program->global_options);
    if (program->screen_options && program->screen_options[0].name) {
        section(ctx, CT_MAN_SCREEN_OPTIONS);
        options(ctx, program->screen_options);
    }
    section(ctx, CT_MAN_COMMANDS);
    for (size_t i = 0; i < count; i++)
        command(ctx, commands[i]);
    section(ctx, CT_MAN_EXIT_STATUS);
    put_line(o, cli_t(ctx, CT_MAIN_EXIT_STATUS));
    section(ctx, CT_MAN_ENVIRONMENT);
    static const struct {
        const char *name;
        cli_text_id text;
    } environment[] = {
        {"HTX_DB", CT_ENV_HTX_DB},     {"XDG_DATA_HOME", CT_ENV_XDG_DATA_HOME},
        {"HTX_LANG", CT_ENV_HTX_LANG}, {"USER", CT_ENV_USER},
        {"HTX_LP", CT_ENV_HTX_LP},     {"NO_COLOR", CT_ENV_NO_COLOR},
    };
    for (size_t i = 0; i < sizeof environment / sizeof environment[0]; i++) {
        fprintf(o, ".TP\n\\fB%s\\fR\n", environment[i].name);
        put_line(o, cli_t(ctx, environment[i].text));
    }
    section(ctx, CT_MAN_FILES);
    fputs(".TP\n\\fI~/.local/share/htx/htx.db\\fR\n", o);
    put_line(o, cli_t(ctx, CT_MAN_FILES_TEXT));
}
