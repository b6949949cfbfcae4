// SPDX-License-Identifier: MIT
// The shareable state (the Modelfile and the machine settings) in the URL
// fragment: never sent to any server (browsers do not send fragments), and
// deflated when the browser can (CompressionStream).
//   #s=1.<base64url(deflate-raw(JSON))>   or   #s=0.<base64url(JSON)>
const b64url = (bytes) => {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};
const unb64url = (s) => Uint8Array.from(atob(s.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));

async function pipe(bytes, stream) {
  const out = new Response(new Blob([bytes]).stream().pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
}

export async function encodeState(state) {
  const json = new TextEncoder().encode(JSON.stringify(state));
  if (typeof CompressionStream === 'function') {
    return `s=1.${b64url(await pipe(json, new CompressionStream('deflate-raw')))}`;
  }
  return `s=0.${b64url(json)}`;
}

// The state in a fragment ("#s=..."), or null when there is none or it is
// damaged (then the caller says so).
export async function decodeState(hash) {
  const m = /^#?s=([01])\.([A-Za-z0-9_-]*)$/.exec(hash);
  if (!m) return null;
  let bytes = unb64url(m[2]);
  if (m[1] === '1') bytes = await pipe(bytes, new DecompressionStream('deflate-raw'));
  const state = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  if (typeof state !== 'object' || state === null || typeof state.text !== 'string') throw new Error('no Modelfile in the link');
  return state;
}
