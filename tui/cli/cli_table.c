#include "cli_table.h"

#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "display.h"

int cli_terminal_width(void)
{
    struct winsize ws;
    if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
        return ws.ws_col;
    const char *env = getenv("COLUMNS");
    int n = env ? atoi(env) : 0;
    return n > 20 ? n : 120;
}

void cli_table_layout(cli_column *cols, int count, int total_width)
{
    int fixed = count > 0 ? count - 1 : 0, flexible = 0;
    for (int i = 0; i < count; i++) {
        if (cols[i].width > 0)
            fixed += cols[i].width;
        else
            flexible++;
    }
    if (!flexible)
        return;
    int share = (total_width - fixed) / flexible;
    if (share < 12)
        share = 12;
    for (int i = 0; i < count; i++)
        if (cols[i].width <= 0)
            cols[i].width = share;
}

static void cell(FILE *out, const cli_column *col, const char *text, bool last)
{
    char *safe = htx_text_sanitize(text ? text : "");
    const char *shown = safe ? safe : "";
    char buf[2048];
    if (col->align_right) {
        size_t w = htx_text_crop(shown, (size_t)col->width, buf, sizeof buf);
        fprintf(out, "%*s%s", col->width - (int)w, "", buf);
    } else if (last) {
        /* No trailing spaces at the end of a line. */
        htx_text_crop(shown, (size_t)col->width, buf, sizeof buf);
        fputs(buf, out);
    } else {
        htx_text_pad(shown, (size_t)col->width, buf, sizeof buf);
        fputs(buf, out);
    }
    free(safe);
}

void cli_table_row(FILE *out, const cli_column *cols, int count, const char *const cells[])
{
    for (int i = 0; i < count; i++) {
        if (i)
            fputc(' ', out);
        cell(out, &cols[i], cells[i], i == count - 1);
    }
    fputc('\n', out);
}

void cli_table_header(FILE *out, const cli_column *cols, int count)
{
    const char *cells[32];
    int total = count > 0 ? count - 1 : 0;
    for (int i = 0; i < count && i < 32; i++) {
        cells[i] = cols[i].header;
        total += cols[i].width;
    }
    cli_table_row(out, cols, count, cells);
    for (int i = 0; i < total; i++)
        fputs("─", out);
    fputc('\n', out);
}
