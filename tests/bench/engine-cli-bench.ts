/**
 * `campaign-studio simulate` as a user runs it (run: `npx tsx tests/bench/engine-cli-bench.ts
 * [rounds] [sizes]`): the CLI bundled as the build bundles it, started as a fresh process per run, on the
 * onboarding example. Prints, each against its goal (issue #17): 1M users x 30 days with the
 * default settings; the default thread count against one thread at every size it picks; the
 * whole process's peak memory. Each size runs its configurations interleaved, `rounds` times,
 * and reports medians, so a load spike on this shared machine hits both sides alike.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { buildCliBundles } from '../../src-main/tooling/cli-bundles.mjs';
import { defaultThreads } from '../../src-main/simulation/population-pool';
import { medianOf } from './bench-report';

const rounds = Number(process.argv[2] ?? process.env.CS_BENCH_ROUNDS ?? 3);
/** Population sizes, e.g. `engine-cli-bench.ts 3 200000,1000000`. */
const sizes = (process.argv[3] ?? '10000,50000,200000,300000,1000000').split(',').map(Number);
const flow = fileURLToPath(new URL('../../resources/examples/onboarding-drip.json', import.meta.url));
// Next to the source, so the bundles' external packages resolve from node_modules.
const cliDir = fileURLToPath(new URL(`./.engine-cli-${process.pid}/`, import.meta.url));
let cli = '';
const probe = fileURLToPath(new URL(`./.engine-cli-probe-${process.pid}.cjs`, import.meta.url));

interface Run {
  ms: number;
  rssMb: number;
  out: string;
}

/** One `simulate` in a fresh process: wall time from spawn to exit, and the process's peak RSS (workers are threads of it). */
function simulate(args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const p = spawn(process.execPath, ['--require', probe, cli, 'simulate', ...args, flow], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    p.stdout.on('data', (b: Buffer) => (out += b));
    p.stderr.on('data', (b: Buffer) => (err += b));
    p.on('error', reject);
    p.on('close', (code) => {
      const ms = performance.now() - t0;
      const rss = /maxRSS (\d+)/.exec(err);
      if (code !== 0 || !rss) reject(new Error(`simulate ${args.join(' ')} failed (${code}): ${err}`));
      else resolve({ ms, rssMb: Number(rss[1]) / 1024, out });
    });
  });
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const load = () => loadavg().map((x) => x.toFixed(1)).join(' ');

/**
 * The host's own ceiling for two threads: two independent one-thread processes started
 * together, each simulating half the users (nothing shared, nothing merged); wall time until
 * both have exited. One thread's time over this is the most any threading of the run could
 * gain on this machine, with its cores as they are (helper threads, other load, shared caches).
 */
async function twoProcesses(users: number): Promise<Run> {
  const half = ['--users', String(users / 2), '--workers', '1'];
  const t0 = performance.now();
  const [a, b] = await Promise.all([simulate(half), simulate(half)]);
  return { ms: performance.now() - t0, rssMb: Math.max(a!.rssMb, b!.rssMb), out: '' };
}

/** Runs each configuration once per round, interleaved; medians per configuration. */
async function paired(configs: (() => Promise<Run>)[]): Promise<Run[][]> {
  const runs: Run[][] = configs.map(() => []);
  for (let r = 0; r < rounds; r++) for (const [k, run] of configs.entries()) runs[k]!.push(await run());
  return runs;
}

async function main(): Promise<void> {
  // As the build makes them: the executable and its engine-only worker bundle beside it.
  mkdirSync(cliDir, { recursive: true });
  cli = (await buildCliBundles(cliDir, { sourcemap: false })).cli;
  writeFileSync(probe, "process.on('exit', () => process.stderr.write(`maxRSS ${process.resourceUsage().maxRSS}\\n`));\n");
  const cores = availableParallelism();
  console.log(`simulate, bundled CLI, onboarding example, 30 days; ${cores} cores; ${rounds} interleaved rounds, medians; load average at start ${load()}`);

  for (const users of sizes) {
    // At 1M on several cores, the host's ceiling too (twoProcesses).
    const ceiling = users === 1_000_000 && cores > 1;
    const [def, one, two] = await paired([() => simulate(['--users', String(users)]), () => simulate(['--users', String(users), '--workers', '1']), ...(ceiling ? [() => twoProcesses(users)] : [])]);
    const same = def!.every((r) => r.out === one![0]!.out) && one!.every((r) => r.out === one![0]!.out);
    const defMs = medianOf(def!.map((r) => r.ms));
    const oneMs = medianOf(one!.map((r) => r.ms));
    const ratio = oneMs / defMs;
    const threads = defaultThreads(users, cores);
    const faster = threads === 1 ? 'the default is one thread here' : `default vs one thread ${ratio.toFixed(2)}x (goal > 1${users === 1_000_000 && cores === 2 ? ', >= 1.5x on 2 cores' : ''})`;
    console.log(`  ${fmt(users).padStart(9)} users: default (${threads} thread${threads > 1 ? 's' : ''}) ${fmt(defMs)} ms, --workers 1 ${fmt(oneMs)} ms; ${faster}; same table: ${same}`);
    if (users === 1_000_000) {
      const rss = Math.max(...def!.map((r) => r.rssMb), ...one!.map((r) => r.rssMb));
      console.log(`  1M users x 30 days, default settings: ${fmt(defMs)} ms (goal <= 2,500 ms: ${(defMs / 2500).toFixed(2)}x of it); process start, flow check and report included`);
      console.log(`  peak RSS of the whole process (workers are its threads): ${fmt(rss)} MB (goal < 400 MB)`);
      if (two) {
        const pair = medianOf(two.map((r) => r.ms));
        console.log(`  host ceiling: two one-thread processes of ${fmt(users / 2)} users each, started together, ${fmt(pair)} ms; --workers 1 over that ${(oneMs / pair).toFixed(2)}x, the most two threads could gain here (default threads reached ${ratio.toFixed(2)}x)`);
      }
    }
  }
  console.log(`load average at end ${load()}`);
}

try {
  await main();
} finally {
  rmSync(cliDir, { recursive: true, force: true });
  rmSync(probe, { force: true });
}
