import { formatTable, nodeStatsRows, type PopulationResult } from '../../../src-shared/engine';
import { runPopulationParallel } from '../../engine/population-pool';
import { displayName, STDIN } from '../input';
import { EXIT, NOW_OPTION, nowOption, UsageError, type Command, type OptionValues } from './command';
import { loadRunnableFlow } from './load-flow';

/** Where a worker thread starts: this same executable (see main.ts), or the override for tests. */
export const workerEntry = { script: process.argv[1] ?? '' };

export const simulateCommand: Command = {
  name: 'simulate',
  summary: 'Simulate a synthetic population through a flow and print per-node statistics.',
  usage: '[options] FLOW',
  options: {
    users: { type: 'string', valueName: 'N', description: 'Synthetic users (default 1000).' },
    days: { type: 'string', valueName: 'D', description: 'Simulated days (default 30).' },
    seed: { type: 'string', valueName: 'S', description: 'Seed: the same seed gives the same result (default 1).' },
    start: { type: 'string', valueName: 'ISO', description: 'Start of the simulated period (default 2026-11-23T00:00:00Z).' },
    workers: { type: 'string', valueName: 'W', description: 'Worker threads (default: every core; 1 = this thread).' },
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
    const workers = values.workers === undefined ? undefined : intOption(values, 'workers', 1, 1, 64);
    const start = typeof values.start === 'string' ? Date.parse(values.start) : undefined;
    if (start !== undefined && Number.isNaN(start)) throw new UsageError(`--start expects an ISO date-time, not "${String(values.start)}"`);
    const loaded = await loadRunnableFlow(io, file, nowOption(values, io));
    if (!loaded.ok) return loaded.code;

    let lastShown = 0;
    const result = await runPopulationParallel(loaded.doc, { users, days, seed, ...(start !== undefined ? { start } : {}) }, {
      workerScript: workerEntry.script,
      ...(workers !== undefined ? { workers } : {}),
      onProgress: (done, total) => {
        if (!io.stderrIsTTY || done - lastShown < total / 50) return;
        lastShown = done;
        io.stderr(`\rsimulating ${displayName(file)}: ${Math.round((done / total) * 100)}%`);
      },
    });
    if (io.stderrIsTTY) io.stderr('\r\x1b[K');
    io.stdout(values.json ? `${JSON.stringify(toJson(result), null, 2)}\n` : report(loaded.doc, result, { users, days, seed }));
    return EXIT.ok;
  },
};

function intOption(values: OptionValues, name: string, fallback: number, min: number, max: number): number {
  const raw = values[name];
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`--${name} expects a whole number from ${min} to ${max}, not "${String(raw)}"`);
  return n;
}

function toJson(r: PopulationResult) {
  const { traces: _traces, ...rest } = r;
  return rest;
}

function report(doc: Parameters<typeof nodeStatsRows>[0], r: PopulationResult, run: { users: number; days: number; seed: number }): string {
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
    `${doc.campaign.name}: ${run.users} users over ${run.days} days (seed ${run.seed})`,
    `journeys ${r.journeys}: ${r.outcomes.ended} ended, ${r.outcomes.exited} exited, ${r.outcomes.running} still waiting`,
    `messages ${messages || 'none'}${exits ? `; global exits ${exits}` : ''}`,
    '',
    formatTable(rows),
    '',
  ].join('\n');
}
