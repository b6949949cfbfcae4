#!/usr/bin/env python3
"""Model knowledge data (lint/data/models/*.toml, schema in SCHEMA.md).

  python3 tools/gen-models.py --validate     check every data file, print a summary

Only the standard library (tomllib, Python 3.11+: Debian 12's python3).
"""
import datetime
import pathlib
import re
import sys
import tomllib

ROOT = pathlib.Path(__file__).resolve().parent.parent
DATA = ROOT / "lint" / "data" / "models"

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
    "rope.scaling.original_context_length",
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
        if k not in g and k not in ("params", "active_params", "tags"):
            raise Invalid(f"{where}.sources: {k!r} is not a key of this entry")
        _url(f"{where}.sources.{k!r}", v)


def load_all(data=DATA):
    families = []
    seen_tags = {}
    seen_hf = {}
    files = sorted(data.glob("*.toml"))
    for path in files:
        where = path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else str(path)
        try:
            with open(path, "rb") as f:
                doc = tomllib.load(f)
        except tomllib.TOMLDecodeError as e:
            raise Invalid(f"{where}: {e}") from None
        _allowed(where, doc, ["family", "display", "kind", "tags_source", "checked", "note", "model"])
        for k in ("family", "display", "kind", "tags_source", "checked", "model"):
            if k not in doc:
                raise Invalid(f"{where}: missing required key {k!r}")
        if doc["family"] != path.stem:
            raise Invalid(f"{where}: family {doc['family']!r} must match the file name")
        if doc["kind"] not in KINDS:
            raise Invalid(f"{where}.kind: one of {sorted(KINDS)}")
        _url(f"{where}.tags_source", doc["tags_source"])
        _date(f"{where}.checked", doc["checked"])
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


def main(argv):
    if argv[1:] == ["--validate"]:
        try:
            fams = load_all()
        except Invalid as e:
            print(f"gen-models: {e}", file=sys.stderr)
            return 1
        n_models = sum(len(f["model"]) for f in fams)
        n_tags = sum(len(m["tags"]) for f in fams for m in f["model"])
        print(f"{len(fams)} families, {n_models} models, {n_tags} tags: valid")
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
