/* SPDX-License-Identifier: MIT */
/* mfl-bench-floor: the floors modelfile-lint's throughput is compared with.
 * Not a test; built only with -DMFL_BUILD_BENCH=ON.
 *
 *   mfl-bench-floor MODE [-j N] PATH...
 *
 * MODE: read  - discover and read every file as the CLI does (the in-process
 *               I/O floor);
 *       parse - read, then parse with the same tree-sitter parser (one parser
 *               per thread, reused; the parsing floor);
 *       doc   - read, then mfl_doc_new (decode + parse + lowering), no rules.
 * Directories are searched like the CLI does (same names, hidden skipped,
 * sorted). Prints "files bytes" on stdout. */
#define _GNU_SOURCE
#include "mfl.h"
#include "mfl_io.h"

#include <dirent.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <tree_sitter/api.h>
#include <unistd.h>

#include "tree-sitter-modelfile.h"

enum { M_READ, M_PARSE, M_DOC, M_BATCH };

static char **paths;
static size_t n_paths, cap_paths;
static int mode;
static atomic_size_t next_file;
static atomic_size_t total_bytes;

static void add(const char *p) {
    if (n_paths == cap_paths) {
        cap_paths = cap_paths ? cap_paths * 2 : 1024;
        paths = realloc(paths, cap_paths * sizeof *paths);
        if (!paths) abort();
    }
    paths[n_paths++] = strdup(p);
}

static int is_modelfile_name(const char *name) {
    size_t n = strlen(name);
    return strcmp(name, "Modelfile") == 0 || strncmp(name, "Modelfile.", 10) == 0 ||
           (n > 10 && (strcmp(name + n - 10, ".Modelfile") == 0 ||
                       strcmp(name + n - 10, ".modelfile") == 0));
}

static int cmp_name(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void walk(const char *dir) {
    DIR *d = opendir(dir);
    if (!d) return;
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.') continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 32;
            names = realloc(names, cap * sizeof *names);
            if (!names) abort();
        }
        names[n++] = strdup(e->d_name);
    }
    closedir(d);
    qsort(names, n, sizeof *names, cmp_name);
    for (size_t i = 0; i < n; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        struct stat st;
        if (lstat(path, &st) == 0) {
            if (S_ISDIR(st.st_mode)) walk(path);
            else if (S_ISREG(st.st_mode) && is_modelfile_name(names[i])) add(path);
        }
        free(names[i]);
    }
    free(names);
}

static void *worker(void *arg) {
    (void)arg;
    TSParser *p = ts_parser_new();
    ts_parser_set_language(p, tree_sitter_modelfile());
    size_t bytes = 0;
    for (;;) {
        size_t i = atomic_fetch_add(&next_file, 1);
        if (i >= n_paths) break;
        char *src, err[512];
        size_t len;
        if (mfl_io_read_file(paths[i], 0, &src, &len, err, sizeof err)) {
            fprintf(stderr, "%s\n", err);
            continue;
        }
        bytes += len;
        if (mode == M_PARSE) {
            TSTree *t = ts_parser_parse_string(p, NULL, src, (uint32_t)len);
            ts_tree_delete(t);
        } else if (mode == M_DOC) {
            mfl_doc_free(mfl_doc_new(src, len));
        } else if (mode == M_BATCH) {
            mfl_doc_free(mfl_doc_new_batch(src, len));
        }
        mfl_free(src);
    }
    ts_parser_delete(p);
    atomic_fetch_add(&total_bytes, bytes);
    return NULL;
}

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: mfl-bench-floor read|parse|doc|batch [-j N] PATH...\n");
        return 2;
    }
    if (!strcmp(argv[1], "read")) mode = M_READ;
    else if (!strcmp(argv[1], "parse")) mode = M_PARSE;
    else if (!strcmp(argv[1], "doc")) mode = M_DOC;
    else if (!strcmp(argv[1], "batch")) mode = M_BATCH;
    else {
        fprintf(stderr, "mfl-bench-floor: unknown mode %s\n", argv[1]);
        return 2;
    }
    int jobs = 1, i = 2;
    if (i + 1 < argc && !strcmp(argv[i], "-j")) {
        jobs = atoi(argv[i + 1]);
        i += 2;
    }
    if (jobs < 1) jobs = 1;
    if (jobs > 64) jobs = 64;
    for (; i < argc; i++) {
        struct stat st;
        if (stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode)) walk(argv[i]);
        else add(argv[i]);
    }
    pthread_t th[64];
    for (int k = 1; k < jobs; k++) pthread_create(&th[k], NULL, worker, NULL);
    worker(NULL);
    for (int k = 1; k < jobs; k++) pthread_join(th[k], NULL);
    printf("%zu %zu\n", n_paths, (size_t)atomic_load(&total_bytes));
    return 0;
}
