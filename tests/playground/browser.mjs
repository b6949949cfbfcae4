// SPDX-License-Identifier: MIT
// What the playground tests share: the built page served from 127.0.0.1, and
// Debian's Chromium (headless) driven by playwright-core, with every request
// recorded and any request that would leave the page's origin refused.
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from './serve.mjs';

export const env = {
  dir: process.env.PLAYGROUND_DIR,
  modules: process.env.PLAYGROUND_MODULES,
  artifacts: process.env.PLAYGROUND_ARTIFACTS,
  chromium: process.env.CHROMIUM ?? '/usr/bin/chromium',
};
for (const [k, v] of Object.entries(env)) if (!v) throw new Error(`${k}: not set (run through tests/playground/run.sh)`);

const { chromium } = createRequire(join(env.modules, 'noop.js'))('playwright-core');

// The flags the project runs Chromium with (no network of its own, a new
// empty profile).
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];

export async function start({ viewport = { width: 1400, height: 1000 } } = {}) {
  const server = await serve(env.dir);
  const profile = mkdtempSync(join(tmpdir(), 'mfl-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: env.chromium, headless: true, args: FLAGS, viewport, serviceWorkers: 'allow',
  });
  const seen = [], refused = [];
  // Every request of every page and worker: the page's own origin only.
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(`${server.origin}/`) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    refused.push(url);
    return route.abort('blockedbyclient');
  });
  context.on('request', (r) => seen.push(r.url()));
  const errors = [];
  const watch = (page) => {
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  };
  context.on('page', watch);
  context.pages().forEach(watch);
  return {
    server, context, seen, refused, errors,
    async page(url = `${server.origin}/`) {
      const page = context.pages().find((p) => p.url() === 'about:blank') ?? await context.newPage();
      await page.goto(url);
      await page.waitForSelector('html[data-ready="true"]', { timeout: 30000 });
      return page;
    },
    async close() {
      await context.close();
      await server.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
