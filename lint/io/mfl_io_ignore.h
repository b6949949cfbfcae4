/* SPDX-License-Identifier: MIT */
/* Path patterns with .gitignore semantics (gitignore(5)), for the config's
 * per-path-ignores, exclude and extend-exclude, and for .gitignore files in
 * the CLI's folder walk. Every pattern is relative to a base folder: the
 * config file's folder, the .gitignore's folder, or the working directory
 * for patterns given on the command line.
 *
 * Not libgit2: its ignore rules need a repository and its pathspecs are not
 * .gitignore patterns; per-path-ignores live outside any repository. Each
 * path component is matched with fnmatch(3) (`*`, `?`, `[...]`, `\`
 * escapes; `*` never crosses `/`); `**` components and the anchoring rules
 * are implemented here, as gitignore(5) describes them. */
#ifndef MFL_IO_IGNORE_H
#define MFL_IO_IGNORE_H

#include <stdbool.h>
#include <stddef.h>

/* One compiled pattern. */
typedef struct {
    char *text;    /* the pattern without `!`, leading `/` and trailing `/` */
    bool negated;  /* `!pattern` */
    bool dir_only; /* `pattern/`: matches folders only */
    bool anchored; /* a `/` at the start or in the middle: relative to the base */
} mfl_pattern_t;

/* Compiles one line of a .gitignore (or one config pattern). Returns 1 with
 * *out filled (free with mfl_pattern_cleanup), 0 for a blank line or a
 * comment, MFL_ENOMEM. */
int mfl_pattern_compile(const char *line, size_t len, mfl_pattern_t *out);
void mfl_pattern_cleanup(mfl_pattern_t *p);
/* True if the pattern (its negation flag aside) matches rel, a path relative
 * to the pattern's base ('/'-separated, no leading "./" or "/"), that names a
 * folder when is_dir. */
bool mfl_pattern_match(const mfl_pattern_t *p, const char *rel, bool is_dir);
/* Same, but a match of any folder above rel counts too: `legacy`,
 * `legacy/` and `legacy/` + `**` all cover legacy/a/Modelfile (what a walk that
 * skips an ignored folder does to the files inside it). */
bool mfl_pattern_match_path(const mfl_pattern_t *p, const char *rel, bool is_dir);

/* An ordered list of patterns with one base folder (a .gitignore file, or
 * the exclude list of a config file). */
typedef struct mfl_ignore_s {
    char *base; /* absolute folder, without a trailing slash ("" for "/") */
    mfl_pattern_t *v;
    size_t n, cap;
} mfl_ignore_t;

/* Returns a new empty list for base (copied), or NULL when out of memory. */
mfl_ignore_t *mfl_ignore_new(const char *base);
void mfl_ignore_free(mfl_ignore_t *ig);
/* Sets a new base folder (copied). Returns 0 or MFL_ENOMEM. */
int mfl_ignore_rebase(mfl_ignore_t *ig, const char *base);
/* Adds one pattern (a line). Returns 0 or MFL_ENOMEM. */
int mfl_ignore_add(mfl_ignore_t *ig, const char *line, size_t len);
/* Adds every line of a .gitignore file's text. Returns 0 or MFL_ENOMEM. */
int mfl_ignore_add_text(mfl_ignore_t *ig, const char *text, size_t len);
/* The verdict of the list for rel (relative to ig->base): the last pattern
 * that matches decides. Returns 1 (ignored), -1 (re-included by a `!`
 * pattern) or 0 (no pattern matches): a verdict, never an error. */
int mfl_ignore_match(const mfl_ignore_t *ig, const char *rel, bool is_dir);
/* The part of abs (an absolute, normalised path) below base, or NULL when
 * abs is not inside base. */
const char *mfl_ignore_rel(const char *base, const char *abs);

/* Writes the absolute form of path into out: relative paths are joined to
 * the working directory, then "." and ".." components and repeated slashes
 * are removed (lexically; symlinks are not resolved). Returns 0,
 * MFL_ENAMETOOLONG if it does not fit, or MFL_EIO if the working directory
 * is unknown. */
int mfl_io_abspath(const char *path, char *out, size_t outsz);

#endif
