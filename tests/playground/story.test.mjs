// SPDX-License-Identifier: MIT
// The playground in a real browser (Debian's Chromium, headless): the story.
// Type examples/story/Modelfile.v-128k, pick the story's Mac, and see the
// MF301 diagnostic on line 3, the chart's marks at 131,072 and 262,144, the
// fix to 262144 applied through the page, the share link restoring the same
// state, the page working offline, every control reachable by keyboard, and
// no request leaving the page. Screenshots (desktop and phone) are saved in
// PLAYGROUND_ARTIFACTS. Run through tests/playground/run.sh.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { env, start } from './browser.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const story = readFileSync(join(root, 'examples/story/Modelfile.v-128k'), 'utf8');
const MAC = 'mac-studio-m2-ultra-64';
mkdirSync(env.artifacts, { recursive: true });
const shot = (page, name, opts = {}) => page.screenshot({ path: join(env.artifacts, name), ...opts });

let b;
before(async () => { b = await start(); });
after(async () => { await b?.close(); });

const editorText = (page) => page.evaluate(() => window.playground.view.state.doc.toString());
const problems = (page) => page.$$eval('#problems li[data-code]', (lis) => lis.map((li) => `${li.dataset.code}@${li.dataset.line}`));
const marks = (page, chart) => page.$$eval(`#${chart} [data-mark]`, (els) =>
  Object.fromEntries(els.map((e) => [e.dataset.mark, Number(e.dataset.ctx ?? e.dataset.value)])));

async function typeStory(page) {
  await page.click('#editor .cm-content');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  assert.equal(await editorText(page), '');
  // Typed as a user types it, line by line (Enter between lines).
  await page.keyboard.type(story, { delay: 5 });
  assert.equal(await editorText(page), story, 'the editor holds exactly what was typed');
}

async function pickMachine(page) {
  await page.selectOption('#hw', MAC);
  await page.fill('#prefill', '400');
  // A client that waits 15 minutes: the story's 5 would make the raise
  // too slow to prefill (MF307, and no raise offered as safe).
  await page.fill('#timeout', '900');
  await page.press('#timeout', 'Tab'); // a change event, as a user leaving the field makes
}

test('the story: MF301 on line 3, marks at 131,072 and 262,144, the fix applied, a link that restores it', async () => {
  const page = await b.page();
  await typeStory(page);
  await pickMachine(page);

  // The diagnostic, on line 3, with its squiggle, its rule link and its fix.
  assert.ok((await problems(page)).includes('MF301@3'), `problems: ${await problems(page)}`);
  const mf301 = page.locator('#problems li[data-code="MF301"]');
  assert.match(await mf301.textContent(), /num_ctx 131072 is below the native context/);
  assert.match(await mf301.locator('a.rule').getAttribute('href'), /#mf301/);
  assert.equal(await page.locator('.cm-lintRange-warning').first().textContent(), '131072');
  assert.ok(!(await problems(page)).includes('MF307@3'), 'a full 262,144-token prefill (655 s) is within 900 s: no MF307');

  // The machine picked: the budget and the marks.
  assert.equal(await page.inputValue('#hw'), MAC);
  const mem = await marks(page, 'memory-chart');
  assert.equal(mem['num-ctx'], 131072, JSON.stringify(mem));
  assert.equal(mem.native, 262144);
  assert.equal(mem['max-fit'], 262144);
  assert.ok(mem.budget > 0, 'the budget line');
  const pre = await marks(page, 'prefill-chart');
  assert.equal(pre.timeout, 900);
  assert.equal(pre['num-ctx'], 131072);
  assert.ok(pre['in-time'] >= 262144, JSON.stringify(pre));
  assert.match(await page.textContent('#context-summary'), /largest context that fits .* is 262,144/);
  // Each figure of the model with its source.
  const figures = await page.$$eval('#model-figures tbody tr', (rows) => rows.map((r) => r.textContent));
  assert.ok(figures.some((f) => /Native context262,144 tokens.*source: .*qwen3-coder:30b/.test(f)), figures.join('\n'));
  assert.ok(figures.every((f) => /source: /.test(f)));
  await shot(page, 'story-desktop.png', { fullPage: true });

  const before = await problems(page);
  // The share link holds this state.
  await page.click('#share');
  await page.waitForFunction(() => document.getElementById('share-url').value.includes('#s='));
  const link = await page.inputValue('#share-url');
  assert.ok(link.startsWith(`${b.server.origin}/#s=`), link);

  // The fixed file and its diff, then the fix applied through the page,
  // from the keyboard: the quick fix's button.
  await page.click('#fixed-panel summary');
  await page.waitForFunction(() => document.getElementById('diff').textContent.includes('num_ctx'), null, { timeout: 15000 }).catch(() => {});
  const diff = await page.textContent('#diff');
  assert.match(diff, /-PARAMETER num_ctx 131072\n\+PARAMETER num_ctx 262144/);
  await page.focus('#problems li[data-code="MF301"] button[data-action="Raise num_ctx to 262144"]');
  await page.keyboard.press('Enter');
  assert.equal(await editorText(page), story.replace('num_ctx 131072', 'num_ctx 262144'));
  assert.ok(!(await problems(page)).includes('MF301@3'));
  assert.equal((await marks(page, 'memory-chart'))['num-ctx'], 262144);
  await shot(page, 'story-fixed-desktop.png', { fullPage: true });

  // The link restores the story as it was before the fix: text, machine,
  // diagnostics and marks.
  const again = await b.page(link);
  assert.equal(await editorText(again), story);
  assert.equal(await again.inputValue('#hw'), MAC);
  assert.equal(await again.inputValue('#prefill'), '400');
  assert.equal(await again.inputValue('#timeout'), '900');
  assert.deepEqual(await problems(again), before);
  assert.deepEqual(await marks(again, 'memory-chart'), mem);

  // "Fix all" gives the same file (the same policy as the CLI's --fix).
  await again.click('#fix-all');
  assert.equal(await editorText(again), story.replace('num_ctx 131072', 'num_ctx 262144'));
  await again.close();
  await page.close();
});

test('readable on a phone: one column, nothing wider than the screen', async () => {
  const page = await b.page();
  await page.setViewportSize({ width: 390, height: 844 });
  await pickMachine(page);
  await page.waitForFunction(() => document.querySelector('#memory-chart svg')?.getBoundingClientRect().width < 400);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390, `the page is ${width} px wide on a 390 px screen`);
  const font = await page.$eval('#memory-chart svg text', (t) => t.getBoundingClientRect().height);
  assert.ok(font >= 10, `chart text ${font} px high`);
  const scrollTo = (sel) => page.evaluate((s) => (s ? document.querySelector(s).scrollIntoView({ block: 'start' }) : window.scrollTo(0, 0)), sel);
  await page.evaluate(() => document.activeElement?.blur());
  await scrollTo(null);
  await shot(page, 'story-phone-top.png');
  await scrollTo('#h-context');
  await shot(page, 'story-phone-context.png');
  await scrollTo('#h-model');
  await shot(page, 'story-phone-model.png');
  await page.close();
});

test('keyboard: every control is reached with Tab, and the editor does not trap it', async () => {
  const page = await b.page();
  const reached = new Set();
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    reached.add(await page.evaluate(() => {
      const a = document.activeElement;
      if (a?.classList.contains('cm-content')) return 'editor';
      if (a?.dataset?.action) return `action:${a.dataset.action}`;
      return a?.id || a?.className || a?.tagName;
    }));
  }
  // "Fix all" is disabled (out of the Tab order) while nothing is safe to
  // fix: without a machine the raise is not known to fit.
  const ids = ['share', 'example', 'editor', 'hw', 'prefill', 'timeout', 'kv', 'model-pick', 'share-url'];
  if (!(await page.isDisabled('#fix-all'))) ids.push('fix-all');
  for (const id of ids) {
    assert.ok(reached.has(id), `${id} not reached by Tab: ${[...reached].join(', ')}`);
  }
  // The quick fix of MF301 (safe or not: without a machine the core may call
  // the raise unsafe) and its suppression.
  assert.ok([...reached].some((r) => r.startsWith('action:Raise num_ctx to 262144')), [...reached].join(', '));
  assert.ok(reached.has('action:Suppress MF301'));
  // Inside the editor: F8 goes to the diagnostic, Ctrl-Shift-M opens the
  // list of problems with their fixes as buttons.
  await page.focus('#editor .cm-content');
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('F8');
  const sel = await page.evaluate(() => {
    const { state } = window.playground.view;
    return state.sliceDoc(state.selection.main.from, state.selection.main.to);
  });
  assert.equal(sel, '131072');
  await page.keyboard.press('Control+Shift+KeyM');
  const panel = page.locator('.cm-panel-lint');
  await panel.waitFor({ timeout: 15000 });
  assert.match(await panel.textContent(), /Raise num_ctx to 262144/);
  await page.close();
});

test('completion after FROM: families, then the family\'s tags after ":"', async () => {
  const page = await b.page();
  await page.click('#editor .cm-content');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  const labels = async (want) => {
    await page.waitForFunction((w) => [...document.querySelectorAll('.cm-tooltip-autocomplete .cm-completionLabel')]
      .some((e) => e.textContent === w), want, { timeout: 10000 });
    return page.$$eval('.cm-tooltip-autocomplete .cm-completionLabel', (els) => els.map((e) => e.textContent));
  };
  await page.keyboard.type('FROM qwen3-c', { delay: 20 });
  const fams = await labels('qwen3-coder');
  assert.ok(fams.every((l) => !l.includes(':')), `families only: ${fams}`);
  // ':' asks the server again (the list was incomplete): the tags.
  await page.keyboard.type('oder:30', { delay: 20 });
  const tags = await labels('qwen3-coder:30b');
  assert.ok(tags.every((l) => l.startsWith('qwen3-coder:')), `that family's tags only: ${tags}`);
  await page.keyboard.press('Enter');
  assert.match(await editorText(page), /^FROM qwen3-coder:30b/);
  await page.close();
});

test('works offline once loaded', async () => {
  const page = await b.page();
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.close();
  await b.server.close();
  const off = await b.context.newPage();
  await off.goto(`${b.server.origin}/`);
  await off.waitForSelector('html[data-ready="true"]', { timeout: 30000 });
  await off.click('#editor .cm-content');
  await off.keyboard.press('Control+End');
  await off.keyboard.type('MESSAGE user hi\n');
  assert.ok((await problems(off)).includes('MF301@3'), 'the linter runs from the offline copy');
  await off.close();
});

test('no request left the page', () => {
  const origin = b.server.origin;
  assert.deepEqual(b.refused, [], 'requests to other origins');
  const foreign = b.seen.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('data:') && !u.startsWith('blob:'));
  assert.deepEqual(foreign, []);
  const files = new Set(['/', '/index.html', '/app.js', '/app.css', '/modelfile-lsp.wasm', '/sw.js', '/LICENSES.txt']);
  const odd = b.server.requests.filter((r) => !files.has(r.replace(/^GET /, '').replace(/[?#].*$/, '')));
  assert.deepEqual(odd, [], 'the server saw only the page\'s own files');
  assert.ok(b.server.requests.length > 0);
  assert.deepEqual(b.errors, [], 'no page errors');
});
