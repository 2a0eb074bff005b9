#include "path_complete.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "collate.h"
#include "text.h"

#define MAX_CHOICES 200

static bool usable_name(const char *name)
{
    if (htx_utf8_invalid_at(name, strlen(name)) >= 0)
        return false;
    char *nfc = htx_text_nfc(name);
    bool same = nfc && strcmp(nfc, name) == 0;
    free(nfc);
    return same;
}

static int by_vietnamese_order(const void *a, const void *b)
{
    return htx_collate_compare(*(char *const *)a, *(char *const *)b);
}

/* The length of the prefix every choice shares, on a character boundary. */
static size_t common_prefix(char **choices, size_t count)
{
    size_t n = strlen(choices[0]);
    for (size_t i = 1; i < count; i++) {
        size_t k = 0;
        while (k < n && choices[i][k] == choices[0][k])
            k++;
        n = k;
    }
    while (n > 0 && ((unsigned char)choices[0][n] & 0xC0) == 0x80)
        n--;
    return n;
}

static bool is_directory(const char *dir, const char *name)
{
    size_t len = strlen(dir) + strlen(name) + 2;
    char *full = malloc(len);
    if (!full)
        return false;
    strcpy(full, dir);
    strcat(full, "/");
    strcat(full, name);
    struct stat st;
    bool yes = stat(full, &st) == 0 && S_ISDIR(st.st_mode);
    free(full);
    return yes;
}

/* The matching names of dir, into out->choices. */
static bool collect(const char *dir, const char *prefix, path_completion *out)
{
    DIR *d = opendir(dir);
    if (!d)
        return false;
    size_t prefix_len = strlen(prefix);
    out->choices = calloc(MAX_CHOICES, sizeof *out->choices);
    struct dirent *e;
    while (out->choices && out->choice_count < MAX_CHOICES && (e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        /* Hidden files only when asked for, as shells do. */
        if (e->d_name[0] == '.' && prefix[0] != '.')
            continue;
        if (strncmp(e->d_name, prefix, prefix_len) != 0 || !usable_name(e->d_name))
            continue;
        char *name = strdup(e->d_name);
        if (!name)
            break;
        out->choices[out->choice_count++] = name;
    }
    closedir(d);
    return out->choice_count > 0;
}

bool path_complete(const char *typed, path_completion *out)
{
    memset(out, 0, sizeof *out);
    const char *slash = strrchr(typed, '/');
    size_t dir_len = slash ? (size_t)(slash - typed) + 1 : 0;
    char *dir = slash ? strndup(typed, dir_len) : strdup(".");
    if (!dir)
        return false;
    /* "/x" lists "/", "a/x" lists "a/". */
    bool found = collect(dir_len > 0 ? dir : ".", typed + dir_len, out);
    if (found) {
        qsort(out->choices, out->choice_count, sizeof *out->choices, by_vietnamese_order);
        size_t shared = common_prefix(out->choices, out->choice_count);
        bool lone_dir = out->choice_count == 1 && is_directory(dir_len > 0 ? dir : ".", out->choices[0]);
        out->text = malloc(dir_len + shared + 2);
        if (out->text) {
            memcpy(out->text, typed, dir_len);
            memcpy(out->text + dir_len, out->choices[0], shared);
            strcpy(out->text + dir_len + shared, lone_dir ? "/" : "");
        }
    }
    free(dir);
    if (!found)
        path_completion_free(out);
    return found;
}

void path_completion_free(path_completion *c)
{
    for (size_t i = 0; i < c->choice_count; i++)
        free(c->choices[i]);
    free(c->choices);
    free(c->text);
    memset(c, 0, sizeof *c);
}
