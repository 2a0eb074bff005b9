/*
 * Completing a file path as a shell does on Tab: the part after the last
 * '/' is matched against the names in the directory before it.  Names that
 * are not valid NFC UTF-8 are left out: the entry field holds NFC text, so
 * a completed name must be the bytes on disk.
 */
#ifndef HTX_TUI_PATH_COMPLETE_H
#define HTX_TUI_PATH_COMPLETE_H

#include <stdbool.h>
#include <stddef.h>

typedef struct path_completion {
    char *text;          /* the path completed as far as the matches agree, or NULL */
    char **choices;      /* the matching names, in Vietnamese order, when several */
    size_t choice_count;
} path_completion;

/* Fills out for typed; false when the directory cannot be read or nothing
 * matches (out is then empty).  A lone directory match gets its '/'. */
bool path_complete(const char *typed, path_completion *out);
void path_completion_free(path_completion *c);

#endif
