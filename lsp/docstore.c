/* SPDX-License-Identifier: MIT */
/* Open documents in a list (a handful are open at a time). Each document
 * embeds its debounce timer, so its memory is released only in the timer's
 * close callback. */
#include "docstore.h"

#include "convert.h"

#include <string.h>

void lsp_docstore_init(lsp_docstore_t *s, uv_loop_t *loop, lsp_doc_cb on_timer, void *ud) {
    memset(s, 0, sizeof(*s));
    s->loop = loop;
    s->on_timer = on_timer;
    s->ud = ud;
}

static void free_doc(lsp_doc_t *d) {
    mfl_result_free(d->result);
    mfl_config_free(d->config);
    mfl_doc_free(d->doc);
    mfl_free(d->uri);
    mfl_free(d->path);
    mfl_free(d->dir);
    mfl_free(d);
}

static void on_timer_closed(uv_handle_t *h) {
    lsp_doc_t *d = h->data;
    d->store->closing--;
    free_doc(d);
}

static void unlink_doc(lsp_docstore_t *s, lsp_doc_t *doc) {
    for (lsp_doc_t **pp = &s->head; *pp; pp = &(*pp)->next) {
        if (*pp == doc) {
            *pp = doc->next;
            s->count--;
            return;
        }
    }
}

void lsp_docstore_close(lsp_docstore_t *s, lsp_doc_t *doc) {
    unlink_doc(s, doc);
    s->closing++;
    uv_timer_stop(&doc->timer);
    uv_close((uv_handle_t *)&doc->timer, on_timer_closed);
}

void lsp_docstore_cleanup(lsp_docstore_t *s) {
    while (s->head) lsp_docstore_close(s, s->head);
}

lsp_doc_t *lsp_docstore_find(lsp_docstore_t *s, const char *uri) {
    if (!uri) return NULL;
    for (lsp_doc_t *d = s->head; d; d = d->next)
        if (strcmp(d->uri, uri) == 0) return d;
    return NULL;
}

static void timer_cb(uv_timer_t *t) {
    lsp_doc_t *d = t->data;
    if (d->store->on_timer) d->store->on_timer(d, d->store->ud);
}

lsp_doc_t *lsp_docstore_open(lsp_docstore_t *s, const char *uri, int64_t version, const char *text,
                             size_t len) {
    lsp_doc_t *old = lsp_docstore_find(s, uri);
    if (old) lsp_docstore_close(s, old);
    lsp_doc_t *d = mfl_calloc(1, sizeof(*d));
    if (!d) return NULL;
    d->store = s;
    d->uri = mfl_strndup(uri, strlen(uri));
    d->doc = mfl_doc_new(text, len);
    d->path = lsp_convert_uri_to_path(uri);
    d->dir = d->path ? lsp_convert_path_dir(d->path) : NULL;
    d->version = version;
    if (!d->uri || !d->doc || (d->path && !d->dir) || uv_timer_init(s->loop, &d->timer) != 0) {
        free_doc(d);
        return NULL;
    }
    d->timer.data = d;
    d->next = s->head;
    s->head = d;
    s->count++;
    return d;
}

static void invalidate(lsp_doc_t *doc) {
    doc->gen++;
    mfl_result_free(doc->result);
    doc->result = NULL;
}

int lsp_docstore_edit(lsp_doc_t *doc, uint32_t start, uint32_t end, const char *text, size_t len) {
    int rc = mfl_doc_edit(doc->doc, start, end, text, len);
    if (rc == 0) invalidate(doc);
    return rc;
}

int lsp_docstore_replace(lsp_doc_t *doc, const char *text, size_t len) {
    mfl_doc_t *nd = mfl_doc_new(text, len);
    if (!nd) return MFL_ENOMEM;
    mfl_doc_free(doc->doc);
    doc->doc = nd;
    invalidate(doc);
    return 0;
}

void lsp_docstore_set_result(lsp_doc_t *doc, mfl_result_t *res) {
    mfl_result_free(doc->result);
    doc->result = res;
    doc->result_gen = doc->gen;
}

mfl_result_t *lsp_docstore_result(lsp_doc_t *doc) {
    return doc->result && doc->result_gen == doc->gen ? doc->result : NULL;
}

void lsp_docstore_schedule(lsp_doc_t *doc, uint64_t ms) {
    uv_timer_start(&doc->timer, timer_cb, ms, 0);
}

void lsp_docstore_cancel(lsp_doc_t *doc) { uv_timer_stop(&doc->timer); }
