/* SPDX-License-Identifier: MIT */
/* Fuzz target: the language server's input side. The first byte picks one
 * of two halves, the rest of the input drives it:
 *
 *  - edits: a random sequence of mfl_doc_edit calls on any text, with
 *    ranges in range, out of range, inverted and overlapping, checked
 *    against a shadow buffer (a refused edit leaves the text unchanged) and,
 *    after every edit, against a fresh parse of the same text (same tree,
 *    same instructions, same syntax errors);
 *  - session: a whole server (lsp_server_init over a uv loop, output to a
 *    temporary file) fed through lsp_server_feed, in chunks of random size:
 *    initialize with a random position encoding and diagnostic mode, open a
 *    document, then didChange with random ranges (any encoding, out of range,
 *    huge) and texts with multi-byte and astral characters, requests of every
 *    kind, raw framing garbage and raw JSON bodies, close and reopen, and
 *    finally shutdown + exit. Checks: the server's document always equals a
 *    fresh parse of its text, the loop closes every handle, and, when no
 *    garbage was sent, every request got a response. */
#define _POSIX_C_SOURCE 200809L
#include "fuzz.h"

#include "server.h"

#include <stdbool.h>
#include <string.h>
#include <unistd.h>

typedef struct {
    const uint8_t *p;
    size_t n;
} input_t;

static unsigned take(input_t *in) {
    if (in->n == 0) return 0;
    in->n--;
    return *in->p++;
}

static unsigned take16(input_t *in) {
    unsigned a = take(in);
    return a | (take(in) << 8);
}

/* ---- a document equals a fresh parse of its text ------------------------------ */

static void check_fresh(const mfl_doc_t *doc) {
    size_t len;
    const char *text = mfl_doc_text(doc, &len);
    FUZZ_CHECK(text[len] == '\0', "text not NUL-terminated");
    /* A fresh parse decodes a leading BOM (or UTF-16); an edited document
     * keeps the bytes as text. Those texts are not comparable. */
    if (len >= 2 &&
        ((uint8_t)text[0] == 0xEF || (uint8_t)text[0] == 0xFF || (uint8_t)text[0] == 0xFE))
        return;
    mfl_doc_t *fresh = mfl_doc_new(text, len);
    if (fresh == NULL) return;
    size_t flen;
    const char *ftext = mfl_doc_text(fresh, &flen);
    FUZZ_CHECK(flen == len && memcmp(ftext, text, len) == 0, "fresh text differs");
    char *a = mfl_doc_sexp(doc), *b = mfl_doc_sexp(fresh);
    if (a && b)
        FUZZ_CHECK(strcmp(a, b) == 0, "incremental tree differs from a fresh parse:\n%s\n%s", a, b);
    mfl_free(a);
    mfl_free(b);
    FUZZ_CHECK(mfl_doc_instr_count(doc) == mfl_doc_instr_count(fresh), "instruction count");
    for (size_t i = 0; i < mfl_doc_instr_count(doc); i++) {
        const mfl_instr_t *x = mfl_doc_instr(doc, i), *y = mfl_doc_instr(fresh, i);
        FUZZ_CHECK(x->kind == y->kind && x->range.start == y->range.start &&
                       x->range.end == y->range.end && x->value_len == y->value_len &&
                       memcmp(x->value_text, y->value_text, x->value_len) == 0 &&
                       x->name_len == y->name_len &&
                       memcmp(x->name_text, y->name_text, x->name_len) == 0,
                   "instruction %zu differs from a fresh parse", i);
    }
    FUZZ_CHECK(mfl_doc_syntax_error_count(doc) == mfl_doc_syntax_error_count(fresh),
               "syntax errors %zu vs fresh %zu", mfl_doc_syntax_error_count(doc),
               mfl_doc_syntax_error_count(fresh));
    FUZZ_CHECK(mfl_doc_line_count(doc) == mfl_doc_line_count(fresh), "line count");
    mfl_doc_free(fresh);
}

/* ---- half 1: mfl_doc_edit sequences ----------------------------------------------- */

static void run_edits(input_t *in) {
    size_t n0 = take(in) % 64;
    if (n0 > in->n) n0 = in->n;
    mfl_doc_t *doc = mfl_doc_new((const char *)in->p, n0);
    in->p += n0;
    in->n -= n0;
    if (doc == NULL) return;
    size_t len;
    const char *t = mfl_doc_text(doc, &len);
    char *shadow = malloc(len + 1);
    FUZZ_CHECK(shadow != NULL, "malloc");
    memcpy(shadow, t, len);
    size_t slen = len;
    for (int op = 0; op < 64 && in->n > 0; op++) {
        unsigned kind = take(in);
        uint32_t start, end;
        if (kind & 0x80) { /* anywhere, including far out of range */
            start = (uint32_t)take16(in) * (kind & 0x40 ? 65537u : 1u);
            end = (uint32_t)take16(in);
        } else { /* near the text: mostly valid, sometimes one past or inverted */
            start = (uint32_t)(take(in) % (slen + 2));
            end = start + (uint32_t)(take(in) % 8) - (kind & 1 ? 2u : 0u);
        }
        size_t k = take(in) % 12;
        if (k > in->n) k = in->n;
        const char *text = (const char *)in->p;
        in->p += k;
        in->n -= k;
        int rc = mfl_doc_edit(doc, start, end, text, k);
        const char *now = mfl_doc_text(doc, &len);
        if (start <= end && end <= slen) {
            FUZZ_CHECK(rc == 0 || rc == MFL_ENOMEM, "valid edit %u-%u of %zu refused: %d", start,
                       end, slen, rc);
            if (rc != 0) continue;
            char *ns = malloc(slen - (end - start) + k + 1);
            FUZZ_CHECK(ns != NULL, "malloc");
            memcpy(ns, shadow, start);
            memcpy(ns + start, text, k);
            memcpy(ns + start + k, shadow + end, slen - end);
            slen = slen - (end - start) + k;
            free(shadow);
            shadow = ns;
        } else {
            FUZZ_CHECK(rc == MFL_EINVAL, "bad edit %u-%u of %zu gave %d", start, end, slen, rc);
        }
        FUZZ_CHECK(len == slen && memcmp(now, shadow, len) == 0, "text differs from shadow");
        check_fresh(doc);
    }
    free(shadow);
    mfl_doc_free(doc);
}

/* ---- half 2: a server session ----------------------------------------------------- */

/* Pieces of text for document content: multi-byte, astral (a surrogate
 * pair in UTF-16), bidi controls, line breaks and Modelfile syntax. */
static const char *const pieces[] = {
    "FROM ",
    "llama3.2",
    "\n",
    "\r\n",
    "\r",
    "PARAMETER ",
    "num_ctx ",
    "4096",
    "SYSTEM ",
    "\"\"\"",
    "\"",
    "MESSAGE user ",
    "TEMPLATE ",
    "{{ .Prompt }}",
    "# modelfile-lint: ignore=MF009\n",
    "\xc3\xa9",
    "\xe2\x82\xac",
    "\xf0\x9f\x98\x80",
    "\xe2\x80\xae",
    "\xe2\x80\x8b",
    "\t",
    " ",
    "x",
    "ADAPTER ./a.gguf",
    "stop ",
    "from ",
    "\xc2\xa0",
};
#define N_PIECES (sizeof pieces / sizeof pieces[0])

static const char *const requests[] = {
    "textDocument/diagnostic",   "textDocument/codeAction", "textDocument/hover",
    "textDocument/completion",   "textDocument/formatting", "textDocument/documentSymbol",
    "textDocument/foldingRange", "no/such/method",
};
#define N_REQUESTS (sizeof requests / sizeof requests[0])

typedef struct {
    lsp_server_t s;
    uv_loop_t loop;
    int out_fd;
    json_int_t next_id;
    bool garbage; /* raw bytes or raw bodies were sent: no reply accounting */
    bool open;
    const char *uri;
} session_t;

static void feed(session_t *ss, input_t *in, const char *bytes, size_t len) {
    /* In chunks of random size, as reads would split them. */
    while (len > 0) {
        size_t c = 1 + take(in) * 4;
        if (c > len) c = len;
        lsp_server_feed(&ss->s, bytes, c);
        bytes += c;
        len -= c;
    }
    uv_run(&ss->loop, UV_RUN_NOWAIT);
}

static void send_msg(session_t *ss, input_t *in, json_t *msg) {
    if (msg == NULL) return;
    size_t blen, flen;
    char *body = json_dumps(msg, JSON_COMPACT);
    json_decref(msg);
    if (body == NULL) return;
    blen = strlen(body);
    char *framed = lsp_frame_new(body, blen, &flen);
    mfl_free(body);
    if (framed == NULL) return;
    feed(ss, in, framed, flen);
    mfl_free(framed);
}

static json_t *random_text(input_t *in, size_t max_pieces) {
    char buf[512];
    size_t n = 0, count = take(in) % (max_pieces + 1);
    buf[0] = '\0';
    for (size_t i = 0; i < count; i++) {
        const char *p = pieces[take(in) % N_PIECES];
        size_t l = strlen(p);
        if (n + l >= sizeof buf) break;
        memcpy(buf + n, p, l + 1);
        n += l;
    }
    return json_stringn(buf, n);
}

static json_int_t coord(input_t *in) {
    unsigned c = take(in);
    switch (c >> 5) {
    case 0: return (json_int_t)take16(in) * 65536; /* huge */
    case 1: return -(json_int_t)(c & 3) - 1;       /* negative */
    default: return c % 12;
    }
}

static json_t *position(input_t *in) {
    return json_pack("{s:I,s:I}", "line", coord(in), "character", coord(in));
}

static json_t *text_doc(session_t *ss) { return json_pack("{s:s}", "uri", ss->uri); }

static void request(session_t *ss, input_t *in, const char *method, json_t *params) {
    send_msg(ss, in,
             json_pack("{s:s,s:I,s:s,s:o}", "jsonrpc", "2.0", "id", ss->next_id++, "method", method,
                       "params", params ? params : json_object()));
}

static void notify(session_t *ss, input_t *in, const char *method, json_t *params) {
    send_msg(ss, in,
             json_pack("{s:s,s:s,s:o}", "jsonrpc", "2.0", "method", method, "params",
                       params ? params : json_object()));
}

static void open_doc(session_t *ss, input_t *in) {
    notify(ss, in, "textDocument/didOpen",
           json_pack("{s:{s:s,s:s,s:i,s:o}}", "textDocument", "uri", ss->uri, "languageId",
                     "modelfile", "version", 1, "text", random_text(in, 24)));
    ss->open = true;
}

static void check_server_doc(session_t *ss) {
    lsp_doc_t *d = lsp_docstore_find(&ss->s.docs, ss->uri);
    if (d) check_fresh(d->doc);
}

/* Counts the responses to each of our ids in the output file. */
static void check_replies(session_t *ss) {
    off_t end = lseek(ss->out_fd, 0, SEEK_END);
    if (end <= 0) return;
    char *out = malloc((size_t)end);
    FUZZ_CHECK(out != NULL, "malloc");
    FUZZ_CHECK(pread(ss->out_fd, out, (size_t)end, 0) == end, "read back");
    size_t ids = (size_t)ss->next_id - 1;
    unsigned char *seen = calloc(ids + 1, 1);
    FUZZ_CHECK(seen != NULL, "calloc");
    const char *p = out, *stop = out + end;
    while (p < stop) {
        size_t blen = 0;
        FUZZ_CHECK(sscanf(p, "Content-Length: %zu", &blen) == 1, "bad output header");
        const char *body = strstr(p, "\r\n\r\n");
        FUZZ_CHECK(body != NULL && body + 4 + blen <= stop, "truncated output frame");
        body += 4;
        json_t *m = json_loadb(body, blen, 0, NULL);
        FUZZ_CHECK(m != NULL, "server wrote invalid JSON: %.*s", (int)blen, body);
        json_t *id = json_object_get(m, "id");
        if (json_is_integer(id) && json_object_get(m, "method") == NULL) {
            json_int_t v = json_integer_value(id);
            FUZZ_CHECK(v >= 1 && (size_t)v <= ids, "response to unknown id %lld", (long long)v);
            FUZZ_CHECK(seen[v] == 0, "two responses to id %lld", (long long)v);
            seen[v] = 1;
        }
        json_decref(m);
        p = body + blen;
    }
    for (size_t i = 1; i <= ids; i++) FUZZ_CHECK(seen[i], "request %zu got no response", i);
    free(seen);
    free(out);
}

static void run_session(input_t *in) {
    static session_t ss;
    static int out_fd = -1;
    if (out_fd < 0) {
        FILE *f = tmpfile();
        FUZZ_CHECK(f != NULL, "tmpfile");
        out_fd = fileno(f);
        setenv("MODELFILE_LSP_DEBOUNCE_MS", "0", 1);
    }
    FUZZ_CHECK(ftruncate(out_fd, 0) == 0 && lseek(out_fd, 0, SEEK_SET) == 0, "reset output");
    memset(&ss, 0, sizeof ss);
    ss.out_fd = out_fd;
    ss.next_id = 1;
    ss.uri = take(in) & 1 ? "untitled:Untitled-1" : "file:///nonexistent/fuzz/Modelfile";
    FUZZ_CHECK(uv_loop_init(&ss.loop) == 0, "uv_loop_init");
    int in_fd = dup(out_fd); /* a file: never read, since the server is not started */
    FUZZ_CHECK(lsp_server_init(&ss.s, &ss.loop, in_fd, out_fd) == 0, "lsp_server_init");

    unsigned caps = take(in);
    static const char *const encs[] = {"utf-16", "utf-8", "utf-32"};
    json_t *c = json_pack("{s:{s:[s]}}", "general", "positionEncodings", encs[caps % 3]);
    if (caps & 4) json_object_set_new(c, "textDocument", json_pack("{s:{}}", "diagnostic"));
    request(&ss, in, "initialize", json_pack("{s:o}", "capabilities", c));
    notify(&ss, in, "initialized", NULL);
    open_doc(&ss, in);
    check_server_doc(&ss);

    for (int op = 0; op < 48 && in->n > 0 && ss.s.state != LSP_STATE_EXITED; op++) {
        unsigned k = take(in);
        switch (k % 10) {
        case 0:
        case 1:
        case 2: { /* incremental changes, one or several per notification */
            json_t *changes = json_array();
            for (unsigned i = 0; i <= (k >> 6); i++)
                json_array_append_new(changes,
                                      json_pack("{s:{s:o,s:o},s:o}", "range", "start", position(in),
                                                "end", position(in), "text", random_text(in, 6)));
            notify(&ss, in, "textDocument/didChange",
                   json_pack("{s:{s:s,s:i},s:o}", "textDocument", "uri", ss.uri, "version", op + 2,
                             "contentChanges", changes));
            break;
        }
        case 3: /* a full-text change */
            notify(&ss, in, "textDocument/didChange",
                   json_pack("{s:{s:s,s:i},s:[{s:o}]}", "textDocument", "uri", ss.uri, "version",
                             op + 2, "contentChanges", "text", random_text(in, 24)));
            break;
        case 4:
        case 5: { /* a request */
            const char *m = requests[take(in) % N_REQUESTS];
            json_t *p = json_pack("{s:o}", "textDocument", text_doc(&ss));
            json_object_set_new(p, "position", position(in));
            json_object_set_new(p, "range",
                                json_pack("{s:o,s:o}", "start", position(in), "end", position(in)));
            json_object_set_new(p, "context", json_pack("{s:[]}", "diagnostics"));
            json_object_set_new(p, "options",
                                json_pack("{s:i,s:b}", "tabSize", 4, "insertSpaces", 1));
            request(&ss, in, m, p);
            break;
        }
        case 6: { /* raw bytes into the framing decoder */
            size_t n = take(in) % 64;
            if (n > in->n) n = in->n;
            ss.garbage = true;
            char raw[64];
            memcpy(raw, in->p, n);
            in->p += n;
            in->n -= n;
            feed(&ss, in, raw, n);
            break;
        }
        case 7: { /* a raw body, correctly framed */
            size_t n = take(in) % 96, flen;
            if (n > in->n) n = in->n;
            ss.garbage = true;
            char *framed = lsp_frame_new((const char *)in->p, n, &flen);
            in->p += n;
            in->n -= n;
            if (framed) {
                feed(&ss, in, framed, flen);
                mfl_free(framed);
            }
            break;
        }
        case 8: /* close, then maybe reopen */
            notify(&ss, in, "textDocument/didClose",
                   json_pack("{s:o}", "textDocument", text_doc(&ss)));
            if (k & 0x10) open_doc(&ss, in);
            break;
        default: { /* settings and cancellation */
            static const char *const keys[] = {"select",   "ignore", "memory",
                                               "hardware", "rules",  "models"};
            json_t *set = json_object();
            json_object_set_new(set, keys[take(in) % 6], random_text(in, 2));
            notify(&ss, in, "workspace/didChangeConfiguration",
                   json_pack("{s:{s:o}}", "settings", "modelfile-lint", set));
            notify(&ss, in, "$/cancelRequest", json_pack("{s:I}", "id", ss.next_id - 1));
            break;
        }
        }
        check_server_doc(&ss);
    }
    if (!ss.garbage) {
        request(&ss, in, "shutdown", NULL);
        notify(&ss, in, "exit", NULL);
    }
    lsp_server_exit(&ss.s);
    uv_run(&ss.loop, UV_RUN_DEFAULT);
    lsp_server_cleanup(&ss.s);
    FUZZ_CHECK(uv_loop_close(&ss.loop) == 0, "handles left open after exit");
    close(in_fd); /* the transport never closes a file descriptor it did not open */
    if (!ss.garbage) check_replies(&ss);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static bool init;
    if (!init) {
        init = true;
        uv_replace_allocator(mfl_malloc, mfl_realloc, mfl_calloc, mfl_free);
        lsp_rpc_init_alloc();
    }
    input_t in = {data, size};
    if (take(&in) & 1)
        run_session(&in);
    else
        run_edits(&in);
    return 0;
}
