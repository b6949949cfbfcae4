// Benchmark driver (not part of the upstream repository): lints the files and
// directories given on the command line with the upstream parser + validator,
// the same way its VS Code diagnostics provider does (default settings).
import { readdirSync, readFileSync, lstatSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from './linter/parser';
import { validate } from './linter/validator';

function isModelfileName(n: string): boolean {
  return n === 'Modelfile' || n.startsWith('Modelfile.') || n.endsWith('.Modelfile') || n.endsWith('.modelfile');
}

function walk(dir: string, out: string[]): void {
  const names = readdirSync(dir).filter((n) => !n.startsWith('.')).sort();
  for (const n of names) {
    const p = join(dir, n);
    const st = lstatSync(p);
    if (st.isDirectory()) walk(p, out);
    else if ((st.isFile() || st.isSymbolicLink()) && isModelfileName(n)) out.push(p);
  }
}

const files: string[] = [];
for (const a of process.argv.slice(2)) {
  if (statSync(a).isDirectory()) walk(a, files);
  else files.push(a);
}
const ctx = { disabledRules: new Set<string>(), warnOnDefaultContextSize: true };
const chunks: string[] = [];
let total = 0;
for (const f of files) {
  const text = readFileSync(f, 'utf8');
  const diags = validate(parse(text), ctx);
  total += diags.length;
  for (const d of diags)
    chunks.push(`${f}:${d.line + 1}:${d.startCol + 1}: ${d.severity} ${d.ruleId} ${d.message}\n`);
}
process.stdout.write(chunks.join(''));
process.exitCode = total > 0 ? 1 : 0;
