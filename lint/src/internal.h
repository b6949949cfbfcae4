/* SPDX-License-Identifier: MIT */
/* Internal helpers shared by the core's files (not part of the public API). */
#ifndef MFL_INTERNAL_H
#define MFL_INTERNAL_H

#include "isprint.h"
#include "mfl.h"
#include "rule.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Run-once initialisation of the core's shared tables: pthread_once, or a
 * flag where the target has no threads (WASI without its threads proposal). */
#if defined(__wasi__) && !defined(_REENTRANT)
typedef int mfl_once_t;
#define MFL_ONCE_INIT 0
static inline void mfl_once(mfl_once_t *once, void (*fn)(void)) {
    if (!*once) {
        *once = 1;
        fn();
    }
}
#else
#include <pthread.h>
typedef pthread_once_t mfl_once_t;
#define MFL_ONCE_INIT PTHREAD_ONCE_INIT
#define mfl_once(once, fn) pthread_once(once, fn)
#endif

/* A growable byte buffer. data is NULL until the first write. */
typedef struct {
    char *data;
    size_t len, cap;
} mfl_buf_t;

int mfl__buf_put(mfl_buf_t *b, const char *s, size_t n);
int mfl__buf_putc(mfl_buf_t *b, char c);
int mfl__buf_put_rune(mfl_buf_t *b, int32_t r);
/* Ensures data is NUL-terminated (without counting the NUL). */
int mfl__buf_nul(mfl_buf_t *b);
int mfl__buf_printf(mfl_buf_t *b, const char *fmt, ...) MFL_PRINTF(2, 3);

/* Decodes the rune at s[*i] and advances *i. An invalid byte gives U+FFFD
 * and advances by one, as Go's decoder does. */
int32_t mfl__utf8_next(const char *s, size_t len, size_t *i);
/* Length in bytes of the (possibly invalid) sequence at s[i]. */
size_t mfl__utf8_len(const char *s, size_t len, size_t i);

/* Decodes a file as Ollama does: a UTF-8 BOM is dropped, a UTF-16 BOM
 * switches to UTF-16. Returns a new UTF-8 buffer (mfl_free), NUL-terminated.
 * UTF-8 input is copied as is (invalid bytes stay, readers map them to
 * U+FFFD). */
int mfl__decode(const char *src, size_t len, char **out, size_t *out_len, mfl_encoding_t *enc);
/* The encoding mfl__decode reads src in (its byte order mark, if any). */
mfl_encoding_t mfl__sniff_encoding(const char *src, size_t len);

/* ASCII-only case-insensitive comparisons (the C library's depend on the
 * locale). Exported as mfl__*: the short names are what callers write. */
int mfl__strcasecmp_ascii(const char *a, const char *b);
int mfl__strncasecmp_ascii(const char *a, const char *b, size_t n);
#define strcasecmp_ascii mfl__strcasecmp_ascii
#define strncasecmp_ascii mfl__strncasecmp_ascii

/* Appends the Ollama view (non-printables dropped, invalid UTF-8 -> U+FFFD)
 * of s[0..n) to b. */
int mfl__buf_put_kept(mfl_buf_t *b, const char *s, size_t n);
/* Grows b to hold at least cap bytes. Returns 0 or MFL_ENOMEM. */
int mfl__buf_reserve(mfl_buf_t *b, size_t cap);
/* Go's strconv.IsPrint, as mfl_isprint (isprint.h) answers it, faster. */
bool mfl__isprint(int32_t c);
/* How many leading bytes of s[0..n) are printable ASCII, tab, LF or CR. */
size_t mfl__plain_prefix(const char *s, size_t n);
/* The MFL__TEXT_* kinds of bytes in s[0..n). */
unsigned mfl__text_class(const char *s, size_t n);
/* The start of every line of s[0..len) (after LF, CRLF or a lone CR; the
 * first is 0) in a new array (mfl_free), their count, and the MFL__TEXT_*
 * kinds of its bytes. Returns 0 or MFL_ENOMEM. */
int mfl__line_table(const char *s, size_t len, uint32_t **lines, size_t *n, unsigned *cls);
/* The position of the first byte of s[0..n) equal to one of set[0..4), or n. */
size_t mfl__find_any4(const char *s, size_t n, const unsigned char set[4]);

/* Go's strconv.ParseFloat(s, bits) over the whole of s[0..n) (bits 32 or
 * 64): decimal or hex, underscores between digits, inf/infinity/nan; false on
 * a syntax error or when out of range. */
bool mfl__go_parse_float(const char *s, size_t n, int bits, double *out);

/* True if a FROM value looks like a path rather than a model name (./, ../,
 * /, ~, a drive letter, or a .gguf/.bin/.safetensors file): MF202 checks
 * those, MF203 the others. */
bool mfl__from_looks_like_path(const char *s, size_t n);

/* A document over text that is already decoded UTF-8 (no BOM stripping),
 * from the byte-level front end; _tree from tree-sitter. */
mfl_doc_t *mfl__doc_new_utf8(const char *text, size_t len);
/* What kinds of bytes a document's text holds. */
#define MFL__TEXT_NONASCII 1u /* a byte >= 0x80 */
#define MFL__TEXT_CONTROL 2u  /* a control byte other than tab, LF and CR, or DEL */
/* mfl__doc_binary_kind (MF020): text, a binary file, or UTF-16 without a byte
 * order mark (little- or big-endian). mfl_lint runs no other rule on the
 * last three. */
enum { MFL__TEXT_IS_TEXT, MFL__TEXT_IS_BINARY, MFL__TEXT_IS_UTF16LE, MFL__TEXT_IS_UTF16BE };
int mfl__doc_binary_kind(const mfl_doc_t *doc);
/* The index of the instruction whose lines contain offset off, or SIZE_MAX
 * (doc_query.c). */
unsigned mfl__doc_text_class(const mfl_doc_t *doc);

/* A walk over the code points Ollama reads that are not plain ASCII
 * (printable, tab, CR, LF): comments are skipped and plain runs jumped over
 * without decoding. For MF009 and MF021. */
typedef struct {
    const mfl_doc_t *doc;
    const char *text;
    size_t len, i, ci, nc, next_comment;
} mfl__cp_walk_t;
void mfl__cp_walk_init(mfl__cp_walk_t *w, const mfl_doc_t *doc);
/* The next such code point: its start in *at, w->i just after it (a caller
 * may move w->i forward). False at the end. */
bool mfl__cp_walk_next(mfl__cp_walk_t *w, size_t *at, int32_t *r);
/* The start offset of each line (the table mfl_doc_line_range reads). */
const uint32_t *mfl__doc_line_starts(const mfl_doc_t *doc, uint32_t *n);
mfl_doc_t *mfl__doc_new_utf8_tree(const char *text, size_t len);

/* The shape of one instruction as a front end sees it, before lowering:
 * the token ranges of the grammar (grammar/grammar.js). */
typedef enum { MFL_RAW_NONE, MFL_RAW_BARE, MFL_RAW_QUOTED } mfl_raw_value_t;
typedef struct {
    mfl_instr_kind_t kind;
    mfl_range_t keyword;
    bool has_name;
    mfl_range_t name; /* parameter_name or message_role */
    mfl_raw_value_t value;
    mfl_range_t bare; /* the bare_value token */
    mfl_range_t open;
    bool has_content, has_close;
    mfl_range_t content, close;
} mfl_raw_instr_t;

/* The byte-level front end (scan.c): the tokens the tree-sitter grammar and
 * its external scanner make, in one pass without a tree. Calls instr and
 * comment in document order; a non-zero return stops and is returned. */
int mfl__scan(const char *text, size_t len, int (*instr)(void *ud, const mfl_raw_instr_t *raw),
              int (*comment)(void *ud, mfl_range_t r), void *ud);

#endif
