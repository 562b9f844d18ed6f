/**
 * Where the open of the 5,000-step flow spends its time, beside bare React Flow's: a Chromium
 * trace of each open (run: `npm run build`, then `npx tsx tests/bench/open-trace.ts [rounds]`),
 * rounds alternating as in editor-bench.ts (a blank page, then the page, until one frame after
 * the first node shows). Prints, per side, the mean per open of the renderer main thread's time
 * in each of a few trace events (script compile and evaluation, React's scheduler tasks, style,
 * layout, paint, garbage collection, IndexedDB's deserialization, font matching) and whether the
 * scripts came from Chromium's code cache. Not a benchmark with a goal: it says where the
 * editor-bench gap is.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHarness } from '../e2e/harness';
import { openBoth, READY, startBare } from './open-setup';

const rounds = Number(process.argv[2] ?? 4);
const OPEN = 'open (to one frame after the first node)';
const EVENTS = [
  'v8.evaluateModule',
  'V8.CompileCode',
  'V8.ParseProgram',
  'MessagePort::Accept',
  'UpdateLayoutTree',
  'Layout',
  'Paint',
  'MinorGC',
  'SerializedScriptValueFactory::deserialize',
  'FontCache::GetFontPlatformData',
  'RunTask',
];

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { data?: { consumedCacheSize?: number } };
}

const bare = await startBare();
const h = await startHarness();
const work = mkdtempSync(join(tmpdir(), 'cs-trace-'));
try {
  const page = h.page;
  const browser = page.context().browser()!;
  const urls = await openBoth(page, h.host.url, bare.url, join(work, 'flow-5000.json'));
  const sides = { editor: urls.flowUrl, bare: urls.bareUrl };
  const totals = { editor: new Map<string, number>(), bare: new Map<string, number>() };
  const cached = { editor: 0, bare: 0 };
  for (let round = 0; round < rounds; round++) {
    for (const side of ['editor', 'bare'] as const) {
      const path = join(work, `${side}-${round}.json`);
      await page.goto('about:blank');
      await browser.startTracing(page, { path, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute', 'disabled-by-default-v8.compile', 'blink', 'loading', 'fonts'] });
      await page.goto(sides[side], { waitUntil: 'commit' });
      const ready = (await page.evaluate(READY)) as number;
      await browser.stopTracing();
      const events = (JSON.parse(readFileSync(path, 'utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
      // The renderer's main thread: the thread that ran the most tasks.
      const busy = new Map<string, number>();
      for (const e of events) if (e.ph === 'X' && e.name === 'RunTask') busy.set(`${e.pid}:${e.tid}`, (busy.get(`${e.pid}:${e.tid}`) ?? 0) + (e.dur ?? 0));
      const main = [...busy].sort((a, b) => b[1] - a[1])[0]?.[0];
      const sum = totals[side];
      // An event can nest in one of the same name (Paint and FontCache::GetFontPlatformData do):
      // only the outermost counts, or its time would be added twice.
      const until = new Map<string, number>();
      for (const e of events.filter((x) => `${x.pid}:${x.tid}` === main).sort((a, b) => a.ts - b.ts)) {
        if (e.name === 'v8.compileModule' && (e.args?.data?.consumedCacheSize ?? 0) > 0) cached[side]++;
        if (e.ph !== 'X' || !e.dur || !EVENTS.includes(e.name) || e.ts < (until.get(e.name) ?? -Infinity)) continue;
        until.set(e.name, e.ts + e.dur);
        sum.set(e.name, (sum.get(e.name) ?? 0) + e.dur / 1000);
      }
      sum.set(OPEN, (sum.get(OPEN) ?? 0) + ready);
    }
  }
  console.log(`5,000-step flow, ${rounds} traced opens each, alternating; ms per open, editor / bare (tracing slows both)`);
  for (const name of [OPEN, ...EVENTS]) {
    const e = (totals.editor.get(name) ?? 0) / rounds;
    const b = (totals.bare.get(name) ?? 0) / rounds;
    console.log(`  ${name.padEnd(48)} ${e.toFixed(1).padStart(8)} / ${b.toFixed(1).padStart(7)}`);
  }
  console.log(`  scripts from the code cache (modules)               ${cached.editor} / ${cached.bare}`);
} finally {
  await h.close();
  bare.server.close();
  rmSync(work, { recursive: true, force: true });
}
