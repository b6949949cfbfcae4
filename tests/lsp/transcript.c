/* SPDX-License-Identifier: MIT */
/* Runs a language-server transcript: starts the server, sends the client
 * messages of a .lsp file and compares each server message, as JSON (key
 * order free), with the expected one. Usage:
 *   lsp_transcript [--stdin-file] SERVER CASE.lsp
 * With --stdin-file every client message is written to a file first, which
 * becomes the server's stdin (the regular-file input path).
 *
 * The .lsp format, one directive per line, each followed by its block:
 *   # comment
 *   >>>            a JSON message to send (framed with Content-Length)
 *   >>> batch      one JSON message per line, all sent in a single write
 *   >>> raw        bytes sent as they are; \r \n \\ \xNN are unescaped
 *   >>> eof        closes the server's stdin
 *   >>> write NAME the block (text, not JSON) becomes the file NAME in a
 *                  private temporary folder, TMP (folders are created)
 *   <<<            the next server message must match this JSON
 *   <<< quiet      no server message may arrive within 300 ms
 *   <<< exit N     the server must exit with status N
 * In messages sent, "file://CWD" stands for the working directory's URI,
 * and "file://TMP" for the temporary folder's (removed at the end).
 * In expected JSON, "<any>" matches any value, "<contains>TEXT" any
 * string containing TEXT, "<notable>TEXT" one containing TEXT and no
 * Markdown table, "<plain>TEXT" one containing TEXT and no Markdown markup
 * at all (bold, tables, headings, fences, rules), and an array starting
 * with "<some>" any array that has a match for each of its other elements. */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <jansson.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>

/* How long a reply or an exit may take before the server counts as hung. A
 * hang detector, not a speed check: the same transcripts run under qemu and
 * Wine on shared CI machines. */
enum { HANG_MS = 30000 };
#include <unistd.h>

static pid_t child;
static int to_srv = -1, from_srv = -1;
static char rbuf[1 << 22];
static size_t rlen;
static const char *case_path;
static int lineno;

static void fail(const char *msg, const char *a, const char *b) {
    fprintf(stderr, "%s:%d: ", case_path, lineno);
    fprintf(stderr, "%s%s%s%s", msg, a ? " " : "", a ? a : "", b ? " / " : "");
    if (b)
        fputs(b, stderr);
    fputc('\n', stderr);
    if (child > 0)
        kill(child, SIGKILL);
    exit(1);
}

static long now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

/* Reads one framed message within timeout_ms. Returns a new string or
 * NULL on timeout or EOF. */
static char *read_message(int timeout_ms) {
    long deadline = now_ms() + timeout_ms;
    for (;;) {
        char *hend = rlen ? strstr(rbuf, "\r\n\r\n") : NULL;
        if (hend) {
            size_t body = (size_t)(hend - rbuf) + 4, n = 0;
            char *cl = strstr(rbuf, "Content-Length: ");
            if (!cl || cl > hend)
                fail("server sent a header without Content-Length", NULL, NULL);
            n = strtoul(cl + 16, NULL, 10);
            if (rlen >= body + n) {
                char *m = malloc(n + 1);
                memcpy(m, rbuf + body, n);
                m[n] = '\0';
                memmove(rbuf, rbuf + body + n, rlen - body - n);
                rlen -= body + n;
                rbuf[rlen] = '\0';
                return m;
            }
        }
        long left = deadline - now_ms();
        if (left <= 0)
            return NULL;
        struct pollfd p = {from_srv, POLLIN, 0};
        if (poll(&p, 1, (int)left) <= 0)
            continue;
        ssize_t k = read(from_srv, rbuf + rlen, sizeof(rbuf) - rlen - 1);
        if (k <= 0)
            return NULL;
        rlen += (size_t)k;
        rbuf[rlen] = '\0';
    }
}

static bool match(json_t *exp, json_t *act) {
    if (!act)
        return false;
    if (json_is_string(exp)) {
        const char *s = json_string_value(exp);
        if (strcmp(s, "<any>") == 0)
            return true;
        if (strncmp(s, "<contains>", 10) == 0)
            return json_is_string(act) && strstr(json_string_value(act), s + 10);
        if (strncmp(s, "<notable>", 9) == 0 || strncmp(s, "<plain>", 7) == 0) {
            bool plain = s[1] == 'p';
            const char *a = json_string_value(act), *want = s + (plain ? 7 : 9);
            if (!a || !strstr(a, want) || strstr(a, "|---") || strstr(a, "| |"))
                return false;
            if (plain && (strstr(a, "**") || strstr(a, "```") || strstr(a, "\n#") || a[0] == '#' ||
                          strstr(a, "\n---") || strstr(a, "\n- ")))
                return false;
            return true;
        }
    }
    if (json_is_object(exp)) {
        if (!json_is_object(act) || json_object_size(exp) != json_object_size(act))
            return false;
        const char *k;
        json_t *v;
        json_object_foreach(exp, k, v) {
            if (!match(v, json_object_get(act, k)))
                return false;
        }
        return true;
    }
    if (json_is_array(exp) && json_is_string(json_array_get(exp, 0)) &&
        strcmp(json_string_value(json_array_get(exp, 0)), "<some>") == 0) {
        if (!json_is_array(act))
            return false;
        for (size_t i = 1; i < json_array_size(exp); i++) {
            bool found = false;
            for (size_t j = 0; j < json_array_size(act) && !found; j++)
                found = match(json_array_get(exp, i), json_array_get(act, j));
            if (!found)
                return false;
        }
        return true;
    }
    if (json_is_array(exp)) {
        if (!json_is_array(act) || json_array_size(exp) != json_array_size(act))
            return false;
        for (size_t i = 0; i < json_array_size(exp); i++)
            if (!match(json_array_get(exp, i), json_array_get(act, i)))
                return false;
        return true;
    }
    return json_equal(exp, act);
}

/* The private temporary folder (file://TMP, >>> write) and what was
 * written there, removed at exit. */
static char tmp_dir[64];
static char *tmp_made[64];
static size_t n_tmp_made;

static const char *tmp_path(void) {
    if (!tmp_dir[0]) {
        strcpy(tmp_dir, "/tmp/lsp_transcript_dir_XXXXXX");
        if (!mkdtemp(tmp_dir))
            fail("mkdtemp", strerror(errno), NULL);
    }
    return tmp_dir;
}

static void tmp_cleanup(void) {
    while (n_tmp_made > 0) {
        char *p = tmp_made[--n_tmp_made];
        if (unlink(p) != 0)
            rmdir(p);
        free(p);
    }
    if (tmp_dir[0])
        rmdir(tmp_dir);
}

/* Writes body to TMP/name, creating the folders on the way. */
static void write_tmp(const char *name, const char *body) {
    char path[4096];
    snprintf(path, sizeof(path), "%s/%s", tmp_path(), name);
    for (char *sl = path + strlen(tmp_dir) + 1; (sl = strchr(sl, '/')); sl++) {
        *sl = '\0';
        if (mkdir(path, 0700) == 0 && n_tmp_made < 64)
            tmp_made[n_tmp_made++] = strdup(path);
        *sl = '/';
    }
    bool existed = access(path, F_OK) == 0;
    FILE *f = fopen(path, "wb");
    if (!f || fputs(body, f) < 0 || fclose(f) != 0)
        fail("cannot write", path, NULL);
    if (!existed && n_tmp_made < 64)
        tmp_made[n_tmp_made++] = strdup(path);
}

/* Replaces "file://CWD" with the working directory's file URI, so that
 * transcripts can name files next to them, and "file://TMP" with the
 * temporary folder's. Returns a new string. */
static char *expand_cwd(const char *s) {
    static const char tok[] = "file://CWD", ttok[] = "file://TMP";
    char cwd[4096];
    if (!getcwd(cwd, sizeof(cwd)))
        strcpy(cwd, "/");
    size_t n = strlen(s), cl = strlen(cwd) + sizeof(tmp_dir);
    char *out = malloc(n * (cl + 8) / 4 + n + 16), *o = out;
    while (*s) {
        if (strncmp(s, tok, sizeof(tok) - 1) == 0) {
            o += sprintf(o, "file://%s", cwd);
            s += sizeof(tok) - 1;
        } else if (strncmp(s, ttok, sizeof(ttok) - 1) == 0) {
            o += sprintf(o, "file://%s", tmp_path());
            s += sizeof(ttok) - 1;
        } else {
            *o++ = *s++;
        }
    }
    *o = '\0';
    return out;
}

/* A Windows server under Wine sees the Unix root as a drive (Z:, given in
 * MFL_TRANSCRIPT_UNIX_DRIVE) and names /tmp/x as file:///Z:/tmp/x; this
 * maps such URIs in a received message back to file:///tmp/x, in place. */
static void unix_drive_uris(char *msg) {
    const char *drive = getenv("MFL_TRANSCRIPT_UNIX_DRIVE");
    if (!drive || !drive[0])
        return;
    char pat[32];
    int pl = snprintf(pat, sizeof(pat), "file:///%s/", drive);
    if (pl <= 0 || (size_t)pl >= sizeof(pat))
        return;
    size_t drop = strlen(drive) + 1; /* "Z:/" becomes "/" */
    for (char *p = msg; (p = strstr(p, pat));) {
        memmove(p + 7, p + 7 + drop, strlen(p + 7 + drop) + 1);
        p += 8;
    }
}

static void frame_into(FILE *out, const char *raw) {
    json_error_t err;
    char *json = expand_cwd(raw);
    json_t *v = json_loads(json, 0, &err);
    free(json);
    if (!v)
        fail("bad JSON in the transcript", err.text, NULL);
    char *s = json_dumps(v, JSON_COMPACT);
    fprintf(out, "Content-Length: %zu\r\n\r\n%s", strlen(s), s);
    free(s);
    json_decref(v);
}

static void unescape_into(FILE *out, const char *s) {
    for (; *s; s++) {
        if (*s != '\\' || !s[1]) {
            fputc(*s, out);
            continue;
        }
        s++;
        if (*s == 'r')
            fputc('\r', out);
        else if (*s == 'n')
            fputc('\n', out);
        else if (*s == 'x' && s[1] && s[2]) {
            char hex[3] = {s[1], s[2], 0};
            fputc((int)strtol(hex, NULL, 16), out);
            s += 2;
        } else
            fputc(*s, out);
    }
}

static FILE *stdin_file;

static void send_bytes(const char *p, size_t n) {
    if (stdin_file) {
        fwrite(p, 1, n, stdin_file);
        return;
    }
    while (n > 0) {
        ssize_t k = write(to_srv, p, n);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            fail("cannot write to the server", NULL, NULL);
        p += k;
        n -= (size_t)k;
    }
}

static void start(const char *server, const char *stdin_path) {
    int in[2], out[2];
    if (pipe(out) != 0 || (!stdin_path && pipe(in) != 0))
        fail("pipe failed", NULL, NULL);
    child = fork();
    if (child == 0) {
        if (stdin_path) {
            FILE *f = freopen(stdin_path, "rb", stdin);
            (void)f;
        } else {
            dup2(in[0], 0);
            close(in[0]);
            close(in[1]);
        }
        dup2(out[1], 1);
        close(out[0]);
        close(out[1]);
        execl(server, server, "--stdio", (char *)NULL);
        _exit(127);
    }
    close(out[1]);
    from_srv = out[0];
    if (!stdin_path) {
        close(in[0]);
        to_srv = in[1];
    }
}

static void expect_exit(int code) {
    int status = 0;
    long deadline = now_ms() + HANG_MS;
    while (waitpid(child, &status, WNOHANG) == 0) {
        if (now_ms() > deadline)
            fail("server did not exit", NULL, NULL);
        struct timespec ts = {0, 10 * 1000000L};
        nanosleep(&ts, NULL);
    }
    child = 0;
    char want[16], got[16];
    snprintf(want, sizeof(want), "%d", code);
    snprintf(got, sizeof(got), "%d", WIFEXITED(status) ? WEXITSTATUS(status) : -1);
    if (strcmp(want, got) != 0)
        fail("exit status (got, expected)", got, want);
}

typedef struct {
    char *dir;     /* the directive line */
    char *body;    /* the block, lines joined with \n */
    int line;
} block_t;

int main(int argc, char **argv) {
    signal(SIGPIPE, SIG_IGN);
    bool file_mode = argc > 1 && strcmp(argv[1], "--stdin-file") == 0;
    if (argc != 3 + file_mode) {
        fprintf(stderr, "usage: lsp_transcript [--stdin-file] SERVER CASE.lsp\n");
        return 2;
    }
    const char *server = argv[1 + file_mode];
    atexit(tmp_cleanup);
    case_path = argv[2 + file_mode];
    FILE *f = fopen(case_path, "rb");
    if (!f)
        fail("cannot open the case", NULL, NULL);
    block_t blocks[256];
    size_t nb = 0;
    char line[1 << 16];
    int ln = 0;
    while (fgets(line, sizeof(line), f)) {
        ln++;
        line[strcspn(line, "\n")] = '\0';
        if (line[0] == '#' && nb > 0 && strncmp(blocks[nb - 1].dir, ">>> raw", 7) != 0)
            continue;
        if (line[0] == '#' && nb == 0)
            continue;
        if (strncmp(line, ">>>", 3) == 0 || strncmp(line, "<<<", 3) == 0) {
            if (nb == 256)
                fail("too many blocks", NULL, NULL);
            blocks[nb].dir = strdup(line);
            blocks[nb].body = strdup("");
            blocks[nb].line = ln;
            nb++;
            continue;
        }
        if (nb == 0 || line[0] == '\0')
            continue;
        block_t *b = &blocks[nb - 1];
        size_t ol = strlen(b->body), nl = strlen(line);
        b->body = realloc(b->body, ol + nl + 2);
        memcpy(b->body + ol, line, nl);
        b->body[ol + nl] = '\n';
        b->body[ol + nl + 1] = '\0';
    }
    fclose(f);

    char tmpl[] = "/tmp/lsp_transcript_XXXXXX";
    if (file_mode) {
        int fd = mkstemp(tmpl);
        stdin_file = fdopen(fd, "wb");
        for (size_t i = 0; i < nb; i++) {
            lineno = blocks[i].line;
            if (strcmp(blocks[i].dir, ">>>") == 0)
                frame_into(stdin_file, blocks[i].body);
            else if (strncmp(blocks[i].dir, ">>> write ", 10) == 0)
                write_tmp(blocks[i].dir + 10, blocks[i].body);
            else if (strcmp(blocks[i].dir, ">>> raw") == 0) {
                blocks[i].body[strcspn(blocks[i].body, "\n")] = '\0';
                unescape_into(stdin_file, blocks[i].body);
            }
        }
        fclose(stdin_file);
        start(server, tmpl);
    } else {
        start(server, NULL);
    }
    for (size_t i = 0; i < nb; i++) {
        block_t *b = &blocks[i];
        lineno = b->line;
        if (strncmp(b->dir, ">>>", 3) == 0) {
            if (file_mode)
                continue;
            char *buf = NULL;
            size_t n = 0;
            FILE *m = open_memstream(&buf, &n);
            if (strcmp(b->dir, ">>>") == 0) {
                frame_into(m, b->body);
            } else if (strcmp(b->dir, ">>> batch") == 0) {
                for (char *l = strtok(b->body, "\n"); l; l = strtok(NULL, "\n"))
                    frame_into(m, l);
            } else if (strcmp(b->dir, ">>> raw") == 0) {
                for (char *l = strtok(b->body, "\n"); l; l = strtok(NULL, "\n"))
                    unescape_into(m, l);
            } else if (strncmp(b->dir, ">>> write ", 10) == 0) {
                write_tmp(b->dir + 10, b->body);
            } else if (strcmp(b->dir, ">>> eof") == 0) {
                close(to_srv);
                to_srv = -1;
            } else {
                fail("unknown directive", b->dir, NULL);
            }
            fclose(m);
            if (n)
                send_bytes(buf, n);
            free(buf);
        } else if (strcmp(b->dir, "<<< quiet") == 0) {
            char *msg = read_message(300);
            if (msg)
                fail("unexpected message", msg, NULL);
        } else if (strncmp(b->dir, "<<< exit ", 9) == 0) {
            expect_exit(atoi(b->dir + 9));
        } else if (strcmp(b->dir, "<<<") == 0) {
            json_error_t err;
            char *want = expand_cwd(b->body);
            json_t *exp = json_loads(want, 0, &err);
            free(want);
            if (!exp)
                fail("bad expected JSON", err.text, NULL);
            char *msg = read_message(HANG_MS);
            if (!msg)
                fail("no message from the server; expected", b->body, NULL);
            unix_drive_uris(msg);
            json_t *act = json_loads(msg, 0, &err);
            if (!match(exp, act)) {
                char *pretty = act ? json_dumps(act, JSON_INDENT(1) | JSON_SORT_KEYS) : strdup(msg);
                fprintf(stderr, "%s:%d: message differs\n--- expected\n%s--- got\n%s\n", case_path,
                        lineno, b->body, pretty);
                free(pretty);
                if (child > 0)
                    kill(child, SIGKILL);
                return 1;
            }
            json_decref(exp);
            json_decref(act);
            free(msg);
        } else {
            fail("unknown directive", b->dir, NULL);
        }
    }
    if (file_mode)
        unlink(tmpl);
    for (size_t i = 0; i < nb; i++) {
        free(blocks[i].dir);
        free(blocks[i].body);
    }
    if (child > 0) {
        kill(child, SIGKILL);
        waitpid(child, NULL, 0);
    }
    return 0;
}
