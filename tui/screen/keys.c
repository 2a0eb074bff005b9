#include "keys.h"

#include <stdio.h>

static const tui_binding bindings[ACT_COUNT] = {
#define ACTION(id, bar_label, help_line, ...) [id] = {.bar = bar_label, .help = help_line, .keys = {__VA_ARGS__}},
#include "actions.def"
#undef ACTION
};

const tui_binding *tui_binding_of(tui_action action)
{
    if (action <= ACT_NONE || action >= ACT_COUNT)
        return NULL;
    return &bindings[action];
}

bool tui_key_is_typed(int key)
{
    return key >= ' ' && key < TK_SPECIAL && key != 0x7F;
}

void tui_key_name(int key, char *out, int size)
{
    static const struct {
        int key;
        const char *name;
    } names[] = {
        {TK_UP, "↑"},          {TK_DOWN, "↓"},        {TK_LEFT, "←"},      {TK_RIGHT, "→"},
        {TK_PAGE_UP, "PgUp"},  {TK_PAGE_DOWN, "PgDn"}, {TK_HOME, "Home"},  {TK_END, "End"},
        {TK_ENTER, "Enter"},   {TK_ESCAPE, "Esc"},    {TK_BACKSPACE, "Backspace"},
        {TK_TAB, "Tab"},       {TK_BACK_TAB, "Shift-Tab"}, {TK_DELETE, "Del"}, {' ', "Space"},
        {TK_CTRL_A, "Ctrl-A"}, {TK_CTRL_E, "Ctrl-E"}, {TK_CTRL_K, "Ctrl-K"}, {TK_CTRL_O, "Ctrl-O"},
        {TK_CTRL_S, "Ctrl-S"}, {TK_CTRL_T, "Ctrl-T"}, {TK_CTRL_U, "Ctrl-U"}, {TK_CTRL_W, "Ctrl-W"}, {TK_CTRL_X, "Ctrl-X"},
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (names[i].key == key) {
            snprintf(out, (size_t)size, "%s", names[i].name);
            return;
        }
    if (key >= TK_F1 && key <= TK_F10) {
        snprintf(out, (size_t)size, "F%d", key - TK_F1 + 1);
        return;
    }
    if (key > 0 && key < 0x80) {
        snprintf(out, (size_t)size, "%c", key);
        return;
    }
    snprintf(out, (size_t)size, "?");
}
