/* SPDX-License-Identifier: MIT */
/* I/O faults of --fix (mfl_io_write_atomic, as the CLI calls it, with the
 * bytes it read as `expect`): a read-only file, a file in a read-only
 * folder, a symlink, a file that changes or is replaced by a symlink between
 * read and write, a full disk (RLIMIT_FSIZE, SIGXFSZ ignored). In every
 * failing case the original is intact, no temporary file is left behind and
 * the error says what happened. Cases that need an unprivileged user fork
 * and drop to `nobody` when run as root. */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "mfl.h"
#include "mfl_io.h"
#include "mfl_io_env.h"

static char dir[256];

static void put(const char *path, const char *s) {
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs(s, f);
    fclose(f);
}

static char *get(const char *path) {
    static char buf[4096];
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = '\0';
    fclose(f);
    return buf;
}

/* No ".<name>.mfl-XXXXXX" temporary file is left in the folder. */
static int leftovers(const char *d) {
    DIR *dp = opendir(d);
    int n = 0;
    if (!dp) return 0;
    for (struct dirent *e; (e = readdir(dp)) != NULL;)
        n += strstr(e->d_name, ".mfl-") != NULL;
    closedir(dp);
    return n;
}

static int setup(void **state) {
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/mfl-faults-XXXXXX");
    assert_non_null(mkdtemp(dir));
    chmod(dir, 0777);
    return 0;
}

static int teardown(void **state) {
    (void)state;
    char cmd[600];
    chmod(dir, 0700);
    snprintf(cmd, sizeof cmd, "chmod -R u+w '%s' 2>/dev/null; rm -rf '%s'", dir, dir);
    return system(cmd) == 0 ? 0 : -1;
}

static void test_read_only_file_is_refused(void **state) {
    (void)state;
    char p[300], err[512] = "";
    snprintf(p, sizeof p, "%s/ro.Modelfile", dir);
    put(p, "from x\n");
    chmod(p, 0444);
    assert_int_equal(mfl_io_write_atomic(p, "FROM x\n", 7, "from x\n", 7, err, sizeof err), MFL_EACCES);
    assert_non_null(strstr(err, "read-only"));
    assert_string_equal(get(p), "from x\n");
    assert_int_equal(leftovers(dir), 0);
}

/* Runs fn in a child, as `nobody` when we are root; returns its exit status. */
static int as_nobody(void (*fn)(void)) {
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        if (geteuid() == 0 && (setgid(65534) != 0 || setuid(65534) != 0)) _exit(77);
        fn();
        _exit(0);
    }
    int st;
    waitpid(pid, &st, 0);
    return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

static char ro_dir[300], ro_file[400];

static void write_in_read_only_folder(void) {
    char err[512] = "";
    int rc = mfl_io_write_atomic(ro_file, "FROM x\n", 7, "from x\n", 7, err, sizeof err);
    if (rc != MFL_EIO) _exit(1);
    if (!strstr(err, "cannot create a temporary file")) {
        fprintf(stderr, "unexpected error: %s\n", err);
        _exit(2);
    }
}

static void test_read_only_folder_is_refused(void **state) {
    (void)state;
    snprintf(ro_dir, sizeof ro_dir, "%s/rodir", dir);
    snprintf(ro_file, sizeof ro_file, "%s/Modelfile", ro_dir);
    assert_int_equal(mkdir(ro_dir, 0755), 0);
    put(ro_file, "from x\n");
    chmod(ro_file, 0666); /* the file is writable, its folder is not */
    chmod(ro_dir, 0555);
    int st = as_nobody(write_in_read_only_folder);
    if (st == 77) skip();
    assert_int_equal(st, 0);
    assert_string_equal(get(ro_file), "from x\n");
    assert_int_equal(leftovers(ro_dir), 0);
}

static void test_symlink_target_is_rewritten_and_link_kept(void **state) {
    (void)state;
    char target[300], link[300], err[512] = "";
    struct stat st;
    snprintf(target, sizeof target, "%s/real.Modelfile", dir);
    snprintf(link, sizeof link, "%s/link.Modelfile", dir);
    put(target, "from x\n");
    assert_int_equal(symlink("real.Modelfile", link), 0);
    assert_int_equal(mfl_io_write_atomic(link, "FROM x\n", 7, "from x\n", 7, err, sizeof err), 0);
    assert_int_equal(lstat(link, &st), 0);
    assert_true(S_ISLNK(st.st_mode));
    assert_string_equal(get(target), "FROM x\n");
}

static void test_file_changed_between_read_and_write_is_kept(void **state) {
    (void)state;
    char p[300], err[512] = "";
    snprintf(p, sizeof p, "%s/changed.Modelfile", dir);
    put(p, "from x\n");                 /* what --fix read */
    put(p, "from x\nSYSTEM edited\n");  /* the editor saved meanwhile */
    assert_int_equal(mfl_io_write_atomic(p, "FROM x\n", 7, "from x\n", 7, err, sizeof err), MFL_ECHANGED);
    assert_non_null(strstr(err, "changed on disk"));
    assert_string_equal(get(p), "from x\nSYSTEM edited\n");
    assert_int_equal(leftovers(dir), 0);
}

static void test_file_replaced_by_symlink_is_kept(void **state) {
    (void)state;
    char p[300], secret[300], err[512] = "";
    snprintf(p, sizeof p, "%s/swapped.Modelfile", dir);
    snprintf(secret, sizeof secret, "%s/secret.txt", dir);
    put(secret, "do not touch\n");
    put(p, "from x\n");
    /* Between read and write, the file becomes a symlink to another file. */
    assert_int_equal(unlink(p), 0);
    assert_int_equal(symlink(secret, p), 0);
    assert_int_equal(mfl_io_write_atomic(p, "FROM x\n", 7, "from x\n", 7, err, sizeof err), MFL_ECHANGED);
    assert_non_null(strstr(err, "changed on disk"));
    assert_string_equal(get(secret), "do not touch\n");
    assert_int_equal(leftovers(dir), 0);
}

static char full_file[400];

static void write_on_full_disk(void) {
    static char big[256 * 1024];
    char err[512] = "";
    memset(big, '#', sizeof big);
    signal(SIGXFSZ, SIG_IGN);
    struct rlimit rl = {16 * 1024, 16 * 1024};
    if (setrlimit(RLIMIT_FSIZE, &rl) != 0) _exit(77);
    int rc = mfl_io_write_atomic(full_file, big, sizeof big, "from x\n", 7, err, sizeof err);
    if (rc != MFL_EIO) _exit(1);
    if (!strstr(err, "write failed") || !strstr(err, "left unchanged")) {
        fprintf(stderr, "unexpected error: %s\n", err);
        _exit(2);
    }
}

static void test_full_disk_leaves_the_original(void **state) {
    (void)state;
    snprintf(full_file, sizeof full_file, "%s/full.Modelfile", dir);
    put(full_file, "from x\n");
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        write_on_full_disk();
        _exit(0);
    }
    int st;
    waitpid(pid, &st, 0);
    assert_true(WIFEXITED(st));
    if (WEXITSTATUS(st) == 77) skip();
    assert_int_equal(WEXITSTATUS(st), 0);
    assert_string_equal(get(full_file), "from x\n");
    assert_int_equal(leftovers(dir), 0);
}

static void test_reading_a_fifo_or_device_is_refused(void **state) {
    (void)state;
    char p[300], err[512] = "", *buf = NULL;
    size_t len;
    snprintf(p, sizeof p, "%s/fifo", dir);
    assert_int_equal(mkfifo(p, 0600), 0);
    /* Would block forever if the reader opened it blocking. */
    assert_int_equal(mfl_io_read_file(p, 0, &buf, &len, err, sizeof err), MFL_ENOTREG);
    assert_non_null(strstr(err, "not a regular file"));
    assert_int_equal(mfl_io_read_file("/dev/zero", 0, &buf, &len, err, sizeof err), MFL_ENOTREG);
    assert_non_null(strstr(err, "not a regular file"));
    assert_null(buf);
}

/* FROM, ADAPTER and DRAFT naming a FIFO: the environment only stats it
 * (a blocking open would hang the linter forever), and MF401 reports it. */
static void test_lint_never_opens_a_fifo(void **state) {
    (void)state;
    char p[300];
    snprintf(p, sizeof p, "%s/model.gguf", dir);
    assert_int_equal(mkfifo(p, 0600), 0);
    alarm(20); /* a hang fails the test instead of blocking ctest */
    const char *src = "FROM ./model.gguf\nADAPTER ./model.gguf\nDRAFT /dev/zero\n";
    mfl_doc_t *doc = mfl_doc_new(src, strlen(src));
    mfl_io_env_t *env = mfl_io_env_new();
    mfl_lint_opts_t opts = {"Modelfile", dir, NULL, mfl_io_env_get(env)};
    mfl_result_t *res = NULL;
    assert_int_equal(mfl_lint(doc, &opts, &res), 0);
    int devices = 0;
    for (size_t i = 0; i < res->n_diags; i++)
        devices += strcmp(res->diags[i].rule->code, "MF401") == 0;
    assert_int_equal(devices, 3);
    mfl_model_t m;
    assert_int_equal(mfl_io_read_gguf(p, &m), MFL_EINVAL); /* refused, not read */
    alarm(0);
    mfl_result_free(res);
    mfl_io_env_free(env);
    mfl_doc_free(doc);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_read_only_file_is_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(test_read_only_folder_is_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(test_symlink_target_is_rewritten_and_link_kept, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_file_changed_between_read_and_write_is_kept, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_file_replaced_by_symlink_is_kept, setup, teardown),
        cmocka_unit_test_setup_teardown(test_full_disk_leaves_the_original, setup, teardown),
        cmocka_unit_test_setup_teardown(test_reading_a_fifo_or_device_is_refused, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_lint_never_opens_a_fifo, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
