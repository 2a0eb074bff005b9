#include "typed_text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fold.h"
#include "keys.h"
#include "name_match.h"
#include "text.h"
#include "ui_text.h"

bool typed_text_key(char *text, size_t size, int key)
{
    size_t n = strlen(text);
    if (key == TK_BACKSPACE) {
        if (n == 0)
            return false;
        while (n > 0 && ((unsigned char)text[n - 1] & 0xC0) == 0x80)
            n--;
        text[n > 0 ? n - 1 : 0] = '\0';
        return true;
    }
    if (key == TK_CTRL_U) {
        if (n == 0)
            return false;
        text[0] = '\0';
        return true;
    }
    if (!tui_key_is_typed(key))
        return false;
    char utf8[4];
    int len = htx_utf8_encode(key, utf8);
    if (len > 0 && n + (size_t)len < size) {
        memcpy(text + n, utf8, (size_t)len);
        text[n + (size_t)len] = '\0';
    }
    return true;
}

int typed_text_find(const char *typed, int count, typed_text_label_fn label, void *ctx)
{
    char *folded_typed = htx_fold_words(typed);
    if (!folded_typed || !folded_typed[0]) {
        free(folded_typed);
        return -1;
    }
    int in_a_word = -1;
    for (int i = 0; i < count; i++) {
        char *folded = htx_fold_words(label(i, ctx));
        htx_name_fit fit = folded ? htx_name_fit_folded(folded_typed, folded) : HTX_FIT_NONE;
        free(folded);
        if (fit >= HTX_FIT_START) {
            free(folded_typed);
            return i;
        }
        if (fit == HTX_FIT_INSIDE && in_a_word < 0)
            in_a_word = i;
    }
    free(folded_typed);
    return in_a_word;
}

bool typed_find_key(typed_find *f, int key, int count, typed_text_label_fn label, void *ctx, int *found)
{
    *found = -1;
    if (key == TK_ESCAPE && f->text[0]) {
        typed_find_stop(f);
        return true;
    }
    if (key == ' ' && !f->text[0])
        return false;
    if (!typed_text_key(f->text, sizeof f->text, key))
        return false;
    if (f->text[0])
        *found = typed_text_find(f->text, count, label, ctx);
    f->not_found = f->text[0] && *found < 0;
    return true;
}

void typed_find_stop(typed_find *f)
{
    f->text[0] = '\0';
    f->not_found = false;
}

bool typed_find_active(const typed_find *f)
{
    return f->text[0] != '\0';
}

void typed_find_describe(const typed_find *f, htx_lang lang, char *out, size_t size)
{
    snprintf(out, size, "%s%s▏%s%s", ui_text(UI_SEARCH_PROMPT, lang), f->text, f->not_found ? " " : "",
             f->not_found ? ui_text(UI_FIND_NOTHING, lang) : "");
}
