import { formatTable, nodeStatsRows, runPopulation, type PopulationResult, type PopulationSpec } from '../../../src-shared/engine';
import type { FlowDocument } from '../../../src-shared/flow';
import { audienceSpec, deriveAudience, parseAudienceJson, summarizeRuns, type AudienceModel, type RunsSummary, type Spread } from '../../../src-shared/forecast';
import { PopulationThreads, threadCount } from '../../simulation/population-pool';
import { populationWorkerScript } from '../../simulation/population-worker-script';
import type { CliIo } from '../cli-io';
import { createStyle, formatProblems } from '../format';
import { displayName, readInput, STDIN } from '../input';
import { EXIT, NOW_OPTION, nowOption, UsageError, type Command, type OptionValues } from './command';
import { loadRunnableFlow } from './load-flow';

/**
 * Where a worker thread starts: the engine-only worker bundle beside the bundled executable,
 * else this same executable (see main.ts and `populationWorkerScript`); tests override it.
 */
export const workerEntry = { script: populationWorkerScript() };

export const simulateCommand: Command = {
  name: 'simulate',
  summary: 'Simulate a synthetic population through a flow and print per-node statistics.',
  usage: '[options] FLOW',
  options: {
    users: { type: 'string', valueName: 'N', description: 'Synthetic users (default 1000).' },
    days: { type: 'string', valueName: 'D', description: 'Simulated days (default 30).' },
    seed: { type: 'string', valueName: 'S', description: 'Seed: the same seed gives the same result (default 1).' },
    start: { type: 'string', valueName: 'ISO', description: 'Start of the simulated period (default 2026-11-23T00:00:00Z).' },
    workers: { type: 'string', valueName: 'W', description: 'Threads, this one included (default: every core, or 1 below 300,000 users; 1 = this thread only).' },
    audience: { type: 'string', valueName: 'FILE', description: 'Your audience model (JSON, see docs/forecast.md), or "derived" for one built from what the flow tests. Default: the generic synthetic population.' },
    runs: { type: 'string', valueName: 'R', description: 'Runs with seeds S, S+1, …: prints medians and p5-p95 ranges (default 1).' },
    json: { type: 'boolean', description: 'Print one JSON document instead of a table.' },
    now: NOW_OPTION,
  },
  details: 'Same flow, users, days and seed give the same numbers, whatever the number of workers.\nExit 0 after a run, 1 when the flow is invalid, 2 on usage errors or unreadable files.',
  async run({ values, positionals }, io) {
    if (positionals.length !== 1) throw new UsageError('give exactly one FLOW file');
    const file = positionals[0] ?? STDIN;
    const users = intOption(values, 'users', 1_000, 1, 5_000_000);
    const days = intOption(values, 'days', 30, 1, 3_650);
    const seed = intOption(values, 'seed', 1, 0, 2 ** 31 - 1);
    const runs = intOption(values, 'runs', 1, 1, 50);
    const workers = values.workers === undefined ? undefined : intOption(values, 'workers', 1, 1, 64);
    const start = typeof values.start === 'string' ? Date.parse(values.start) : undefined;
    if (start !== undefined && Number.isNaN(start)) throw new UsageError(`--start expects an ISO date-time, not "${String(values.start)}"`);
    // The worker threads start now, while this one reads and checks the flow, when the user
    // count is known already (an audience model without --users gives it only once read).
    const early = values.audience === undefined || values.users !== undefined ? threadCount(users, workers) : 1;
    let pool = early > 1 ? new PopulationThreads(workerEntry.script, early) : null;
    try {
      const loaded = await loadRunnableFlow(io, file, nowOption(values, io));
      if (!loaded.ok) return loaded.code;
      const audience = typeof values.audience === 'string' ? await loadAudience(io, values.audience, loaded.doc) : null;
      if (audience && !audience.ok) return audience.code;
      const runSpec = (s: number): PopulationSpec => {
        const period = { days, seed: s, ...(start !== undefined ? { start } : {}) };
        if (!audience) return { users, ...period };
        const spec = audienceSpec(audience.model, loaded.doc, period).spec;
        return values.users === undefined ? spec : { ...spec, users };
      };
      const seeds = Array.from({ length: runs }, (_, k) => seed + k);
      const perRun = runSpec(seed).users;
      const total = perRun * runs;
      const threads = threadCount(perRun, workers);
      if (!pool && threads > 1) pool = new PopulationThreads(workerEntry.script, threads);

      let lastShown = 0;
      const results: PopulationResult[] = [];
      for (const s of seeds) {
        const base = results.length * perRun;
        const options = {
          // Only statistics are printed: each user's steps are counted, then dropped.
          keepTraces: false,
          onProgress: (done: number) => {
            if (!io.stderrIsTTY || base + done - lastShown < total / 50) return;
            lastShown = base + done;
            io.stderr(`\rsimulating ${displayName(file)}: ${Math.round(((base + done) / total) * 100)}%`);
          },
        };
        results.push(pool ? await pool.run(loaded.doc, runSpec(s), options) : runPopulation(loaded.doc, runSpec(s), options));
      }
      if (io.stderrIsTTY) io.stderr('\r\x1b[K');
      const run = { users: perRun, days, seed, audience: audience ? audience.label : null };
      if (runs > 1) {
        const summary = summarizeRuns(results, seeds);
        io.stdout(values.json ? `${JSON.stringify({ audience: run.audience, days, ...summary }, null, 2)}\n` : spreadReport(loaded.doc, summary, run));
        return EXIT.ok;
      }
      io.stdout(values.json ? `${JSON.stringify(toJson(results[0]!), null, 2)}\n` : report(loaded.doc, results[0]!, run));
      return EXIT.ok;
    } finally {
      pool?.close();
    }
  },
};

function intOption(values: OptionValues, name: string, fallback: number, min: number, max: number): number {
  const raw = values[name];
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`--${name} expects a whole number from ${min} to ${max}, not "${String(raw)}"`);
  return n;
}

/** The audience model named by `--audience`: a file, or `derived` from the flow; problems located. */
async function loadAudience(io: CliIo, name: string, doc: FlowDocument): Promise<{ ok: true; model: AudienceModel; label: string } | { ok: false; code: number }> {
  if (name === 'derived') return { ok: true, model: deriveAudience(doc), label: 'derived from the flow' };
  const style = createStyle(false);
  const input = await readInput(io, name);
  if (!input.ok) {
    io.stderr(`${displayName(name)}: cannot read the audience model\n${formatProblems([input.problem], style)}`);
    return { ok: false, code: input.reason === 'unreadable' ? EXIT.trouble : EXIT.invalid };
  }
  const parsed = parseAudienceJson(input.text);
  const problems = parsed.ok ? audienceSpec(parsed.model, doc, { days: 1, seed: 1 }).problems : parsed.problems;
  if (!parsed.ok || problems.length) {
    io.stderr(`${displayName(name)}: not a usable audience model\n${formatProblems(problems, style)}`);
    return { ok: false, code: EXIT.invalid };
  }
  return { ok: true, model: parsed.model, label: parsed.model.name ? `${parsed.model.name} (${displayName(name)})` : displayName(name) };
}

function toJson(r: PopulationResult) {
  const { traces: _traces, ...rest } = r;
  return rest;
}

interface RunLabel {
  users: number;
  days: number;
  seed: number;
  audience: string | null;
}

const headline = (doc: FlowDocument, run: RunLabel, runs = 1) =>
  `${doc.campaign.name}: ${run.users} users over ${run.days} days (${runs > 1 ? `${runs} runs, seeds ${run.seed}-${run.seed + runs - 1}` : `seed ${run.seed}`})${run.audience ? `, audience ${run.audience}` : ''}`;

/** "1,234 (1,200-1,260)": a median and its p5-p95 range; the range is left out when it is one value. */
function showSpread(s: Spread): string {
  const r = (n: number) => Math.round(n).toLocaleString('en-US');
  return r(s.p5) === r(s.p95) ? r(s.median) : `${r(s.median)} (${r(s.p5)}-${r(s.p95)})`;
}

/** Several runs: each count as its median with the p5-p95 range across runs. */
function spreadReport(doc: FlowDocument, s: RunsSummary, run: RunLabel): string {
  const rows = doc.nodes.map((n) => {
    const x = s.nodes[n.id]!;
    const completed = Object.entries(x.completed).map(([h, v]) => `${h} ${showSpread(v)}`);
    return {
      step: n.data.label || '(unnamed)',
      kind: n.type,
      entered: showSpread(x.entered),
      completed: completed.join(', ') || '-',
      'waiting now': showSpread(x.waitingNow),
      'global exit': showSpread(x.exitedByGlobalExit),
      ended: showSpread(x.exitedByEnd),
    };
  });
  const messages = Object.entries(s.messages).map(([channel, v]) => `${channel} ${showSpread(v)}`);
  return [
    headline(doc, run, s.runs),
    `journeys ${showSpread(s.journeys)}: ${showSpread(s.outcomes.ended)} ended, ${showSpread(s.outcomes.exited)} exited, ${showSpread(s.outcomes.running)} still waiting`,
    `messages ${messages.join(', ') || 'none'}; medians with the 5th-95th percentile range over ${s.runs} runs in brackets`,
    '',
    formatTable(rows),
    '',
  ].join('\n');
}

/** "goal "Upgraded": 1,204 converted (12.0% of journeys); by branch: A/B split A 700, B 504". */
function goalLine(doc: FlowDocument, r: PopulationResult): string {
  const name = doc.campaign.goal?.name ? `"${doc.campaign.goal.name}"` : '';
  const share = r.journeys ? ` (${((r.converted / r.journeys) * 100).toFixed(1)}% of journeys)` : '';
  const branches = Object.entries(r.convertedBy).map(([id, by]) => {
    const n = doc.nodes.find((x) => x.id === id);
    const label = (h: string) => (n?.type === 'split' ? (n.data.branches.find((b) => b.id === h)?.label ?? h) : h);
    return `${n?.data.label || 'split'} ${Object.entries(by).map(([h, c]) => `${label(h)} ${c}`).join(', ') || 'none'}`;
  });
  return `goal ${name}${name ? ': ' : ''}${r.converted} converted${share}${branches.length ? `; by branch: ${branches.join('; ')}` : ''}`;
}

function report(doc: FlowDocument, r: PopulationResult, run: RunLabel): string {
  // Steps by label and kind, exits by name: ids are for `--json`.
  const rows = nodeStatsRows(doc, r).map((row) => ({
    step: row.label || '(unnamed)',
    kind: row.kind,
    entered: row.entered,
    completed: row.completed || '-',
    'waiting now': row.waitingNow,
    'global exit': row.exitedByGlobalExit,
    ended: row.exitedByEnd,
  }));
  const messages = Object.entries(r.messagesByDay)
    .map(([channel, perDay]) => `${channel} ${perDay.reduce((a, b) => a + b, 0)}`)
    .join(', ');
  const exitName = new Map(doc.campaign.globalExits.map((x) => [x.id, x.name || 'unnamed exit']));
  const exits = Object.entries(r.exits)
    .map(([id, n]) => `${exitName.get(id) ?? id} ${n}`)
    .join(', ');
  return [
    headline(doc, run),
    `journeys ${r.journeys}: ${r.outcomes.ended} ended, ${r.outcomes.exited} exited, ${r.outcomes.running} still waiting`,
    `messages ${messages || 'none'}${exits ? `; global exits ${exits}` : ''}`,
    ...(doc.campaign.goal ? [goalLine(doc, r)] : []),
    '',
    formatTable(rows),
    '',
  ].join('\n');
}
