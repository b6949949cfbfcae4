/* SPDX-License-Identifier: MIT */
/* MF403 secret-file: FROM, ADAPTER or DRAFT naming a file that looks like a
 * secret (SSH keys, .env, key files, credentials). */
#include "internal.h"

#include <string.h>

static bool eq_ci(const char *s, size_t n, const char *lit) {
    return strlen(lit) == n && strncasecmp_ascii(s, lit, n) == 0;
}

static bool ends_ci(const char *s, size_t n, const char *suf) {
    size_t l = strlen(suf);
    return n >= l && strncasecmp_ascii(s + n - l, suf, l) == 0;
}

static bool starts_ci(const char *s, size_t n, const char *pre) {
    size_t l = strlen(pre);
    return n >= l && strncasecmp_ascii(s, pre, l) == 0;
}

/* What the path looks like, or NULL if it does not look like a secret. */
static const char *secret_kind(const char *p, size_t n) {
    /* The folder parts first: anything under these is private. */
    static const char *const dirs[] = {".ssh", ".gnupg", ".aws", ".kube", ".docker", ".azure"};
    size_t start = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i < n && p[i] != '/' && p[i] != '\\') continue;
        if (i < n) /* a folder segment (the last one is the file name) */
            for (size_t d = 0; d < sizeof dirs / sizeof dirs[0]; d++)
                if (eq_ci(p + start, i - start, dirs[d])) return "a file in a private folder";
        start = i + 1;
    }
    size_t b = n;
    while (b > 0 && p[b - 1] != '/' && p[b - 1] != '\\') b--;
    const char *f = p + b;
    size_t fn = n - b;
    if (eq_ci(f, fn, ".env") || starts_ci(f, fn, ".env.")) return "an environment file";
    if (starts_ci(f, fn, "id_rsa") || starts_ci(f, fn, "id_dsa") || starts_ci(f, fn, "id_ecdsa") ||
        starts_ci(f, fn, "id_ed25519"))
        return "an SSH key";
    if (ends_ci(f, fn, ".pem") || ends_ci(f, fn, ".key") || ends_ci(f, fn, ".p12") ||
        ends_ci(f, fn, ".pfx") || ends_ci(f, fn, ".keystore"))
        return "a key file";
    if (eq_ci(f, fn, ".netrc") || eq_ci(f, fn, "_netrc") || eq_ci(f, fn, ".git-credentials") ||
        eq_ci(f, fn, ".pgpass") || eq_ci(f, fn, ".npmrc") || eq_ci(f, fn, ".pypirc") ||
        eq_ci(f, fn, "credentials") || eq_ci(f, fn, "credentials.json") || eq_ci(f, fn, "shadow") ||
        eq_ci(f, fn, "secrets.json"))
        return "a credentials file";
    return NULL;
}

static void check(mfl_ctx_t *ctx) {
    MFL_FOREACH_INSTR(ctx, in) {
        if ((in->kind != MFL_INSTR_FROM && in->kind != MFL_INSTR_ADAPTER &&
             in->kind != MFL_INSTR_DRAFT) ||
            in->value_len == 0)
            continue;
        const char *what = secret_kind(in->value_text, in->value_len);
        if (!what) continue;
        mfl_report(ctx, in->value,
                   "%s `%s` looks like %s: ollama create reads the file it names and uploads "
                   "it to the Ollama server",
                   mfl_instr_keyword(in->kind), in->value_text, what);
    }
}

const mfl_rule_t mfl_rule_secret_file = {
    .code = "MF403",
    .name = "secret-file",
    .severity = MFL_SEVERITY_ERROR,
    .fixable = MFL_FIXABLE_NONE,
    .category = "security",
    .summary = "FROM, ADAPTER or DRAFT names a file that looks like a secret",
    .doc = "## What it does\n"
           "Reports FROM, ADAPTER and DRAFT values that name a secret-looking file: anything "
           "under `.ssh`, `.gnupg`, `.aws`, `.kube`, `.docker` or `.azure`; `.env` files; SSH "
           "keys (`id_rsa`, `id_ed25519`...); key files (`*.pem`, `*.key`, `*.p12`, `*.pfx`); "
           "`.netrc`, `.git-credentials`, `.pgpass`, `.npmrc`, `.pypirc`, `credentials`, "
           "`shadow`. It looks at the text only, so it also fires when the file is absent "
           "(in CI, say).\n\n"
           "## Why is this bad?\n"
           "`ollama create` reads the file FROM, ADAPTER or DRAFT names and uploads it to the "
           "Ollama server, which may be remote or shared. A Modelfile in an untrusted pull "
           "request can use this to exfiltrate a private key from whoever builds it.\n\n"
           "## Example\n```\nFROM llama3.2\nADAPTER ~/.ssh/id_ed25519\n```\n\n"
           "Use instead:\n```\nFROM llama3.2\nADAPTER ./adapters/style-lora.gguf\n```\n",
    .check = check,
};
