/* SPDX-License-Identifier: MIT */
/* lint/io: the I/O half shared by the CLI and the language server: reading
 * files, atomic writes, config files. The core (lint/src) never includes this.
 *
 * Errors, as in the core (mfl.h) and libuv: a function that can fail returns
 * 0, or a non-negative answer where it says so, and a negative MFL_E* code on
 * failure (mfl_strerror names it); where a file is involved it also writes
 * "path: reason" into err. Functions returning a pointer return NULL on
 * failure. Passing NULL where a pointer is required is a caller bug, caught
 * by assert() (compiled out with NDEBUG). mfl_os.h, the platform layer under
 * lint/io, keeps POSIX's convention (-1 and errno) on purpose. */
#ifndef MFL_IO_H
#define MFL_IO_H

#include "mfl.h"

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

/* Reads a whole regular file (refuses devices, FIFOs and directories, and
 * files over max_bytes when max_bytes > 0). Returns 0 with a new buffer
 * (mfl_free), or MFL_ENOENT, MFL_EACCES, MFL_ENOTREG, MFL_EFBIG, MFL_ENOMEM
 * or MFL_EIO with "path: reason" in err. */
int mfl_io_read_file(const char *path, size_t max_bytes, char **buf, size_t *len, char *err,
                     size_t errsz);

/* Replaces the file at path (following a symlink to its target) with buf:
 * temporary file in the same folder, fsync, rename; keeps the mode. If
 * expect/expect_len is non-NULL the file must still hold exactly those bytes.
 * Returns 0, or a negative code with "path: reason" in err (the original is
 * untouched): MFL_ENOTREG, MFL_EACCES (read-only), MFL_ECHANGED (it no longer
 * holds expect), MFL_EIO (writing failed), or one of mfl_io_read_file's. */
int mfl_io_write_atomic(const char *path, const char *buf, size_t len, const char *expect,
                        size_t expect_len, char *err, size_t errsz);

/* Configuration file (.modelfile-lint.json). */
#define MFL_CONFIG_FILENAME ".modelfile-lint.json"

typedef struct mfl_io_config mfl_io_config_t;

/* Walks up from dir looking for MFL_CONFIG_FILENAME. Returns 0 and the path
 * in out, or MFL_ENOENT if there is none. */
int mfl_io_config_find(const char *dir, char *out, size_t outsz);

/* Loads a config file into a new mfl_io_config_t (mfl_io_config_free).
 * Returns NULL with "path:line:col: message" in err on any error. */
mfl_io_config_t *mfl_io_config_load(const char *path, char *err, size_t errsz);
/* Loads a config file on top of base (editor settings underneath a
 * project's file: the file's keys win, the others come from base). base is
 * borrowed and may be NULL. Errors as mfl_io_config_load. */
mfl_io_config_t *mfl_io_config_load_over(const mfl_io_config_t *base, const char *path, char *err,
                                         size_t errsz);
/* Same, from a JSON text already in memory (LSP settings). `origin` names it
 * in error messages. */
mfl_io_config_t *mfl_io_config_parse(const char *json, size_t len, const char *origin, char *err,
                                     size_t errsz);
/* A config with defaults only. */
mfl_io_config_t *mfl_io_config_default(void);
void mfl_io_config_free(mfl_io_config_t *c);
/* The core config (borrowed, owned by c). */
mfl_config_t *mfl_io_config_core(mfl_io_config_t *c);
/* Applies the config's per-path ignores for `path` to out_core (a copy of
 * the config's core made with mfl_config_clone). Returns 0 or MFL_EINVAL. */
int mfl_io_config_for_path(const mfl_io_config_t *c, const char *path, mfl_config_t *out_core);
/* The "models" section (borrowed; NULL if absent). */
json_t *mfl_io_config_models(const mfl_io_config_t *c);
/* Fills a budget from a named hardware profile. Returns 0, or MFL_EINVAL for
 * an unknown name. */
int mfl_io_apply_hardware(mfl_budget_t *b, const char *name);
/* The folder the config file sits in ("" for defaults). */
const char *mfl_io_config_dir(const mfl_io_config_t *c);

/* The folder walk's settings (see mfl_io_ignore.h): the config's "exclude"
 * (NULL when the key is absent: the defaults apply) and "extend-exclude"
 * (NULL when absent), patterns relative to the config's folder; and
 * "respect-gitignore" (-1 absent, else 0 or 1: a value, not an error).
 * Borrowed from c. */
struct mfl_ignore_s;
const struct mfl_ignore_s *mfl_io_config_exclude(const mfl_io_config_t *c);
const struct mfl_ignore_s *mfl_io_config_extend_exclude(const mfl_io_config_t *c);
int mfl_io_config_respect_gitignore(const mfl_io_config_t *c);

/* selectors.c: copies into out the first selector (code, name or prefix)
 * of a comma- or space-separated list that names no rule. Returns 1 if
 * there is one, 0 if every selector names a rule, MFL_ENOMEM. */
int mfl_io_unknown_selector(const char *list, char *out, size_t outsz);

/* jsonpos.c: the 1-based line and column (in characters) of byte off in a
 * JSON text; and of the key `key` of the top-level object (and its key
 * `sub` when sub is not NULL and found). Returns 0, or MFL_ENOENT if key is
 * absent. */
void mfl_io_json_line_col(const char *text, size_t len, size_t off, unsigned *line, unsigned *col);
int mfl_io_json_locate(const char *text, size_t len, const char *key, const char *sub,
                       unsigned *line, unsigned *col);

#endif
