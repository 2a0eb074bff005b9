#include "term.h"

/* The wide-character API (get_wch, KEY_RESIZE handling of UTF-8 input). */
#define NCURSES_WIDECHAR 1
#include <curses.h>
/* setupterm, del_curterm (by its directory: tui/term/term.h is another) */
#include <ncursesw/term.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

#include "key_parse.h"
#include "keys.h"
#include "term_text.h"

/*
 * How long to wait for the rest of an escape sequence.
 *
 * Esc is also the first byte of every key sequence, so after an Esc
 * something must wait to tell Esc alone from the start of a sequence:
 * curses, for ESCDELAY after each byte of a sequence it knows (1000 ms by
 * default, a serial-line figure).  What matters is the gap between the
 * bytes of one key as they reach htx.  A terminal writes a key's sequence in
 * one write, and ssh carries it in one packet; it is split only at a packet
 * boundary (a burst: key repeat, typing ahead on a slow link), and then the
 * pieces leave back to back and arrive apart by the link's jitter alone:
 * under TCP's in-order delivery a lost first piece holds the second back,
 * so they come together.  That jitter is a few milliseconds on a wired or
 * office network and rarely above 20 ms on Wi-Fi or a mobile link; tmux
 * now waits 10 ms by default, Neovim 50 ms.
 *
 * ESC_DELAY_MS (curses' ESCDELAY): the wait after Esc itself, and between
 * the bytes of a sequence curses knows.  Every lone Esc costs it, so it is
 * short: 25 ms covers the jitter above and is not felt (a key press is
 * noticed as delayed from about 100 ms).  $ESCDELAY, when set, is used
 * instead, for a link that needs more.
 *
 * SEQUENCE_GAP_MS: once "Esc [" or "Esc O" has come, the wait between the
 * later bytes of a sequence curses did not know (key_parse.h).  Only a
 * sequence cut in two ever waits for it, never a lone Esc, so it can be
 * generous: 100 ms.
 *
 * Measured on a pty (bytes written with a set gap, the screen read back):
 * a lone Esc closes the search in 27–34 ms, where the earlier waits (50 ms
 * ESCDELAY, then 150 ms for a digit) took 202–218 ms; PuTTY's Home cut as
 * "ESC" + "[1~" is still Home up to a gap of about 27 ms, cut later in the
 * sequence up to about 120 ms.  A piece later than that is taken as typed.
 *
 * The price: "Esc then a digit" (F1 … F10 where a terminal swallows them)
 * needs the digit within ESCDELAY, as a terminal's key binding or tmux
 * sends it, no longer typed by hand within 200 ms.
 */
enum { ESC_DELAY_MS = 25, SEQUENCE_GAP_MS = 100 };

static SCREEN *screen;
static bool use_color;

/* Colour pairs are numbered by style + 1. */
static const struct {
    short fg, bg;
    attr_t mono; /* the attribute without colour */
    attr_t extra; /* added in colour too */
} style_look[STYLE_COUNT] = {
    [STYLE_NORMAL] = {-1, -1, A_NORMAL, A_NORMAL},
    [STYLE_TITLE] = {COLOR_WHITE, COLOR_BLUE, A_BOLD, A_BOLD},
    [STYLE_STATUS] = {COLOR_BLACK, COLOR_CYAN, A_REVERSE, A_NORMAL},
    [STYLE_BAR_KEY] = {COLOR_WHITE, -1, A_BOLD, A_BOLD},
    [STYLE_BAR_LABEL] = {COLOR_BLACK, COLOR_CYAN, A_REVERSE, A_NORMAL},
    [STYLE_HEADER] = {COLOR_YELLOW, -1, A_BOLD | A_UNDERLINE, A_BOLD},
    [STYLE_CURSOR] = {COLOR_BLACK, COLOR_CYAN, A_REVERSE, A_NORMAL},
    [STYLE_CURSOR_DIM] = {COLOR_WHITE, COLOR_BLACK, A_BOLD, A_BOLD},
    [STYLE_BORDER] = {COLOR_CYAN, -1, A_NORMAL, A_NORMAL},
    [STYLE_DIM] = {COLOR_CYAN, -1, A_DIM, A_NORMAL},
    [STYLE_CHART] = {COLOR_GREEN, -1, A_NORMAL, A_BOLD},
    [STYLE_ERROR] = {COLOR_WHITE, COLOR_RED, A_BOLD | A_REVERSE, A_BOLD},
    [STYLE_POPUP] = {COLOR_BLACK, COLOR_WHITE, A_NORMAL, A_NORMAL},
    [STYLE_INPUT] = {COLOR_WHITE, COLOR_BLUE, A_UNDERLINE, A_NORMAL},
};

term_verdict term_check(void)
{
    const char *name = getenv("TERM");
    if (!name || !name[0])
        return TERM_UNSET;
    /* Reads the entry and the window size; writes nothing, changes no mode.
     * An error status instead of initscr's exit: 1 a hard-copy terminal, 0
     * no entry (or a generic one), -1 no terminfo database. */
    int status = 0;
    if (setupterm(name, STDOUT_FILENO, &status) != OK)
        return status == 1 ? TERM_TOO_SIMPLE : TERM_UNKNOWN;
    const char *cup = tigetstr("cup");
    bool usable = cup && cup != (char *)-1 && tigetflag("hc") <= 0 && tigetflag("gn") <= 0;
    del_curterm(cur_term);
    return usable ? TERM_USABLE : TERM_TOO_SIMPLE;
}

bool term_open(const term_options *options)
{
    /* newterm, not initscr: on an unusable TERM it fails instead of
     * printing ncurses' English message and exiting. */
    screen = newterm(NULL, stdout, stdin);
    if (!screen)
        return false;
    set_term(screen);
    raw(); /* Ctrl-C, Ctrl-S … reach htx as keys; q / F10 quit */
    noecho();
    nonl();
    keypad(stdscr, TRUE);
    curs_set(0);
    /* Esc must be told apart from the start of an escape sequence (see
     * ESC_DELAY_MS above); a user's $ESCDELAY is kept. */
    const char *delay = getenv("ESCDELAY");
    if (!delay || !delay[0])
        set_escdelay(ESC_DELAY_MS);
    use_color = options->color && has_colors();
    if (use_color) {
        start_color();
        use_default_colors();
        for (int s = 0; s < STYLE_COUNT; s++)
            init_pair((short)(s + 1), style_look[s].fg, style_look[s].bg);
    }
    /* Bracketed paste: pasted text must not run through the typing engine. */
    printf("\033[?2004h");
    fflush(stdout);
    if (options->mouse) {
        mousemask(BUTTON1_CLICKED | BUTTON1_DOUBLE_CLICKED | BUTTON1_PRESSED | BUTTON4_PRESSED
#ifdef BUTTON5_PRESSED
                      | BUTTON5_PRESSED
#endif
                  ,
                  NULL);
        mouseinterval(200);
    }
    return true;
}

void term_close(void)
{
    /* The screen itself is kept until the process ends: delscreen would
     * unload the Linux console's mouse library (gpm) under what it holds. */
    if (screen && !isendwin()) {
        endwin();
        printf("\033[?2004l");
        fflush(stdout);
    }
}

void term_size(int *width, int *height)
{
    getmaxyx(stdscr, *height, *width);
}

static int map_key(int k)
{
    switch (k) {
    case KEY_UP: return TK_UP;
    case KEY_DOWN: return TK_DOWN;
    case KEY_LEFT: return TK_LEFT;
    case KEY_RIGHT: return TK_RIGHT;
    case KEY_PPAGE: return TK_PAGE_UP;
    case KEY_NPAGE: return TK_PAGE_DOWN;
    case KEY_HOME: return TK_HOME;
    case KEY_END: return TK_END;
    case KEY_ENTER: return TK_ENTER;
    case KEY_BACKSPACE: return TK_BACKSPACE;
    case KEY_DC: return TK_DELETE;
    case KEY_BTAB: return TK_BACK_TAB;
    default: break;
    }
    if (k >= KEY_F(1) && k <= KEY_F(10))
        return TK_F1 + (k - KEY_F(1));
    /* With Shift, Ctrl or Alt: the plain key.  curses has names for some
     * (KEY_SLEFT …); xterm-like entries define the others by name. */
    switch (k) {
    case KEY_SR: return TK_UP;
    case KEY_SF: return TK_DOWN;
    case KEY_SLEFT: return TK_LEFT;
    case KEY_SRIGHT: return TK_RIGHT;
    case KEY_SHOME: return TK_HOME;
    case KEY_SEND: return TK_END;
    case KEY_SPREVIOUS: return TK_PAGE_UP;
    case KEY_SNEXT: return TK_PAGE_DOWN;
    case KEY_SDC: return TK_DELETE;
    default: break;
    }
    return key_parse_curses_name(keyname(k));
}

static int map_char(wint_t ch)
{
    switch (ch) {
    case '\r':
    case '\n': return TK_ENTER;
    case '\t': return TK_TAB;
    case 127:
    case 8: return TK_BACKSPACE;
    case 1: return TK_CTRL_A;
    case 5: return TK_CTRL_E;
    case 11: return TK_CTRL_K;
    case 15: return TK_CTRL_O;
    case 19: return TK_CTRL_S;
    case 20: return TK_CTRL_T;
    case 21: return TK_CTRL_U;
    case 23: return TK_CTRL_W;
    case 24: return TK_CTRL_X;
    case 27: return TK_ESCAPE;
    default: break;
    }
    if (ch < 32)
        return TK_NONE;
    return (int)ch;
}

static bool read_mouse(tui_event *e)
{
    MEVENT m;
    if (getmouse(&m) != OK)
        return false;
    e->type = EV_MOUSE;
    e->x = m.x;
    e->y = m.y;
    if (m.bstate & BUTTON4_PRESSED)
        e->button = MOUSE_WHEEL_UP;
#ifdef BUTTON5_PRESSED
    else if (m.bstate & BUTTON5_PRESSED)
        e->button = MOUSE_WHEEL_DOWN;
#endif
    else if (m.bstate & BUTTON1_DOUBLE_CLICKED)
        e->button = MOUSE_DOUBLE_CLICK;
    else if (m.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED))
        e->button = MOUSE_CLICK;
    else
        return false;
    return true;
}

/*
 * After an Esc: reads what follows as long as key_parse says a sequence goes
 * on, and puts back what the key did not use, to be read again as keys.
 * The first character is taken only if it is there already: curses has
 * waited ESCDELAY for it before giving the Esc alone.
 */
static int after_escape(void)
{
    uint32_t after[KEY_PARSE_MAX];
    int n = 0, key = TK_ESCAPE, used = 0;
    bool ended = false;
    wint_t code = 0; /* a key curses recognised meanwhile (KEY_RESIZE …) */
    while (key_parse_escape(after, n, ended, &key, &used) == KEY_PARSE_MORE) {
        timeout(n == 0 ? 0 : SEQUENCE_GAP_MS);
        wint_t ch;
        int r = get_wch(&ch);
        if (r == OK)
            after[n++] = (uint32_t)ch;
        else {
            if (r == KEY_CODE_YES)
                code = ch;
            ended = true;
        }
    }
    /* Last in, first out: the key code comes back after the characters. */
    if (code)
        ungetch((int)code);
    for (int i = n - 1; i >= used; i--)
        unget_wch((wchar_t)after[i]);
    return key;
}

bool term_read(tui_event *e, int timeout_ms)
{
    memset(e, 0, sizeof *e);
    timeout(timeout_ms);
    for (;;) {
        wint_t ch;
        int r = get_wch(&ch);
        if (r == ERR)
            return false;
        if (r == KEY_CODE_YES) {
            if (ch == KEY_RESIZE) {
                e->type = EV_RESIZE;
                return true;
            }
            if (ch == KEY_MOUSE) {
                if (read_mouse(e))
                    return true;
                continue;
            }
            e->type = EV_KEY;
            e->key = map_key((int)ch);
            if (e->key != TK_NONE)
                return true;
            continue;
        }
        e->type = EV_KEY;
        e->key = map_char(ch);
        if (e->key == TK_ESCAPE)
            e->key = after_escape();
        if (e->key != TK_NONE)
            return true;
    }
}

/* curses may hold keys it has read already (a paste arrives in one read):
 * the terminal's descriptor, then one key taken and put back, tell. */
bool term_input_waiting(void)
{
    struct pollfd in = {.fd = STDIN_FILENO, .events = POLLIN};
    if (poll(&in, 1, 0) > 0 && (in.revents & POLLIN))
        return true;
    timeout(0);
    wint_t ch;
    int r = get_wch(&ch);
    if (r == KEY_CODE_YES)
        ungetch((int)ch);
    else if (r == OK)
        unget_wch((wchar_t)ch);
    return r != ERR;
}

static attr_t attributes(int style)
{
    if (style < 0 || style >= STYLE_COUNT)
        style = STYLE_NORMAL;
    if (!use_color)
        return style_look[style].mono;
    return COLOR_PAIR(style + 1) | style_look[style].extra;
}

void term_present(const tui_canvas *c)
{
    int width, height;
    getmaxyx(stdscr, height, width);
    for (int y = 0; y < c->height && y < height; y++) {
        move(y, 0);
        for (int x = 0; x < c->width && x < width; x++) {
            const tui_cell *cell = canvas_cell(c, y, x);
            if (!cell->text[0])
                continue; /* right half of a wide character: already drawn */
            attrset(attributes(cell->style));
            /* only printable text reaches the terminal */
            const char *text = term_text_safe(cell->text) ? cell->text : TERM_TEXT_UNSAFE;
            /* the last cell of the screen: writing it would scroll */
            if (y == height - 1 && x == width - 1)
                mvinsstr(y, x, text);
            else
                mvaddstr(y, x, text);
        }
    }
    attrset(A_NORMAL);
    wnoutrefresh(stdscr);
    doupdate();
}
