// What the CLI's population worker threads run, bundled alone to dist/cli/population-worker.cjs
// (src-main/tooling/cli-bundles.mjs): the engine and the worker loop, without the CLI's
// commands, file schemas, sync and runner code, so a worker loads and compiles a bundle about
// 40% the size of the executable's while the main thread reads and checks the flow.
import { isPopulationWorker, servePopulationWorker } from './population-worker';

if (isPopulationWorker()) servePopulationWorker();
else {
  process.stderr.write('population-worker.cjs runs inside `campaign-studio simulate` as its worker thread; run campaign-studio instead.\n');
  process.exitCode = 2;
}
