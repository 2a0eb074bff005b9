/*
 * `htx` without a subcommand: opens the store, sets up the terminal and runs
 * the screen manager's event loop until the user quits.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "display.h"
#include "global_actions.h"
#include "commune.h"
#include "printers.h"
#include "refdata.h"
#include "term.h"
#include "tui.h"
#include "views.h"

const cli_option tui_options[] = {
    {"--district", true, "mở ở một quận/huyện (mã hoặc tên, không dấu cũng được)",
     "open on a district (code or name, marks optional)"},
    {"--commune", true, "mở ở một xã/phường từ 1/7/2025 (tên, không dấu cũng được: \"bat trang\")",
     "open on a commune or ward since 1 July 2025 (its name, marks optional: \"bat trang\")"},
    {"--no-color", false, "màn hình đơn sắc (cũng như NO_COLOR)", "monochrome screen (as NO_COLOR)"},
    {"--no-mouse", false, "không dùng chuột", "do not use the mouse"},
    {"--tones", true, "đặt dấu khi gõ Telex/VNI: old (hòa, thủy — mặc định) hoặc new (hoà, thuỷ)",
     "tone placement when typing Telex/VNI: old (hòa, thủy — default) or new (hoà, thuỷ)"},
    {NULL, false, NULL, NULL},
};

/* Set from signal handlers; the loop notices within one read timeout. */
static volatile sig_atomic_t stop_requested;

static void request_stop(int sig)
{
    (void)sig;
    stop_requested = 1;
}

static void catch_signals(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = request_stop;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
}

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void present_now(tui_app *app, void *canvas)
{
    app_render(app, canvas);
    term_present(canvas);
}

/* The store's question while it reads for a screen (store.h). */
static bool key_waiting(void *ctx)
{
    (void)ctx;
    return term_input_waiting();
}

static int event_loop(tui_app *app)
{
    tui_canvas canvas;
    int width, height;
    term_size(&width, &height);
    if (!canvas_init(&canvas, width, height))
        return CLI_FAILURE;
    app->redraw_now = present_now;
    app->redraw_ctx = &canvas;
    double last_poll = now_seconds();
    bool dirty = true;
    while (!app->quit && !stop_requested && app->depth > 0) {
        /* Keys typed ahead are handled first: drawing the screen of each
         * would only delay the last. */
        if (dirty && !term_input_waiting()) {
            app_render(app, &canvas);
            term_present(&canvas);
            dirty = false;
        }
        tui_event e;
        if (term_read(&e, 400)) {
            if (e.type == EV_RESIZE) {
                term_size(&width, &height);
                canvas_resize(&canvas, width, height);
            } else if (canvas.width >= TUI_MIN_WIDTH && canvas.height >= TUI_MIN_HEIGHT) {
                app_dispatch(app, &e);
            } else if (e.type == EV_KEY && (e.key == 'q' || e.key == TK_F10)) {
                app->quit = true; /* even a tiny window can be closed */
            }
            dirty = true;
        }
        /* Another terminal's saves show within about a second. */
        if (now_seconds() - last_poll >= 0.5) {
            last_poll = now_seconds();
            if (app_poll_changes(app))
                dirty = true;
        }
    }
    app->redraw_now = NULL;
    canvas_free(&canvas);
    return CLI_OK;
}

/* TERM as it may be shown in a message: controls made visible, cropped. */
static void term_name(char *out, size_t size)
{
    const char *name = getenv("TERM");
    char *safe = htx_text_sanitize(name ? name : "");
    htx_text_crop(safe ? safe : "", 40, out, size);
    free(safe);
}

/* Refuses, before anything touches the terminal, a TERM that cannot show
 * the screens (dumb, unknown, unset, no cursor addressing). */
static bool terminal_usable(const cli_context *ctx)
{
    term_verdict verdict = term_check();
    if (verdict == TERM_USABLE)
        return true;
    char name[160];
    term_name(name, sizeof name);
    if (verdict == TERM_UNSET)
        cli_tell(ctx, ctx->err, CT_TERM_UNSET);
    else if (verdict == TERM_UNKNOWN)
        cli_tell(ctx, ctx->err, CT_TERM_UNKNOWN, name);
    else
        cli_tell(ctx, ctx->err, CT_TERM_TOO_SIMPLE, name);
    return false;
}

int tui_main(const cli_context *ctx, int argc, char **argv)
{
    cli_args args;
    cli_option all[10];
    int n = 0;
    for (; tui_options[n].name; n++)
        all[n] = tui_options[n];
    all[n++] = (cli_option){"--help", false, "trợ giúp", "this help"};
    all[n] = (cli_option){NULL, false, NULL, NULL};
    if (!cli_parse(ctx, "", all, argc, argv, &args))
        return CLI_USAGE;
    if (args.operand_count > 0) {
        cli_say(ctx, ctx->err, "htx: không có lệnh \"%s\" (xem: htx --help)\n",
                "htx: unknown command \"%s\" (see: htx --help)\n", args.operands[0]);
        return CLI_USAGE;
    }
    const htx_district *district = NULL;
    const char *wanted = cli_value(&args, "--district");
    size_t found;
    htx_error err;
    if (wanted && htx_choice_find(HTX_CHOOSE_DISTRICT, wanted, "district", &found, &err) != HTX_OK) {
        cli_report(ctx, &err);
        return CLI_USAGE;
    }
    if (wanted)
        district = &HTX_DISTRICTS[found];
    const char *commune_typed = cli_value(&args, "--commune");
    const htx_commune *commune = commune_typed ? htx_commune_find(commune_typed) : NULL;
    if (commune_typed && !commune) {
        htx_fail(&err, HTX_ERR_INVALID, MSG_UNKNOWN_COMMUNE, "commune", commune_typed, NULL);
        cli_report(ctx, &err);
        return CLI_USAGE;
    }
    const char *tones = cli_value(&args, "--tones");
    if (tones && strcmp(tones, "old") != 0 && strcmp(tones, "new") != 0) {
        cli_say(ctx, ctx->err, "htx: --tones: \"%s\" không hợp lệ (old, new)\n",
                "htx: --tones: \"%s\" is not valid (old, new)\n", tones);
        return CLI_USAGE;
    }
    if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
        cli_say(ctx, ctx->err, "htx: cần một terminal; dùng các lệnh (htx --help) trong script\n",
                "htx: needs a terminal; use the commands (htx --help) in scripts\n");
        return CLI_USAGE;
    }
    if (!terminal_usable(ctx))
        return CLI_USAGE;
    htx_store *store = cli_open_store(ctx, HTX_OPEN_EXISTING);
    if (!store)
        return CLI_FAILURE;

    const char *no_color = getenv("NO_COLOR");
    term_options topts = {
        .color = !cli_flag(&args, "--no-color") && !(no_color && no_color[0]),
        .mouse = !cli_flag(&args, "--no-mouse"),
    };
    char path[4096];
    tui_app app;
    app_init(&app, store, ctx->lang, cli_db_path(ctx, path, sizeof path));
    app.mouse = topts.mouse;
    app.user = ctx->user;
    app.global_action = global_action_carry_out;
    app.list_printers = htx_printers_list;
    app.tone_style = tones && strcmp(tones, "new") == 0 ? 1 : 0; /* vn_tone_style */
    if (!app_push(&app, view_main_new(&app, district ? district->code : NULL, commune ? commune->name : NULL))) {
        htx_store_close(store);
        return CLI_FAILURE;
    }
    catch_signals();
    if (!term_open(&topts)) {
        app_free(&app);
        htx_store_close(store);
        char name[160];
        term_name(name, sizeof name);
        cli_tell(ctx, ctx->err, CT_TERM_OPEN_FAILED, name);
        return CLI_FAILURE;
    }
    htx_store_on_superseded(store, key_waiting, NULL);
    int status = event_loop(&app);
    htx_store_on_superseded(store, NULL, NULL);
    term_close();
    app_free(&app);
    htx_store_close(store);
    return status;
}
