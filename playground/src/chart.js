// SPDX-License-Identifier: MIT
// The context arithmetic as pictures (SVG). Every figure drawn comes from the
// server's modelfile-lint/context answer (the core's mfl_info_t and
// mfl_mem_estimate at each context); this file only places them. Marks carry
// their values as data attributes (data-mark, data-ctx) for tests and tools.
const NS = 'http://www.w3.org/2000/svg';
const GiB = 2 ** 30;
// The drawing is sized to its container in CSS pixels, so that its text stays
// readable on a phone; labels of marks get a band of their own above the plot.
let W = 640, H = 300;
const M = { l: 58, r: 14, t: 50, b: 40 };
function size(container) {
  W = Math.max(300, Math.min(900, Math.round(container.clientWidth || 640)));
  H = W < 500 ? 250 : 300;
}

export const fmtTokens = (n) => Number(n).toLocaleString('en-US');
export const fmtGiB = (b) => `${(b / GiB).toFixed(b >= 10 * GiB ? 1 : 2)} GiB`;
const fmtSeconds = (s) => (s >= 120 ? `${(s / 60).toFixed(1)} min` : `${Math.round(s)} s`);

function el(name, attrs = {}, text) {
  const e = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

// The contexts to ask the server about: evenly spread over [0, xmax], plus
// the marked ones exactly.
export function sampleContexts(xmax, marks) {
  const pts = new Set();
  const n = 64;
  for (let i = 1; i <= n; i++) pts.add(Math.max(1, Math.round((xmax * i) / n)));
  for (const m of marks) if (m > 0 && m <= xmax) pts.add(m);
  pts.add(1);
  return [...pts].sort((a, b) => a - b);
}

// The x range: a little past the largest context worth showing.
export function contextRange(info) {
  const want = Math.max(info?.nativeCtx ?? 0, info?.numCtx ?? 0, info?.maxFitCtx ?? 0,
    info?.tokensInTime ?? 0, 4096);
  return Math.ceil((want * 1.06) / 1024) * 1024;
}

function xTicks(xmax) {
  let step = 1024;
  while (xmax / step > 6) step *= 2;
  const t = [];
  for (let v = 0; v <= xmax; v += step) t.push(v);
  return t;
}

function yTicks(ymax, unit) {
  const raw = ymax / unit / 5;
  const mag = 10 ** Math.floor(Math.log10(raw || 1));
  const step = [1, 2, 2.5, 5, 10].map((f) => f * mag).find((s) => s >= raw) * unit;
  const t = [];
  for (let v = 0; v <= ymax + 1e-9; v += step) t.push(v);
  return t;
}

const tokLabel = (v) => (v === 0 ? '0' : v % 1024 === 0 ? `${v / 1024}k` : fmtTokens(v));

function frame(svg, xmax, ymax, yUnit, yFmt, xTitle) {
  const sx = (v) => M.l + ((W - M.l - M.r) * v) / xmax;
  const sy = (v) => H - M.b - ((H - M.t - M.b) * v) / ymax;
  const g = el('g', { class: 'axes' });
  for (const v of yTicks(ymax, yUnit)) {
    g.append(el('line', { x1: M.l, x2: W - M.r, y1: sy(v), y2: sy(v), class: 'grid' }));
    g.append(el('text', { x: M.l - 6, y: sy(v) + 4, 'text-anchor': 'end' }, yFmt(v)));
  }
  for (const v of xTicks(xmax)) {
    g.append(el('line', { x1: sx(v), x2: sx(v), y1: H - M.b, y2: H - M.b + 4, class: 'tick' }));
    g.append(el('text', { x: sx(v), y: H - M.b + 16, 'text-anchor': 'middle' }, tokLabel(v)));
  }
  g.append(el('line', { x1: M.l, x2: W - M.r, y1: H - M.b, y2: H - M.b, class: 'axis' }));
  g.append(el('text', { x: (M.l + W - M.r) / 2, y: H - 4, 'text-anchor': 'middle', class: 'title' }, xTitle));
  svg.append(g);
  return { sx, sy };
}

function area(points, sx, sy, lo, hi, cls) {
  const top = points.map((p) => `${sx(p.ctx).toFixed(1)},${sy(hi(p)).toFixed(1)}`);
  const bottom = points.slice().reverse().map((p) => `${sx(p.ctx).toFixed(1)},${sy(lo(p)).toFixed(1)}`);
  return el('polygon', { points: [...top, ...bottom].join(' '), class: cls });
}

function line(points, sx, sy, y, cls, attrs = {}) {
  return el('polyline', { points: points.map((p) => `${sx(p.ctx).toFixed(1)},${sy(y(p)).toFixed(1)}`).join(' '), class: cls, ...attrs });
}

// Vertical marks, with their labels in the band above the plot: a label
// goes left of its line when another mark follows closely, and labels that
// would still meet go on another row.
function marks(svg, list, sx, bottom) {
  const shown = list.filter((m) => m.ctx > 0).map((m) => ({ ...m, x: sx(m.ctx) })).sort((a, b) => a.x - b.x);
  const taken = []; // [row, from, to] of placed labels
  shown.forEach((m, i) => {
    const text = `${m.label} ${fmtTokens(m.ctx)}`;
    const w = text.length * 6.6 + 6;
    const next = shown[i + 1];
    const left = (next && next.x - m.x < w && m.x - w > M.l) || m.x + w > W - M.r;
    const from = left ? m.x - w : m.x, to = left ? m.x : m.x + w;
    let row = 0;
    while (taken.some(([r, f, t]) => r === row && f < to && from < t)) row++;
    taken.push([row, from, to]);
    const g = el('g', { class: `mark ${m.cls}`, 'data-mark': m.id, 'data-ctx': m.ctx });
    g.append(el('line', { x1: m.x, x2: m.x, y1: M.t - 34 + row * 14, y2: bottom }));
    g.append(el('text', { x: left ? m.x - 4 : m.x + 4, y: M.t - 36 + 12 + row * 14, 'text-anchor': left ? 'end' : 'start' }, text));
    svg.append(g);
  });
}

function hline(svg, y, label, cls, id, value) {
  const g = el('g', { class: `limit ${cls}`, 'data-mark': id, 'data-value': value });
  g.append(el('line', { x1: M.l, x2: W - M.r, y1: y, y2: y }));
  g.append(el('text', { x: M.l + 6, y: y + 15, 'text-anchor': 'start' }, label));
  svg.append(g);
}

function svgRoot(container, title, desc) {
  size(container);
  container.textContent = '';
  const svg = el('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': `${container.id}-t ${container.id}-d` });
  svg.append(el('title', { id: `${container.id}-t` }, title), el('desc', { id: `${container.id}-d` }, desc));
  container.append(svg);
  return svg;
}

const TYPES = ['f16', 'q8_0', 'q4_0'];

// Memory against num_ctx: weights, overhead (compute graph + runtime) and the
// KV cache of the chosen cache type stacked, the other cache types' totals
// dashed, the budget line, and the native context, the file's num_ctx and
// the largest context that fits marked.
export function memoryChart(container, info, xmax) {
  const pts = (info.curve ?? []).filter((p) => p.weights !== undefined);
  const kvType = info.memory?.kvType ?? info.budget?.kvCacheType ?? 'f16';
  if (!pts.length) {
    container.textContent = 'The model\u2019s shape is unknown: no memory figures.';
    return;
  }
  const budget = info.budgetBytes ?? 0;
  const ymax = Math.max(budget, ...pts.map((p) => Math.max(...TYPES.map((t) => p.total[t] ?? 0)))) * 1.08;
  const desc = `Memory of ${info.model?.name ?? 'the model'} against num_ctx: weights ${fmtGiB(pts[0].weights)}, ` +
    `total ${info.memory ? fmtGiB(info.memory.total) : '?'} at num_ctx ${fmtTokens(info.usedCtx ?? 0)} with a ${kvType} cache` +
    (budget ? `, budget ${fmtGiB(budget)}, largest context that fits ${info.maxFitCtx ? fmtTokens(info.maxFitCtx) : 'none'}` : ', no budget set') + '.';
  const svg = svgRoot(container, 'Memory against num_ctx', desc);
  const { sx, sy } = frame(svg, xmax, ymax, GiB, (v) => `${Math.round((v / GiB) * 10) / 10} GiB`, 'context (tokens)');
  const over = (p) => p.weights + p.compute + p.runtime;
  svg.append(area(pts, sx, sy, () => 0, (p) => p.weights, 'a-weights'));
  svg.append(area(pts, sx, sy, (p) => p.weights, over, 'a-overhead'));
  svg.append(area(pts, sx, sy, over, (p) => p.total[kvType], 'a-kv'));
  for (const t of TYPES) {
    if (t === kvType || pts[0].total[t] === undefined) continue;
    svg.append(line(pts, sx, sy, (p) => p.total[t], 'l-other', { 'data-kv-type': t }));
    const last = pts[pts.length - 1];
    svg.append(el('text', { x: sx(last.ctx) - 4, y: sy(last.total[t]) - 4, 'text-anchor': 'end', class: 'l-other-label' }, `total with ${t} cache`));
  }
  if (budget) hline(svg, sy(budget), `budget ${fmtGiB(budget)}`, 'budget', 'budget', budget);
  marks(svg, [
    { id: 'num-ctx', cls: 'm-numctx', label: 'num_ctx', ctx: info.numCtx },
    { id: 'native', cls: 'm-native', label: 'native', ctx: info.nativeCtx },
    { id: 'max-fit', cls: 'm-fit', label: 'largest fit', ctx: budget ? info.maxFitCtx : 0 },
  ], sx, H - M.b);
}

// Prefill time against context, with the client timeout and the context that
// prefills within it marked.
export function prefillChart(container, info, xmax) {
  const pts = (info.curve ?? []).filter((p) => p.prefillSeconds !== null && p.prefillSeconds !== undefined);
  if (!pts.length) {
    container.textContent = 'Set a prefill rate (tokens/s) to see how long a full context takes to read.';
    return;
  }
  const timeout = info.clientTimeout ?? 0;
  const ymax = Math.max(timeout, ...pts.map((p) => p.prefillSeconds)) * 1.08;
  const desc = `Prefill time against context at ${info.budget?.prefillRate} tokens/s: ` +
    `${info.prefillSeconds ? fmtSeconds(info.prefillSeconds) : '?'} for num_ctx ${fmtTokens(info.usedCtx ?? 0)}` +
    (timeout ? `, client timeout ${fmtSeconds(timeout)}, ${fmtTokens(Math.round(info.tokensInTime))} tokens prefill in time` : '') + '.';
  const svg = svgRoot(container, 'Prefill time against context', desc);
  const unit = ymax > 600 ? 60 : 1;
  const { sx, sy } = frame(svg, xmax, ymax, unit, (v) => (unit === 60 ? `${Math.round(v / 60)} min` : `${Math.round(v)} s`), 'context (tokens)');
  svg.append(area(pts, sx, sy, () => 0, (p) => p.prefillSeconds, 'a-prefill'));
  if (timeout) hline(svg, sy(timeout), `client timeout ${fmtSeconds(timeout)}`, 'timeout', 'timeout', timeout);
  marks(svg, [
    { id: 'num-ctx', cls: 'm-numctx', label: 'num_ctx', ctx: info.usedCtx },
    { id: 'in-time', cls: 'm-fit', label: 'in time', ctx: timeout ? Math.round(info.tokensInTime) : 0 },
  ], sx, H - M.b);
}
