#!/usr/bin/env python3
"""Model knowledge data (lint/data/models/*.toml, schema in SCHEMA.md).

  python3 tools/gen-models.py --validate     check every data file, print a summary
  python3 tools/gen-models.py --write        regenerate lint/src/knowledge/models_data.c
                                             and docs/models.md
  python3 tools/gen-models.py --check        fail when either generated file is stale

Only the standard library (tomllib, Python 3.11+: Debian 12's python3).
"""
import datetime
import pathlib
import re
import sys
import tomllib

ROOT = pathlib.Path(__file__).resolve().parent.parent
DATA = ROOT / "lint" / "data" / "models"
CLOUD = ROOT / "lint" / "data" / "cloud.toml"
OUT_C = ROOT / "lint" / "src" / "knowledge" / "models_data.c"
OUT_MD = ROOT / "docs" / "models.md"

QUANTS = {
    "F32", "F16", "BF16", "Q4_0", "Q4_1", "Q5_0", "Q5_1", "Q8_0", "Q2_K", "Q3_K_S", "Q3_K_M",
    "Q3_K_L", "Q4_K_S", "Q4_K_M", "Q5_K_S", "Q5_K_M", "Q6_K", "IQ2_XXS", "IQ2_XS", "IQ2_S",
    "IQ2_M", "IQ3_XXS", "IQ3_XS", "IQ3_S", "IQ3_M", "IQ1_S", "IQ1_M", "IQ4_NL", "IQ4_XS",
    "MXFP4", "Q4_K", "Q5_K", "Q3_K", "TQ1_0", "TQ2_0",
}
KINDS = {"text", "vision", "embedding"}
INT_KEYS = {
    "context_length", "block_count", "embedding_length", "attention.key_length",
    "attention.value_length", "attention.sliding_window", "attention.shared_kv_layers",
    "full_attention_interval", "attention.kv_lora_rank", "attention.key_length_mla",
    "attention.value_length_mla", "expert_count", "expert_used_count", "pooling_type",
    "rope.scaling.original_context_length", "attention.chunk_size", "attention.key_length_swa",
    "attention.value_length_swa", "nextn_predict_layers",
}
ARRAY_OK = {"attention.head_count", "attention.head_count_kv"}
REQUIRED_GGUF = ["general.architecture", "context_length", "block_count", "embedding_length",
                 "attention.head_count", "attention.head_count_kv"]
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
SIZE = re.compile(r"^\d+(\.\d+)?\s*(GB|MB|KB|TB)$")
COUNT = re.compile(r"^\d+(\.\d+)?[KMBT]$")
TAG = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,79}$")


class Invalid(Exception):
    pass


def _date(where, v):
    if not isinstance(v, str) or not DATE.match(v):
        raise Invalid(f"{where}: date must be YYYY-MM-DD, got {v!r}")
    d = datetime.date.fromisoformat(v)
    if d > datetime.date.today() + datetime.timedelta(days=1):
        raise Invalid(f"{where}: date {v} is in the future")


def _url(where, v):
    if not isinstance(v, str) or not re.match(r"^https?://\S+", v):
        raise Invalid(f"{where}: a source must start with an http(s) URL, got {v!r}")


def _str(where, v):
    if not isinstance(v, str) or not v.strip():
        raise Invalid(f"{where}: must be a non-empty string")


def _allowed(where, table, keys):
    extra = set(table) - set(keys)
    if extra:
        raise Invalid(f"{where}: unknown key(s) {sorted(extra)}")


def validate_model(where, m, blocks_seen):
    _allowed(where, m, ["id", "display", "kind", "source", "checked", "params", "active_params",
                        "note", "tags", "hf", "gguf", "sources"])
    for k in ("id", "display", "source", "checked", "tags", "gguf"):
        if k not in m:
            raise Invalid(f"{where}: missing required key {k!r}")
    _str(f"{where}.id", m["id"])
    _str(f"{where}.display", m["display"])
    _url(f"{where}.source", m["source"])
    _date(f"{where}.checked", m["checked"])
    if "kind" in m and m["kind"] not in KINDS:
        raise Invalid(f"{where}.kind: one of {sorted(KINDS)}")
    for k in ("params", "active_params"):
        if k in m and (not isinstance(m[k], str) or not COUNT.match(m[k])):
            raise Invalid(f"{where}.{k}: a count such as \"30.5B\" or \"137M\", got {m[k]!r}")
    if "note" in m:
        _str(f"{where}.note", m["note"])
    if not isinstance(m["tags"], list) or not m["tags"]:
        raise Invalid(f"{where}.tags: a non-empty array")
    for i, t in enumerate(m["tags"]):
        tw = f"{where}.tags[{i}]"
        if not isinstance(t, dict):
            raise Invalid(f"{tw}: an inline table {{tag, quant, size}}")
        _allowed(tw, t, ["tag", "quant", "size"])
        if "tag" not in t or not isinstance(t["tag"], str) or not TAG.match(t["tag"]):
            raise Invalid(f"{tw}.tag: an Ollama tag, got {t.get('tag')!r}")
        if "quant" in t and t["quant"] not in QUANTS:
            raise Invalid(f"{tw}.quant: unknown quantisation {t['quant']!r}")
        if "size" in t and (not isinstance(t["size"], str) or not SIZE.match(t["size"])):
            raise Invalid(f"{tw}.size: a size such as \"19GB\" or \"815MB\", got {t['size']!r}")
    for h in m.get("hf", []):
        if not isinstance(h, str) or not re.match(r"^hf\.co/[^/\s]+/[^/\s:]+$", h):
            raise Invalid(f"{where}.hf: hf.co/<user>/<repo>, got {h!r}")
    g = m["gguf"]
    if not isinstance(g, dict):
        raise Invalid(f"{where}.gguf: a table")
    for k in REQUIRED_GGUF:
        if k not in g:
            raise Invalid(f"{where}.gguf: missing required key {k!r}")
    _str(f"{where}.gguf.general.architecture", g["general.architecture"])
    blocks = g["block_count"]
    for k, v in g.items():
        kw = f"{where}.gguf.{k!r}"
        if k == "general.architecture":
            continue
        if k == "attention.sliding_window_pattern":
            if isinstance(v, list):
                if len(v) != blocks or not all(isinstance(x, bool) for x in v):
                    raise Invalid(f"{kw}: an integer or {blocks} booleans")
            elif not isinstance(v, int) or isinstance(v, bool) or v < 0:
                raise Invalid(f"{kw}: an integer or a per-layer boolean array")
            continue
        if k in ARRAY_OK and isinstance(v, list):
            if len(v) != blocks or not all(isinstance(x, int) and not isinstance(x, bool) and x >= 0 for x in v):
                raise Invalid(f"{kw}: {blocks} non-negative integers (one per layer)")
            continue
        if k not in INT_KEYS and k not in ARRAY_OK:
            raise Invalid(f"{kw}: not a key of the schema")
        if not isinstance(v, int) or isinstance(v, bool) or v < 0:
            raise Invalid(f"{kw}: a non-negative integer")
    if g["context_length"] <= 0 or blocks <= 0:
        raise Invalid(f"{where}.gguf: context_length and block_count must be positive")
    mla = [k for k in ("attention.kv_lora_rank", "attention.key_length_mla", "attention.value_length_mla") if k in g]
    if mla and "attention.kv_lora_rank" not in g:
        raise Invalid(f"{where}.gguf: MLA lengths without attention.kv_lora_rank")
    for k, v in m.get("sources", {}).items():
        if k not in g and k not in ("params", "active_params", "tags", "hf"):
            raise Invalid(f"{where}.sources: {k!r} is not a key of this entry")
        _url(f"{where}.sources.{k!r}", v)


def _load_toml(path):
    """(the path as shown in messages, the parsed document)."""
    where = path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else str(path)
    try:
        with open(path, "rb") as f:
            return where, tomllib.load(f)
    except tomllib.TOMLDecodeError as e:
        raise Invalid(f"{where}: {e}") from None


def load_all(data=DATA):
    families = []
    seen_tags = {}
    seen_hf = {}
    files = sorted(data.glob("*.toml"))
    for path in files:
        where, doc = _load_toml(path)
        _allowed(where, doc, ["family", "display", "kind", "tags_source", "checked", "note",
                              "tags_note", "model"])
        for k in ("family", "display", "kind", "tags_source", "checked", "model"):
            if k not in doc:
                raise Invalid(f"{where}: missing required key {k!r}")
        if doc["family"] != path.stem:
            raise Invalid(f"{where}: family {doc['family']!r} must match the file name")
        if doc["kind"] not in KINDS:
            raise Invalid(f"{where}.kind: one of {sorted(KINDS)}")
        _url(f"{where}.tags_source", doc["tags_source"])
        _date(f"{where}.checked", doc["checked"])
        for k in ("note", "tags_note"):
            if k in doc:
                _str(f"{where}.{k}", doc[k])
        ids = set()
        for i, m in enumerate(doc["model"]):
            mw = f"{where}: model[{i}]"
            if not isinstance(m, dict):
                raise Invalid(f"{mw}: a table")
            validate_model(mw, m, None)
            if m["id"] in ids:
                raise Invalid(f"{mw}: duplicate id {m['id']!r}")
            ids.add(m["id"])
            for t in m["tags"]:
                key = f"{doc['family']}:{t['tag']}".lower()
                if key in seen_tags:
                    raise Invalid(f"{mw}: tag {key} is also in {seen_tags[key]}")
                seen_tags[key] = mw
            for h in m.get("hf", []):
                if h.lower() in seen_hf:
                    raise Invalid(f"{mw}: {h} is also in {seen_hf[h.lower()]}")
                seen_hf[h.lower()] = mw
        families.append(doc)
    return families


def load_cloud(fams, path=CLOUD):
    """The cloud-only library families (lint/data/cloud.toml): every tag listed,
    each with a source and a date; none may also be a family of the data."""
    where, doc = _load_toml(path)
    _allowed(where, doc, ["family"])
    local = {f["family"].lower() for f in fams}
    out, seen = [], set()
    for i, c in enumerate(doc.get("family", [])):
        cw = f"{where}: family[{i}]"
        _allowed(cw, c, ["family", "tags", "source", "checked"])
        for k in ("family", "tags", "source", "checked"):
            if k not in c:
                raise Invalid(f"{cw}: missing required key {k!r}")
        _str(f"{cw}.family", c["family"])
        name = c["family"].lower()
        if name in local:
            raise Invalid(f"{cw}: {c['family']} is also a family of lint/data/models")
        if name in seen:
            raise Invalid(f"{cw}: duplicate family {c['family']}")
        seen.add(name)
        if not isinstance(c["tags"], list) or not c["tags"] or not all(isinstance(t, str) and TAG.match(t) for t in c["tags"]):
            raise Invalid(f"{cw}.tags: a non-empty list of tags")
        _url(f"{cw}.source", c["source"])
        _date(f"{cw}.checked", c["checked"])
        out.append(c)
    return sorted(out, key=lambda c: c["family"])


# ---- generation ------------------------------------------------------------------

UNITS = {"KB": 10**3, "MB": 10**6, "GB": 10**9, "TB": 10**12}
COUNTS = {"K": 10**3, "M": 10**6, "B": 10**9, "T": 10**12}
KIND_C = {"text": "MFL_KIND_TEXT", "vision": "MFL_KIND_VISION", "embedding": "MFL_KIND_EMBEDDING"}


def size_bytes(s):
    m = SIZE.match(s)
    num = s[: m.start(2)].strip()
    return round(float(num) * UNITS[m.group(2)])


def count_value(s):
    return round(float(s[:-1]) * COUNTS[s[-1]])


def c_str(s):
    if s is None:
        return "NULL"
    out = ['"']
    for ch in s:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ord(ch) < 0x20:
            out.append("\\x%02x" % ord(ch))
        else:
            out.append(ch)
    out.append('"')
    # Keep UTF-8 as is: C11 string literals carry the bytes.
    return "".join(out)


def inferred_figures(m):
    """The keys whose [model.sources] text says INFERRED and that feed the
    context or the KV cache: such an entry resolves as assumed, not exact."""
    out = []
    for k, v in m.get("sources", {}).items():
        if "INFERRED" not in str(v):
            continue
        if k in ("context_length", "block_count", "full_attention_interval") or k.startswith("attention."):
            out.append(k)
    return sorted(out)


def sorted_models(fams):
    for f in sorted(fams, key=lambda f: f["family"]):
        for m in f["model"]:
            yield f, m


def gen_c(fams, cloud):
    lines = [
        "/* SPDX-License-Identifier: MIT */",
        "/* Generated by tools/gen-models.py from lint/data/models/<family>.toml: do not edit.",
        " * Regenerate with tools/regenerate.sh; tools/check-generated.sh fails when it",
        " * is stale. Every figure's source and date are in docs/models.md. */",
        '#include "mfl_knowledge.h"',
        "",
        "#include <stddef.h>",
        "",
    ]
    entries = []
    for i, (f, m) in enumerate(sorted_models(fams)):
        g = m["gguf"]
        kvs = []
        for k in sorted(g):
            if k == "general.architecture":
                continue
            v = g[k]
            if isinstance(v, list):
                name = f"a{i}_{len(kvs)}"
                vals = ", ".join(str(int(x)) for x in v)
                lines.append(f"static const uint32_t {name}[] = {{{vals}}};")
                kvs.append(f"    {{{c_str(k)}, 0, {name}, {len(v)}}},")
            else:
                kvs.append(f"    {{{c_str(k)}, {int(v)}ull, NULL, 0}},")
        lines.append(f"static const mfl_data_kv_t kv{i}[] = {{")
        lines.extend(kvs)
        lines.append("};")
        lines.append(f"static const mfl_data_tag_t tg{i}[] = {{")
        for t in m["tags"]:
            sz = size_bytes(t["size"]) if "size" in t else 0
            lines.append(f"    {{{c_str(t['tag'])}, {c_str(t.get('quant'))}, {sz}ull}},")
        lines.append("};")
        hf = m.get("hf", [])
        if hf:
            lines.append(f"static const char *const hf{i}[] = {{{', '.join(c_str(h) for h in hf)}}};")
        entries.append((i, f, m, len(kvs), bool(hf)))
        lines.append("")
    lines.append("const mfl_table_entry_t mfl__table[] = {")
    for i, f, m, nkv, has_hf in entries:
        kind = m.get("kind", f["kind"])
        lines.append("    {")
        lines.append(f"        .family = {c_str(f['family'])},")
        lines.append(f"        .id = {c_str(m['id'])},")
        lines.append(f"        .display = {c_str(m['display'])},")
        lines.append(f"        .kind = {KIND_C[kind]},")
        lines.append(f"        .arch = {c_str(m['gguf']['general.architecture'])},")
        lines.append(f"        .ctx = {int(m['gguf']['context_length'])}ull,")
        lines.append(f"        .source = {c_str(m['source'])},")
        lines.append(f"        .checked = {c_str(m['checked'])},")
        inf = inferred_figures(m)
        if inf:
            lines.append(f"        .inferred = {c_str(', '.join(inf))},")
        lines.append(f"        .note = {c_str(m.get('note'))},")
        lines.append(f"        .family_note = {c_str(f.get('note'))},")
        lines.append(f"        .tags_source = {c_str(f['tags_source'])},")
        lines.append(f"        .tags_checked = {c_str(f['checked'])},")
        if "params" in m:
            lines.append(f"        .params = {count_value(m['params'])}ull,")
        if "active_params" in m:
            lines.append(f"        .active_params = {count_value(m['active_params'])}ull,")
        lines.append(f"        .kv = kv{i},")
        lines.append(f"        .n_kv = {nkv},")
        lines.append(f"        .tags = tg{i},")
        lines.append(f"        .n_tags = {len(m['tags'])},")
        if has_hf:
            lines.append(f"        .hf = hf{i},")
            lines.append(f"        .n_hf = {len(m['hf'])},")
        lines.append("    },")
    lines.append("};")
    lines.append("")
    lines.append(f"const size_t mfl__table_count = {len(entries)};")
    lines.append("")
    for i, c in enumerate(cloud):
        lines.append(f"static const char *const ct{i}[] = {{{', '.join(c_str(t) for t in c['tags'])}}};")
    lines.append("const mfl_cloud_family_t mfl__cloud[] = {")
    for i, c in enumerate(cloud):
        lines.append(f"    {{{c_str(c['family'])}, ct{i}, {len(c['tags'])}, {c_str(c['source'])}, {c_str(c['checked'])}}},")
    lines.append("};")
    lines.append(f"const size_t mfl__cloud_count = {len(cloud)};")
    lines.append("")
    return "\n".join(lines)


def md_cell(s):
    return str(s).replace("|", "\\|").replace("\n", " ")


def gen_md(fams, cloud):
    n_models = sum(len(f["model"]) for f in fams)
    n_tags = sum(len(m["tags"]) for f in fams for m in f["model"])
    out = [
        "# Model knowledge",
        "",
        "<!-- Generated by tools/gen-models.py from lint/data/models/*.toml: do not edit. -->",
        "",
        "The figures modelfile-lint uses when it cannot read the GGUF itself (a model that is not",
        "pulled, not a local file and not in `.modelfile-lint.json`). Each is what Ollama runs for that",
        "tag: the GGUF metadata of the blob Ollama ships, Ollama's converter test data, or the model's",
        "`config.json` mapped the way Ollama's converter maps it, with its source and the date it was",
        "read. A tag listed here is *exact*, and so is another quantisation of a release whose own",
        "quantisation tags share its base (`8b-q4_K_M` of a release listing `8b-q8_0`); any other tag",
        "of a known family is at most *assumed* (a base only a bare alias shares, which the library",
        "has served from another release; or a family guess, only when every listed release of the",
        "family agrees, and never for a size the data does not list), and an assumed figure",
        "never lowers `num_ctx` nor drives MF304. Pull the model (its GGUF is then read from the",
        "store) or describe it in the config's `models` to make it exact.",
        "",
        "Cloud models (a `:cloud` suffix or a `-cloud` tag, Ollama 0.18.0 and later; some library",
        "families such as glm-5 or minimax-m2.5 are cloud only) run on ollama.com: they have no",
        "figures here, the context rules skip them, and `info` and the hover say why.",
        "",
        "Cloud-only families (`lint/data/cloud.toml`): the library has no weights to pull for them,",
        "only cloud tags. `ollama create` makes a remote model only from a cloud name (a `:cloud`",
        "suffix or a `-cloud` tag), so for `FROM <family>` with any other tag MF300 says which name",
        "to write instead.",
        "",
        "| family | tags on ollama.com | source | checked |",
        "|---|---|---|---|",
        *[f"| `{c['family']}` | {', '.join('`' + c['family'] + ':' + t + '`' for t in c['tags'])} | <{c['source']}> | {c['checked']} |"
          for c in cloud],
        "",
        f"{len(fams)} families, {n_models} GGUFs, {n_tags} tags. Data format: `lint/data/models/SCHEMA.md`.",
        "",
    ]
    for f in sorted(fams, key=lambda f: f["family"]):
        out.append(f"- [{f['family']}](#{f['family'].replace('.', '')})")
    out.append("")
    for f in sorted(fams, key=lambda f: f["family"]):
        out.append(f"## {f['family']}")
        out.append("")
        out.append(f"**{f['display']}** ({f['kind']}). Tags read from <{f['tags_source']}> on {f['checked']}.")
        if f.get("tags_note"):
            out.append(f"{f['tags_note']}")
        if f.get("note"):
            out.append("")
            out.append(f"*Note:* {f['note']}")
        out.append("")
        for m in f["model"]:
            out.append(f"### {f['family']} {m['id']}: {m['display']}")
            out.append("")
            out.append(f"Source: <{m['source']}>, checked {m['checked']}.")
            if "params" in m:
                extra = f", {m['active_params']} active" if "active_params" in m else ""
                out.append(f"Parameters: {m['params']}{extra}.")
            if m.get("note"):
                out.append(f"{m['note']}")
            inf = inferred_figures(m)
            if inf:
                out.append(f"*Assumed:* {', '.join('`' + k + '`' for k in inf)} inferred, not read from the GGUF "
                           "(see the sources below), so the tool names these figures as assumed.")
            out.append("")
            out.append("| tag | quantisation | size |")
            out.append("|---|---|---|")
            for t in m["tags"]:
                out.append(f"| `{f['family']}:{t['tag']}` | {t.get('quant', '')} | {t.get('size', '')} |")
            for h in m.get("hf", []):
                out.append(f"| `{h}` (any tag) | | |")
            out.append("")
            out.append("| GGUF key | value | source |")
            out.append("|---|---|---|")
            srcs = m.get("sources", {})
            for k in sorted(m["gguf"], key=lambda k: (k != "general.architecture", k)):
                v = m["gguf"][k]
                if isinstance(v, list):
                    v = "[" + ", ".join(str(int(x)) if not isinstance(x, bool) else str(x).lower() for x in v) + "]"
                out.append(f"| `{k}` | {md_cell(v)} | {md_cell(srcs.get(k, 'as above'))} |")
            for k in ("params", "active_params", "tags", "hf"):
                if k in srcs:
                    out.append(f"| ({k}) | | {md_cell(srcs[k])} |")
            out.append("")
    return "\n".join(out)


def write_or_check(path, text, check):
    old = path.read_text() if path.exists() else None
    if old == text:
        return True
    if check:
        print(f"gen-models: {path.relative_to(ROOT)} is stale: run tools/regenerate.sh", file=sys.stderr)
        return False
    path.write_text(text)
    return True


def main(argv):
    if argv[1:] == ["--validate"]:
        try:
            fams = load_all()
            cloud = load_cloud(fams)
        except Invalid as e:
            print(f"gen-models: {e}", file=sys.stderr)
            return 1
        n_models = sum(len(f["model"]) for f in fams)
        n_tags = sum(len(m["tags"]) for f in fams for m in f["model"])
        print(f"{len(fams)} families, {n_models} models, {n_tags} tags, {len(cloud)} cloud-only families: valid")
        return 0
    if argv[1:] in (["--write"], ["--check"]):
        try:
            fams = load_all()
            cloud = load_cloud(fams)
        except Invalid as e:
            print(f"gen-models: {e}", file=sys.stderr)
            return 1
        check = argv[1] == "--check"
        ok = write_or_check(OUT_C, gen_c(fams, cloud), check)
        ok = write_or_check(OUT_MD, gen_md(fams, cloud), check) and ok
        return 0 if ok else 1
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
