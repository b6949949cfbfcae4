// SPDX-License-Identifier: MIT
// The playground's service worker: keeps the page's own files (listed at
// build time, with a version made of their contents) so that the page works
// offline once loaded. It fetches nothing but those files, from this origin.
const VERSION = '__VERSION__';
const FILES = __FILES__;
const CACHE = `mfl-playground-${VERSION}`;

self.addEventListener('install', (e) => {
  e.waitUntil(caches.open(CACHE).then((c) => c.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (e) => {
  e.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith('mfl-playground-') && k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

// The page's files from the cache first (they change only with VERSION);
// anything else goes to the network as usual.
self.addEventListener('fetch', (e) => {
  const url = new URL(e.request.url);
  if (e.request.method !== 'GET' || url.origin !== self.location.origin) return;
  const scope = new URL(self.registration.scope);
  const rel = url.pathname.startsWith(scope.pathname) ? url.pathname.slice(scope.pathname.length) : null;
  const key = rel === '' ? './' : rel;
  if (key === null || !FILES.includes(key)) return;
  e.respondWith(caches.open(CACHE).then((c) => c.match(key === './' ? new URL('./', scope) : new URL(key, scope))
    .then((hit) => hit ?? fetch(e.request))));
});
