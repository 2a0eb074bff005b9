/*
 * The columns of the list of cooperatives, fitted to its width.  The name
 * is what tells one cooperative from another ("Hợp tác xã chế biến thực
 * phẩm Minh Cường" and "… Phúc Thọ" differ at the end), so it gets room
 * first; the lesser columns drop before it, the district last of them when
 * the rows come from several districts.
 */
#ifndef HTX_TUI_COOP_COLUMNS_H
#define HTX_TUI_COOP_COLUMNS_H

#include <stdbool.h>

typedef enum coop_column {
    COL_CODE, COL_NAME, COL_DISTRICT, COL_SECTOR, COL_FOUNDED, COL_MEMBERS, COL_COUNT
} coop_column;

/* The width of each column, 0 for one left out; drawn in enum order with
 * one space between. */
typedef struct coop_columns {
    int width[COL_COUNT];
} coop_columns;

/* The name's width that is always given when the list is wide enough:
 * 40 characters read whole at 80 columns. */
#define COOP_NAME_READABLE 40

/* code_width: the widest code on the page; show_district: the rows come
 * from more than one district. */
coop_columns coop_columns_fit(int width, int code_width, bool show_district);

#endif
