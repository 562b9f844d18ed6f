import { createNodeIo } from './cli-io';
import { run } from './run';
import { isPopulationWorker, servePopulationWorker } from '../simulation/population-worker';

// The `campaign-studio` executable, bundled to dist/cli/campaign-studio.cjs. CommonJS has no
// top-level await, hence the async function.
async function main(): Promise<never> {
  const code = await run(process.argv.slice(2), createNodeIo());
  // Let piped output drain first: process.exit does not wait for asynchronous pipes.
  await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
  process.exit(code);
}

// A population run started with --workers re-enters this same file as a worker thread.
if (isPopulationWorker()) servePopulationWorker();
else void main();
