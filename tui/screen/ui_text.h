/*
 * Every string the full-screen interface shows, in Vietnamese and English,
 * from one catalog (ui_text.def).  Words follow the staff's glossary.
 */
#ifndef HTX_TUI_UI_TEXT_H
#define HTX_TUI_UI_TEXT_H

#include "messages.h"

typedef enum ui_id {
#define UI(id, vi, en) id,
#define UI_SHORT(id, vi, en)
#include "ui_text.def"
#undef UI_SHORT
#undef UI
    UI_COUNT
} ui_id;

const char *ui_text(ui_id id, htx_lang lang);
/* The short form of a function bar's label (UI_SHORT rows: "Giúp" for
 * "Trợ giúp"), for a bar that does not fit; the label itself when it has
 * none. */
const char *ui_text_short(ui_id id, htx_lang lang);

#endif
