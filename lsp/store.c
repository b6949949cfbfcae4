/* SPDX-License-Identifier: MIT */
/* Lists the local Ollama store the way Ollama does (a glob of exactly four
 * levels under manifests/). Unreadable folders are skipped silently: the
 * store is optional. */
#include "store.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DEFAULT_HOST "registry.ollama.ai"

typedef struct {
    void (*cb)(void *ud, const char *name);
    void *ud;
    size_t n;
} walk_t;

static void emit(walk_t *w, const char *host, const char *ns, const char *model, const char *tag) {
    char name[600];
    if (strcmp(host, DEFAULT_HOST) == 0 && strcmp(ns, "library") == 0)
        snprintf(name, sizeof(name), "%s:%s", model, tag);
    else if (strcmp(host, DEFAULT_HOST) == 0)
        snprintf(name, sizeof(name), "%s/%s:%s", ns, model, tag);
    else
        snprintf(name, sizeof(name), "%s/%s/%s:%s", host, ns, model, tag);
    w->cb(w->ud, name);
    w->n++;
}

/* Visits the entries of dir (skipping dot files), descending `depth` more
 * levels; parts[] collects the path components. */
static void walk(walk_t *w, const char *dir, const char **parts, int level) {
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        parts[level] = e->d_name;
        if (level == 3) {
            emit(w, parts[0], parts[1], parts[2], parts[3]);
            continue;
        }
        char sub[4096];
        if (snprintf(sub, sizeof(sub), "%s/%s", dir, e->d_name) < (int)sizeof(sub))
            walk(w, sub, parts, level + 1);
    }
    closedir(d);
}

static void walk_root(walk_t *w, const char *root) {
    char dir[4096];
    const char *parts[4];
    if (snprintf(dir, sizeof(dir), "%s/manifests", root) < (int)sizeof(dir))
        walk(w, dir, parts, 0);
}

size_t lsp_store_list(void (*cb)(void *ud, const char *name), void *ud) {
    walk_t w = {cb, ud, 0};
    const char *env = getenv("OLLAMA_MODELS");
    if (env && *env) {
        walk_root(&w, env);
        return w.n;
    }
    const char *home = getenv("HOME");
    char root[4096];
    if (home && snprintf(root, sizeof(root), "%s/.ollama/models", home) < (int)sizeof(root))
        walk_root(&w, root);
    walk_root(&w, "/usr/share/ollama/.ollama/models");
    return w.n;
}
