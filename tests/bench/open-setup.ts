/**
 * What the editor bench and the open trace share: the generated 5,000-step flow put in the
 * editor through its own import, and bare React Flow built and served beside it from the
 * editor's first view, so both open the same flow from the same view (tests/bench/README.md).
 *
 * Page scripts are strings: tsx would otherwise wrap functions in helpers the page lacks.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join } from 'node:path';
import react from '@vitejs/plugin-react';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { exportFlowJson, generateFlow } from '../../src-shared/flow';
import { securityHeaders } from '../../src-main/host/security-headers';
import { cacheControlFor } from '../../src-main/web/host-server';
import { rootDir } from '../e2e/harness';

export const NODES = 5_000;
const bareDir = join(rootDir, 'dist', 'bench-bare');

/** Time from navigation start until React Flow shows measured nodes, then one more frame. */
export const READY = `new Promise((resolve) => {
  const check = () => {
    const node = document.querySelector('.react-flow__node');
    if (node && getComputedStyle(node).visibility === 'visible') requestAnimationFrame(() => resolve(performance.now()));
    else requestAnimationFrame(check);
  };
  check();
})`;

/** React Flow's viewport (x, y, zoom), read from its transform. */
export const VIEWPORT = `(() => {
  const m = getComputedStyle(document.querySelector('.react-flow__viewport')).transform.match(/matrix\\(([^)]+)\\)/);
  const [zoom, , , , x, y] = m[1].split(',').map(Number);
  return { x, y, zoom };
})()`;

/** Builds bare React Flow (`bare/`) and serves it on a free loopback port. */
export async function startBare(): Promise<{ server: Server; url: string }> {
  await build({ root: join(rootDir, 'tests/bench/bare'), base: './', logLevel: 'warn', plugins: [react()], build: { outDir: bareDir, emptyOutDir: true } });
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    try {
      const body = readFileSync(join(bareDir, path === '/' ? 'index.html' : path));
      // The web edition's headers: its cache headers (hashed assets kept, the page asked for
      // again) and its security headers. Chromium keeps no compiled code across a navigation
      // from a blank page to a page with a Cross-Origin-Opener-Policy (README): with the same
      // headers both pages open under the same rules.
      res.writeHead(200, { ...securityHeaders, 'content-type': types[extname(path || '.html')] ?? 'text/html', 'cache-control': cacheControlFor(path) }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}/` })));
}

/**
 * Imports the generated flow through the app's own file picker (written to `flowFile`) and
 * opens it; returns the editor's URL of it and bare React Flow's URL from the same first view.
 */
export async function openBoth(page: Page, appUrl: string, bareBase: string, flowFile: string): Promise<{ flowUrl: string; bareUrl: string }> {
  writeFileSync(flowFile, exportFlowJson(generateFlow({ nodes: NODES, seed: 42 })));
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(appUrl);
  await page.getByTestId('import-input').setInputFiles(flowFile);
  await page.getByTestId('editor').waitFor();
  await page.evaluate(READY);
  await page.waitForTimeout(500);
  // Bare React Flow starts from the editor's first view (its readable fit of the entry).
  const first = (await page.evaluate(VIEWPORT)) as { x: number; y: number; zoom: number };
  return { flowUrl: page.url(), bareUrl: `${bareBase}?nodes=${NODES}&x=${first.x}&y=${first.y}&zoom=${first.zoom}` };
}
