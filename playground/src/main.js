// SPDX-License-Identifier: MIT
// The playground page: wires the editor, the machine picker, the charts, the
// model picker, the fixed file and the share link to the server running in
// this page (modelfile-lsp.wasm). Every diagnostic, fix, figure and profile is
// the server's answer; this file only shows them.
import { setDiagnostics } from '@codemirror/lint';
import { createTwoFilesPatch } from 'diff';
import { Client, URI } from './client.js';
import { createEditor, contentChanges, editsToChanges, toRange, toOffset } from './editor.js';
import { memoryChart, prefillChart, sampleContexts, contextRange, fmtTokens, fmtGiB } from './chart.js';

const fmtGB = (b) => `${(b / 1e9).toFixed(1)} GB`;
import { encodeState, decodeState } from './share.js';
import story from '../../examples/story/Modelfile.v-128k';

const $ = (id) => document.getElementById(id);
const SEVERITY = ['error', 'error', 'warning', 'info', 'hint'];
const metrics = { start: performance.timeOrigin, firstDiagnostic: null, strokes: [] };
let client, view, hardware = [], models = [], lastKey = 0, pending = false, info = null;

function status(text) { $('status').textContent = text; }

// ---- settings (the machine) ---------------------------------------------------------

function machineState() {
  return {
    hardware: $('hw').value,
    memory: $('memory').value.trim(),
    prefillRate: $('prefill').value.trim(),
    clientTimeout: $('timeout').value.trim(),
    kvCacheType: $('kv').value,
  };
}

function setMachineState(m = {}) {
  const known = m.hardware === 'custom' || hardware.some((h) => h.id === m.hardware);
  $('hw').value = known ? m.hardware : '';
  $('memory').value = m.memory ?? '';
  $('prefill').value = m.prefillRate ?? '';
  $('timeout').value = m.clientTimeout ?? '';
  $('kv').value = ['f16', 'q8_0', 'q4_0'].includes(m.kvCacheType) ? m.kvCacheType : 'f16';
  $('memory').disabled = $('hw').value !== 'custom';
}

// The .modelfile-lint.json keys for the server; values are passed as typed,
// and the server's own parser judges them (its error is shown).
function settingsOf(m) {
  const s = {};
  if (m.hardware && m.hardware !== 'custom') s.hardware = m.hardware;
  if (m.hardware === 'custom' && m.memory) s.memory = /^\d+$/.test(m.memory) ? Number(m.memory) : m.memory;
  const num = (v) => (v !== '' && Number.isFinite(Number(v)) ? Number(v) : v);
  if (m.prefillRate) s['prefill-rate'] = num(m.prefillRate);
  if (m.clientTimeout) s['client-timeout'] = num(m.clientTimeout);
  if (m.kvCacheType && m.kvCacheType !== 'f16') s['kv-cache-type'] = m.kvCacheType;
  return s;
}

function applyMachine() {
  const m = machineState();
  $('memory').disabled = m.hardware !== 'custom';
  const err = client.configure(settingsOf(m));
  $('machine-error').textContent = err ?? '';
  const hw = hardware.find((h) => h.id === m.hardware);
  $('machine-info').textContent = hw
    ? `${hw.device}: ${fmtGiB(hw.memory)} (${fmtGB(hw.memory)}) installed, ${Math.round(hw.usableShare * 100)} % usable by the GPU: ${fmtGiB(hw.budget)} (${fmtGB(hw.budget)}) for the model; ${hw.bandwidth / 1e9} GB/s.`
    : '';
  refresh();
}

// ---- diagnostics and fixes ----------------------------------------------------------

function applyEdits(edits, label) {
  if (!edits.length) return false;
  view.dispatch({ changes: editsToChanges(view.state.doc, edits), userEvent: 'input.fix' });
  status(label);
  return true;
}

// A quick fix or suppression, asked of the server for the diagnostic's
// place now (the text may have moved since it was linted).
function quickFix(code, title, from, to) {
  const actions = client.codeActions(toRange(view.state.doc, from, to), ['quickfix']);
  const a = actions.find((x) => x.title.startsWith(title) && x.diagnostics?.some((d) => d.code === code));
  if (a) applyEdits(a.edit?.changes?.[URI] ?? [], `Applied: ${a.title}`);
  else status(`No fix “${title}” here any more`);
}

function actionsOf(d) {
  const out = [];
  const fix = d.data?.fix;
  if (fix) out.push({ name: fix.safe ? fix.title : `${fix.title} (unsafe)`, title: fix.title, code: d.code });
  out.push({ name: `Suppress ${d.code}`, title: `Suppress ${d.code}`, code: d.code });
  return out;
}

function renderMessage(d) {
  const span = document.createElement('span');
  span.append(d.message, ' ');
  if (d.codeDescription?.href) {
    const a = document.createElement('a');
    a.href = d.codeDescription.href;
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
    a.className = 'rule';
    a.textContent = d.code;
    a.title = `${d.code} ${d.data?.rule ?? ''}: the rule's documentation`;
    span.append(a);
  } else {
    span.append(`(${d.code})`);
  }
  return span;
}

function showDiagnostics(items) {
  const doc = view.state.doc;
  const mapped = items.map((d) => ({ d, from: toOffset(doc, d.range.start), to: toOffset(doc, d.range.end) }));
  view.dispatch(setDiagnostics(view.state, mapped.map(({ d, from, to }) => ({
    from, to,
    severity: SEVERITY[d.severity] ?? 'info',
    source: d.code,
    message: d.message,
    renderMessage: () => renderMessage(d),
    actions: actionsOf(d).map((a) => ({ name: a.name, apply: (v, f, t) => quickFix(a.code, a.title, f, t) })),
  }))));
  // The problems list: the same diagnostics, each with its actions as buttons.
  const list = $('problems');
  list.textContent = '';
  for (const { d, from, to } of mapped) {
    const li = document.createElement('li');
    li.className = `sev-${SEVERITY[d.severity] ?? 'info'}`;
    li.dataset.code = d.code;
    li.dataset.line = String(d.range.start.line + 1);
    const where = document.createElement('button');
    where.type = 'button';
    where.className = 'where';
    where.textContent = `${d.range.start.line + 1}:${d.range.start.character + 1}`;
    where.title = 'Go to the problem';
    where.setAttribute('aria-label', `Go to line ${d.range.start.line + 1}, column ${d.range.start.character + 1}`);
    where.onclick = () => { view.dispatch({ selection: { anchor: from, head: to }, scrollIntoView: true }); view.focus(); };
    const sev = document.createElement('span');
    sev.className = 'sev';
    sev.textContent = SEVERITY[d.severity] ?? 'info';
    li.append(where, sev, renderMessage(d));
    const acts = document.createElement('span');
    acts.className = 'actions';
    for (const a of actionsOf(d)) {
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = a.name;
      b.dataset.action = a.name;
      b.onclick = () => quickFix(a.code, a.title, from, to);
      acts.append(b);
    }
    li.append(acts);
    list.append(li);
  }
  const n = items.length;
  $('problem-count').textContent = n ? `(${n})` : '';
  if (!n) {
    const li = document.createElement('li');
    li.className = 'none';
    li.textContent = 'No problems found.';
    list.append(li);
  }
  const safe = items.filter((d) => d.data?.fix?.safe).length;
  $('fix-all').disabled = safe === 0;
  $('fix-all').textContent = safe ? `Fix all (${safe} safe)` : 'Fix all';
}

// ---- context, model, fixed file -------------------------------------------------------

const figureRows = (m) => [
  ['Native context', m.nativeCtx && `${fmtTokens(m.nativeCtx)} tokens` + (m.ggufCtx && m.ggufCtx !== m.nativeCtx ? ` (the GGUF says ${fmtTokens(m.ggufCtx)})` : '')],
  ['Architecture', m.arch],
  ['Layers', m.layers],
  ['Attention heads / KV heads', m.heads && `${m.heads} / ${m.kvHeads}`],
  ['Head dimension (K/V)', m.keyLength && `${m.keyLength} / ${m.valueLength}`],
  ['Sliding window', m.slidingWindow && `${fmtTokens(m.slidingWindow)} tokens on ${m.windowedLayers} layers`],
  ['Experts (used)', m.experts && `${m.experts} (${m.expertsUsed})`],
  ['Parameters (active)', m.params && `${(m.params / 1e9).toFixed(1)} B` + (m.activeParams && m.activeParams !== m.params ? ` (${(m.activeParams / 1e9).toFixed(1)} B)` : '')],
  ['Weights', m.weights && `${fmtGiB(m.weights)}${m.fileType ? ` (${m.fileType})` : ''}`],
  ['Inherited num_ctx', m.inheritedNumCtx && `${fmtTokens(m.inheritedNumCtx)} from ${m.inheritedFrom ?? 'the FROM model'}`],
].filter(([, v]) => v);

function showModel(m, caption) {
  const body = $('model-figures').tBodies[0];
  body.textContent = '';
  $('model-caption').textContent = caption;
  if (!m) {
    $('model-source').textContent = 'No FROM model the linter knows: the context figures need one.';
    return;
  }
  const source = `${m.source}${m.sourceDetail ? `: ${m.sourceDetail}` : ''}`;
  for (const [k, v] of figureRows(m)) {
    const tr = document.createElement('tr');
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = k;
    const td = document.createElement('td');
    td.textContent = String(v);
    const src = document.createElement('small');
    src.className = 'source';
    src.textContent = `source: ${source}`;
    td.append(src);
    tr.append(th, td);
    body.append(tr);
  }
  $('model-source').textContent = (m.note ? `Note: ${m.note} ` : '') + (m.error ? `Error: ${m.error}` : '');
}

function drawCharts() {
  if (!info?.model) return;
  memoryChart($('memory-chart'), info, info.xmax);
  prefillChart($('prefill-chart'), info, info.xmax);
}

let shownContext = '';
function showContext() {
  const first = client.context([]);
  const xmax = contextRange(first);
  const next = first.model ? client.context(sampleContexts(xmax, [first.numCtx, first.nativeCtx, first.maxFitCtx,
    first.usedCtx, Math.round(first.tokensInTime ?? 0)].filter(Boolean))) : first;
  // Most keystrokes change no figure: then nothing is redrawn.
  const key = JSON.stringify(next) + $('model-pick').value;
  if (key === shownContext) return;
  shownContext = key;
  info = next;
  const m = info.model;
  $('kv-name').textContent = info.memory?.kvType ?? info.budget?.kvCacheType ?? 'f16';
  if (!m) {
    $('context-summary').textContent = 'Name a model in FROM (one the linter knows, such as qwen3-coder:30b) to see its context arithmetic.';
    $('memory-chart').textContent = '';
    $('prefill-chart').textContent = '';
    $('info-text').textContent = '';
  } else {
    const parts = [`${m.name ?? 'The model'} reads ${m.nativeCtx ? fmtTokens(m.nativeCtx) : 'an unknown number of'} tokens natively`];
    if (info.numCtx) parts.push(`num_ctx is ${fmtTokens(info.numCtx)} (${info.ctxSourceText})`);
    else parts.push('num_ctx is not a valid number');
    if (info.memory) parts.push(`that takes ${fmtGiB(info.memory.total)}`);
    if (info.budgetBytes) parts.push(info.maxFitCtx ? `the largest context that fits ${fmtGiB(info.budgetBytes)} is ${fmtTokens(info.maxFitCtx)}` : `even the weights do not fit ${fmtGiB(info.budgetBytes)}`);
    $('context-summary').textContent = `${parts.join('; ')}.`;
    info.xmax = xmax;
    drawCharts();
    $('info-text').textContent = info.text ?? '';
  }
  const picked = models.find((x) => x.from === $('model-pick').value.trim());
  if (picked) showModel(picked, `${picked.from} (picked; the file uses ${m?.sourceDetail ?? 'no known model'})`);
  else showModel(m, m ? `The model behind FROM: ${m.name ?? m.sourceDetail}` : 'The model behind FROM');
}

function fixedText() {
  const before = view.state.doc.toString();
  const edits = client.fixAllEdits();
  const changes = editsToChanges(view.state.doc, edits);
  let after = before;
  for (const c of changes.sort((a, b) => b.from - a.from)) after = after.slice(0, c.from) + c.insert + after.slice(c.to);
  return { before, after };
}

function showFixed() {
  if (!$('fixed-panel').open) return;
  const { before, after } = fixedText();
  $('diff').textContent = before === after ? 'No safe fix changes this file.'
    : createTwoFilesPatch('Modelfile', 'Modelfile', before, after, '', 'fixed', { context: 3 });
}

// ---- share ----------------------------------------------------------------------------

async function shareLink() {
  const frag = await encodeState({ text: view.state.doc.toString(), ...machineState() });
  const url = `${location.origin}${location.pathname}#${frag}`;
  $('share-url').value = url;
  history.replaceState(null, '', `#${frag}`);
  return url;
}

let shareTimer;
function scheduleShare() {
  clearTimeout(shareTimer);
  shareTimer = setTimeout(() => { shareLink().catch(() => {}); }, 400);
}

async function copy(text, what) {
  try {
    await navigator.clipboard.writeText(text);
    status(`Copied ${what}`);
  } catch {
    status(`Select and copy ${what} by hand (the clipboard is not available)`);
  }
}

// ---- the refresh after every change ------------------------------------------------------

function refresh() {
  const t0 = performance.now();
  const items = client.diagnostics();
  showDiagnostics(items);
  if (metrics.firstDiagnostic === null) {
    metrics.firstDiagnostic = performance.now();
    performance.mark('mfl-first-diagnostic');
  }
  const t1 = performance.now();
  showContext();
  showFixed();
  scheduleShare();
  const t2 = performance.now();
  return { diagnostics: t1 - t0, context: t2 - t1, all: t2 - t0 };
}

function onChange(update) {
  const t0 = performance.now();
  client.change(contentChanges(update));
  const sync = performance.now() - t0;
  if (pending) return;
  pending = true;
  // Several transactions of one event are linted once, before the next frame.
  queueMicrotask(() => {
    pending = false;
    const work = refresh();
    const key = lastKey;
    const done = performance.now();
    if (key) {
      metrics.strokes.push({ sync, refresh: work.all, diagnostics: work.diagnostics, context: work.context, total: done - key });
      lastKey = 0;
    }
  });
}

// ---- start ----------------------------------------------------------------------------------

async function start() {
  performance.mark('mfl-script');
  const url = new URL('modelfile-lsp.wasm', document.baseURI);
  // Compiled while it downloads (index.html preloads it); a server that does
  // not say application/wasm gets the bytes compiled instead.
  let wasm;
  try {
    wasm = await WebAssembly.compileStreaming(fetch(url));
  } catch {
    wasm = url;
  }
  client = await Client.create(wasm);
  performance.mark('mfl-server-ready');
  hardware = client.hardware();
  models = client.models();
  for (const h of hardware) {
    const o = document.createElement('option');
    o.value = h.id;
    o.textContent = `${h.device} (${h.id}, ${fmtGiB(h.budget)} usable)`;
    $('hw').insertBefore(o, $('hw').lastElementChild);
  }
  const dl = $('models');
  for (const m of models) {
    const o = document.createElement('option');
    o.value = m.from;
    o.label = `${m.name ?? m.from}: ${m.nativeCtx ? fmtTokens(m.nativeCtx) : '?'} tokens`;
    dl.append(o);
  }
  let state = null;
  try {
    state = await decodeState(location.hash);
  } catch (e) {
    status(`The link's Modelfile could not be read (${e.message}); showing the example`);
  }
  const text = state?.text ?? story;
  setMachineState(state ?? {});
  client.open(text);
  client.configure(settingsOf(machineState()));
  view = createEditor($('editor'), {
    client, text, onChange,
    extraKeys: [{ key: 'Mod-Alt-f', run: () => { $('fix-all').click(); return true; } }],
  });
  view.contentDOM.addEventListener('keydown', () => { lastKey = performance.now(); }, true);
  view.contentDOM.addEventListener('beforeinput', () => { if (!lastKey) lastKey = performance.now(); }, true);
  performance.mark('mfl-editor-ready');
  applyMachine();
  status(state ? 'Restored from the link' : 'Ready: type, or paste a Modelfile');

  $('machine').addEventListener('change', applyMachine);
  $('machine').addEventListener('submit', (e) => { e.preventDefault(); applyMachine(); });
  $('fix-all').onclick = () => {
    if (!applyEdits(client.fixAllEdits(), 'Applied every safe fix')) status('No safe fix to apply');
  };
  $('example').onclick = () => {
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: story } });
    status('Loaded the story: a v-128k label became a hard limit');
  };
  $('share').onclick = async () => copy(await shareLink(), 'the share link');
  $('copy-fixed').onclick = () => copy(fixedText().after, 'the fixed file');
  $('copy-diff').onclick = () => copy($('diff').textContent, 'the diff');
  $('fixed-panel').addEventListener('toggle', showFixed);
  $('model-pick').addEventListener('input', () => {
    const picked = models.find((x) => x.from === $('model-pick').value.trim());
    $('use-model').disabled = !picked;
    showContext();
  });
  $('use-model').onclick = () => {
    const name = $('model-pick').value.trim();
    const doc = view.state.doc;
    let target = null;
    for (let i = doc.lines; i >= 1 && !target; i--) {
      const l = doc.line(i);
      const m = /^(\s*from\s+)(\S.*?)\s*$/i.exec(l.text);
      if (m) target = { from: l.from + m[1].length, to: l.from + m[1].length + m[2].length };
    }
    view.dispatch({ changes: target ? { ...target, insert: name } : { from: 0, insert: `FROM ${name}\n` } });
    $('model-pick').value = '';
    $('use-model').disabled = true;
    showContext();
    status(`FROM is now ${name}`);
  };
  window.addEventListener('hashchange', async () => {
    try {
      const s = await decodeState(location.hash);
      if (!s || (s.text === view.state.doc.toString() && JSON.stringify(settingsOf(s)) === JSON.stringify(settingsOf(machineState())))) return;
      setMachineState(s);
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: s.text } });
      applyMachine();
    } catch (e) {
      status(`The link's Modelfile could not be read (${e.message})`);
    }
  });
  let width = 0;
  new ResizeObserver(() => {
    const w = $('memory-chart').clientWidth;
    if (Math.abs(w - width) > 8) { width = w; drawCharts(); }
  }).observe($('memory-chart'));
  if ('serviceWorker' in navigator && /^https?:$/.test(location.protocol)) {
    navigator.serviceWorker.register('sw.js').catch((e) => console.warn('offline copy unavailable:', e));
  }
  // For tests and the benchmark: the page's own session and figures.
  window.playground = {
    client, view, metrics, hardware, models,
    // Lints a text in its own document through the same session the editor uses.
    lintText(text, uri = 'untitled:check') {
      client.open(text, uri);
      const items = client.diagnostics(uri);
      client.notify('textDocument/didClose', { textDocument: { uri } });
      client.versions.delete(uri);
      return items;
    },
    ready: true,
  };
  document.documentElement.dataset.ready = 'true';
}

start().catch((e) => {
  status(`The linter did not start: ${e.message}`);
  console.error(e);
});
