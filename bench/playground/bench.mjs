#!/usr/bin/env node
// SPDX-License-Identifier: MIT
// Benchmark (not a test) of the web playground in Debian's Chromium,
// headless: the page's size, the time to the first diagnostic, and the time
// per keystroke (from the key to the diagnostics, charts and fixed file
// updated, as the page measures it) on the story's Modelfile and on a 100 KB
// one. The same flags as the tests (tests/playground/browser.mjs).
//
//   tools/playground.sh && node bench/playground/bench.mjs \
//     build-wasm/playground build-wasm/playground-npm/node_modules [keystrokes]
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../../tests/playground/serve.mjs';

const [dirArg, modulesArg, n = '200'] = process.argv.slice(2);
if (!dirArg || !modulesArg) {
  console.error('usage: bench.mjs PLAYGROUND_DIR NODE_MODULES [keystrokes]');
  process.exit(2);
}
const dir = resolve(dirArg), modules = resolve(modulesArg);
const strokes = Number(n);
const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const { chromium } = createRequire(join(modules, 'noop.js'))('playwright-core');
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];
const exe = process.env.CHROMIUM ?? '/usr/bin/chromium';

const stats = (xs) => {
  const s = xs.slice().sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return `median ${q(0.5).toFixed(2)} ms, p90 ${q(0.9).toFixed(2)} ms, max ${s[s.length - 1].toFixed(2)} ms`;
};

// 100 KB: the story's header and a long few-shot conversation.
function big() {
  let t = '# ollama create reviewer -f Modelfile\nFROM qwen3-coder:30b\nPARAMETER num_ctx 131072\nPARAMETER temperature 0.7\nSYSTEM """You review pull requests."""\n';
  for (let i = 0; t.length < 100 * 1024; i++) {
    t += `MESSAGE user "Review change ${i}: rename the helper and keep the public API unchanged, please."\n`;
    t += `MESSAGE assistant "Change ${i} looks fine; the rename is internal and the tests still cover it."\n`;
  }
  return t;
}

const sizes = JSON.parse(readFileSync(join(dir, 'sizes.json'), 'utf8'));
console.log(`page size (every file of a first visit): ${sizes.total} bytes, ${sizes.gzip} bytes gzip -9`);
for (const [f, s] of Object.entries(sizes.files)) console.log(`  ${f}: ${s.bytes} bytes, ${s.gzip} gzip`);

const server = await serve(dir);
const profile = mkdtempSync(join(tmpdir(), 'mfl-bench-'));
const ctx = await chromium.launchPersistentContext(profile, { executablePath: exe, headless: true, args: FLAGS,
  viewport: { width: 1400, height: 1000 } });
try {
  // Time to the first diagnostic: from navigation start, first visit (no
  // cache, no service worker) and then from the offline copy.
  for (const visit of ['first visit', 'from the offline copy']) {
    const times = [];
    for (let i = 0; i < 5; i++) {
      const page = await ctx.newPage();
      if (visit === 'first visit') {
        const cdp = await ctx.newCDPSession(page);
        await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
        await cdp.send('Network.setBypassServiceWorker', { bypass: true });
      }
      await page.goto(`${server.origin}/`);
      await page.waitForSelector('html[data-ready="true"]');
      times.push(await page.evaluate(() => performance.getEntriesByName('mfl-first-diagnostic')[0].startTime));
      if (i === 0 && visit === 'first visit') await page.evaluate(() => navigator.serviceWorker.ready);
      await page.close();
    }
    console.log(`time to first diagnostic, ${visit} (5 loads): ${stats(times)}`);
  }

  const story = readFileSync(join(root, 'examples/story/Modelfile.v-128k'), 'utf8');
  for (const [name, text] of [['the story\'s Modelfile', story], ['a 100 KB Modelfile', big()]]) {
    const page = await ctx.newPage();
    await page.goto(`${server.origin}/`);
    await page.waitForSelector('html[data-ready="true"]');
    await page.selectOption('#hw', 'mac-studio-m2-ultra-64');
    await page.evaluate((t) => {
      const { view } = window.playground;
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: t } });
    }, text);
    // Type into a comment on line 1: every keystroke is an edit the server
    // lints, and the findings stay the same.
    await page.click('#editor .cm-content');
    await page.keyboard.press('Control+Home');
    await page.keyboard.type('# ');
    await page.evaluate(() => { window.playground.metrics.strokes.length = 0; });
    for (let i = 0; i < strokes; i++) await page.keyboard.type(String.fromCharCode(97 + (i % 26)));
    const m = await page.evaluate(() => window.playground.metrics.strokes);
    const bytes = await page.evaluate(() => window.playground.view.state.doc.length);
    console.log(`${name} (${bytes} UTF-16 units), ${m.length} keystrokes:`);
    console.log(`  key to everything updated (diagnostics, charts, share link): ${stats(m.map((x) => x.total))}`);
    console.log(`  of which sending the edit to the server: ${stats(m.map((x) => x.sync))}`);
    console.log(`  of which the diagnostics (asked and shown): ${stats(m.map((x) => x.diagnostics))}`);
    console.log(`  of which the context figures and the charts: ${stats(m.map((x) => x.context))}`);
    await page.close();
  }
} finally {
  await ctx.close();
  await server.close();
  rmSync(profile, { recursive: true, force: true });
}
