#include "keys.h"

#include <stdio.h>

#include "text.h"

const tui_binding tui_bindings[] = {
    {ACT_HELP, TK_F1, '?', 0, "Trợ giúp", "Help", "Trợ giúp: các phím", "Help: the keys"},
    {ACT_ADD, TK_F2, 'a', 0, "Thêm", "Add", "Thêm HTX mới (đăng ký)", "Add a cooperative (registration)"},
    {ACT_SEARCH, TK_F3, '/', 0, "Tìm", "Search",
     "Tìm theo tên hoặc mã số, kết quả thu hẹp theo từng phím; Enter giữ, Esc bỏ",
     "Search by name or code, narrowing with each key; Enter keeps it, Esc clears it"},
    {ACT_FILTER, TK_F4, 'f', 0, "Lọc", "Filter", "Lọc theo ngành, trạng thái, câu lạc bộ",
     "Filter by sector, status, club"},
    {ACT_EDIT, TK_F5, 'e', 0, "Sửa", "Edit", "Sửa HTX đang chọn", "Edit the selected cooperative"},
    {ACT_SORT, TK_F6, 's', 0, "Sắp xếp", "Sort", "Sắp xếp theo tên, mã số, ngày thành lập, số thành viên",
     "Sort by name, code, founding date, members"},
    {ACT_CLUBS, TK_F7, 'c', 0, "CLB", "Clubs", "Các câu lạc bộ và thành viên", "Clubs and their members"},
    {ACT_STATS, TK_F8, 't', 0, "Thống kê", "Stats", "Thống kê và mục tiêu", "Statistics and targets"},
    {ACT_QUIT, TK_F10, 'q', 0, "Thoát", "Quit", "Thoát", "Quit"},
    {ACT_JOIN_CLUB, 0, 'm', 0, NULL, NULL, "Chi tiết HTX: thêm vào câu lạc bộ; danh sách CLB: thêm HTX",
     "Detail: add to a club; roster: add a cooperative"},
    {ACT_LEAVE_CLUB, 0, 'x', 0, NULL, NULL, "Chi tiết HTX: kết thúc tư cách thành viên CLB",
     "Detail: end a club membership"},
    {ACT_UP, TK_UP, 'k', 0, NULL, NULL, "Lên một dòng", "Up a line"},
    {ACT_DOWN, TK_DOWN, 'j', 0, NULL, NULL, "Xuống một dòng", "Down a line"},
    {ACT_PAGE_UP, TK_PAGE_UP, 0, 0, NULL, NULL, "Lên một trang", "Page up"},
    {ACT_PAGE_DOWN, TK_PAGE_DOWN, ' ', 0, NULL, NULL, "Xuống một trang", "Page down"},
    {ACT_HOME, TK_HOME, 'g', 0, NULL, NULL, "Về đầu danh sách", "First row"},
    {ACT_END, TK_END, 'G', 0, NULL, NULL, "Xuống cuối danh sách", "Last row"},
    {ACT_SWITCH_PANEL, TK_TAB, TK_BACK_TAB, 0, NULL, NULL, "Chuyển giữa quận/huyện và danh sách",
     "Switch between districts and the list"},
    {ACT_OPEN, TK_ENTER, TK_RIGHT, 0, NULL, NULL, "Mở: chi tiết HTX, danh sách thành viên CLB",
     "Open: cooperative detail, club roster"},
    {ACT_BACK, TK_ESCAPE, TK_BACKSPACE, TK_LEFT, NULL, NULL, "Quay lại", "Back"},
    {ACT_NONE, 0, 0, 0, NULL, NULL, NULL, NULL},
};

tui_action tui_action_for_key(int key)
{
    if (key == TK_NONE)
        return ACT_NONE;
    for (int i = 0; tui_bindings[i].action != ACT_NONE; i++) {
        const tui_binding *b = &tui_bindings[i];
        if (b->fkey == key || b->key == key || b->key2 == key)
            return b->action;
    }
    return ACT_NONE;
}

const tui_binding *tui_binding_of(tui_action action)
{
    for (int i = 0; tui_bindings[i].action != ACT_NONE; i++)
        if (tui_bindings[i].action == action)
            return &tui_bindings[i];
    return NULL;
}

void tui_key_name(int key, char *out, int size)
{
    static const struct {
        int key;
        const char *name;
    } names[] = {
        {TK_UP, "↑"},          {TK_DOWN, "↓"},        {TK_LEFT, "←"},      {TK_RIGHT, "→"},
        {TK_PAGE_UP, "PgUp"},  {TK_PAGE_DOWN, "PgDn"}, {TK_HOME, "Home"},  {TK_END, "End"},
        {TK_ENTER, "Enter"},   {TK_ESCAPE, "Esc"},    {TK_BACKSPACE, "Backspace"},
        {TK_TAB, "Tab"},       {TK_BACK_TAB, "Shift-Tab"}, {TK_DELETE, "Del"}, {' ', "Space"},
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (names[i].key == key) {
            snprintf(out, (size_t)size, "%s", names[i].name);
            return;
        }
    if (key >= TK_F1 && key <= TK_F10) {
        snprintf(out, (size_t)size, "F%d", key - TK_F1 + 1);
        return;
    }
    if (key > 0 && key < 0x80) {
        snprintf(out, (size_t)size, "%c", key);
        return;
    }
    snprintf(out, (size_t)size, "?");
}
