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
    if (r->problem_count > HTX_IMPORT_PROBLEMS_MAX) {
        /* The last entry says how many more there are. */
        htx_import_problem *more = &r->problems[r->problem_count - 1];
        snprintf(more->error.arg[0], sizeof more->error.arg[0], "%zu", ++r->problems_not_listed);
        return true;
    }
    htx_error summary;
    if (r->problem_count == HTX_IMPORT_PROBLEMS_MAX) {
        htx_fail(&summary, HTX_ERR_INVALID, MSG_IMPORT_MORE_PROBLEMS, NULL, "1", NULL);
        r->problems_not_listed = 1;
        e = &summary;
    }
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

/* A code of the usual form as a number (never 0), or 0: ten digits, then
 * maybe "-" and three. */
static uint64_t packed(const char *code)
{
    uint64_t n = 0;
    int i = 0;
    for (; i < 10; i++) {
        if (code[i] < '0' || code[i] > '9')
            return 0;
        n = n * 10 + (uint64_t)(code[i] - '0');
    }
    unsigned branch = 0;
    if (code[10] == '-') {
        for (i = 11; i < 14; i++) {
            if (code[i] < '0' || code[i] > '9')
                return 0;
            branch = branch * 10 + (unsigned)(code[i] - '0');
        }
        branch++; /* "-000" is not "" */
    }
    if (code[i] != '\0')
        return 0;
    return (n * 1001 + branch) + 1;
}

static size_t key_slot(const code_set *set, uint64_t key)
{
    size_t mask = set->key_cap - 1;
    uint64_t h = key * 0x9E3779B97F4A7C15ULL;
    for (size_t i = (size_t)(h >> 20) & mask;; i = (i + 1) & mask)
        if (set->keys[i] == 0 || set->keys[i] == key)
            return i;
}

static long key_add(code_set *set, uint64_t key, long line)
{
    /* Up to three quarters full: linear probing stays short. */
    if ((set->key_count + 1) * 4 > set->key_cap * 3) {
        size_t cap = set->key_cap ? set->key_cap * 2 : 4096;
        code_set bigger = {.keys = calloc(cap, sizeof(uint64_t)), .lines = malloc(cap * sizeof(uint32_t)),
                           .key_cap = cap};
        if (!bigger.keys || !bigger.lines) {
            free(bigger.keys);
            free(bigger.lines);
            return -1;
        }
        for (size_t i = 0; i < set->key_cap; i++)
            if (set->keys[i]) {
                size_t k = key_slot(&bigger, set->keys[i]);
                bigger.keys[k] = set->keys[i];
                bigger.lines[k] = set->lines[i];
            }
        free(set->keys);
        free(set->lines);
        set->keys = bigger.keys;
        set->lines = bigger.lines;
        set->key_cap = cap;
    }
    size_t k = key_slot(set, key);
    if (set->keys[k])
        return set->lines[k];
    set->keys[k] = key;
    set->lines[k] = line > (long)UINT32_MAX ? UINT32_MAX : (uint32_t)line;
    set->key_count++;
    return 0;
}

long imp_code_set_add(code_set *set, const char *code, long line)
{
    uint64_t key = packed(code);
    if (key)
        return key_add(set, key, line);
    if ((set->count + 1) * 2 > set->cap) {
        code_set bigger = {.slots = calloc(set->cap ? set->cap * 2 : 1024, sizeof(code_slot)),
                           .cap = set->cap ? set->cap * 2 : 1024};
        if (!bigger.slots)
            return -1;
        for (size_t i = 0; i < set->cap; i++)
            if (set->slots[i].code[0]) {
                *code_set_slot(&bigger, set->slots[i].code) = set->slots[i];
                bigger.count++;
            }
        free(set->slots);
        set->slots = bigger.slots;
        set->cap = bigger.cap;
        set->count = bigger.count;
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
    uint64_t key = packed(code);
    if (key)
        return set->key_cap > 0 && set->keys[key_slot(set, key)] == key;
    return set->cap > 0 && code_set_slot(set, code)->code[0] != '\0';
}

void imp_code_set_free(code_set *set)
{
    free(set->slots);
    free(set->keys);
    free(set->lines);
    memset(set, 0, sizeof *set);
}
