/* SPDX-License-Identifier: MIT */
/* Argument parsing: options.def's table into getopt_long, then into
 * cli_opts_t, with one clear error per bad value. */
#define _GNU_SOURCE
#include "cli.h"
#include "mfl_knowledge.h"

#include "mfl_os.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

const cli_option_t cli_options[] = {
#define CLI_GROUP(title) {title, OPT_NONE, NULL, 0, NULL, 0, NULL},
#define CLI_OPT(id, name, short_, arg, scope, help) \
    {NULL, OPT_##id, name, short_, arg, scope, help},
#include "options.def"
#undef CLI_OPT
#undef CLI_GROUP
};
const size_t cli_n_options = sizeof cli_options / sizeof cli_options[0];

static const char *prog(unsigned scope) {
    return scope & INFO         ? "modelfile-lint info"
           : scope & PARSE      ? "modelfile-lint parse"
           : scope & FORMAT_CMD ? "modelfile-lint format"
                                : "modelfile-lint";
}

static int bad(unsigned scope, const char *opt, const char *what) {
    fprintf(stderr, "%s: --%s: %s\n", prog(scope), opt, what);
    return 2;
}

static const char *opt_name(cli_opt_id_t id) {
    for (size_t i = 0; i < cli_n_options; i++)
        if (!cli_options[i].group && cli_options[i].id == id) return cli_options[i].name;
    return "?";
}

int cli_budget_option(cli_opt_id_t id, const char *arg, cli_budget_opts_t *b) {
    const unsigned s = CHECK;
    switch (id) {
    case OPT_MEMORY: {
        char why[256];
        if (mfl_size_parse(arg, &b->v.memory_budget, why, sizeof why)) return bad(s, "memory", why);
        b->memory = true;
        return 0;
    }
    case OPT_HARDWARE: {
        mfl_budget_t hw;
        memset(&hw, 0, sizeof hw);
        if (mfl_io_apply_hardware(&hw, arg)) {
            fprintf(stderr,
                    "modelfile-lint: --hardware: unknown profile `%s` (see --list-hardware)\n",
                    arg);
            return 2;
        }
        /* The profile's memory and bandwidth, unless given on their own. */
        if (!b->memory) b->v.memory_budget = hw.memory_budget;
        if (!b->bandwidth) b->v.bandwidth = hw.bandwidth;
        b->v.runtime_reserve = hw.runtime_reserve; /* the device's, from the profile */
        memcpy(b->v.hardware, hw.hardware, sizeof hw.hardware);
        b->hw = true;
        return 0;
    }
    case OPT_BANDWIDTH: {
        uint64_t v;
        char tmp[64], why[256] = "", msg[320];
        snprintf(tmp, sizeof tmp, "%s", arg);
        char *slash = strstr(tmp, "/s");
        if (slash && !slash[2]) *slash = '\0';
        if (mfl_size_parse(tmp, &v, why, sizeof why) || v == 0) {
            snprintf(msg, sizeof msg, "%s (a rate such as 800GB/s)", why[0] ? why : "a zero rate");
            return bad(s, "bandwidth", msg);
        }
        b->v.bandwidth = (double)v;
        b->bandwidth = true;
        return 0;
    }
    case OPT_PREFILL_RATE:
    case OPT_CLIENT_TIMEOUT: {
        char *end;
        double v = strtod(arg, &end);
        if (end == arg || *end || !(v > 0) || v > 1e12)
            return bad(s, opt_name(id), "expected a positive number");
        if (id == OPT_PREFILL_RATE)
            b->v.prefill_rate = v, b->prefill = true;
        else
            b->v.client_timeout = v, b->timeout = true;
        return 0;
    }
    case OPT_KV_CACHE_TYPE:
        if (strcmp(arg, "f16") && strcmp(arg, "q8_0") && strcmp(arg, "q4_0") && strcmp(arg, "f32"))
            return bad(s, "kv-cache-type", "expected f16, q8_0 or q4_0");
        snprintf(b->v.kv_cache_type, sizeof b->v.kv_cache_type, "%s", arg);
        b->kv_cache_type = true;
        return 0;
    case OPT_NUM_PARALLEL: {
        char *end;
        long v = strtol(arg, &end, 10);
        if (end == arg || *end || v < 1 || v > 4096)
            return bad(s, "num-parallel", "expected a whole number from 1 to 4096");
        b->v.num_parallel = (uint32_t)v;
        b->num_parallel = true;
        return 0;
    }
    case OPT_OLLAMA_VERSION: {
        const char *why;
        if (mfl_version_parse(arg, strlen(arg), &b->ollama_version, &why)) {
            fprintf(stderr, "modelfile-lint: --ollama-version: `%s`: %s\n", arg, why);
            return 2;
        }
        b->version = true;
        return 0;
    }
    default: return 2;
    }
}

mfl_version_t cli_target_version(const cli_budget_opts_t *o, mfl_version_t from_config) {
    if (o->version) return o->ollama_version;
    return from_config ? from_config : mfl_version_default();
}

void cli_budget_apply(const cli_budget_opts_t *o, mfl_budget_t *b) {
    if (o->hw) {
        memcpy(b->hardware, o->v.hardware, sizeof b->hardware);
        b->runtime_reserve = o->v.runtime_reserve;
    } else if (o->memory) {
        b->runtime_reserve = 0; /* the device is not known */
    }
    if (o->memory || o->hw) b->memory_budget = o->v.memory_budget;
    if (o->bandwidth || o->hw) b->bandwidth = o->v.bandwidth;
    if (o->prefill) b->prefill_rate = o->v.prefill_rate;
    if (o->timeout) b->client_timeout = o->v.client_timeout;
    if (o->kv_cache_type) memcpy(b->kv_cache_type, o->v.kv_cache_type, sizeof b->kv_cache_type);
    if (o->num_parallel) b->num_parallel = o->v.num_parallel;
}

static int parse_format(const char *s, unsigned scope, cli_opts_t *o) {
    o->format_name = s;
    if (scope & (INFO | PARSE)) return 0; /* checked by the subcommand */
    static const struct {
        const char *name;
        cli_format_t fmt;
    } map[] = {{"full", FMT_FULL},
               {"text", FMT_FULL},
               {"concise", FMT_CONCISE},
               {"json", FMT_JSON},
               {"sarif", FMT_SARIF},
               {"github", FMT_GITHUB},
               {"checkstyle", FMT_CHECKSTYLE},
               {"markdown", FMT_FULL}};
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (strcmp(s, map[i].name) == 0) {
            o->format = map[i].fmt;
            return 0;
        }
    fprintf(stderr,
            "modelfile-lint: --output-format: unknown format `%s` (expected full, concise, "
            "json, sarif, github or checkstyle)\n",
            s);
    return 2;
}

static int parse_sev(const char *s, mfl_severity_t *out) {
    static const char *const names[] = {"error", "warning", "info", "hint"};
    for (int i = 0; i < 4; i++)
        if (strcmp(s, names[i]) == 0) {
            *out = (mfl_severity_t)i;
            return 0;
        }
    return -1;
}

/* A comma-separated pattern list, relative to the working directory. */
static int patterns(const char *list, mfl_ignore_t **out) {
    char cwd[4096];
    if (mfl_io_abspath(".", cwd, sizeof cwd)) return -1;
    mfl_ignore_free(*out);
    *out = mfl_ignore_new(strcmp(cwd, "/") ? cwd : "");
    if (!*out) return -1;
    for (const char *p = list; *p;) {
        const char *e = strchr(p, ',');
        size_t l = e ? (size_t)(e - p) : strlen(p);
        while (l && *p == ' ') p++, l--;
        if (l && mfl_ignore_add(*out, p, l)) return -1;
        p += l;
        if (*p == ',') p++;
    }
    return 0;
}

int cli_parse_args(int argc, char **argv, unsigned scope, cli_opts_t *o, int *first) {
    struct option longopts[sizeof cli_options / sizeof cli_options[0] + 1];
    /* A leading ':' tells a missing value from an unknown option. Options
     * and paths may come in any order (GNU getopt permutes them). */
    char shortopts[64] = ":";
    size_t n = 0, sl = 1;
    for (size_t i = 0; i < cli_n_options; i++) {
        const cli_option_t *c = &cli_options[i];
        if (c->group || !(c->scope & scope)) continue;
        longopts[n++] =
            (struct option){c->name, c->arg ? required_argument : no_argument, NULL, (int)c->id};
        if (c->short_ && sl + 3 < sizeof shortopts) {
            shortopts[sl++] = c->short_;
            if (c->arg) shortopts[sl++] = ':';
            shortopts[sl] = '\0';
        }
    }
    longopts[n] = (struct option){NULL, 0, NULL, 0};
    opterr = 0;
    optind = 1;
    int c, idx;
    while ((c = getopt_long(argc, argv, shortopts, longopts, &idx)) != -1) {
        if (c == '?' || c == ':') {
            const char *a = argv[optind - 1];
            if (c == ':')
                fprintf(stderr, "%s: option `%s` needs a value (see --help)\n", prog(scope), a);
            else
                fprintf(stderr, "%s: unknown option `%s` (see --help)\n", prog(scope), a);
            return 2;
        }
        /* A short letter: its entry. */
        if (c < OPT_NONE)
            for (size_t i = 0; i < cli_n_options; i++)
                if (!cli_options[i].group && cli_options[i].short_ == c) c = (int)cli_options[i].id;
        int rc = 0;
        switch ((cli_opt_id_t)c) {
        case OPT_OUTPUT_FORMAT:
        case OPT_FORMAT: rc = parse_format(optarg, scope, o); break;
        case OPT_SHOW_SOURCE:
            o->format = FMT_FULL;
            o->format_name = "full";
            break;
        case OPT_QUIET: o->quiet = true; break;
        case OPT_COLOR:
            if (!strcmp(optarg, "always"))
                o->color = true;
            else if (!strcmp(optarg, "never"))
                o->color = false;
            else if (!strcmp(optarg, "auto"))
                o->color = mfl_os_isatty(1) && !getenv("NO_COLOR");
            else
                rc = bad(scope, "color", "expected auto, always or never");
            break;
        case OPT_FIX: o->fix = true; break;
        case OPT_UNSAFE_FIXES: o->unsafe_fixes = true; break;
        case OPT_DIFF: o->diff = true; break;
        case OPT_FORMAT_CHECK: o->format_check = true; break;
        case OPT_SELECT: o->select = optarg; break;
        case OPT_EXTEND_SELECT: o->extend_select = optarg; break;
        case OPT_IGNORE: o->ignore = optarg; break;
        case OPT_SEVERITY:
            if (parse_sev(optarg, &o->threshold))
                rc = bad(scope, "severity", "expected error, warning, info or hint");
            break;
        case OPT_CONFIG: o->config_path = optarg; break;
        case OPT_NO_CONFIG: o->no_config = true; break;
        case OPT_STDIN_FILENAME: o->stdin_filename = optarg; break;
        case OPT_EXCLUDE:
            o->exclude = optarg;
            if (patterns(optarg, &o->cli_exclude)) rc = bad(scope, "exclude", "out of memory");
            break;
        case OPT_EXTEND_EXCLUDE:
            o->extend_exclude = optarg;
            if (patterns(optarg, &o->cli_extend_exclude))
                rc = bad(scope, "extend-exclude", "out of memory");
            break;
        case OPT_NO_RESPECT_GITIGNORE: o->no_respect_gitignore = true; break;
        case OPT_FORCE_EXCLUDE: o->force_exclude = true; break;
        case OPT_MEMORY:
        case OPT_HARDWARE:
        case OPT_BANDWIDTH:
        case OPT_PREFILL_RATE:
        case OPT_CLIENT_TIMEOUT:
        case OPT_KV_CACHE_TYPE:
        case OPT_NUM_PARALLEL:
        case OPT_OLLAMA_VERSION: rc = cli_budget_option((cli_opt_id_t)c, optarg, &o->budget); break;
        case OPT_OLLAMA_MODELS: o->ollama_models = optarg; break;
        case OPT_JOBS: {
            char *end;
            long v = strtol(optarg, &end, 10);
            if (end == optarg || *end || v < 1)
                rc = bad(scope, "jobs", "expected a positive whole number");
            else
                o->jobs = v > 64 ? 64 : (int)v;
            break;
        }
        case OPT_LIST_RULES: o->list_rules = true; break;
        case OPT_LIST_HARDWARE: o->list_hw = true; break;
        case OPT_EXPLAIN: o->explain = optarg; break;
        case OPT_MAN: o->man = true; break;
        case OPT_HELP: o->help = true; break;
        case OPT_VERSION: o->version = true; break;
        default: rc = 2; break;
        }
        if (rc) return rc;
    }
    *first = optind;
    return 0;
}

void cli_opts_cleanup(cli_opts_t *o) {
    mfl_ignore_free(o->cli_exclude);
    mfl_ignore_free(o->cli_extend_exclude);
    mfl_free(o->stdin_data);
    o->cli_exclude = o->cli_extend_exclude = NULL;
    o->stdin_data = NULL;
}
