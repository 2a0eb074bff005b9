/*
 * The fixture of the view tests: a register of COOP_COUNT cooperatives in a
 * fresh database, the screen manager on the main view, and the means to
 * drive it (keys, mouse, resizes) and read the rendered screen as text.
 */
#ifndef HTX_TESTS_VIEW_FIXTURE_H
#define HTX_TESTS_VIEW_FIXTURE_H

#include <stddef.h>
#include <stdint.h>

#include "view.h"

#define COOP_COUNT 40
#define DISSOLVED 39      /* the one cooperative not counted by the targets */
#define POTTERY 1         /* found by searching "bat trang" */
#define POTTERY_NAME "HTX Gốm sứ Bát Tràng"

typedef struct fixture {
    char dir[64];
    char path[128];
    htx_store *store;
    tui_app app;
    tui_canvas canvas;
    char *screen;
    int64_t ids[COOP_COUNT];
    char codes[COOP_COUNT][16];
} fixture;

/* The register: cooperative i's name (long, so that the list has to crop
 * it) and sector code. */
void coop_name(int i, char *out, size_t size);
const char *sector_of(int i);
void insert_register(fixture *f);
fixture *open_fixture(htx_lang lang);

/* The printers the print dialog is given: two, the second the default
 * (the fixture's own), or none because CUPS does not answer. */
#define DEFAULT_PRINTER "Tang2"
#define OTHER_PRINTER "Phong_KT"
htx_status two_printers(htx_printer_list *list, htx_error *err);
htx_status no_print_service(htx_printer_list *list, htx_error *err);

/* cmocka setups (Vietnamese, English) and teardown. */
int setup_vi(void **state);
int setup_en(void **state);
int teardown(void **state);
/* Driving the screen: every event is followed by a rendering, as in the loop. */
const char *render(fixture *f);
void press(fixture *f, int key);
void wheel(fixture *f, tui_mouse_button button);
void click(fixture *f, int x, int y, tui_mouse_button button);
void type(fixture *f, const char *text);
void resize(fixture *f, int width, int height);
/* Row y of the last rendering (malloc'd). */
char *screen_row(const fixture *f, int y);
char *status_line(const fixture *f);
/* The first row holding text, or NULL. */
char *row_with(const fixture *f, const char *text);
void show_screen_and_fail(const fixture *f, const char *what, const char *text);
void assert_on_screen(const fixture *f, const char *text);
void assert_not_on_screen(const fixture *f, const char *text);
void assert_status_starts(const fixture *f, const char *prefix);
void assert_status_has(const fixture *f, const char *part);
/* Both texts on one row. */
void assert_row_has(const fixture *f, const char *first, const char *second);
/* The display column where text starts on its row, or -1. */
int column_of(const fixture *f, const char *text);
/* Valid UTF-8, no control character but newlines, no row wider than the canvas. */
void assert_screen_clean(const fixture *f);
/* From the district panel into the list. */
void focus_list(fixture *f);
void search_for(fixture *f, const char *text);

#endif
