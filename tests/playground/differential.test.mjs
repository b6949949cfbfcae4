// SPDX-License-Identifier: MIT
// The page's lint results equal the CLI's: every Modelfile of the real corpus
// is linted in the browser through the page's own session (the one its
// editor uses, window.playground.lintText) and by `modelfile-lint --format
// json`, and the two lists must be the same diagnostics: place, code,
// severity, message and fix (title, safety, and the text its edits give).
// The page has no disk: the rules about files FROM/ADAPTER/DRAFT name (the
// core's "path" category, and three whose answer depends on what is at a
// FROM path) are the CLI's alone. Skipped, with a message, when
// the corpus is absent. Run through tests/playground/run.sh.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { start } from './browser.mjs';

const cli = process.env.MFL_LINT;
const corpus = process.env.MFL_CORPUS;
const have = corpus && existsSync(corpus);
if (!have) console.log(`differential: no corpus at ${corpus ?? '(MFL_CORPUS unset)'}: skipped`);

let b;
before(async () => { if (have) b = await start(); });
after(async () => { await b?.close(); });

// Positions to offsets in the JavaScript string: the CLI's columns count
// characters (code points, from 1), LSP's UTF-16 units (from 0).
function lineStarts(text) {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}
function lineEnd(text, starts, line) {
  return line + 1 < starts.length ? starts[line + 1] - 1 : text.length;
}
function cliOffset(text, starts, line, column) {
  const from = starts[line - 1] ?? text.length;
  let off = from;
  for (let c = 1; c < column && off < text.length; c++) off += text.codePointAt(off) > 0xffff ? 2 : 1;
  return off;
}
function lspOffset(text, starts, pos) {
  if (pos.line >= starts.length) return text.length;
  const end = lineEnd(text, starts, pos.line);
  const content = text[end - 1] === '\r' && text[end] === '\n' ? end - 1 : end; // LSP lines end before CR LF
  return Math.min(starts[pos.line] + pos.character, content);
}
// A fix by what it does: the text with its edits applied.
function applied(text, edits) {
  let out = text;
  for (const e of edits.slice().sort((a, b) => b.from - a.from || b.to - a.to)) out = out.slice(0, e.from) + e.insert + out.slice(e.to);
  return out;
}

const SEV = ['', 'error', 'warning', 'info', 'hint'];

test('the page lints the corpus exactly as the CLI does', { skip: !have && 'no corpus' }, async () => {
  // Text files the browser can hold as they are: UTF-8 (a UTF-16 or other
  // file would reach the page decoded, at other offsets than the CLI's).
  const names = readdirSync(corpus).filter((n) => !n.endsWith('.tsv')).sort();
  const files = [];
  let skipped = 0;
  for (const n of names) {
    const bytes = readFileSync(join(corpus, n));
    try {
      const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      if (text.startsWith('\uFEFF')) { skipped++; continue; }
      files.push({ name: n, path: join(corpus, n), text });
    } catch {
      skipped++;
    }
  }
  assert.ok(files.length > 100, `only ${files.length} files`);

  // The CLI, with no configuration, no model store and no home folder.
  const empty = mkdtempSync(join(tmpdir(), 'mfl-diff-'));
  let out;
  try {
    out = execFileSync(cli, ['--no-config', '--format', 'json', ...files.map((f) => f.path)], {
      env: { PATH: process.env.PATH, HOME: empty, OLLAMA_MODELS: empty }, maxBuffer: 1 << 28,
    });
  } catch (e) {
    if (e.status !== 1) throw e; // 1: findings
    out = e.stdout;
  } finally {
    rmSync(empty, { recursive: true, force: true });
  }
  const byFile = new Map(files.map((f) => [f.path, []]));
  for (const d of JSON.parse(out)) byFile.get(d.file).push(d);

  // The page: the same texts through its session, each under its own file
  // name (labels in file names matter) in a folder that does not exist.
  const page = await b.page();
  const results = await page.evaluate((list) => list.map((f) => window.playground.lintText(f.text, `file:///corpus/${encodeURIComponent(f.name)}`)),
    files.map((f) => ({ name: f.name, text: f.text })));

  // Rules about the files FROM, ADAPTER and DRAFT name (category "path" in
  // the core's rule metadata) read the disk: the page has none, so it says
  // nothing about them rather than guess. Every other diagnostic must agree.
  const pathRules = new Set(JSON.parse(execFileSync(cli, ['--list-rules', '--format', 'json']))
    .filter((r) => r.category === 'path').map((r) => r.code));
  assert.ok(pathRules.has('MF202'));
  // And the rules whose answer depends on what is at a FROM path: MF211 (a
  // FROM file beside a name: the CLI sees the file is missing, so the value
  // is a bad name), MF222 (an empty FROM is the Modelfile's folder: the CLI
  // looks into it), MF305 (a label in a FROM file's name: the page cannot
  // tell a file from a name it cannot stat).
  const fsRules = new Set(['MF211', 'MF222', 'MF305']);
  for (const code of fsRules) pathRules.add(code);

  let compared = 0, diags = 0, fixes = 0, pathOnly = 0;
  const mismatches = [];
  files.forEach((f, i) => {
    const starts = lineStarts(f.text);
    const at = (o) => {
      const line = starts.findLastIndex((s0) => s0 <= o);
      return [line + 1, [...f.text.slice(starts[line], o)].length + 1];
    };
    const norm = (d, from, to, fix) => ({
      range: [...at(from), ...at(to)], code: d.code, severity: d.severity, message: d.message,
      fix: fix ? { title: fix.title, safe: fix.safe, result: applied(f.text, fix.edits) } : null,
    });
    let fromPage = results[i].map((d) => norm(
      { ...d, severity: SEV[d.severity] }, lspOffset(f.text, starts, d.range.start), lspOffset(f.text, starts, d.range.end),
      d.data?.fix && {
        title: d.data.fix.title, safe: d.data.fix.safe,
        edits: d.data.fix.edits.map((e) => ({ from: lspOffset(f.text, starts, e.range.start), to: lspOffset(f.text, starts, e.range.end), insert: e.newText })),
      }));
    const all = byFile.get(f.path);
    const fromCli = all.filter((d) => !pathRules.has(d.code)).map((d) => norm(
      d, cliOffset(f.text, starts, d.line, d.column), cliOffset(f.text, starts, d.end_line, d.end_column),
      d.fix && {
        title: d.fix.title, safe: d.fix.applicability === 'safe',
        edits: d.fix.edits.map((e) => ({ from: cliOffset(f.text, starts, e.line, e.column), to: cliOffset(f.text, starts, e.end_line, e.end_column), insert: e.new_text })),
      }));
    pathOnly += all.length - fromCli.length;
    const key = (d) => `${String(d.range[0]).padStart(6)}:${String(d.range[1]).padStart(6)}:${d.code}:${d.message}`;
    fromPage = fromPage.filter((d) => !fsRules.has(d.code));
    fromPage.sort((a, c) => key(a).localeCompare(key(c)));
    fromCli.sort((a, c) => key(a).localeCompare(key(c)));
    compared++;
    diags += fromCli.length;
    fixes += fromCli.filter((d) => d.fix).length;
    try {
      assert.deepEqual(fromPage, fromCli);
    } catch (e) {
      mismatches.push(`${basename(f.path)}:\n${e.message.split('\n').slice(0, 40).join('\n')}`);
    }
  });
  await page.close();
  assert.deepEqual(mismatches, [], `${mismatches.length} files differ:\n${mismatches.slice(0, 5).join('\n\n')}`);
  console.log(`differential: ${compared} Modelfiles, ${diags} diagnostics (${fixes} with a fix, compared by the text it ` +
    `gives), the same in the page and the CLI; ${pathOnly} diagnostics about local files the page cannot see ` +
    `(${[...pathRules].join(', ')}) are the CLI's alone` + (skipped ? `; ${skipped} files not UTF-8 or with a BOM not compared` : ''));
});
