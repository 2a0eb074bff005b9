#include "cli.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "coop.h"
#include "display.h"

const cli_command cli_commands[] = {
    {"init", cmd_init, "tạo cơ sở dữ liệu mới (--demo: có dữ liệu mẫu)",
     "create a new database (--demo: with demo data)"},
    {"list", cmd_list, "liệt kê HTX theo bộ lọc", "list cooperatives matching filters"},
    {"show", cmd_show, "xem chi tiết một HTX", "show one cooperative in detail"},
    {"add", cmd_add, "thêm HTX: htx add code=… name=… district=… sector=…",
     "add a cooperative: htx add code=… name=… district=… sector=…"},
    {"edit", cmd_edit, "sửa HTX: htx edit MÃ_SỐ trường=giá_trị…",
     "edit a cooperative: htx edit CODE field=value…"},
    {"stats", cmd_stats, "thống kê theo ngành, quận/huyện, CLB hoặc năm thành lập",
     "counts by sector, district, club or founding year"},
    {"roster", cmd_roster, "danh sách thành viên CLB: xem, xuất tệp (txt, csv, tsv, pdf), in",
     "a club's roster: view, export (txt, csv, tsv, pdf), print"},
    {"join", cmd_join, "thêm HTX vào câu lạc bộ", "add cooperatives to a club"},
    {"import", cmd_import, "nhập HTX từ tệp CSV/TSV (mọi bảng mã tiếng Việt)",
     "import cooperatives from a CSV/TSV file (any Vietnamese encoding)"},
    {"export", cmd_export, "xuất HTX ra tệp CSV/TSV/JSON", "export cooperatives to CSV/TSV/JSON"},
    {NULL, NULL, NULL, NULL},
};

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
                cli_say(ctx, ctx->err, "htx %s: quá nhiều tham số\n", "htx %s: too many arguments\n",
                        command);
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
            cli_say(ctx, ctx->err, "htx %s: không có tùy chọn %.*s (xem: htx %s --help)\n",
                    "htx %s: unknown option %.*s (see: htx %s --help)\n", command, (int)name_len, arg,
                    command);
            return false;
        }
        if (!options[k].takes_value) {
            if (eq && arg[1] == '-') {
                cli_say(ctx, ctx->err, "htx %s: %s không nhận giá trị\n",
                        "htx %s: %s takes no value\n", command, options[k].name);
                return false;
            }
            out->values[k] = "";
        } else if (eq && arg[1] == '-') {
            out->values[k] = eq + 1;
        } else if (i + 1 < argc) {
            out->values[k] = argv[++i];
        } else {
            cli_say(ctx, ctx->err, "htx %s: %s cần một giá trị\n", "htx %s: %s needs a value\n",
                    command, options[k].name);
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

const char *cli_db_path(const cli_context *ctx, char *buf, size_t size)
{
    const char *env;
    if (ctx->db_path && ctx->db_path[0])
        snprintf(buf, size, "%s", ctx->db_path);
    else if ((env = getenv("HTX_DB")) && env[0])
        snprintf(buf, size, "%s", env);
    else if ((env = getenv("XDG_DATA_HOME")) && env[0])
        snprintf(buf, size, "%s/htx/htx.db", env);
    else
        snprintf(buf, size, "%s/.local/share/htx/htx.db", getenv("HOME") ? getenv("HOME") : ".");
    return buf;
}

htx_store *cli_open_store(const cli_context *ctx, htx_open_mode mode)
{
    char path[4096];
    htx_store *store = NULL;
    htx_error err;
    if (htx_store_open(cli_db_path(ctx, path, sizeof path), mode, &store, &err) != HTX_OK) {
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
}

void cli_say(const cli_context *ctx, FILE *to, const char *vi, const char *en, ...)
{
    char text[2048];
    va_list ap;
    va_start(ap, en);
    vsnprintf(text, sizeof text, cli_tr(ctx, vi, en), ap);
    va_end(ap);
    /* Messages quote what was typed: line by line, never raw controls. */
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

int cli_status_exit(htx_status st)
{
    switch (st) {
    case HTX_OK: return CLI_OK;
    case HTX_ERR_INVALID:
    case HTX_ERR_DUPLICATE: return CLI_USAGE;
    default: return CLI_FAILURE;
    }
}

void cli_print_help(const cli_context *ctx, const char *usage, const char *summary_vi,
                    const char *summary_en, const cli_option *options)
{
    FILE *o = ctx->out;
    fprintf(o, "%s: %s\n%s\n", cli_tr(ctx, "Cách dùng", "Usage"), usage,
            cli_tr(ctx, summary_vi, summary_en));
    if (!options || !options[0].name)
        return;
    fprintf(o, "\n%s:\n", cli_tr(ctx, "Tùy chọn", "Options"));
    for (int i = 0; options[i].name; i++) {
        char left[64];
        snprintf(left, sizeof left, "%s%s", options[i].name, options[i].takes_value ? " …" : "");
        char padded[128];
        htx_text_pad(left, 18, padded, sizeof padded);
        fprintf(o, "  %s %s\n", padded, cli_tr(ctx, options[i].help_vi, options[i].help_en));
    }
}

int cli_start(const cli_context *ctx, const cli_spec *spec, int argc, char **argv, cli_args *args)
{
    if (!cli_parse(ctx, spec->name, spec->options, argc, argv, args))
        return CLI_USAGE;
    if (cli_flag(args, "--help")) {
        cli_print_help(ctx, spec->usage, spec->summary_vi, spec->summary_en, spec->options);
        if (spec->more_help)
            spec->more_help(ctx);
        return CLI_OK;
    }
    if (spec->max_operands >= 0 && args->operand_count > spec->max_operands) {
        cli_say(ctx, ctx->err, "htx %s: thừa tham số \"%s\" (xem: htx %s --help)\n",
                "htx %s: unexpected argument \"%s\" (see: htx %s --help)\n", spec->name,
                args->operands[spec->max_operands], spec->name);
        return CLI_USAGE;
    }
    return -1;
}
