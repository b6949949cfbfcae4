/* SPDX-License-Identifier: MIT */
/* uv-lite: the loop of uv.h in this folder, for the WebAssembly server. */
#include "uv.h"

#include "mfl.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

enum { F_ACTIVE = 1, F_CLOSING = 2 };
#define WATCH_INTERVAL_MS 1000u

uint64_t uv_hrtime(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static void update_time(uv_loop_t *loop) { loop->time = uv_hrtime() / 1000000u; }

uint64_t uv_now(const uv_loop_t *loop) { return loop->time; }

int uv_loop_init(uv_loop_t *loop) {
    memset(loop, 0, sizeof(*loop));
    update_time(loop);
    return 0;
}

int uv_loop_close(uv_loop_t *loop) { return loop->handles ? UV_EBUSY : 0; }

static void handle_init(uv_loop_t *loop, uv_handle_t *h, uv_handle_type type) {
    memset(h, 0, sizeof(*h));
    h->loop = loop;
    h->type = type;
    h->next_handle = loop->handles;
    loop->handles = h;
}

void uv_close(uv_handle_t *h, uv_close_cb cb) {
    if (h->flags & F_CLOSING) return;
    h->flags = (h->flags & ~(unsigned)F_ACTIVE) | F_CLOSING;
    h->close_cb = cb;
    if (h->type == UV_FS_EVENT) {
        uv_fs_event_t *e = (uv_fs_event_t *)h;
        mfl_free(e->path);
        e->path = NULL;
    }
}

int uv_is_closing(const uv_handle_t *h) { return (h->flags & F_CLOSING) != 0; }
int uv_is_active(const uv_handle_t *h) { return (h->flags & F_ACTIVE) != 0; }

int uv_timer_init(uv_loop_t *loop, uv_timer_t *t) {
    handle_init(loop, (uv_handle_t *)t, UV_TIMER);
    return 0;
}

int uv_timer_start(uv_timer_t *t, uv_timer_cb cb, uint64_t timeout, uint64_t repeat) {
    if (t->flags & F_CLOSING) return UV_EINVAL;
    t->cb = cb;
    t->due = t->loop->time + timeout;
    t->repeat = repeat;
    t->flags |= F_ACTIVE;
    return 0;
}

int uv_timer_stop(uv_timer_t *t) {
    t->flags &= ~(unsigned)F_ACTIVE;
    return 0;
}

int uv_check_init(uv_loop_t *loop, uv_check_t *c) {
    handle_init(loop, (uv_handle_t *)c, UV_CHECK);
    return 0;
}

int uv_check_start(uv_check_t *c, uv_check_cb cb) {
    if (c->flags & F_CLOSING) return UV_EINVAL;
    c->cb = cb;
    c->flags |= F_ACTIVE;
    return 0;
}

int uv_check_stop(uv_check_t *c) {
    c->flags &= ~(unsigned)F_ACTIVE;
    return 0;
}

/* A folder's signature: modification time and size. */
static int signature(const char *path, int64_t *sec, int64_t *nsec, int64_t *size) {
    struct stat st;
    if (stat(path, &st) != 0) {
        *sec = *nsec = *size = -1;
        return -1;
    }
    *sec = (int64_t)st.st_mtim.tv_sec;
    *nsec = (int64_t)st.st_mtim.tv_nsec;
    *size = (int64_t)st.st_size;
    return 0;
}

int uv_fs_event_init(uv_loop_t *loop, uv_fs_event_t *e) {
    handle_init(loop, (uv_handle_t *)e, UV_FS_EVENT);
    return 0;
}

int uv_fs_event_start(uv_fs_event_t *e, uv_fs_event_cb cb, const char *path, unsigned flags) {
    (void)flags;
    if (e->flags & F_CLOSING) return UV_EINVAL;
    if (!(e->path = mfl_strndup(path, strlen(path)))) return UV_ENOMEM;
    if (signature(path, &e->mtime_sec, &e->mtime_nsec, &e->size) != 0) {
        mfl_free(e->path);
        e->path = NULL;
        return UV_ENOENT;
    }
    e->cb = cb;
    e->next_check = e->loop->time + WATCH_INTERVAL_MS;
    e->flags |= F_ACTIVE;
    return 0;
}

int uv_fs_stat(uv_loop_t *loop, uv_fs_t *req, const char *path, uv_fs_cb cb) {
    (void)loop;
    memset(req, 0, sizeof(*req));
    if (cb) return UV_ENOSYS;
    struct stat st;
    if (stat(path, &st) != 0) {
        req->result = -errno;
        return (int)req->result;
    }
    req->statbuf.st_size = (uint64_t)st.st_size;
    req->statbuf.st_mode = (uint64_t)st.st_mode;
    req->statbuf.st_mtim.tv_sec = (long)st.st_mtim.tv_sec;
    req->statbuf.st_mtim.tv_nsec = (long)st.st_mtim.tv_nsec;
    return 0;
}

void uv_fs_req_cleanup(uv_fs_t *req) { (void)req; }

const char *uv_strerror(int err) {
    switch (err) {
    case UV_ENOMEM: return "not enough memory";
    case UV_EBADF: return "bad file descriptor";
    case UV_EPIPE: return "broken pipe";
    case UV_EIO: return "i/o error";
    case UV_EINVAL: return "invalid argument";
    case UV_ENOSYS: return "function not implemented";
    case UV_EBUSY: return "resource busy or locked";
    case UV_ENOENT: return "no such file or directory";
    case UV_EOF: return "end of file";
    default: return "unknown error";
    }
}

int uv_replace_allocator(uv_malloc_func m, uv_realloc_func r, uv_calloc_func c, uv_free_func f) {
    (void)m;
    (void)r;
    (void)c;
    (void)f;
    return 0;
}

/* ---- the loop ---------------------------------------------------------------- */

static bool any_active(uv_loop_t *loop, uv_handle_type type) {
    for (uv_handle_t *h = loop->handles; h; h = h->next_handle)
        if ((h->flags & F_ACTIVE) && (type == UV_UNKNOWN_HANDLE || h->type == type)) return true;
    return false;
}

static bool any_closing(uv_loop_t *loop) {
    for (uv_handle_t *h = loop->handles; h; h = h->next_handle)
        if (h->flags & F_CLOSING) return true;
    return false;
}

static bool alive(uv_loop_t *loop) {
    return loop->poll != NULL || any_active(loop, UV_UNKNOWN_HANDLE) || any_closing(loop);
}

int uv_lite_next_timeout(uv_loop_t *loop) {
    if (any_active(loop, UV_CHECK) || any_closing(loop)) return 0;
    int64_t best = -1;
    for (uv_handle_t *h = loop->handles; h; h = h->next_handle) {
        if (!(h->flags & F_ACTIVE)) continue;
        uint64_t due;
        if (h->type == UV_TIMER)
            due = ((uv_timer_t *)h)->due;
        else if (h->type == UV_FS_EVENT)
            due = ((uv_fs_event_t *)h)->next_check;
        else
            continue;
        int64_t left = due > loop->time ? (int64_t)(due - loop->time) : 0;
        if (best < 0 || left < best) best = left;
    }
    return best > 0x7fffffff ? 0x7fffffff : (int)best;
}

/* Handles of one kind that are active now: callbacks may start, stop or
 * close any handle, so the list is copied first (in order). */
#define SNAPSHOT_MAX 256
static size_t snapshot(uv_loop_t *loop, uv_handle_type type, uv_handle_t **out) {
    size_t n = 0;
    for (uv_handle_t *h = loop->handles; h && n < SNAPSHOT_MAX; h = h->next_handle)
        if ((h->flags & F_ACTIVE) && h->type == type) out[n++] = h;
    return n;
}

static bool still_active(uv_loop_t *loop, uv_handle_t *h) {
    for (uv_handle_t *x = loop->handles; x; x = x->next_handle)
        if (x == h) return (h->flags & F_ACTIVE) != 0;
    return false;
}

static void run_timers(uv_loop_t *loop) {
    uv_handle_t *hs[SNAPSHOT_MAX];
    size_t n = snapshot(loop, UV_TIMER, hs);
    for (size_t i = 0; i < n; i++) {
        uv_timer_t *t = (uv_timer_t *)hs[i];
        if (!still_active(loop, hs[i]) || t->due > loop->time) continue;
        if (t->repeat)
            t->due = loop->time + t->repeat;
        else
            t->flags &= ~(unsigned)F_ACTIVE;
        t->cb(t);
    }
}

static void run_watchers(uv_loop_t *loop) {
    uv_handle_t *hs[SNAPSHOT_MAX];
    size_t n = snapshot(loop, UV_FS_EVENT, hs);
    for (size_t i = 0; i < n; i++) {
        uv_fs_event_t *e = (uv_fs_event_t *)hs[i];
        if (!still_active(loop, hs[i]) || e->next_check > loop->time) continue;
        e->next_check = loop->time + WATCH_INTERVAL_MS;
        int64_t sec, nsec, size;
        signature(e->path, &sec, &nsec, &size);
        if (sec == e->mtime_sec && nsec == e->mtime_nsec && size == e->size) continue;
        e->mtime_sec = sec;
        e->mtime_nsec = nsec;
        e->size = size;
        e->cb(e, NULL, UV_CHANGE, 0);
    }
}

static void run_checks(uv_loop_t *loop) {
    uv_handle_t *hs[SNAPSHOT_MAX];
    size_t n = snapshot(loop, UV_CHECK, hs);
    for (size_t i = 0; i < n; i++)
        if (still_active(loop, hs[i])) ((uv_check_t *)hs[i])->cb((uv_check_t *)hs[i]);
}

static void run_closing(uv_loop_t *loop) {
    for (;;) {
        uv_handle_t **link = &loop->handles, *h = NULL;
        for (; *link; link = &(*link)->next_handle)
            if ((*link)->flags & F_CLOSING) {
                h = *link;
                break;
            }
        if (!h) return;
        /* Unlinked first: the callback may free the handle. */
        *link = h->next_handle;
        if (h->close_cb) h->close_cb(h);
    }
}

static void pause_ms(int ms) {
    struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000L};
    nanosleep(&ts, NULL);
}

int uv_run(uv_loop_t *loop, uv_run_mode mode) {
    loop->stop = false;
    for (;;) {
        update_time(loop);
        run_timers(loop);
        run_watchers(loop);
        if (!alive(loop)) break;
        int timeout = mode == UV_RUN_NOWAIT ? 0 : uv_lite_next_timeout(loop);
        if (loop->poll)
            loop->poll(loop, timeout, loop->poll_ud);
        else if (timeout > 0)
            pause_ms(timeout);
        update_time(loop);
        run_checks(loop);
        run_closing(loop);
        if (mode != UV_RUN_DEFAULT || loop->stop) break;
    }
    return alive(loop);
}
