/**
 * The same-journey comparison (engine vs plain XState, see naive-xstate.ts) counted in machine
 * instructions instead of time (run: `npx tsx tests/bench/engine-instructions-bench.ts`).
 *
 * On this shared machine the timed ratio of engine-bench.ts moves from run to run by a third
 * (19x to 30x on one build), more than most changes to the engine do. Valgrind counts the
 * instructions a process executes, which the load does not change, and `node --predictable`
 * makes V8 deterministic (one thread, fixed seeds, garbage collection at the same points):
 * counts of one build agree to the instruction or within 0.2%, where
 * `--single-threaded` alone left ±3%. So a change's effect on the engine shows in one run.
 * Instructions are not time (a cache miss costs more than an add; per instruction, the
 * engine's monomorphic loops run faster than XState's generic code), so this is a second view
 * beside the timed ratio, not a replacement: the goal stays the timed one.
 *
 * Each side runs bundled (as the app and CLI are built) under `valgrind --tool=cachegrind
 * --cache-sim=no`. A side is counted twice after the same warm-up, with N and with 4N users,
 * and the difference is divided by 3N: start-up, bundle and warm-up cancel out, and so does the
 * compiling the JIT still does in the first users after the warm-up (counted from zero users,
 * the engine's figure was 50k instructions a user at 20,000 users and 41k at 40,000).
 */
import { spawn, spawnSync } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { withNodeBundle } from './node-bundle';

/**
 * N of each side (it counts N and 4N users). The engine's count per user holds from 10,000
 * users on (30.6k a user at 10,000-30,000, 30.4k at 10,000-40,000). Plain XState's keeps
 * falling as its JIT warms (512k a user at 500-2,000 users, 434k at 1,000-4,000, 382k at
 * 2,000-8,000), so it gets as many users as the bench's time allows. Its figure may still be
 * somewhat high, which flatters the engine's ratio.
 */
const ENGINE_USERS = Number(process.env.CS_BENCH_INSTRUCTION_USERS ?? 10_000);
const NAIVE_USERS = Math.max(1, Math.round(ENGINE_USERS / 5));

const has = spawnSync('valgrind', ['--version'], { encoding: 'utf8' });
if (has.status !== 0) {
  console.log('engine instructions: skipped, valgrind is not installed (Debian: apt-get install valgrind)');
  process.exit(0);
}

await withNodeBundle('./instructions-workload.ts', async (workload) => {
  console.log(`same journey counted in instructions (valgrind ${has.stdout.trim().replace(/^valgrind-/, '')}, bundled, node --predictable); load average ${loadavg()[0]!.toFixed(1)} (does not change the counts):`);
  // Counts do not depend on the load, so the six runs share the cores.
  const [engine = NaN, traces = NaN, naive = NaN] = await perUser(workload, [
    ['engine', ENGINE_USERS],
    ['engine-traces', ENGINE_USERS],
    ['naive', NAIVE_USERS],
  ]);
  const line = (label: string, users: number, n: number, note: string) => console.log(`  ${label.padEnd(14)} ${fmt(n)} instructions per user (${fmt(users)} and ${fmt(users * 4)} users; ${note})`);
  line('engine, stats', ENGINE_USERS, engine, 'statistics only, as the CLI runs');
  line('engine', ENGINE_USERS, traces, 'every trace kept, as previews run');
  line('plain XState', NAIVE_USERS, naive, 'createActor + SimulatedClock per user');
  console.log(`  engine vs naive XState by instructions: ${(naive / traces).toFixed(1)}x with every trace kept, ${(naive / engine).toFixed(1)}x statistics only (the timed goal is >= 30x; for 30x in instructions the engine would need <= ${fmt(naive / 30)} per user)`);
});

/**
 * Instructions per user of each side: a run with 4 × N users minus a run with N, per user of
 * the difference. The runs go as many at a time as there are cores.
 */
async function perUser(workload: string, sides: [side: string, users: number][]): Promise<number[]> {
  const runs = sides.flatMap(([side, users]) => [[side, users * 4], [side, users]] as const);
  const counts: number[] = new Array<number>(runs.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < runs.length) {
      const k = next++;
      counts[k] = await count(workload, ...runs[k]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(availableParallelism(), runs.length) }, worker));
  return sides.map(([, users], i) => (counts[2 * i]! - counts[2 * i + 1]!) / (users * 3));
}

function count(workload: string, side: string, users: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const p = spawn('valgrind', ['--tool=cachegrind', '--cache-sim=no', '--cachegrind-out-file=/dev/null', '--smc-check=all-non-file', process.execPath, '--predictable', workload, side, String(users)], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    p.stderr.on('data', (b: Buffer) => (err += b));
    p.on('error', reject);
    p.on('close', (code) => {
      const refs = /I\s+refs:\s+([\d,]+)/.exec(err);
      if (code !== 0 || !refs) reject(new Error(`valgrind run of ${side} with ${users} users failed (exit ${code}):\n${err.slice(-2000)}`));
      else resolve(Number(refs[1]!.replaceAll(',', '')));
    });
  });
}

function fmt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}
