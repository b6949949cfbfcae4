// SPDX-License-Identifier: MIT
// Whether an executable is a working modelfile-lsp: it must answer
// `--version` with "modelfile-lsp ..." within a few seconds. A binary for
// another system, one missing a library (a glibc build on Alpine), or
// anything else gives a reason instead.
import { spawn } from 'child_process';

export function probeExecutable(command: string, timeoutMs = 5000): Promise<string | undefined> {
  return new Promise((resolve) => {
    let out = '';
    let err = '';
    let done = false;
    const finish = (why: string | undefined) => {
      if (!done) {
        done = true;
        resolve(why);
      }
    };
    let child;
    try {
      child = spawn(command, ['--version'], { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    } catch (e) {
      finish(`cannot run it: ${e instanceof Error ? e.message : String(e)}`);
      return;
    }
    const timer = setTimeout(() => {
      child.kill();
      finish(`no answer to --version within ${timeoutMs / 1000} s`);
    }, timeoutMs);
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', (e: Error) => {
      clearTimeout(timer);
      finish(`cannot run it: ${e.message}`);
    });
    child.on('close', (code: number | null) => {
      clearTimeout(timer);
      if (code === 0 && /^modelfile-lsp \S+/.test(out)) finish(undefined);
      else finish(`\`--version\` ${code === 0 ? 'printed no modelfile-lsp version' : `exited with ${code}`}` +
        (err.trim() ? `: ${err.trim().split('\n')[0]}` : ''));
    });
  });
}
