/*
 * What an import run keeps as it reads: the problems found, line by line,
 * and the set of codes met in the file.  Below both the run (import.c) and
 * the memberships file (import_memberships.c), which record into them.
 */
#include "import_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- problems ------------------------------------------------------------ */

bool imp_add_problem(htx_import_result *r, long line, bool in_memberships, const htx_error *e)
{
    if (r->problem_count == r->problem_cap) {
        size_t cap = r->problem_cap ? r->problem_cap * 2 : 16;
        htx_import_problem *grown = realloc(r->problems, cap * sizeof *grown);
        if (!grown)
            return false;
        r->problems = grown;
        r->problem_cap = cap;
    }
    r->problems[r->problem_count++] = (htx_import_problem){line, in_memberships, *e};
    return true;
}

void htx_import_result_free(htx_import_result *r)
{
    free(r->problems);
    memset(r, 0, sizeof *r);
}

/* ---- codes seen in the file ------------------------------------------------ */

static uint64_t hash_code(const char *s)
{
    uint64_t h = 1469598103934665603ULL; /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return h;
}

static code_slot *code_set_slot(code_set *set, const char *code)
{
    size_t mask = set->cap - 1;
    for (size_t i = hash_code(code) & mask;; i = (i + 1) & mask)
        if (!set->slots[i].code[0] || strcmp(set->slots[i].code, code) == 0)
            return &set->slots[i];
}

long imp_code_set_add(code_set *set, const char *code, long line)
{
    if ((set->count + 1) * 2 > set->cap) {
        code_set bigger = {calloc(set->cap ? set->cap * 2 : 1024, sizeof(code_slot)),
                           set->cap ? set->cap * 2 : 1024, 0};
        if (!bigger.slots)
            return -1;
        for (size_t i = 0; i < set->cap; i++)
            if (set->slots[i].code[0]) {
                *code_set_slot(&bigger, set->slots[i].code) = set->slots[i];
                bigger.count++;
            }
        free(set->slots);
        *set = bigger;
    }
    code_slot *slot = code_set_slot(set, code);
    if (slot->code[0])
        return slot->line;
    snprintf(slot->code, sizeof slot->code, "%s", code);
    slot->line = line;
    set->count++;
    return 0;
}

bool imp_code_set_has(code_set *set, const char *code)
{
    return set->cap > 0 && code_set_slot(set, code)->code[0] != '\0';
}
