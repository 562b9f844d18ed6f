import { importFlowJson, type FlowDocument } from '../../../src-shared/flow';
import { describePublishIssues, publishCheck } from '../../../src-shared/sync/publish-gate';
import type { PushResult } from '../../../src-shared/sync/adapter';
import type { PlannedRequest } from '../../../src-shared/sync/chatwoot/paths';
import { chatwootExpressibility } from '../../../src-shared/sync/chatwoot/expressible';
import { planChatwootPush, planDeliveryPush } from '../../../src-shared/sync/dry-run';
import { newSyncRecord } from '../../../src-shared/sync/sync-record';
import { BACKENDS_ENV, parseBackendsFile, type BackendsFileEntry } from '../../sync/backends-file';
import { createChatwootAdapter } from '../../sync/chatwoot-adapter';
import { createChatwootClient } from '../../sync/chatwoot-client';
import { createDeliveryAdapter } from '../../sync/delivery-adapter';
import { createDeliveryClient } from '../../sync/delivery-client';
import { createNodeTransport, type HttpTransport } from '../../sync/http-transport';
import type { CliIo } from '../cli-io';
import { createStyle, formatProblems } from '../format';
import { displayName, readInput } from '../input';
import { EXIT, UsageError, type Command } from './command';
import { pushLockPath, withPushLock } from '../push-lock';

export interface PushDeps {
  env: Readonly<Record<string, string | undefined>>;
  transport: HttpTransport;
  timeoutMs?: number;
  /** Where the per-flow lock files live (default: the system temp folder); null: no lock (tests of the fallback). */
  lockDir?: string | null;
}

const line = (r: PlannedRequest) => `${JSON.stringify({ method: r.method, path: r.path, ...(r.headers ? { headers: r.headers } : {}), ...(r.body !== undefined ? { body: r.body } : {}) })}\n`;

/** `push` over an environment and a transport (tests pass a fake server's and their own env). */
export function createPushCommand(deps: PushDeps): Command {
  return {
    name: 'push',
    summary: 'Publish a flow to a backend (Chatwoot or a delivery API); --dry-run prints the requests.',
    usage: '[options] FLOW --backend NAME',
    options: {
      backend: { type: 'string', short: 'b', valueName: 'NAME', description: 'The backend to publish to, by its name in the backends file.' },
      config: { type: 'string', short: 'c', valueName: 'FILE', description: `The backends file (default: $${BACKENDS_ENV}).` },
      'dry-run': { type: 'boolean', short: 'n', description: 'Print the HTTP requests as JSON lines (method, path, body); send nothing.' },
      'whatsapp-template': { type: 'string', valueName: 'NAME:LANG', description: 'The approved WhatsApp template a WhatsApp one-off is sent as.' },
    },
    details: [
      'The backends file maps names to {"type": "chatwoot", "baseUrl", "accountId", "tokenEnv"} or',
      '{"type": "delivery", "baseUrl", "tokenEnv"}; the token is read from the environment variable',
      'named by tokenEnv, never from the file (see docs/sync.md).',
      'Every request performed is printed on stdout as a JSON line; the outcome goes to stderr.',
      'Exit status: 0 published (or planned), 1 the flow is invalid or refused by the backend,',
      '2 usage, configuration, network or authentication trouble.',
    ].join('\n'),
    run: (args, io) => push(args.values, args.positionals, io, deps),
  };
}

export const pushCommand = createPushCommand({ env: process.env, transport: createNodeTransport() });

async function push(values: Record<string, string | boolean | undefined>, positionals: string[], io: CliIo, deps: PushDeps): Promise<number> {
  if (positionals.length !== 1) throw new UsageError(positionals.length ? 'push one flow at a time' : 'give the FLOW file to push');
  const name = typeof values.backend === 'string' ? values.backend : undefined;
  if (!name) throw new UsageError('--backend NAME is required');
  const configPath = typeof values.config === 'string' ? values.config : deps.env[BACKENDS_ENV];
  if (!configPath) throw new UsageError(`no backends file: pass --config FILE or set $${BACKENDS_ENV}`);
  const template = parseTemplate(values['whatsapp-template']);

  const file = positionals[0]!;
  const input = await readInput(io, file);
  if (!input.ok) {
    io.stderr(`${displayName(file)}: cannot read\n${formatProblems([input.problem], createStyle(false))}`);
    return input.reason === 'unreadable' ? EXIT.trouble : EXIT.invalid;
  }
  const imported = importFlowJson(input.text, { skipValidation: true });
  if (!imported.ok) {
    io.stderr(`${displayName(file)}: not pushed, the file cannot be read as a flow\n${formatProblems(imported.problems.filter((p) => p.severity === 'error'), createStyle(false))}`);
    return EXIT.invalid;
  }
  const doc = imported.document;
  // The one publishing rule (src-shared/sync/publish-gate.ts): errors refuse, warnings are printed.
  const gate = publishCheck(doc, io.now());
  if (!gate.ok) {
    io.stderr(`${displayName(file)}: not pushed, the flow has ${gate.errors.length === 1 ? '1 error' : `${gate.errors.length} errors`}\n${indent(describePublishIssues(gate.errors))}`);
    return EXIT.invalid;
  }
  if (gate.warnings.length) io.stderr(`${displayName(file)}: ${gate.warnings.length === 1 ? '1 warning' : `${gate.warnings.length} warnings`} (publishing anyway)\n${indent(describePublishIssues(gate.warnings))}`);

  const configText = await readInput(io, configPath);
  if (!configText.ok) {
    io.stderr(`campaign-studio push: cannot read the backends file ${configPath}: ${configText.problem.message}\n`);
    return EXIT.trouble;
  }
  const config = parseBackendsFile(configText.text, configPath);
  if (!config.ok) {
    io.stderr(`campaign-studio push: ${config.message}\n`);
    return EXIT.trouble;
  }
  const backend = config.backends[name];
  if (!backend) throw new UsageError(`no backend "${name}" in ${configPath}; it has: ${Object.keys(config.backends).join(', ') || 'none'}`);

  if (backend.type === 'chatwoot') {
    const can = chatwootExpressibility(doc);
    if (!can.ok) {
      io.stderr(`${displayName(file)}: cannot be a Chatwoot campaign\n${formatProblems(can.reasons, createStyle(false))}`);
      return EXIT.invalid;
    }
  }
  if (values['dry-run']) return dryRun(doc, backend, template, io);

  const token = deps.env[backend.tokenEnv]?.trim();
  if (!token) {
    io.stderr(`campaign-studio push: $${backend.tokenEnv} is not set; it must hold the API token of backend "${name}".\n`);
    return EXIT.trouble;
  }
  const common = { token: async () => token, transport: deps.transport, timeoutMs: deps.timeoutMs ?? 30_000, onRequest: (r: PlannedRequest) => io.stdout(line(r)) };
  // One push of a flow to a backend at a time on this machine (#14.1); the Chatwoot adapter also
  // re-reads after a create, for writers the lock does not reach.
  const backendKey = backend.type === 'chatwoot' ? `${backend.baseUrl}#${backend.accountId}` : backend.baseUrl;
  const exclusive = <T>(work: () => Promise<T>) => (deps.lockDir === null ? work() : withPushLock(pushLockPath(backendKey, doc.campaign.id, deps.lockDir), work));
  let result: PushResult;
  try {
    result = await exclusive(() => send(doc, name, backend, template, common));
  } catch (e) {
    io.stderr(`campaign-studio push: ${(e as Error).message}\n`);
    return EXIT.trouble;
  }
  return report(result, io, name);
}

type Common = Omit<Parameters<typeof createChatwootClient>[0], 'connection'>;

async function send(doc: FlowDocument, name: string, backend: BackendsFileEntry, template: { name: string; language: string } | undefined, common: Common): Promise<PushResult> {
  let result: PushResult;
  if (backend.type === 'chatwoot') {
    const client = createChatwootClient({ ...common, connection: { type: 'chatwoot', baseUrl: backend.baseUrl, accountId: backend.accountId } });
    const record = { ...newSyncRecord(doc.campaign.id, name), options: template ? { whatsappTemplate: template } : {} };
    result = await createChatwootAdapter(client).push({ flow: doc, record });
  } else {
    const client = createDeliveryClient({ ...common, connection: { type: 'delivery', baseUrl: backend.baseUrl } });
    // The CLI keeps no sync state: it replaces whatever revision the server has now.
    const current = await client.get(doc.campaign.id);
    if (!current.ok && current.error.kind !== 'not-found') return { ok: false, error: current.error };
    const record = { ...newSyncRecord(doc.campaign.id, name), ...(current.ok ? { remoteId: current.value.id, remoteRevision: current.value.revision } : {}) };
    result = await createDeliveryAdapter(client).push({ flow: doc, record });
  }
  return result;
}

function dryRun(doc: FlowDocument, backend: BackendsFileEntry, template: { name: string; language: string } | undefined, io: CliIo): number {
  if (backend.type === 'delivery') {
    for (const r of planDeliveryPush(doc)) io.stdout(line(r));
    return EXIT.ok;
  }
  const plan = planChatwootPush(doc, { type: 'chatwoot', baseUrl: backend.baseUrl, accountId: backend.accountId }, template ? { whatsappTemplate: template } : {});
  if (!plan.ok) {
    io.stderr(`not pushed:\n${formatProblems(plan.problems, createStyle(false))}`);
    return EXIT.invalid;
  }
  for (const r of plan.requests) io.stdout(line(r));
  if (plan.warnings.length) io.stderr(formatProblems(plan.warnings, createStyle(false)));
  io.stderr(`dry run: nothing sent. Names in <…> are resolved from the account; if it already has a campaign tagged [cs:${doc.campaign.id}], it is updated (PATCH) instead.\n`);
  return EXIT.ok;
}

function report(result: PushResult, io: CliIo, backend: string): number {
  if (result.ok) {
    if (result.warnings.length) io.stderr(formatProblems(result.warnings, createStyle(false)));
    const verb = { created: 'created', updated: 'updated', found: 'found (already created) and updated', unchanged: 'unchanged' }[result.action];
    io.stderr(`pushed to ${backend}: ${verb}, remote id ${result.remoteId}\n`);
    return EXIT.ok;
  }
  const fields = (result.error.fields ?? []).map((f) => `  ${f.path ?? ''}  ${f.message}\n`).join('');
  io.stderr(`not pushed to ${backend}: ${result.error.message}\n${fields}`);
  const flowAtFault = ['validation', 'unsupported', 'locked', 'conflict'].includes(result.error.kind);
  return flowAtFault ? EXIT.invalid : EXIT.trouble;
}

const indent = (text: string) => `${text.replace(/^/gm, '  ')}\n`;

function parseTemplate(value: string | boolean | undefined): { name: string; language: string } | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^([^:]+):([^:]+)$/.exec(value);
  if (!m) throw new UsageError(`--whatsapp-template expects NAME:LANG, e.g. order_shipped:en, not "${value}"`);
  return { name: m[1]!, language: m[2]! };
}
