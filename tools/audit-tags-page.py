#!/usr/bin/env python3
"""Audit the model data against the ollama.com tags pages (a maintainer's tool, not a CI test).

  python3 tools/audit-tags-page.py GALLERY_GIT_DIR [--bin build/lint/modelfile-lint]
                                   [--family NAME]... [--top N] [--all-tags]

GALLERY_GIT_DIR is a git directory of a scrape of the ollama.com library (D3rhami/ollama_gallery: one
`data/tags/<family>.json` per family, one record per digest with the context the page shows, and
`data/models.json` with pull counts). Nothing of it is copied into this repository; the tool reads it
with `git show` and prints what disagrees:

  unknown    a tag the page lists that the built-in data does not resolve at all
  derived    a tag the page lists with a digest of its own that no [[model]] lists by name: the
             resolver reached it by dropping a quantisation suffix, which is right only when that tag
             is the same release as the one it was mapped to (check it, then list it or give it its
             own entry)
  assumed    resolved, but as assumed (INFERRED figures)
  context    the native context differs from the page's; the page shows rounded thousands of 1024
             ("128K" = 131072, "198K" = 202752) and shows "4K" or "2K" for some older blobs whose
             other quantisations show the real value, so those two are reported apart as `context?`

Cloud tags (`:cloud`, `-cloud`) are skipped: they have no local GGUF. Exit status 0 always; this is a
report for a reviewer, who decides which source is right.
"""
import argparse
import json
import pathlib
import re
import subprocess
import sys
import tempfile
import tomllib

ROOT = pathlib.Path(__file__).resolve().parent.parent
DATA = ROOT / "lint" / "data" / "models"


def git_json(gallery, path):
    try:
        out = subprocess.run(["git", "-C", gallery, "show", f"HEAD:{path}"], capture_output=True,
                             check=True).stdout
    except subprocess.CalledProcessError:
        return None
    return json.loads(out)


def page_ctx_matches(native, shown_num):
    """The page shows round(native / 1024) thousands ("125K" for 128000) or millions ("1M")."""
    if not shown_num:
        return True
    if shown_num >= 1_000_000:
        return abs(native / 1024 / 1024 * 1_000_000 - shown_num) <= 100_000
    return abs(native / 1024 * 1000 - shown_num) < 1000


def listed_tags(family):
    p = DATA / f"{family}.toml"
    if not p.exists():
        return None
    d = tomllib.loads(p.read_text())
    out = {}
    for m in d.get("model", []):
        for t in m.get("tags", []):
            out[t["tag"]] = m["id"]
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("gallery")
    ap.add_argument("--bin", default=str(ROOT / "build" / "lint" / "modelfile-lint"))
    ap.add_argument("--family", action="append", default=[])
    ap.add_argument("--top", type=int, default=0, help="only the N most-pulled families")
    ap.add_argument("--all-tags", action="store_true", help="print every finding, not 8 a class")
    a = ap.parse_args()

    families = a.family
    if not families:
        if a.top:
            models = git_json(a.gallery, "data/models.json") or {}
            families = [k for k, _ in sorted(models.items(), key=lambda kv: -kv[1]["pull"])][:a.top]
        else:
            families = sorted(p.stem for p in DATA.glob("*.toml"))
    totals = dict(tags=0, unknown=0, derived=0, assumed=0, context=0, placeholder=0)
    with tempfile.TemporaryDirectory() as tmp:
        mf = pathlib.Path(tmp) / "Modelfile"
        for fam in families:
            page = git_json(a.gallery, f"data/tags/{fam}.json")
            listed = listed_tags(fam)
            if page is None:
                print(f"{fam}: no tags page in the scrape")
                continue
            recs = []
            for digest, r in page.items():
                name = r["name"].split()[0]  # MLX tags carry a trailing "  MLX" in the scrape
                if name.endswith(":cloud") or name.endswith("-cloud"):
                    continue
                recs.append((name, digest, r.get("context_window_num") or 0, r.get("context_window", "")))
            if not recs:
                print(f"{fam}: cloud only")
                continue
            found = dict(unknown=[], derived=[], assumed=[], context=[], placeholder=[])
            for name, digest, shown_num, shown in recs:
                totals["tags"] += 1
                mf.write_text(f"FROM {name}\n")
                res = subprocess.run([a.bin, "info", "--format", "json", "--no-config", str(mf)],
                                     capture_output=True, text=True)
                try:
                    j = json.loads(res.stdout)
                except json.JSONDecodeError:
                    j = {"error": res.stderr.strip() or "no output"}
                if isinstance(j, list):
                    j = j[0]
                if "error" in j:
                    found["unknown"].append(name)
                    continue
                tag = name.split(":", 1)[1] if ":" in name else "latest"
                if listed is not None and tag not in listed:
                    found["derived"].append(f"{name} -> {j.get('model')}")
                if j.get("confidence") != "exact":
                    found["assumed"].append(name)
                nat = j.get("native_ctx") or 0
                if nat and not page_ctx_matches(nat, shown_num):
                    cls = "placeholder" if shown in ("4K", "2K") else "context"
                    found[cls].append(f"{name}: data {nat}, page {shown} ({j.get('confidence')})")
            line = [f"{fam}: {len(recs)} tags"]
            for k, v in found.items():
                totals[k] += len(v)
                if v:
                    line.append(f"{len(v)} {k if k != 'placeholder' else 'context?'}")
            print(", ".join(line))
            for k, v in found.items():
                shown_v = v if a.all_tags else v[:8]
                for x in shown_v:
                    print(f"  {k if k != 'placeholder' else 'context?'}: {x}")
                if len(v) > len(shown_v):
                    print(f"  {k}: ... {len(v) - len(shown_v)} more")
    print("total: " + ", ".join(f"{v} {k}" for k, v in totals.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
