/*
 * Wrapping text into lines of a given width, whatever measures it: terminal
 * columns for the plain-text roster, font advances for the PDF.
 */
#ifndef HTX_TEXT_WRAP_H
#define HTX_TEXT_WRAP_H

#include <stdbool.h>
#include <stddef.h>

/* The width of one character (with its marks): length bytes at text. */
typedef double (*htx_measure_fn)(const char *text, size_t length, void *ctx);

typedef struct htx_wrapped {
    char **lines;
    int count;
} htx_wrapped;

/*
 * Greedy word wrap into lines no wider than width as measured: a line
 * breaks at the last space that keeps it within width; a word longer than
 * a line is broken between characters, never between a letter and its
 * marks.  Empty text gives one empty line.  False when out of memory.
 */
bool htx_wrap(const char *text, double width, htx_measure_fn measure, void *ctx, htx_wrapped *out);
void htx_wrapped_free(htx_wrapped *w);

/* htx_wrap measured in terminal columns (display.h): screens and the plain
 * text roster. */
bool htx_wrap_columns(const char *text, int columns, htx_wrapped *out);

#endif
