/* SPDX-License-Identifier: MIT */
/* The open documents: URI, version, the core's document (text and tree,
 * edited incrementally), the cached lint result and the debounce timer. */
#ifndef LSP_DOCSTORE_H
#define LSP_DOCSTORE_H

#include "mfl.h"

#include <stdbool.h>
#include <stdint.h>
#include <uv.h>

typedef struct lsp_docstore lsp_docstore_t;

typedef struct lsp_doc {
    struct lsp_doc *next;
    lsp_docstore_t *store;
    char *uri;
    char *path; /* local path for file: URIs, else NULL */
    char *dir;  /* folder of path, else NULL */
    int64_t version;
    mfl_doc_t *doc;
    uv_timer_t timer;
    uint64_t gen;         /* bumped by every edit */
    mfl_result_t *result; /* lint result of generation result_gen, or NULL */
    uint64_t result_gen;
    mfl_config_t *config;   /* the effective config of the last lint, owned */
    const void *config_src; /* the loaded config it was made from, */
    uint64_t config_gen;    /* at this lsp_server_t.config_gen */
} lsp_doc_t;

typedef void (*lsp_doc_cb)(lsp_doc_t *doc, void *ud);

struct lsp_docstore {
    uv_loop_t *loop;
    lsp_doc_t *head;
    size_t count;
    size_t closing; /* documents whose timer is still closing */
    lsp_doc_cb on_timer;
    void *ud;
};

void lsp_docstore_init(lsp_docstore_t *s, uv_loop_t *loop, lsp_doc_cb on_timer, void *ud);
/* Closes every document; their memory is freed in the timers' close
 * callbacks, so run the loop afterwards. */
void lsp_docstore_cleanup(lsp_docstore_t *s);

/* Opens (or reopens, replacing) uri with text. Returns a borrowed document,
 * valid until lsp_docstore_close(), or NULL when out of memory. */
lsp_doc_t *lsp_docstore_open(lsp_docstore_t *s, const char *uri, int64_t version, const char *text,
                             size_t len);
/* Borrowed, or NULL if uri is not open. */
lsp_doc_t *lsp_docstore_find(lsp_docstore_t *s, const char *uri);
/* Forgets the document; the pointer is invalid afterwards. */
void lsp_docstore_close(lsp_docstore_t *s, lsp_doc_t *doc);

/* Replaces [start, end) with text and reparses incrementally. Returns 0 or
 * a negative MFL_E* code (the document is then unchanged). */
int lsp_docstore_edit(lsp_doc_t *doc, uint32_t start, uint32_t end, const char *text, size_t len);
/* Replaces the whole text. Returns 0 or MFL_ENOMEM. */
int lsp_docstore_replace(lsp_doc_t *doc, const char *text, size_t len);

/* Takes ownership of res as the lint result of the current generation. */
void lsp_docstore_set_result(lsp_doc_t *doc, mfl_result_t *res);
/* The cached result of the current generation (borrowed), or NULL. */
mfl_result_t *lsp_docstore_result(lsp_doc_t *doc);

/* (Re)arms the debounce timer: on_timer runs once, ms after the last call. */
void lsp_docstore_schedule(lsp_doc_t *doc, uint64_t ms);
void lsp_docstore_cancel(lsp_doc_t *doc);

#endif
