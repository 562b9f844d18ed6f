import { resolve } from 'node:path';
import type { CliIo } from '../cli-io';
import { EXIT, UsageError, type Command, type OptionValues } from './command';

/** What the command needs from its process: environment and a way to wait for SIGTERM / SIGINT. */
export interface RunnerDeps {
  env: Readonly<Record<string, string | undefined>>;
  /** Resolves with the signal name when the process is asked to stop. */
  stopSignal: () => Promise<string>;
}

function waitForSignal(): Promise<string> {
  return new Promise((done) => {
    const on = (s: NodeJS.Signals) => () => done(s);
    process.once('SIGTERM', on('SIGTERM'));
    process.once('SIGINT', on('SIGINT'));
  });
}

function parseOptions(v: OptionValues) {
  const data = typeof v.data === 'string' ? v.data : undefined;
  const url = typeof v['database-url'] === 'string' ? v['database-url'] : undefined;
  if (data && url) throw new UsageError('give either --data DIR (embedded) or --database-url URL (PostgreSQL), not both');
  if (url && !/^postgres(ql)?:\/\//.test(url)) throw new UsageError(`--database-url must start with postgres:// or postgresql://, not "${url.slice(0, 40)}"`);
  const int = (name: string, fallback: number, min: number, max: number) => {
    const raw = v[name];
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (typeof raw !== 'string' || !/^\d+$/.test(raw) || n < min || n > max) throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, not "${String(raw)}"`);
    return n;
  };
  return {
    database: url ? ({ kind: 'postgres', url } as const) : ({ kind: 'pglite', dataDir: resolve(data ?? 'campaign-studio-data') } as const),
    port: int('port', 8787, 0, 65535),
    workers: int('workers', 2, 1, 64),
    host: typeof v.host === 'string' ? v.host : '127.0.0.1',
  };
}

/** `campaign-studio runner`: runs published flows for real contacts (docs/runner.md). */
export function createRunnerCommand(deps: RunnerDeps): Command {
  return {
    name: 'runner',
    summary: 'Run published flows for real: the delivery API, job workers and the Chatwoot connector.',
    usage: '[--data DIR | --database-url URL] [--port N] [--host ADDR] [--workers N]',
    options: {
      data: { type: 'string', valueName: 'DIR', description: 'Keep data in an embedded PostgreSQL (PGlite) in DIR (default ./campaign-studio-data).' },
      'database-url': { type: 'string', valueName: 'URL', description: 'Use a PostgreSQL server (postgres://…); several runners may share it.' },
      port: { type: 'string', valueName: 'N', description: 'HTTP port (default 8787; 0 picks a free one).' },
      host: { type: 'string', valueName: 'ADDR', description: 'Address to listen on (default 127.0.0.1, this machine only).' },
      workers: { type: 'string', valueName: 'N', description: 'Job workers in this process on PostgreSQL (default 2; PGlite runs one).' },
    },
    details: [
      'Environment: CAMPAIGN_STUDIO_RUNNER_TOKEN (the API bearer token; generated and printed once',
      'when unset), CHATWOOT_BASE_URL, CHATWOOT_ACCOUNT_ID, CHATWOOT_API_TOKEN, CHATWOOT_WEBHOOK_SECRET.',
      'Runs until SIGTERM or SIGINT, then finishes the jobs in progress and exits 0. See docs/runner.md.',
    ].join('\n'),
    run: (args, io) => runRunner(args.values, args.positionals, io, deps),
  };
}

export const runnerCommand = createRunnerCommand({ env: process.env, stopSignal: waitForSignal });

async function runRunner(values: OptionValues, positionals: string[], io: CliIo, deps: RunnerDeps): Promise<number> {
  if (positionals.length) throw new UsageError(`runner takes no arguments, got "${positionals[0]}"`);
  const o = parseOptions(values);
  // Loaded here: the other commands should not pay for PGlite and graphile-worker.
  const { startRunner, chatwootFromEnv } = await import('../../runner/runner');
  const log = (line: string) => io.stderr(`${new Date().toISOString()} ${line}\n`);
  let chatwoot: ReturnType<typeof chatwootFromEnv>;
  try {
    chatwoot = chatwootFromEnv(deps.env);
  } catch (e) {
    io.stderr(`campaign-studio runner: ${(e as Error).message}\n`);
    return EXIT.trouble;
  }
  if (chatwoot.missing.length) log(`Chatwoot is not connected (${chatwoot.missing.join(', ')} not set): sends will be marked failed.`);
  let r;
  try {
    r = await startRunner({ ...o, env: deps.env, log, deliver: chatwoot.deliver });
  } catch (e) {
    io.stderr(`campaign-studio runner: could not start: ${(e as Error).message}\n`);
    return EXIT.trouble;
  }
  if (r.generatedToken) io.stderr(`The API token (shown once; set CAMPAIGN_STUDIO_RUNNER_TOKEN to choose your own):\n  ${r.generatedToken}\n`);
  io.stdout(`runner listening on ${r.url} (${o.database.kind === 'pglite' ? `embedded data in ${o.database.dataDir}` : 'PostgreSQL'})\n`);
  const signal = await deps.stopSignal();
  log(`${signal}: draining (finishing jobs in progress)…`);
  await r.stop();
  log('stopped');
  return EXIT.ok;
}
