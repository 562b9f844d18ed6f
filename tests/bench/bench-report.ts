/** The middle value of `xs` (the upper one of an even count; NaN for none); `xs` is not reordered. */
export function medianOf(xs: readonly number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
}

/** Median wall time of `runs` calls, in ms. */
export function median(runs: number, fn: () => unknown): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return medianOf(times);
}

/** One result line: the number, and against a target its ratio and verdict. */
export function report(name: string, ms: number, targetMs?: number): void {
  const target = targetMs === undefined ? '' : `  target ${targetMs} ms  ratio ${(ms / targetMs).toFixed(2)}  ${ms <= targetMs ? 'OK' : 'OVER'}`;
  console.log(`${name.padEnd(48)} ${ms.toFixed(1).padStart(8)} ms${target}`);
}
