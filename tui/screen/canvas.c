#include "canvas.h"

#include <stdlib.h>
#include <string.h>

#include "display.h"
#include "text.h"

bool canvas_init(tui_canvas *c, int width, int height)
{
    c->width = c->height = 0;
    c->cells = NULL;
    return canvas_resize(c, width, height);
}

bool canvas_resize(tui_canvas *c, int width, int height)
{
    if (width < 1)
        width = 1;
    if (height < 1)
        height = 1;
    tui_cell *cells = calloc((size_t)width * (size_t)height, sizeof *cells);
    if (!cells)
        return false;
    free(c->cells);
    c->cells = cells;
    c->width = width;
    c->height = height;
    canvas_fill(c, 0, 0, height, width, STYLE_NORMAL);
    return true;
}

void canvas_free(tui_canvas *c)
{
    free(c->cells);
    c->cells = NULL;
    c->width = c->height = 0;
}

static tui_cell *cell_at(tui_canvas *c, int y, int x)
{
    return &c->cells[(size_t)y * (size_t)c->width + (size_t)x];
}

const tui_cell *canvas_cell(const tui_canvas *c, int y, int x)
{
    if (y < 0 || x < 0 || y >= c->height || x >= c->width)
        return NULL;
    return &c->cells[(size_t)y * (size_t)c->width + (size_t)x];
}

static void set_cell(tui_canvas *c, int y, int x, const char *text, size_t len, tui_style style)
{
    if (y < 0 || x < 0 || y >= c->height || x >= c->width)
        return;
    tui_cell *cell = cell_at(c, y, x);
    if (len >= TUI_CELL_TEXT)
        len = 0; /* a cluster this long cannot be real text: leave the cell blank */
    memcpy(cell->text, text, len);
    cell->text[len] = '\0';
    if (len == 0 && text[0] != '\0')
        strcpy(cell->text, " ");
    cell->style = (unsigned char)style;
}

void canvas_fill(tui_canvas *c, int y, int x, int height, int width, tui_style style)
{
    for (int row = y; row < y + height; row++)
        for (int col = x; col < x + width; col++)
            set_cell(c, row, col, " ", 1, style);
}

/*
 * Places already safe, already cropped text cell by cell: each base
 * character with its combining marks goes into one cell; a wide character
 * leaves its second cell empty.
 */
static int place(tui_canvas *c, int y, int x, int limit, const char *text, tui_style style)
{
    int col = 0;
    const char *p = text;
    while (*p) {
        int32_t cp;
        int n = htx_utf8_decode(p, &cp);
        if (n <= 0)
            break;
        size_t len = (size_t)n;
        /* gather the following combining marks into the same cell */
        for (;;) {
            int32_t next;
            int m = htx_utf8_decode(p + len, &next);
            if (m <= 0 || htx_cp_width(next) != 0)
                break;
            len += (size_t)m;
        }
        int w = htx_cp_width(cp);
        if (w <= 0)
            w = 1; /* a stray mark with no base still takes a cell */
        if (col + w > limit)
            break;
        set_cell(c, y, x + col, p, len, style);
        if (w == 2)
            set_cell(c, y, x + col + 1, "", 0, style);
        col += w;
        p += len;
    }
    return col;
}

static int clip_width(const tui_canvas *c, int y, int x, int max_cols)
{
    if (y < 0 || y >= c->height || x >= c->width || x < 0)
        return 0;
    return max_cols < c->width - x ? max_cols : c->width - x;
}

int canvas_text(tui_canvas *c, int y, int x, int max_cols, const char *text, tui_style style)
{
    int limit = clip_width(c, y, x, max_cols);
    if (limit <= 0)
        return 0;
    char *safe = htx_text_sanitize(text ? text : "");
    if (!safe)
        return 0;
    size_t size = strlen(safe) + 8;
    char *cropped = malloc(size);
    int used = 0;
    if (cropped) {
        htx_text_crop(safe, (size_t)limit, cropped, size);
        used = place(c, y, x, limit, cropped, style);
    }
    free(cropped);
    free(safe);
    return used;
}

int canvas_text_fill(tui_canvas *c, int y, int x, int max_cols, const char *text, tui_style style)
{
    int used = canvas_text(c, y, x, max_cols, text, style);
    int limit = clip_width(c, y, x, max_cols);
    if (used < limit)
        canvas_fill(c, y, x + used, 1, limit - used, style);
    return used;
}

void canvas_text_right(tui_canvas *c, int y, int x, int max_cols, const char *text, tui_style style)
{
    char *safe = htx_text_sanitize(text ? text : "");
    if (!safe)
        return;
    int w = (int)htx_text_width(safe);
    int start = w < max_cols ? x + max_cols - w : x;
    canvas_text(c, y, start, max_cols - (start - x), safe, style);
    free(safe);
}

void canvas_box(tui_canvas *c, int y, int x, int height, int width, tui_style style)
{
    if (height < 2 || width < 2)
        return;
    for (int col = x + 1; col < x + width - 1; col++) {
        set_cell(c, y, col, "─", 3, style);
        set_cell(c, y + height - 1, col, "─", 3, style);
    }
    for (int row = y + 1; row < y + height - 1; row++) {
        set_cell(c, row, x, "│", 3, style);
        set_cell(c, row, x + width - 1, "│", 3, style);
    }
    set_cell(c, y, x, "┌", 3, style);
    set_cell(c, y, x + width - 1, "┐", 3, style);
    set_cell(c, y + height - 1, x, "└", 3, style);
    set_cell(c, y + height - 1, x + width - 1, "┘", 3, style);
}

void canvas_restyle(tui_canvas *c, int y, int x, int width, tui_style style)
{
    for (int col = x; col < x + width; col++)
        if (y >= 0 && y < c->height && col >= 0 && col < c->width)
            cell_at(c, y, col)->style = (unsigned char)style;
}

char *canvas_dump(const tui_canvas *c)
{
    size_t size = (size_t)c->height * ((size_t)c->width * TUI_CELL_TEXT + 1) + 1;
    char *out = malloc(size);
    if (!out)
        return NULL;
    size_t n = 0;
    for (int y = 0; y < c->height; y++) {
        size_t line_start = n;
        for (int x = 0; x < c->width; x++) {
            const char *t = c->cells[(size_t)y * (size_t)c->width + (size_t)x].text;
            size_t len = strlen(t);
            memcpy(out + n, t, len);
            n += len;
        }
        while (n > line_start && out[n - 1] == ' ')
            n--;
        out[n++] = '\n';
    }
    out[n] = '\0';
    return out;
}

int canvas_text_safe(tui_canvas *c, int y, int x, int max_cols, const char *text, tui_style style)
{
    char *safe = htx_text_sanitize(text);
    int used = canvas_text(c, y, x, max_cols, safe ? safe : "", style);
    free(safe);
    return used;
}
