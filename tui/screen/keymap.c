/*
 * A screen's keymap read against the table: which keys reach which action
 * on that screen, and in what order the bar and the help show them.
 */
#include "keys.h"

#include <stdlib.h>

/* The keys of action that reach it on a screen: all of them, or only those
 * that cannot be typed.  Returns how many went into keys. */
static int reaching_keys(tui_action action, bool special_only, int keys[TUI_MAX_KEYS])
{
    const tui_binding *b = tui_binding_of(action);
    int n = 0;
    for (int i = 0; b && i < TUI_MAX_KEYS && b->keys[i]; i++)
        if (!special_only || !tui_key_is_typed(b->keys[i]))
            keys[n++] = b->keys[i];
    for (int i = n; i < TUI_MAX_KEYS; i++)
        keys[i] = 0;
    return n;
}

/* The place of an offer in the bar and the help: function keys by their
 * number, then the rest in the table's order. */
static int rank(const tui_offer *o)
{
    if (o->keys[0] >= TK_F1 && o->keys[0] <= TK_F10)
        return o->keys[0] - TK_F1;
    return 100 + (int)o->action;
}

static int by_rank(const void *a, const void *b)
{
    const tui_offer *x = a, *y = b;
    int order = rank(x) - rank(y);
    /* ties only where the keymap binds a function key twice (which the
     * tests refuse): still the same order every time */
    return order ? order : (int)x->action - (int)y->action;
}

static int add_offers(const tui_action *list, bool special_only, bool global, tui_offer *out, int n, int max)
{
    for (int i = 0; list && list[i] != ACT_NONE && n < max; i++) {
        tui_offer *o = &out[n];
        o->action = list[i];
        o->global = global;
        if (reaching_keys(list[i], special_only, o->keys) > 0)
            n++;
    }
    return n;
}

int tui_keymap_offers(const tui_keymap *keymap, tui_offer *out, int max)
{
    if (!keymap)
        return 0;
    int n = add_offers(keymap->actions, keymap->typing, false, out, 0, max);
    n = add_offers(keymap->globals, keymap->typing, true, out, n, max);
    n = add_offers(keymap->globals_by_special_keys, true, true, out, n, max);
    qsort(out, (size_t)n, sizeof *out, by_rank);
    return n;
}

static bool in_list(const tui_action *list, bool special_only, int key, tui_action *found)
{
    for (int i = 0; list && list[i] != ACT_NONE; i++) {
        int keys[TUI_MAX_KEYS];
        int n = reaching_keys(list[i], special_only, keys);
        for (int k = 0; k < n; k++)
            if (keys[k] == key) {
                *found = list[i];
                return true;
            }
    }
    return false;
}

tui_action tui_keymap_action(const tui_keymap *keymap, int key, bool *global)
{
    tui_action action = ACT_NONE;
    bool is_global = false;
    if (keymap && key != TK_NONE && !(keymap->typing && tui_key_is_typed(key))) {
        if (!in_list(keymap->actions, false, key, &action))
            is_global = in_list(keymap->globals, false, key, &action) ||
                        in_list(keymap->globals_by_special_keys, true, key, &action);
    }
    if (global)
        *global = is_global;
    return action;
}
