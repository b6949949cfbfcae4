// SPDX-License-Identifier: MIT
// The editor: CodeMirror 6 kept in sync with the server's document, with the
// grammar's own highlighting (grammar/queries/highlights.scm, run by the
// server's tree-sitter: a capture such as @string.special becomes the class
// tok-string-special), the server's hover and completion, and the lint
// extension showing the server's diagnostics.
import { EditorState } from '@codemirror/state';
import {
  EditorView, Decoration, ViewPlugin, keymap, lineNumbers, highlightActiveLine,
  highlightActiveLineGutter, drawSelection, hoverTooltip,
} from '@codemirror/view';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { searchKeymap, highlightSelectionMatches } from '@codemirror/search';
import { autocompletion, completionKeymap } from '@codemirror/autocomplete';
import { lintGutter, lintKeymap } from '@codemirror/lint';
import highlights from '../../grammar/queries/highlights.scm';

// ---- positions: CodeMirror offsets <-> LSP (UTF-16 line/character) ----------------

export function toPosition(doc, offset) {
  const line = doc.lineAt(offset);
  return { line: line.number - 1, character: offset - line.from };
}

export function toOffset(doc, pos) {
  if (pos.line >= doc.lines) return doc.length;
  const line = doc.line(pos.line + 1);
  return Math.min(line.from + pos.character, line.to);
}

export function toRange(doc, from, to) {
  return { start: toPosition(doc, from), end: toPosition(doc, to) };
}

// LSP TextEdits as one CodeMirror change set spec.
export function editsToChanges(doc, edits) {
  return edits.map((e) => ({ from: toOffset(doc, e.range.start), to: toOffset(doc, e.range.end), insert: e.newText }));
}

// ---- highlighting from highlights.scm --------------------------------------------------

const tokenClass = (capture) => `tok-${capture.replace(/\./g, '-')}`;

function highlightDecorations(view, client) {
  const { doc } = view.state;
  const ranges = view.visibleRanges;
  if (!ranges.length) return Decoration.none;
  const range = toRange(doc, ranges[0].from, ranges[ranges.length - 1].to);
  let captures;
  try {
    captures = client.query(highlights, range);
  } catch {
    return Decoration.none;
  }
  // When several patterns capture the same node, the later one is the more
  // specific (the file's order: @string, then @string.special).
  const best = new Map();
  for (const c of captures) {
    const from = toOffset(doc, c.range.start), to = toOffset(doc, c.range.end);
    if (to <= from) continue;
    const key = `${from}:${to}`;
    const prev = best.get(key);
    if (!prev || c.pattern > prev.pattern) best.set(key, { from, to, capture: c.capture, pattern: c.pattern });
  }
  const marks = [...best.values()].map((c) => Decoration.mark({ class: tokenClass(c.capture) }).range(c.from, c.to));
  return Decoration.set(marks, true);
}

function highlighter(client) {
  return ViewPlugin.fromClass(class {
    constructor(view) { this.decorations = highlightDecorations(view, client); }
    update(u) {
      if (u.docChanged || u.viewportChanged) this.decorations = highlightDecorations(u.view, client);
    }
  }, { decorations: (v) => v.decorations });
}

// ---- hover and completion from the server ---------------------------------------------

function hover(client) {
  return hoverTooltip((view, pos) => {
    let h;
    try {
      h = client.hover(toPosition(view.state.doc, pos));
    } catch {
      return null;
    }
    if (!h) return null;
    const text = typeof h.contents === 'string' ? h.contents : h.contents.value ?? '';
    const from = h.range ? toOffset(view.state.doc, h.range.start) : pos;
    const to = h.range ? toOffset(view.state.doc, h.range.end) : pos;
    return {
      pos: from, end: to, above: true,
      create() {
        const dom = document.createElement('div');
        dom.className = 'hover';
        dom.textContent = text;
        return { dom };
      },
    };
  });
}

function completionSource(client) {
  return (ctx) => {
    const word = ctx.matchBefore(/[^\s"]*/);
    let r;
    try {
      r = client.completion(toPosition(ctx.state.doc, ctx.pos));
    } catch {
      return null;
    }
    const items = Array.isArray(r) ? r : r?.items ?? [];
    if (!items.length || (!ctx.explicit && word.from === word.to && ctx.state.sliceDoc(ctx.pos - 1, ctx.pos) !== ' ')) return null;
    return {
      from: word.from,
      options: items.map((it) => ({
        label: it.label,
        detail: it.detail,
        info: typeof it.documentation === 'string' ? it.documentation : it.documentation?.value,
        apply: it.textEdit?.newText ?? it.insertText ?? it.label,
        boost: it.sortText ? -Number.parseInt(it.sortText, 10) || 0 : 0,
      })),
      // An incomplete list (the models after FROM: families, then after
      // "family:" that family's tags) is asked for again as the user types.
      ...(r?.isIncomplete ? {} : { validFor: /^[^\s"]*$/ }),
    };
  };
}

// ---- the view --------------------------------------------------------------------------

// onChange(update): called for every transaction that changes the document,
// before anything asks the server (it sends the edits).
export function createEditor(parent, { client, text, onChange, extraKeys = [] }) {
  return new EditorView({
    parent,
    state: EditorState.create({
      doc: text,
      extensions: [
        lineNumbers(),
        highlightActiveLineGutter(),
        history(),
        drawSelection(),
        highlightActiveLine(),
        highlightSelectionMatches(),
        EditorView.lineWrapping,
        keymap.of([...extraKeys, ...defaultKeymap, ...historyKeymap, ...searchKeymap, ...completionKeymap, ...lintKeymap]),
        // First: the server gets the edits before the highlighter asks it.
        ViewPlugin.define(() => ({ update(u) { if (u.docChanged) onChange(u); } })),
        highlighter(client),
        hover(client),
        autocompletion({ override: [completionSource(client)] }),
        lintGutter(),
        EditorView.contentAttributes.of({ 'aria-label': 'Modelfile', spellcheck: 'false' }),
      ],
    }),
  });
}

// The LSP contentChanges of a transaction, in an order the server can apply
// one after another (from the end, so earlier positions stay valid).
export function contentChanges(update) {
  const out = [];
  const old = update.startState.doc;
  update.changes.iterChanges((fromA, toA, _fromB, _toB, inserted) => {
    out.push({ range: toRange(old, fromA, toA), text: inserted.toString() });
  });
  return out.reverse();
}
