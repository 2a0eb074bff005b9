#include "keys.h"

#include <stdio.h>

#include "text.h"

const tui_binding tui_bindings[] = {
    {ACT_HELP, TK_F1, '?', 0, UI_BAR_HELP, UI_KEY_HELP},
    {ACT_ADD, TK_F2, 'a', 0, UI_BAR_ADD, UI_KEY_ADD},
    {ACT_SEARCH, TK_F3, '/', 0, UI_BAR_SEARCH, UI_KEY_SEARCH},
    {ACT_FILTER, TK_F4, 'f', 0, UI_BAR_FILTER, UI_KEY_FILTER},
    {ACT_EDIT, TK_F5, 'e', 0, UI_BAR_EDIT, UI_KEY_EDIT},
    {ACT_SORT, TK_F6, 's', 0, UI_BAR_SORT, UI_KEY_SORT},
    {ACT_CLUBS, TK_F7, 'c', 0, UI_BAR_CLUBS, UI_KEY_CLUBS},
    {ACT_STATS, TK_F8, 't', 0, UI_BAR_STATS, UI_KEY_STATS},
    {ACT_PRINT, TK_F9, 'p', 0, UI_BAR_PRINT, UI_KEY_PRINT},
    {ACT_QUIT, TK_F10, 'q', 0, UI_BAR_QUIT, UI_KEY_QUIT},
    {ACT_JOIN_CLUB, 0, 'm', 0, UI_NONE, UI_KEY_JOIN_CLUB},
    {ACT_LEAVE_CLUB, 0, 'x', 0, UI_NONE, UI_KEY_LEAVE_CLUB},
    {ACT_IMPORT, 0, 'i', 0, UI_NONE, UI_KEY_IMPORT},
    {ACT_UP, TK_UP, 'k', 0, UI_NONE, UI_KEY_UP},
    {ACT_DOWN, TK_DOWN, 'j', 0, UI_NONE, UI_KEY_DOWN},
    {ACT_PAGE_UP, TK_PAGE_UP, 0, 0, UI_NONE, UI_KEY_PAGE_UP},
    {ACT_PAGE_DOWN, TK_PAGE_DOWN, ' ', 0, UI_NONE, UI_KEY_PAGE_DOWN},
    {ACT_HOME, TK_HOME, 'g', 0, UI_NONE, UI_KEY_HOME},
    {ACT_END, TK_END, 'G', 0, UI_NONE, UI_KEY_END},
    {ACT_SWITCH_PANEL, TK_TAB, TK_BACK_TAB, 0, UI_NONE, UI_KEY_SWITCH_PANEL},
    {ACT_OPEN, TK_ENTER, TK_RIGHT, 0, UI_NONE, UI_KEY_OPEN},
    {ACT_BACK, TK_ESCAPE, TK_BACKSPACE, TK_LEFT, UI_NONE, UI_KEY_BACK},
    {ACT_NONE, 0, 0, 0, UI_NONE, UI_NONE},
};

tui_action tui_action_for_key(int key)
{
    if (key == TK_NONE)
        return ACT_NONE;
    for (int i = 0; tui_bindings[i].action != ACT_NONE; i++) {
        const tui_binding *b = &tui_bindings[i];
        if (b->fkey == key || b->key == key || b->key2 == key)
            return b->action;
    }
    return ACT_NONE;
}

const tui_binding *tui_binding_of(tui_action action)
{
    for (int i = 0; tui_bindings[i].action != ACT_NONE; i++)
        if (tui_bindings[i].action == action)
            return &tui_bindings[i];
    return NULL;
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
