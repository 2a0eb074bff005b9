#include "edit_keys.h"

#include "keys.h"
#include "text.h"

bool tui_edit_key(line_edit *e, int key)
{
    switch (key) {
    case TK_LEFT: line_edit_left(e); return true;
    case TK_RIGHT: line_edit_right(e); return true;
    case TK_HOME:
    case TK_CTRL_A: line_edit_home(e); return true;
    case TK_END:
    case TK_CTRL_E: line_edit_end(e); return true;
    case TK_BACKSPACE: line_edit_backspace(e); return true;
    case TK_DELETE: line_edit_delete(e); return true;
    case TK_CTRL_U: line_edit_kill_before(e); return true;
    case TK_CTRL_K: line_edit_kill_after(e); return true;
    case TK_CTRL_W: line_edit_kill_word(e); return true;
    default: break;
    }
    if (key >= TK_SPECIAL || key < 0)
        return false;
    /* C0, DEL and C1 controls never enter a field (line_edit would refuse
     * them too; this keeps them from reaching another meaning). */
    if (key < 0x20 || (key >= 0x7F && key < 0xA0))
        return true;
    char utf8[5] = {0};
    int n = htx_utf8_encode(key, utf8);
    if (n > 0) {
        utf8[n] = '\0';
        line_edit_insert(e, utf8);
    }
    return true;
}
