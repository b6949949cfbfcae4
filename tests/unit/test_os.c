/* SPDX-License-Identifier: MIT */
/* The platform layer (lint/io/mfl_os.h) on whatever system runs this: file
 * types and sizes, binary reads (CRLF and 0x1A kept), directory listing,
 * atomic replacement of an existing file with nothing left behind, canonical
 * paths, fnmatch, path and URI helpers (drive letters on Windows), the home
 * folder, a GGUF past 4 GiB read on any word size (large-file support), and
 * os_apple.h's names compiled against a struct laid out as Darwin's.
 * Usage: test_os SCRATCH_DIR */
#ifndef _WIN32
#define _POSIX_C_SOURCE 200809L
#endif
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "gguf_builder.h"
#include "mfl.h"
#include "mfl_io.h"
#include "mfl_io_env.h"
#include "mfl_knowledge.h"
#include "mfl_os.h"
#include "test_util.h"

/* Darwin's struct stat names the times st_mtimespec: os_apple.h's macros must
 * read those fields (this compiles them on every system). */
struct darwin_stat_like {
    struct {
        long tv_sec, tv_nsec;
    } st_mtimespec;
};
#include "os_apple.h"

static char scratch[1024];
static char dir[1200];

static void put(const char *path, const char *bytes, size_t n) {
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(bytes, 1, n, f), n);
    fclose(f);
}

static int setup(void **state) {
    (void)state;
    snprintf(dir, sizeof dir, "%s/os-test-XXXXXX", scratch);
    assert_non_null(test_mkdtemp(dir));
    return 0;
}

static void test_apple_names(void **state) {
    (void)state;
    struct darwin_stat_like st = {{1700000000L, 123456789L}};
    assert_int_equal(MFL_ST_MTIME_SEC(&st), 1700000000L);
    assert_int_equal(MFL_ST_MTIME_NSEC(&st), 123456789L);
}

static void test_stat_types_and_sizes(void **state) {
    (void)state;
    char path[1300];
    snprintf(path, sizeof path, "%s/a.Modelfile", dir);
    put(path, "FROM x\r\n", 8);
    mfl_os_stat_t st, again;
    assert_int_equal(mfl_os_stat(path, &st), 0);
    assert_int_equal(st.type, MFL_FT_FILE);
    assert_int_equal(st.size, 8);
    assert_true(st.mtime_sec > 1500000000);
    assert_true(st.mtime_nsec >= 0 && st.mtime_nsec < 1000000000);
    assert_int_equal(mfl_os_lstat(path, &again), 0);
    assert_true(mfl_os_stat_same(&st, &again));
    assert_true(mfl_os_writable(path, &st));
    assert_int_equal(mfl_os_stat(dir, &st), 0);
    assert_int_equal(st.type, MFL_FT_DIR);
    snprintf(path, sizeof path, "%s/missing", dir);
    errno = 0;
    assert_int_equal(mfl_os_stat(path, &st), -1);
    assert_int_equal(errno, ENOENT);
}

static void test_reads_are_binary(void **state) {
    (void)state;
    /* CRLF, a lone CR, 0x1A (a text-mode end of file on Windows), NUL. */
    static const char bytes[] = "FROM x\r\nSYSTEM a\x1a"
                                "b\r\0c\n";
    size_t n = sizeof bytes - 1;
    char path[1300], buf[64];
    snprintf(path, sizeof path, "%s/bin.Modelfile", dir);
    put(path, bytes, n);
    mfl_os_stat_t st;
    int fd = mfl_os_open_read(path, &st);
    assert_true(fd >= 0);
    assert_int_equal(st.size, n);
    assert_int_equal(mfl_os_read(fd, buf, sizeof buf), n);
    assert_memory_equal(buf, bytes, n);
    assert_int_equal(mfl_os_pread(fd, buf, 4, 15), 4);
    assert_memory_equal(buf,
                        "a\x1a"
                        "b\r",
                        4);
    assert_int_equal(mfl_os_read(fd, buf, sizeof buf), 0);
    assert_int_equal(mfl_os_close(fd), 0);
    char *all = NULL, err[256];
    size_t len = 0;
    assert_int_equal(mfl_io_read_file(path, 0, &all, &len, err, sizeof err), 0);
    assert_int_equal(len, n);
    assert_memory_equal(all, bytes, n);
    mfl_free(all);
    /* A folder is refused, with what it is. */
    assert_int_equal(mfl_os_open_read(dir, &st), MFL_OS_NOT_REGULAR);
    assert_int_equal(st.type, MFL_FT_DIR);
    assert_int_equal(mfl_io_read_file(dir, 0, &all, &len, err, sizeof err), MFL_ENOTREG);
    assert_non_null(strstr(err, "is a directory"));
}

static void test_readdir(void **state) {
    (void)state;
    char path[1300];
    snprintf(path, sizeof path, "%s/list", dir);
    test_mkdirs(path);
    snprintf(path, sizeof path, "%s/list/sub", dir);
    test_mkdirs(path);
    snprintf(path, sizeof path, "%s/list/Modelfile", dir);
    put(path, "x", 1);
    snprintf(path, sizeof path, "%s/list", dir);
    mfl_os_dir_t *d = mfl_os_opendir(path);
    assert_non_null(d);
    int files = 0, dirs = 0, other = 0;
    mfl_ftype_t t;
    for (const char *name; (name = mfl_os_readdir(d, &t)) != NULL;) {
        assert_string_not_equal(name, ".");
        assert_string_not_equal(name, "..");
        if (t == MFL_FT_UNKNOWN) {
            char p[1400];
            mfl_os_stat_t st;
            snprintf(p, sizeof p, "%s/%s", path, name);
            assert_int_equal(mfl_os_lstat(p, &st), 0);
            t = st.type;
        }
        if (strcmp(name, "Modelfile") == 0 && t == MFL_FT_FILE)
            files++;
        else if (strcmp(name, "sub") == 0 && t == MFL_FT_DIR)
            dirs++;
        else
            other++;
    }
    mfl_os_closedir(d);
    assert_int_equal(files, 1);
    assert_int_equal(dirs, 1);
    assert_int_equal(other, 0);
    snprintf(path, sizeof path, "%s/nope", dir);
    assert_null(mfl_os_opendir(path));
}

/* Temporary files of mfl_os_replace_file left in a folder. */
static int leftovers(const char *d) {
    mfl_os_dir_t *h = mfl_os_opendir(d);
    int n = 0;
    mfl_ftype_t t;
    for (const char *name; h && (name = mfl_os_readdir(h, &t)) != NULL;)
        n += strstr(name, ".mfl-") != NULL;
    mfl_os_closedir(h);
    return n;
}

static void test_atomic_replacement_of_an_existing_file(void **state) {
    (void)state;
    char path[1300], err[512];
    snprintf(path, sizeof path, "%s/fix.Modelfile", dir);
    static const char before[] = "from x\r\nPARAMETER  temperature 0.7\r\n\x1a";
    static const char after[] = "FROM x\r\nPARAMETER temperature 0.7\r\n\x1a";
    put(path, before, sizeof before - 1);
    /* Through the I/O layer, as --fix calls it: the file must still hold
     * what was read. */
    assert_int_equal(mfl_io_write_atomic(path, after, sizeof after - 1, before, sizeof before - 1,
                                         err, sizeof err),
                     0);
    size_t len = 0;
    char *got = test_slurp(path, &len);
    assert_non_null(got);
    assert_int_equal(len, sizeof after - 1);
    assert_memory_equal(got, after, len);
    free(got);
    assert_int_equal(leftovers(dir), 0);
    /* Changed under us: refused, file untouched. */
    assert_int_equal(mfl_io_write_atomic(path, "x", 1, before, sizeof before - 1, err, sizeof err),
                     MFL_ECHANGED);
    assert_non_null(strstr(err, "changed on disk"));
    got = test_slurp(path, &len);
    assert_memory_equal(got, after, len);
    free(got);
    /* Twice more over the same file: replacing an existing file always works. */
    for (int i = 0; i < 2; i++)
        assert_int_equal(
            mfl_io_write_atomic(path, before, sizeof before - 1, NULL, 0, err, sizeof err), 0);
    assert_int_equal(leftovers(dir), 0);
}

static void test_realpath_and_cwd(void **state) {
    (void)state;
    char in[1400], out[MFL_OS_MAX_PATH], cwd[MFL_OS_MAX_PATH];
    snprintf(in, sizeof in, "%s/list/../list/Modelfile", dir);
    assert_non_null(mfl_os_realpath(in, out, sizeof out));
    assert_true(mfl_os_is_abs(out));
    assert_null(strchr(out, '\\'));
    assert_null(strstr(out, ".."));
    const char *tail = "/list/Modelfile";
    assert_string_equal(out + strlen(out) - strlen(tail), tail);
    assert_null(mfl_os_realpath(in, out, 4));
    assert_non_null(mfl_os_getcwd(cwd, sizeof cwd));
    assert_true(mfl_os_is_abs(cwd));
    assert_null(strchr(cwd, '\\'));
}

static void test_fnmatch(void **state) {
    (void)state;
    assert_int_equal(mfl_os_fnmatch("*.Modelfile", "a.Modelfile", true), 0);
    assert_int_not_equal(mfl_os_fnmatch("*.Modelfile", "dir/a.Modelfile", true), 0);
    assert_int_equal(mfl_os_fnmatch("*.Modelfile", "dir/a.Modelfile", false), 0);
    assert_int_equal(mfl_os_fnmatch("legacy/*/Modelfile", "legacy/old/Modelfile", true), 0);
    assert_int_not_equal(mfl_os_fnmatch("legacy/*/Modelfile", "legacy/a/b/Modelfile", true), 0);
    assert_int_equal(mfl_os_fnmatch("Modelfile.?", "Modelfile.1", true), 0);
    assert_int_not_equal(mfl_os_fnmatch("Modelfile.?", "Modelfile.12", true), 0);
    assert_int_equal(mfl_os_fnmatch("[ab]*", "beta", true), 0);
    assert_int_not_equal(mfl_os_fnmatch("[!ab]*", "beta", true), 0);
    assert_int_equal(mfl_os_fnmatch("v[0-9]", "v7", true), 0);
    assert_int_not_equal(mfl_os_fnmatch("v[0-9]", "vx", true), 0);
    assert_int_not_equal(mfl_os_fnmatch("a?b", "a/b", true), 0);
    /* '\\' escapes on every platform (.gitignore's "\\#notes"). */
    assert_int_equal(mfl_os_fnmatch("\\#notes", "#notes", false), 0);
    assert_int_equal(mfl_os_fnmatch("a\\*", "a*", false), 0);
    assert_int_not_equal(mfl_os_fnmatch("a\\*", "ab", false), 0);
}

static void test_paths_and_uris(void **state) {
    (void)state;
    char buf[256];
    assert_true(mfl_os_is_abs("/x/y"));
    assert_false(mfl_os_is_abs("x/y"));
    assert_int_equal(mfl_os_root_len("/x"), 1);
    assert_int_equal(mfl_os_root_len("x"), 0);
    const char *p = "a/b/c";
    assert_ptr_equal(mfl_os_last_sep(p), p + 3);
    assert_null(mfl_os_last_sep("abc"));
#ifdef _WIN32
    assert_true(mfl_os_is_abs("C:/x"));
    assert_true(mfl_os_is_abs("c:\\x"));
    assert_true(mfl_os_is_abs("\\\\host\\share\\x"));
    assert_false(mfl_os_is_abs("C:x"));
    assert_int_equal(mfl_os_root_len("C:\\x"), 3);
    assert_int_equal(mfl_os_root_len("//host/share/x"), 13);
    const char *q = "a\\b/c\\d";
    assert_ptr_equal(mfl_os_last_sep(q), q + 5);
    snprintf(buf, sizeof buf, "/c:/Users/me/Modelfile");
    mfl_os_uri_path_to_local(buf);
    assert_string_equal(buf, "c:/Users/me/Modelfile");
    assert_string_equal(mfl_os_local_to_uri_path("C:\\Users\\me\\Modelfile", buf, sizeof buf),
                        "/C:/Users/me/Modelfile");
    snprintf(buf, sizeof buf, "C:\\a\\b");
    mfl_os_path_slashes(buf);
    assert_string_equal(buf, "C:/a/b");
    assert_int_equal(mfl_os_fnmatch("LEGACY/*.modelfile", "legacy\\A.Modelfile", true), 0);
#else
    assert_false(mfl_os_is_abs("C:/x"));
    snprintf(buf, sizeof buf, "/c:/x");
    mfl_os_uri_path_to_local(buf);
    assert_string_equal(buf, "/c:/x");
    assert_string_equal(mfl_os_local_to_uri_path("/home/me/Modelfile", buf, sizeof buf),
                        "/home/me/Modelfile");
#endif
}

static void test_home(void **state) {
    (void)state;
    char home[MFL_OS_MAX_PATH];
    test_set_home(dir);
    assert_true(mfl_os_home(home, sizeof home));
    assert_string_equal(home, dir);
    assert_false(mfl_os_home(home, 4));
}

/* A GGUF past 4 GiB (sparse: the header, then a last byte far away) is read
 * and weighed on 32-bit systems too. */
static void test_gguf_over_4_gib(void **state) {
    (void)state;
    char path[1300];
    snprintf(path, sizeof path, "%s/big.gguf", dir);
    gguf_builder_t *b = gb_qwen3_coder_30b();
    assert_int_equal(gb_write_file(b, path), 0);
    gb_free(b);
    const uint64_t size = (5ull << 30) + 7; /* past 2^31 and 2^32 */
    FILE *f = fopen(path, "r+b");
    assert_non_null(f);
#ifdef _WIN32
    assert_int_equal(_fseeki64(f, (long long)size - 1, SEEK_SET), 0);
#else
    assert_int_equal(fseeko(f, (off_t)(size - 1), SEEK_SET), 0);
#endif
    assert_int_equal(fputc('!', f), '!');
    assert_int_equal(fclose(f), 0);
    mfl_os_stat_t st;
    assert_int_equal(mfl_os_stat(path, &st), 0);
    assert_true(st.size == size);
    int fd = mfl_os_open_read(path, &st);
    assert_true(fd >= 0);
    char c = 0;
    assert_int_equal(mfl_os_pread(fd, &c, 1, size - 1), 1);
    assert_int_equal(c, '!');
    mfl_os_close(fd);
    mfl_model_t m;
    mfl_model_init(&m);
    assert_int_equal(mfl_io_read_gguf(path, &m), 0);
    assert_int_equal(m.native_ctx, 262144);
    assert_true(m.weight_bytes == size);
    remove(path);
}

int main(int argc, char **argv) {
    snprintf(scratch, sizeof scratch, "%s", argc > 1 ? argv[1] : ".");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_apple_names),
        cmocka_unit_test(test_stat_types_and_sizes),
        cmocka_unit_test(test_reads_are_binary),
        cmocka_unit_test(test_readdir),
        cmocka_unit_test(test_atomic_replacement_of_an_existing_file),
        cmocka_unit_test(test_realpath_and_cwd),
        cmocka_unit_test(test_fnmatch),
        cmocka_unit_test(test_paths_and_uris),
        cmocka_unit_test(test_home),
        cmocka_unit_test(test_gguf_over_4_gib),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
