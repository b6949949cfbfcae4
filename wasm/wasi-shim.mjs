// SPDX-License-Identifier: MIT
// The WASI imports modelfile-lsp.wasm needs, for a host without node:wasi (a
// web page, VS Code for the Web): a clock, standard error to a callback, an
// environment, and no file system at all (no preopened folder, so every path
// lookup fails: models come from the built-in table and the editor's settings,
// and the rules about local files say nothing, as they cannot know).
// Only what the in-process session uses is implemented; the rest answers
// ENOSYS. On Node, session.mjs uses node:wasi instead, with the real files.

const ERRNO_SUCCESS = 0;
const ERRNO_BADF = 8;
const ERRNO_INVAL = 28;
const ERRNO_NOENT = 44;
const ERRNO_NOSYS = 52;

export class WasiShim {
  // env: { NAME: value }; stderr: (text) => void
  constructor({ env = {}, stderr = () => {} } = {}) {
    this.env = Object.entries(env).map(([k, v]) => `${k}=${v}`);
    this.stderr = stderr;
    this.memory = null;
    this.decoder = new TextDecoder();
    this.encoder = new TextEncoder();
    const view = () => new DataView(this.memory.buffer);
    const bytes = () => new Uint8Array(this.memory.buffer);
    const strings = (list, ptrs, buf) => {
      let at = buf;
      list.forEach((s, i) => {
        const b = this.encoder.encode(s + '\0');
        view().setUint32(ptrs + 4 * i, at, true);
        bytes().set(b, at);
        at += b.length;
      });
      return ERRNO_SUCCESS;
    };
    const sizes = (list, countPtr, sizePtr) => {
      view().setUint32(countPtr, list.length, true);
      view().setUint32(sizePtr, list.reduce((n, s) => n + this.encoder.encode(s).length + 1, 0), true);
      return ERRNO_SUCCESS;
    };
    this.wasiImport = {
      args_get: (ptrs, buf) => strings(['modelfile-lsp'], ptrs, buf),
      args_sizes_get: (c, s) => sizes(['modelfile-lsp'], c, s),
      environ_get: (ptrs, buf) => strings(this.env, ptrs, buf),
      environ_sizes_get: (c, s) => sizes(this.env, c, s),
      clock_time_get: (id, precision, out) => {
        const ns = id === 0 ? BigInt(Date.now()) * 1000000n
          : BigInt(Math.round((globalThis.performance?.now() ?? Date.now()) * 1e6));
        view().setBigUint64(out, ns, true);
        return ERRNO_SUCCESS;
      },
      fd_write: (fd, iovs, n, written) => {
        if (fd !== 1 && fd !== 2) return ERRNO_BADF;
        let total = 0, text = '';
        for (let i = 0; i < n; i++) {
          const ptr = view().getUint32(iovs + 8 * i, true);
          const len = view().getUint32(iovs + 8 * i + 4, true);
          text += this.decoder.decode(bytes().subarray(ptr, ptr + len));
          total += len;
        }
        if (fd === 2) this.stderr(text);
        view().setUint32(written, total, true);
        return ERRNO_SUCCESS;
      },
      fd_read: (fd, iovs, n, read) => {
        if (fd !== 0) return ERRNO_BADF;
        view().setUint32(read, 0, true); // no standard input: end of file
        return ERRNO_SUCCESS;
      },
      fd_fdstat_get: (fd, out) => {
        if (fd > 2) return ERRNO_BADF;
        bytes().fill(0, out, out + 24);
        view().setUint8(out, 2); // character device
        return ERRNO_SUCCESS;
      },
      fd_close: () => ERRNO_SUCCESS,
      fd_prestat_get: () => ERRNO_BADF, // no preopened folders: no files
      fd_prestat_dir_name: () => ERRNO_BADF,
      fd_filestat_get: () => ERRNO_BADF,
      fd_pread: () => ERRNO_BADF,
      fd_readdir: () => ERRNO_BADF,
      fd_seek: () => ERRNO_BADF,
      path_open: () => ERRNO_NOENT,
      path_filestat_get: () => ERRNO_NOENT,
      path_readlink: () => ERRNO_NOENT,
      poll_oneoff: () => ERRNO_NOSYS,
      sched_yield: () => ERRNO_SUCCESS,
      random_get: (buf, len) => {
        globalThis.crypto.getRandomValues(bytes().subarray(buf, buf + len));
        return ERRNO_SUCCESS;
      },
      proc_exit: (code) => { throw new Error(`modelfile-lsp.wasm exited with ${code}`); },
    };
    // Anything else the module might import answers "not implemented".
    this.wasiImport = new Proxy(this.wasiImport, {
      get: (target, name) => target[name] ?? (() => ERRNO_NOSYS),
    });
    void ERRNO_INVAL;
  }

  // Calls the reactor's _initialize, like node:wasi's initialize().
  initialize(instance) {
    this.memory = instance.exports.memory;
    instance.exports._initialize?.();
  }
}
