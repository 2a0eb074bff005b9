#include "coop_columns.h"

/* Below this the name yields to the district column, which a list of
 * several districts cannot do without. */
#define NAME_BEFORE_DISTRICT 36

static const int natural[COL_COUNT] = {
    [COL_DISTRICT] = 12, /* "Hai Bà Trưng" */
    [COL_SECTOR] = 12,   /* "Phi NN khác" */
    [COL_FOUNDED] = 10,  /* 25/11/2020 */
    [COL_MEMBERS] = 6,   /* "T.viên" over 1.460 */
};

/* Gives column its natural width if the rest has room for it and its gap. */
static void add_if_room(coop_columns *col, coop_column which, int *rest)
{
    if (*rest >= natural[which] + 1) {
        col->width[which] = natural[which];
        *rest -= natural[which] + 1;
    }
}

static void grow_name(coop_columns *col, int upto, int *rest)
{
    int more = upto - col->width[COL_NAME];
    if (more > *rest)
        more = *rest;
    if (more > 0) {
        col->width[COL_NAME] += more;
        *rest -= more;
    }
}

coop_columns coop_columns_fit(int width, int code_width, bool show_district)
{
    coop_columns col = {{0}};
    int rest = width;
    col.width[COL_CODE] = code_width < rest ? code_width : rest;
    rest -= col.width[COL_CODE] + 1;
    if (rest < 0)
        rest = 0;
    grow_name(&col, NAME_BEFORE_DISTRICT, &rest);
    if (show_district)
        add_if_room(&col, COL_DISTRICT, &rest);
    grow_name(&col, COOP_NAME_READABLE, &rest);
    add_if_room(&col, COL_FOUNDED, &rest);
    add_if_room(&col, COL_SECTOR, &rest);
    add_if_room(&col, COL_MEMBERS, &rest);
    col.width[COL_NAME] += rest;
    return col;
}
