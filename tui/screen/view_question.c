/*
 * A question in a box with a row of answers (Có / Không, Tải lại / Tiếp tục
 * sửa …): Left/Right or the first letter chooses, Enter answers the one in
 * focus (the one the question starts on: the safe one, where one answer
 * cannot be undone), Esc gives the last answer.  Lines and answers are
 * copied; a line wider than the screen wraps.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "display.h"
#include "text.h"
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
    int answers_y, answers_x[MAX_ANSWERS + 1];
    tui_answer_fn answered;
    void *ctx;
} question_view;

static double measure_columns(const char *text, size_t length, void *ctx)
{
    (void)ctx;
    (void)length;
    int32_t cp;
    htx_utf8_decode(text, &cp);
    return htx_cp_width(cp);
}

/* The question's lines as drawn: each wrapped to the box, so none is cut. */
static int wrap_question(const question_view *q, int room, htx_wrapped wrapped[MAX_LINES])
{
    int total = 0;
    for (int i = 0; i < q->line_count; i++) {
        if (!htx_wrap(q->lines[i], room > 1 ? room : 1, measure_columns, NULL, &wrapped[i]))
            wrapped[i] = (htx_wrapped){0};
        total += wrapped[i].count;
    }
    return total;
}

static void question_draw(tui_view *v, tui_app *app, tui_canvas *c, tui_rect a)
{
    (void)app;
    question_view *q = (question_view *)v;
    int width = (int)htx_text_width(q->title) + 6;
    for (int i = 0; i < q->line_count; i++) {
        int w = (int)htx_text_width(q->lines[i]) + 4;
        if (w > width)
            width = w;
    }
    int buttons = 0;
    for (int i = 0; i < q->answer_count; i++)
        buttons += (int)htx_text_width(q->answers[i]) + 6;
    if (buttons + 4 > width)
        width = buttons + 4;
    if (width > a.width - 2)
        width = a.width - 2;
    htx_wrapped wrapped[MAX_LINES];
    int lines = wrap_question(q, width - 4, wrapped);
    int height = lines + 5;
    if (height > a.height)
        height = a.height;
    int y = a.y + (a.height - height) / 2, x = a.x + (a.width - width) / 2;
    canvas_fill(c, y, x, height, width, STYLE_POPUP);
    canvas_box(c, y, x, height, width, STYLE_POPUP);
    canvas_text(c, y, x + 2, width - 4, q->title, STYLE_POPUP);
    int row = y + 2;
    for (int i = 0; i < q->line_count; i++) {
        for (int k = 0; k < wrapped[i].count && row < y + height - 3; k++)
            canvas_text(c, row++, x + 2, width - 4, wrapped[i].lines[k], STYLE_POPUP);
        htx_wrapped_free(&wrapped[i]);
    }
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

/* The answer whose first letter is key (case and marks ignored), or -1. */
static int answer_by_letter(const question_view *q, int key)
{
    if (key <= 0 || key >= 0x80)
        return -1;
    int lower = key | 0x20;
    for (int i = 0; i < q->answer_count; i++) {
        int first = (unsigned char)q->answers[i][0] | 0x20;
        if (first == lower)
            return i;
    }
    return -1;
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
    case ACT_CLOSE: return answer(q, app, q->answer_count - 1);
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

static const tui_view_ops question_ops = {
    .draw = question_draw,
    .handle = question_handle,
    .destroy = question_destroy,
    .popup = true,
    .keymap = &question_keymap,
};

tui_view *view_question_new(tui_app *app, const char *title, const char *const lines[], int line_count,
                            const char *const answers[], int answer_count, int focused, tui_answer_fn answered,
                            void *ctx)
{
    (void)app;
    question_view *q = calloc(1, sizeof *q);
    if (!q)
        return NULL;
    q->base.ops = &question_ops;
    snprintf(q->title, sizeof q->title, "%s", title);
    bool ok = answer_count > 0;
    for (int i = 0; ok && i < line_count && i < MAX_LINES; i++, q->line_count++)
        ok = (q->lines[i] = strdup(lines[i])) != NULL;
    for (int i = 0; ok && i < answer_count && i < MAX_ANSWERS; i++, q->answer_count++)
        ok = (q->answers[i] = strdup(answers[i])) != NULL;
    if (!ok) {
        question_destroy(&q->base);
        return NULL;
    }
    q->chosen = focused >= 0 && focused < q->answer_count ? focused : 0;
    q->answered = answered;
    q->ctx = ctx;
    return &q->base;
}
