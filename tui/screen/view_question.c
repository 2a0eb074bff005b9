/*
 * A question in a box with a row of answers (Xóa hẳn / Không xóa, Tải lại /
 * Tiếp tục sửa …).  It opens on the safe answer and Esc gives that one:
 * whoever presses Enter or Esc without reading loses nothing.  Left/Right
 * or Tab move to another answer, and an answer's first letter gives it
 * when no other answer starts with that letter.  Lines and answers are
 * copied.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "display.h"
#include "text_wrap.h"
#include "views.h"

#define MAX_LINES 24
#define MAX_ANSWERS 4

typedef struct question_view {
    tui_view base;
    char title[160];
    char *lines[MAX_LINES];
    int line_count;
    char *answers[MAX_ANSWERS];
    int answer_count;
    int chosen;
    int safe;
    int answers_y, answers_x[MAX_ANSWERS + 1];
    tui_answer_fn answered;
    void *ctx;
} question_view;

/* A box no wider than this reads as one glance; longer lines wrap. */
#define QUESTION_MAX_WIDTH 78

static int box_width(const question_view *q, int room)
{
    int width = (int)htx_text_width(q->title) + 6;
    for (int i = 0; i < q->line_count; i++) {
        int w = (int)htx_text_width(q->lines[i]) + 4;
        if (w > width)
            width = w;
    }
    int buttons = 0;
    for (int i = 0; i < q->answer_count; i++)
        buttons += (int)htx_text_width(q->answers[i]) + 6;
    if (width > QUESTION_MAX_WIDTH)
        width = QUESTION_MAX_WIDTH;
    if (buttons + 4 > width)
        width = buttons + 4;
    return width > room ? room : width;
}

static void question_draw(tui_view *v, tui_app *app, tui_canvas *c, tui_rect a)
{
    (void)app;
    question_view *q = (question_view *)v;
    int width = box_width(q, a.width - 2);
    htx_wrapped wrapped[MAX_LINES];
    int rows = 0;
    for (int i = 0; i < q->line_count; i++) {
        if (!htx_wrap_columns(q->lines[i], width - 4, &wrapped[i]))
            wrapped[i] = (htx_wrapped){&q->lines[i], 1}; /* out of memory: cut, not lost */
        rows += wrapped[i].count;
    }
    int height = rows + 5;
    if (height > a.height)
        height = a.height;
    int y = a.y + (a.height - height) / 2, x = a.x + (a.width - width) / 2;
    canvas_fill(c, y, x, height, width, STYLE_POPUP);
    canvas_box(c, y, x, height, width, STYLE_POPUP);
    canvas_text(c, y, x + 2, width - 4, q->title, STYLE_POPUP);
    int row = 0;
    for (int i = 0; i < q->line_count; i++) {
        for (int j = 0; j < wrapped[i].count; j++, row++)
            if (2 + row < height - 2)
                canvas_text(c, y + 2 + row, x + 2, width - 4, wrapped[i].lines[j], STYLE_POPUP);
        if (wrapped[i].lines != &q->lines[i])
            htx_wrapped_free(&wrapped[i]);
    }
    int buttons = 0;
    for (int i = 0; i < q->answer_count; i++)
        buttons += (int)htx_text_width(q->answers[i]) + 6;
    q->answers_y = y + height - 2;
    int bx = x + (width - buttons) / 2;
    for (int i = 0; i < q->answer_count; i++) {
        char label[160];
        snprintf(label, sizeof label, "[ %s ]", q->answers[i]);
        q->answers_x[i] = bx;
        bx += canvas_text(c, q->answers_y, bx, x + width - 1 - bx, label,
                          i == q->chosen ? STYLE_CURSOR : STYLE_POPUP);
        bx += 2;
    }
    q->answers_x[q->answer_count] = bx;
}

static int answer(question_view *q, tui_app *app, int i)
{
    q->answered(app, q->ctx, i);
    return VIEW_HANDLED | VIEW_CLOSE | VIEW_REDRAW;
}

/* The one answer whose first letter is key (case ignored), or -1: when two
 * answers start alike (Tải lại, Tiếp tục sửa) the letter gives neither. */
static int answer_by_letter(const question_view *q, int key)
{
    if (key <= 0 || key >= 0x80)
        return -1;
    int lower = key | 0x20, found = -1;
    for (int i = 0; i < q->answer_count; i++) {
        int first = (unsigned char)q->answers[i][0] | 0x20;
        if (first != lower)
            continue;
        if (found >= 0)
            return -1;
        found = i;
    }
    return found;
}

static int question_handle(tui_view *v, tui_app *app, const tui_event *e)
{
    question_view *q = (question_view *)v;
    if (e->type == EV_MOUSE) {
        if (e->button == MOUSE_CLICK && e->y == q->answers_y)
            for (int i = 0; i < q->answer_count; i++)
                if (e->x >= q->answers_x[i] && e->x < q->answers_x[i + 1] - 2)
                    return answer(q, app, i);
        return VIEW_HANDLED;
    }
    if (e->type != EV_KEY)
        return VIEW_IGNORED;
    switch (e->action) {
    case ACT_PREV_ANSWER: q->chosen = (q->chosen + q->answer_count - 1) % q->answer_count; break;
    case ACT_NEXT_ANSWER: q->chosen = (q->chosen + 1) % q->answer_count; break;
    case ACT_CHOOSE: return answer(q, app, q->chosen);
    case ACT_CLOSE: return answer(q, app, q->safe);
    default: {
        /* the answers' own first letters: they come with the question */
        int i = answer_by_letter(q, e->key);
        if (i >= 0)
            return answer(q, app, i);
        break;
    }
    }
    return VIEW_HANDLED | VIEW_REDRAW; /* a question keeps every key to itself */
}

static void question_destroy(tui_view *v)
{
    question_view *q = (question_view *)v;
    for (int i = 0; i < q->line_count; i++)
        free(q->lines[i]);
    for (int i = 0; i < q->answer_count; i++)
        free(q->answers[i]);
    free(q);
}

/* A letter gives the answer it starts, so no action answers to a letter. */
static const tui_action question_actions[] = {ACT_CHOOSE, ACT_CLOSE, ACT_NEXT_ANSWER, ACT_PREV_ANSWER, ACT_NONE};
static const tui_keymap question_keymap = {.actions = question_actions, .typing = true};

/* The bar says what Enter and Esc do now: "Enter Xóa hẳn  Esc Không xóa". */
static const char *question_bar_label(const tui_view *v, tui_action action)
{
    const question_view *q = (const question_view *)v;
    if (action == ACT_CHOOSE)
        return q->answers[q->chosen];
    if (action == ACT_CLOSE)
        return q->answers[q->safe];
    return NULL;
}

static const tui_view_ops question_ops = {
    .draw = question_draw,
    .handle = question_handle,
    .destroy = question_destroy,
    .popup = true,
    .keymap = &question_keymap,
    .bar_label = question_bar_label,
};

tui_view *view_question_new(tui_app *app, const tui_question *question)
{
    (void)app;
    question_view *q = calloc(1, sizeof *q);
    if (!q)
        return NULL;
    q->base.ops = &question_ops;
    snprintf(q->title, sizeof q->title, "%s", question->title);
    bool ok = question->answer_count > 0 && question->safe >= 0 && question->safe < question->answer_count &&
              question->safe < MAX_ANSWERS;
    for (int i = 0; ok && i < question->line_count && i < MAX_LINES; i++, q->line_count++)
        ok = (q->lines[i] = strdup(question->lines[i])) != NULL;
    for (int i = 0; ok && i < question->answer_count && i < MAX_ANSWERS; i++, q->answer_count++)
        ok = (q->answers[i] = strdup(question->answers[i])) != NULL;
    if (!ok) {
        question_destroy(&q->base);
        return NULL;
    }
    q->safe = q->chosen = question->safe;
    q->answered = question->answered;
    q->ctx = question->ctx;
    return &q->base;
}
