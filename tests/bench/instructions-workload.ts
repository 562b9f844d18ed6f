/**
 * The workload `engine-instructions-bench.ts` counts the instructions of (bundled, then run under
 * valgrind): one side of the same-journey comparison, warmed up as engine-bench.ts warms it up,
 * then run once for `users` users (the bench counts two runs and takes the difference).
 *
 * Usage (bundled): node workload.mjs engine|engine-traces|naive USERS
 */
import { runPopulation } from '../../src-shared/engine';
import { runNaive, sameJourneyFlow, sameJourneySpec } from './naive-xstate';

const [side, count] = process.argv.slice(2);
const users = Number(count);
if (!['engine', 'engine-traces', 'naive'].includes(side ?? '') || !Number.isInteger(users) || users < 1) {
  console.error('usage: workload.mjs engine|engine-traces|naive USERS');
  process.exit(2);
}
const doc = sameJourneyFlow();
const run = (n: number): string => {
  if (side === 'naive') return JSON.stringify(runNaive(doc, sameJourneySpec(n)));
  const r = runPopulation(doc, sameJourneySpec(n), { keepTraces: side === 'engine-traces' });
  return `${r.journeys} journeys, ${JSON.stringify(r.outcomes)}`;
};
// The warm-ups of engine-bench.ts: the JIT has seen the code before the measured run.
if (side === 'naive') run(2_000);
else run(5_000);
// The result is printed so that nothing can be optimised away.
console.log(run(users));
