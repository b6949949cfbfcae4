/* SPDX-License-Identifier: MIT */
/* The part of libuv's API the language server uses, for WebAssembly (WASI),
 * where libuv does not build: a single-threaded loop with timers, check
 * handles, file-system watchers that poll (WASI has no change events) and
 * one input source, the blocking stdio transport (transport_stdio.c).
 * The server's code (server.c, docstore.c, handlers.c) compiles against
 * this header unchanged; only the WASI build puts this folder on the include
 * path. Semantics follow libuv's: one loop iteration runs due timers, waits
 * for input (no longer than the next timer, not at all while a check handle
 * is active), runs check handles, then close callbacks. */
#ifndef MFL_WASI_UV_H
#define MFL_WASI_UV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#ifdef __cplusplus
extern "C" {
#endif

enum {
    UV_E2BIG = -7,
    UV_EACCES = -13,
    UV_EAGAIN = -11,
    UV_EBADF = -9,
    UV_EBUSY = -16,
    UV_EINTR = -4,
    UV_EINVAL = -22,
    UV_EIO = -5,
    UV_ENOENT = -2,
    UV_ENOMEM = -12,
    UV_ENOSYS = -38,
    UV_EPIPE = -32,
    UV_EOF = -4095
};

typedef enum {
    UV_UNKNOWN_HANDLE = 0,
    UV_CHECK,
    UV_FS_EVENT,
    UV_NAMED_PIPE,
    UV_TCP,
    UV_TIMER,
    UV_TTY,
    UV_FILE
} uv_handle_type;

typedef enum { UV_RUN_DEFAULT = 0, UV_RUN_ONCE, UV_RUN_NOWAIT } uv_run_mode;

typedef struct uv_loop_s uv_loop_t;
typedef struct uv_handle_s uv_handle_t;
typedef struct uv_timer_s uv_timer_t;
typedef struct uv_check_s uv_check_t;
typedef struct uv_fs_event_s uv_fs_event_t;
typedef struct uv_fs_s uv_fs_t;

typedef void (*uv_close_cb)(uv_handle_t *handle);
typedef void (*uv_timer_cb)(uv_timer_t *handle);
typedef void (*uv_check_cb)(uv_check_t *handle);
typedef void (*uv_fs_event_cb)(uv_fs_event_t *handle, const char *filename, int events, int status);
typedef void (*uv_fs_cb)(uv_fs_t *req);

enum uv_fs_event { UV_RENAME = 1, UV_CHANGE = 2 };

/* The loop's one input source: waits up to timeout_ms (-1: no limit, 0: do
 * not wait) for input and handles what arrives. */
typedef void (*uv_lite_poll_fn)(uv_loop_t *loop, int timeout_ms, void *ud);

struct uv_loop_s {
    void *data;
    uv_handle_t *handles; /* every initialised handle not yet closed */
    uint64_t time;        /* ms, updated at the start of each iteration */
    bool stop;
    uv_lite_poll_fn poll; /* set while the transport reads */
    void *poll_ud;
};

#define UV_LITE_HANDLE_FIELDS \
    void *data;               \
    uv_loop_t *loop;          \
    uv_handle_type type;      \
    unsigned flags;           \
    uv_close_cb close_cb;     \
    uv_handle_t *next_handle;

struct uv_handle_s {
    UV_LITE_HANDLE_FIELDS
};

struct uv_timer_s {
    UV_LITE_HANDLE_FIELDS
    uv_timer_cb cb;
    uint64_t due, repeat;
};

struct uv_check_s {
    UV_LITE_HANDLE_FIELDS
    uv_check_cb cb;
};

struct uv_fs_event_s {
    UV_LITE_HANDLE_FIELDS
    uv_fs_event_cb cb;
    char *path;
    uint64_t next_check;                 /* ms */
    int64_t mtime_sec, mtime_nsec, size; /* the folder as last seen */
};

typedef struct {
    long tv_sec;
    long tv_nsec;
} uv_timespec_t;

typedef struct {
    uint64_t st_size;
    uint64_t st_mode;
    uv_timespec_t st_mtim;
} uv_stat_t;

struct uv_fs_s {
    void *data;
    ssize_t result;
    uv_stat_t statbuf;
};

int uv_loop_init(uv_loop_t *loop);
int uv_loop_close(uv_loop_t *loop);
int uv_run(uv_loop_t *loop, uv_run_mode mode);
/* uv-lite only: ms until the next timer or watcher check is due (0 when a
 * check handle is active), or -1 when nothing is scheduled. */
int uv_lite_next_timeout(uv_loop_t *loop);
uint64_t uv_now(const uv_loop_t *loop);
uint64_t uv_hrtime(void);

void uv_close(uv_handle_t *handle, uv_close_cb close_cb);
int uv_is_closing(const uv_handle_t *handle);
int uv_is_active(const uv_handle_t *handle);

int uv_timer_init(uv_loop_t *loop, uv_timer_t *handle);
int uv_timer_start(uv_timer_t *handle, uv_timer_cb cb, uint64_t timeout, uint64_t repeat);
int uv_timer_stop(uv_timer_t *handle);

int uv_check_init(uv_loop_t *loop, uv_check_t *check);
int uv_check_start(uv_check_t *check, uv_check_cb cb);
int uv_check_stop(uv_check_t *check);

/* Watches a folder by polling its modification time and size (once a
 * second): WASI has no change notifications. */
int uv_fs_event_init(uv_loop_t *loop, uv_fs_event_t *handle);
int uv_fs_event_start(uv_fs_event_t *handle, uv_fs_event_cb cb, const char *path, unsigned flags);

/* Synchronous only (cb must be NULL). */
int uv_fs_stat(uv_loop_t *loop, uv_fs_t *req, const char *path, uv_fs_cb cb);
void uv_fs_req_cleanup(uv_fs_t *req);

const char *uv_strerror(int err);
typedef void *(*uv_malloc_func)(size_t size);
typedef void *(*uv_realloc_func)(void *ptr, size_t size);
typedef void *(*uv_calloc_func)(size_t count, size_t size);
typedef void (*uv_free_func)(void *ptr);
int uv_replace_allocator(uv_malloc_func m, uv_realloc_func r, uv_calloc_func c, uv_free_func f);

#ifdef __cplusplus
}
#endif
#endif
