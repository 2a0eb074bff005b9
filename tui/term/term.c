#include "term.h"

/* The wide-character API (get_wch, KEY_RESIZE handling of UTF-8 input). */
#define NCURSES_WIDECHAR 1
#include <curses.h>
#include <wchar.h>
#include <stdio.h>
#include <string.h>

#include "keys.h"

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

bool term_open(const term_options *options)
{
    if (!initscr())
        return false;
    raw(); /* Ctrl-C, Ctrl-S … reach htx as keys; q / F10 quit */
    noecho();
    nonl();
    keypad(stdscr, TRUE);
    curs_set(0);
    /* Esc must be told apart from the start of an escape sequence; 50 ms is
     * enough on SSH and short enough not to notice. */
    set_escdelay(50);
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
    if (!isendwin()) {
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
    return TK_NONE;
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
 * What an Esc starts: Esc then a digit is a function key (Esc 1 … Esc 9 =
 * F1 … F9, Esc 0 = F10), for terminals that swallow them; "Esc [200~" and
 * "Esc [201~" frame a bracketed paste.  Anything else is Esc alone, and what
 * followed it is read again as keys.
 */
static int after_escape(void)
{
    timeout(150);
    wint_t next;
    int r = get_wch(&next);
    if (r == OK && next >= '0' && next <= '9')
        return next == '0' ? TK_F10 : TK_F1 + (int)(next - '1');
    if (r != OK || next != '[') {
        if (r != ERR)
            unget_wch(next);
        return TK_ESCAPE;
    }
    wint_t seq[5];
    int n = 0;
    while (n < 5 && get_wch(&seq[n]) == OK) {
        n++;
        if (seq[n - 1] == '~')
            break;
    }
    if (n == 4 && seq[0] == '2' && seq[1] == '0' && (seq[2] == '0' || seq[2] == '1') && seq[3] == '~')
        return seq[2] == '0' ? TK_PASTE_START : TK_PASTE_END;
    for (int i = n - 1; i >= 0; i--)
        unget_wch(seq[i]);
    unget_wch('[');
    return TK_ESCAPE;
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
            /* the last cell of the screen: writing it would scroll */
            if (y == height - 1 && x == width - 1)
                insstr(cell->text);
            else
                mvaddstr(y, x, cell->text);
        }
    }
    attrset(A_NORMAL);
    wnoutrefresh(stdscr);
    doupdate();
}
