/*
 * Word wrap by measured width (text_wrap.h).
 */
#include "text_wrap.h"

#include <stdlib.h>
#include <string.h>


#include "display.h"
#include "text.h"

static void wrapped_free(htx_wrapped *w)
{
    for (int i = 0; i < w->count; i++)
        free(w->lines[i]);
    free(w->lines);
    w->lines = NULL;
    w->count = 0;
}

void htx_wrapped_free(htx_wrapped *w)
{
    wrapped_free(w);
}

static bool wrapped_add(htx_wrapped *w, const char *start, size_t length)
{
    char **grown = realloc(w->lines, (size_t)(w->count + 1) * sizeof *grown);
    if (!grown)
        return false;
    w->lines = grown;
    char *line = malloc(length + 1);
    if (!line)
        return false;
    memcpy(line, start, length);
    line[length] = '\0';
    w->lines[w->count++] = line;
    return true;
}

/* Bytes of the character at p with the marks that follow it. */
static size_t cluster_at(const char *p)
{
    int32_t cp;
    size_t length = (size_t)htx_utf8_decode(p, &cp);
    for (;;) {
        int32_t next;
        int n = htx_utf8_decode(p + length, &next);
        if (n == 0 || !htx_cp_is_mark(next))
            break;
        length += (size_t)n;
    }
    return length;
}

bool htx_wrap(const char *text, double width, htx_measure_fn measure, void *ctx, htx_wrapped *out)
{
    out->lines = NULL;
    out->count = 0;
    const char *line = text;
    while (*line == ' ')
        line++;
    if (!*line)
        return wrapped_add(out, "", 0);
    while (*line) {
        const char *p = line, *last_space = NULL;
        double used = 0;
        while (*p) {
            size_t length = cluster_at(p);
            double w = measure(p, length, ctx);
            if (used + w > width)
                break;
            if (*p == ' ')
                last_space = p;
            used += w;
            p += length;
        }
        const char *end = p;
        if (*p && *p != ' ' && last_space && last_space > line)
            end = last_space;
        if (end == line) /* not even one character fits: take it anyway */
            end = line + cluster_at(line);
        size_t length = (size_t)(end - line);
        while (length > 0 && line[length - 1] == ' ')
            length--;
        if (!wrapped_add(out, line, length)) {
            wrapped_free(out);
            return false;
        }
        line = end;
        while (*line == ' ')
            line++;
    }
    return true;
}


/* Terminal columns of one character with its marks. */
static double measure_columns(const char *p, size_t length, void *ctx)
{
    (void)ctx;
    (void)length;
    int32_t cp;
    htx_utf8_decode(p, &cp);
    return htx_cp_width(cp);
}

bool htx_wrap_columns(const char *text, int columns, htx_wrapped *out)
{
    return htx_wrap(text, columns, measure_columns, NULL, out);
}
