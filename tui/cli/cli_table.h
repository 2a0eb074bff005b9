/*
 * Aligned text tables for the command line's human-readable output.
 * Columns are measured in terminal columns (display.h), never bytes; text is
 * sanitised so stored control characters cannot reach the terminal.
 */
#ifndef HTX_CLI_TABLE_H
#define HTX_CLI_TABLE_H

#include <stdbool.h>
#include <stdio.h>

typedef struct cli_column {
    const char *header;
    int width;         /* columns; 0: share what the others leave */
    bool align_right;  /* numbers */
} cli_column;

/* Width of the terminal on stdout (or $COLUMNS, else 120). */
int cli_terminal_width(void);

/* Resolves flexible (width 0) columns so the row fits in total_width,
 * with one space between columns; a flexible column gets at least 12. */
void cli_table_layout(cli_column *cols, int count, int total_width);

void cli_table_header(FILE *out, const cli_column *cols, int count);
void cli_table_row(FILE *out, const cli_column *cols, int count, const char *const cells[]);

#endif
