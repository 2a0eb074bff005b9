#include "key_parse.h"

#include <string.h>

#include "keys.h"

static key_parse_result done(int key, int used, int *key_out, int *used_out)
{
    *key_out = key;
    *used_out = used;
    return KEY_PARSE_DONE;
}

/* "CSI n ~" (also rxvt's "$" Shift, "^" Ctrl, "@" Ctrl-Shift endings): the
 * keys of the VT220 editing pad and the function keys, by number. */
static int tilde_key(int number)
{
    switch (number) {
    case 1: /* PuTTY, the Linux console, screen */
    case 7: return TK_HOME; /* rxvt */
    case 3: return TK_DELETE;
    case 4: /* PuTTY, the Linux console, screen */
    case 8: return TK_END; /* rxvt */
    case 5: return TK_PAGE_UP;
    case 6: return TK_PAGE_DOWN;
    case 11: case 12: case 13: case 14: case 15:
        return TK_F1 + (number - 11); /* 16 is skipped: VT220 numbering */
    case 17: case 18: case 19: case 20: case 21:
        return TK_F6 + (number - 17);
    case 200: return TK_PASTE_START;
    case 201: return TK_PASTE_END;
    default: return TK_NONE; /* 2 (Insert) has no use in htx, nor F11 … */
    }
}

/* A letter ending a CSI or SS3 sequence: the cursor keys, Home, End,
 * F1 … F4 and Shift-Tab; rxvt's lowercase a … d are Shift (CSI) or Ctrl
 * (SS3) with an arrow. */
static int letter_key(uint32_t final)
{
    switch (final) {
    case 'A': case 'a': return TK_UP;
    case 'B': case 'b': return TK_DOWN;
    case 'C': case 'c': return TK_RIGHT;
    case 'D': case 'd': return TK_LEFT;
    case 'H': return TK_HOME;
    case 'F': return TK_END;
    case 'P': return TK_F1;
    case 'Q': return TK_F2;
    case 'R': return TK_F3;
    case 'S': return TK_F4;
    case 'Z': return TK_BACK_TAB;
    default: return TK_NONE;
    }
}

/* The numeric keypad in application mode (smkx sends DECKPAM): "ESC O p"
 * … "ESC O y" are 0 … 9, as the key says. */
static int keypad_key(uint32_t final)
{
    if (final >= 'p' && final <= 'y')
        return (int)('0' + (final - 'p'));
    switch (final) {
    case 'M': return TK_ENTER;
    case 'j': return '*';
    case 'k': return '+';
    case 'l': return ',';
    case 'm': return '-';
    case 'n': return '.';
    case 'o': return '/';
    case 'X': return '=';
    default: return TK_NONE;
    }
}

/* The first parameter of "CSI params final" (0 when it has none); *count:
 * how many parameters there are. */
static int first_parameter(const uint32_t *p, int m, int *count)
{
    int value = 0;
    int i = 0;
    for (; i < m && p[i] >= '0' && p[i] <= '9'; i++)
        if (value < 100000)
            value = value * 10 + (int)(p[i] - '0');
    *count = m > 0 ? 1 : 0;
    for (; i < m; i++)
        if (p[i] == ';')
            (*count)++;
    return value;
}

/* The key of "CSI params final"; p holds the parameters (m of them). */
static int csi_key(const uint32_t *p, int m, uint32_t final)
{
    if (m > 0 && p[0] >= '<' && p[0] <= '?')
        return TK_NONE; /* a private sequence (SGR mouse, a report): no key */
    int count;
    int number = first_parameter(p, m, &count);
    if (final == '~' || final == '$' || final == '^' || final == '@')
        return tilde_key(number);
    /* "CSI A", or with a modifier "CSI 1 ; 5 A".  Any other first
     * parameter is not a key (a cursor position report ends in R). */
    if (count > 0 && number != 1)
        return TK_NONE;
    return letter_key(final);
}

/* after[0] is '[': the characters after it are p (m of them). */
static key_parse_result parse_csi(const uint32_t *p, int m, bool ended, int *key, int *used)
{
    if (m == 0)
        return ended ? done(TK_NONE, 1, key, used) : KEY_PARSE_MORE;
    if (p[0] == '[') {
        /* The Linux console: "ESC [ [ A" … "ESC [ [ E" are F1 … F5. */
        if (m == 1)
            return ended ? done(TK_NONE, 2, key, used) : KEY_PARSE_MORE;
        if (p[1] >= 'A' && p[1] <= 'E')
            return done(TK_F1 + (int)(p[1] - 'A'), 3, key, used);
        if (p[1] >= 0x40 && p[1] <= 0x7E)
            return done(TK_NONE, 3, key, used);
        return done(TK_NONE, 2, key, used); /* not a sequence: read p[1] again */
    }
    bool intermediates = false;
    for (int i = 0; i < m; i++) {
        uint32_t ch = p[i];
        if (ch >= 0x30 && ch <= 0x3F && !intermediates)
            continue; /* a parameter */
        if (ch == '$' && i > 0 && p[i - 1] >= '0' && p[i - 1] <= '9' && !intermediates)
            return done(csi_key(p, i, ch), 1 + i + 1, key, used); /* rxvt: Shift */
        if (ch >= 0x20 && ch <= 0x2F) {
            intermediates = true;
            continue;
        }
        if (ch >= 0x40 && ch <= 0x7E) {
            if (ch == 'M' && i == 0) {
                /* An X10 mouse report: three bytes follow "ESC [ M" (only
                 * when curses does not read the mouse itself). */
                if (m >= 4)
                    return done(TK_NONE, 5, key, used);
                return ended ? done(TK_NONE, 1 + m, key, used) : KEY_PARSE_MORE;
            }
            return done(intermediates ? TK_NONE : csi_key(p, i, ch), 1 + i + 1, key, used);
        }
        /* A control character, Esc, or a letter beyond ASCII: the sequence
         * was cut short; it is dropped and that character read again. */
        return done(TK_NONE, 1 + i, key, used);
    }
    if (ended || 1 + m >= KEY_PARSE_MAX)
        return done(TK_NONE, 1 + m, key, used);
    return KEY_PARSE_MORE;
}

/* after[0] is 'O': the characters after it are p (m of them). */
static key_parse_result parse_ss3(const uint32_t *p, int m, bool ended, int *key, int *used)
{
    for (int i = 0; i < m; i++) {
        uint32_t ch = p[i];
        if (ch >= 0x30 && ch <= 0x3F)
            continue; /* old xterm's modifier: "ESC O 5 C" */
        if (ch >= 0x40 && ch <= 0x7E) {
            int k = letter_key(ch);
            if (k == TK_NONE || k == TK_BACK_TAB)
                k = keypad_key(ch);
            return done(k, 1 + i + 1, key, used);
        }
        return done(TK_NONE, 1 + i, key, used);
    }
    if (ended || 1 + m >= KEY_PARSE_MAX)
        return done(TK_NONE, 1 + m, key, used);
    return KEY_PARSE_MORE;
}

key_parse_result key_parse_escape(const uint32_t *after, int n, bool ended, int *key, int *used)
{
    if (n >= KEY_PARSE_MAX)
        ended = true;
    if (n <= 0)
        return ended ? done(TK_ESCAPE, 0, key, used) : KEY_PARSE_MORE;
    uint32_t first = after[0];
    if (first >= '0' && first <= '9')
        return done(first == '0' ? TK_F10 : TK_F1 + (int)(first - '1'), 1, key, used);
    if (first == '[')
        return parse_csi(after + 1, n - 1, ended, key, used);
    if (first == 'O')
        return parse_ss3(after + 1, n - 1, ended, key, used);
    return done(TK_ESCAPE, 0, key, used);
}

int key_parse_curses_name(const char *name)
{
    static const struct {
        const char *prefix;
        int key;
    } modified[] = {
        /* xterm's extended names: the key's name, then the modifier's
         * number (2 Shift, 3 Alt, 5 Ctrl …) */
        {"kUP", TK_UP},     {"kDN", TK_DOWN},      {"kLFT", TK_LEFT}, {"kRIT", TK_RIGHT},
        {"kHOM", TK_HOME},  {"kEND", TK_END},      {"kPRV", TK_PAGE_UP},
        {"kNXT", TK_PAGE_DOWN}, {"kDC", TK_DELETE},
    };
    if (!name)
        return TK_NONE;
    for (size_t i = 0; i < sizeof modified / sizeof modified[0]; i++) {
        size_t len = strlen(modified[i].prefix);
        if (strncmp(name, modified[i].prefix, len) != 0)
            continue;
        const char *rest = name + len;
        if (rest[0] >= '2' && rest[0] <= '9' && rest[1] == '\0')
            return modified[i].key;
    }
    return TK_NONE;
}
