/* SPDX-License-Identifier: MIT */
/* What macOS spells differently from POSIX.1-2008, for os_posix.c only (the
 * one place that reads a `struct stat`). libuv does the same in
 * src/unix/fs.c (uv__to_stat): Darwin names the nanosecond times
 * st_mtimespec (POSIX: st_mtim), and exposes them, like d_type and
 * fchmod, only with _DARWIN_C_SOURCE, which os_posix.c defines first.
 * tests/unit/test_os.c compiles these macros against a struct laid out as
 * Darwin's, so a typo here fails on Linux too. */
#ifndef MFL_OS_APPLE_H
#define MFL_OS_APPLE_H

#define MFL_ST_MTIME_SEC(st) ((st)->st_mtimespec.tv_sec)
#define MFL_ST_MTIME_NSEC(st) ((st)->st_mtimespec.tv_nsec)

#endif
