/*
 * The command line: `htx SUBCOMMAND [options]`, the scriptable face of htx.
 *
 * What every subcommand shares: the context, option parsing, help printing
 * and messages.  The subcommands themselves (cmd_*.c) sit above this file
 * and the table that names them (commands.h) above them, so this file knows
 * no command.
 *
 * Every subcommand is a function taking the shared context and its own
 * arguments and returning an exit status: 0 success, 1 failure, 2 bad usage
 * or invalid data (a refused command changes nothing).
 */
#ifndef HTX_CLI_H
#define HTX_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "cli_text.h"
#include "error.h"
#include "outfile.h"
#include "refdata.h"
#include "store.h"

enum { CLI_OK = 0, CLI_FAILURE = 1, CLI_USAGE = 2,
       CLI_CONFLICT = 3 /* the record changed since it was read (htx edit --if-version) */ };

typedef struct cli_context {
    htx_lang lang;
    const char *db_path; /* --db, or NULL for $HTX_DB / the default */
    const char *user;    /* --user, or NULL for $USER */
    FILE *out;
    FILE *err;
    const char *command; /* the command running ("list"), or NULL: where its help is */
} cli_context;

/* ---- options ------------------------------------------------------------ */

/* The command line's own tables fill help_vi, help_en from the catalog with
 * CLI_TEXT_PAIR(id); the full-screen interface's options bring their own. */
typedef struct cli_option {
    const char *name; /* "--district", or "-o" */
    bool takes_value;
    const char *help_vi;
    const char *help_en;
} cli_option;

#define CLI_MAX_OPTIONS 24

typedef struct cli_args {
    const cli_option *options;
    const char *values[CLI_MAX_OPTIONS]; /* value, or "" for a flag that is present */
    char **operands; /* the front of argv: any number */
    int operand_count;
} cli_args;

/*
 * Parses argv against options (terminated by a {NULL} entry): "--name value",
 * "--name=value", flags, and operands ("--" ends options); "-h" is "--help"
 * wherever there is one.  As getopt does, it moves the operands, in their
 * order, to the front of argv (options and their values after them), so a
 * command takes any number of them.  Reports an unknown option (with the options close
 * to it) or a missing value on ctx->err and returns false.
 */
bool cli_parse(const cli_context *ctx, const char *command, const cli_option *options, int argc,
               char **argv, cli_args *out);
/* The value of option name, or NULL when absent. */
const char *cli_value(const cli_args *args, const char *name);
bool cli_flag(const cli_args *args, const char *name);

/* ---- shared helpers ------------------------------------------------------- */

/* The database path: --db, else $HTX_DB, else $XDG_DATA_HOME/htx/htx.db,
 * else ~/.local/share/htx/htx.db.  Writes into buf. */
const char *cli_db_path(const cli_context *ctx, char *buf, size_t size);

/* Opens the database, reporting failure; NULL on failure. */
htx_store *cli_open_store(const cli_context *ctx, htx_open_mode mode);

/* Prints "htx: <message>" in the user's language on ctx->err; after a name
 * that is in no list and close to none, where the names are listed. */
void cli_report(const cli_context *ctx, const htx_error *err);
/* That pointer alone, for a message printed otherwise (htx add's report). */
void cli_point_to_names(const cli_context *ctx, const htx_error *err);

/* Opens the output file a command was given (-o): never the open register
 * nor its -wal/-shm, and an existing file only with --force (force). */
htx_status cli_outfile_open(const cli_context *ctx, htx_outfile *o, const char *path, bool force,
                            htx_error *err);
/*
 * Prints the catalog's message id, a printf format, in the user's language.
 * The message may quote what was typed: it is written line by line with
 * every control character made visible (display.h), never raw.
 */
void cli_tell(const cli_context *ctx, FILE *to, cli_text_id id, ...);
/* The same for a message that is not in the catalog (the full-screen
 * interface's own, given in both languages). */
void cli_say(const cli_context *ctx, FILE *to, const char *vi, const char *en, ...);
/*
 * A count as a person reads it, into out: the number in the user's format
 * ("1.585" / "1,585") with the catalog's noun for one or for several
 * ("1 page", "2 pages", "3 trang").  Returns out.
 */
const char *cli_count(const cli_context *ctx, long long n, cli_text_id one, cli_text_id several, char *out,
                      size_t size);
/* The number alone in the user's format. */
const char *cli_number(const cli_context *ctx, long long n, char *out, size_t size);

/* The exit status for a failed core call. */
int cli_status_exit(htx_status st);

/* An option whose value is chosen from a list (refdata.h): its help lists
 * the entries. */
typedef struct cli_choices {
    const char *option; /* "--sector"; NULL ends a table */
    htx_choice_list list;
} cli_choices;

/* What a subcommand declares about itself for running, parsing and help. */
typedef struct cli_spec {
    const char *name;  /* "list" */
    cli_text_id brief; /* one line in the list of commands */
    const char *usage; /* "htx list [--district D] …", the same in both languages */
    cli_text_id summary;
    const cli_option *options; /* ends with {NULL}; include "--help" */
    const cli_choices *choices; /* ends with {NULL}, or NULL */
    int max_operands;          /* -1: any number */
    void (*more_help)(const cli_context *ctx); /* printed after the options, or NULL */
    int (*run)(const cli_context *ctx, int argc, char **argv);
} cli_spec;

/* What the program around the commands takes (main.c, run.c): the options
 * that may stand before any command and those of the full-screen
 * interface, for the main help and the manual page. */
typedef struct cli_program {
    const cli_option *global_options;
    const cli_option *screen_options;
} cli_program;

/* The start every subcommand shares: parses argv, answers --help, refuses
 * surplus operands.  Returns -1 when the command should go on, otherwise
 * the exit status to return at once. */
int cli_start(const cli_context *ctx, const cli_spec *spec, int argc, char **argv, cli_args *args);

/* Prints the help of a command: usage line, summary, its options, the
 * entries of its lists, then its more_help. */
void cli_print_help(const cli_context *ctx, const cli_spec *spec);

/* The entries of a list as help shows them, "Tên (mã)", in the order help
 * lists them; one block to free, NULL when out of memory. */
const char **cli_choice_labels(const cli_context *ctx, htx_choice_list list, size_t *count);
/* The same joined by commas and wrapped, each line after the first
 * indented by indent columns. */
void cli_print_choices(const cli_context *ctx, htx_choice_list list, int indent);

/* Prints words (count of them) separated by ", " and wrapped to width
 * columns, each line after the first indented by indent columns. */
void cli_print_wrapped(FILE *out, const char *const words[], size_t count, int indent, int width);

/* The names among count that are close to typed (name_match.h), joined by
 * ", " with prefix before each ("htx list"), into out; "" when none is. */
void cli_close_names(const char *typed, const char *const names[], size_t count, const char *prefix, char *out,
                     size_t size);

/* The catalog's text id in the user's language. */
static inline const char *cli_t(const cli_context *ctx, cli_text_id id)
{
    return cli_text(id, ctx->lang);
}

/* A text given in both languages, in the user's language. */
static inline const char *cli_tr(const cli_context *ctx, const char *vi, const char *en)
{
    return ctx->lang == HTX_LANG_EN ? en : vi;
}

#endif
