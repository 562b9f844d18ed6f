import * as z from 'zod';
import { lazySchema } from '../schema/lazy-schema';
import { syncHostContract } from '../sync/contract';
import { liveHostContract } from './live-contract';
import { maxFlowFileBytes } from './limits';

/**
 * The host contract: every call the renderer may make into its host (Electron main or the
 * web edition's localhost server), declared once as `'domain.verb'` channels with zod schemas
 * for the arguments and the result. Both transports and both sides are derived from it.
 */

const noArgs = lazySchema(() => z.object({}).strict());

/** Where the Electron preload puts the {@link HostApi} object on `window`. */
export const preloadGlobalName = 'campaignStudioHost';

/**
 * The web edition's transport: `POST /api/<channel>` with a JSON body, authorised by a
 * per-launch token the host writes into the served page as `<meta name=…>`.
 */
export const webTransport = {
  apiPrefix: '/api/',
  tokenHeader: 'x-campaign-studio-token',
  tokenMetaName: 'campaign-studio-token',
} as const;

/** The JSON body of a failed web-transport call. */
export interface HostErrorBody {
  error: { code: string; message: string };
}

export const campaignKinds = ['workflow', 'live-chat', 'one-off'] as const;

export const exampleSummarySchema = lazySchema(() => z.object({
  /** File name inside the bundled examples folder, e.g. `onboarding-drip.json`. */
  file: z.string(),
  name: z.string(),
  kind: z.enum(campaignKinds),
  description: z.string(),
}));
export type ExampleSummary = z.infer<typeof exampleSummarySchema>;

export { maxFlowFileBytes, maxHostRequestBytes } from './limits';

/** A bare file name a save dialog may suggest: no folders, no characters any OS refuses. */
export const suggestedFileNameSchema = lazySchema(() =>
  z
    .string()
    .min(1)
    .max(120)
    .refine((name) => !/[\\/:*?"<>|]/.test(name) && ![...name].some((c) => c.charCodeAt(0) < 0x20), 'must be a file name, not a path')
    .refine((name) => name !== '.' && name !== '..', 'must be a file name, not a path'),
);

/** A flow file the user chose or the OS handed over. The page gets its name, never its path. */
export const openedFlowFileSchema = lazySchema(() => z.union([
  z.object({ name: z.string(), text: z.string() }),
  z.object({ name: z.string(), error: z.string() }),
]));
export type OpenedFlowFile = z.infer<typeof openedFlowFileSchema>;

const unsupported = lazySchema(() => z.object({ supported: z.literal(false) }));
const canceled = lazySchema(() => z.object({ supported: z.literal(true), canceled: z.literal(true) }));

/** Names a stored secret, e.g. `backend.default`; never the secret itself. */
export const secretNameSchema = lazySchema(() => z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/i, 'letters, digits, dot, dash or underscore (at most 64)'));
/** Where a stored secret lives: OS-encrypted (Electron safeStorage) or an owner-only file. */
export const secretProtections = ['os-encrypted', 'owner-only-file'] as const;

export const hostContract = {
  'app.info': {
    args: noArgs,
    result: lazySchema(() => z.object({
      edition: z.enum(['electron', 'web']),
      version: z.string(),
      platform: z.string(),
    })),
  },
  'examples.list': {
    args: noArgs,
    result: lazySchema(() => z.array(exampleSummarySchema)),
  },
  'examples.read': {
    args: lazySchema(() => z.object({ file: z.string().min(1).max(200) }).strict()),
    result: lazySchema(() => z.object({ file: z.string(), text: z.string() })),
  },
  /** Native open dialog (Electron); the web edition answers `supported: false` and uses a file input. */
  'file.openFlow': {
    args: noArgs,
    result: lazySchema(() => z.union([unsupported, canceled, z.object({ supported: z.literal(true), canceled: z.literal(false), file: openedFlowFileSchema })])),
  },
  /** Native save dialog (Electron); the web edition answers `supported: false` and downloads instead. */
  'file.saveFlow': {
    args: lazySchema(() => z.object({ suggestedName: suggestedFileNameSchema, text: z.string().max(maxFlowFileBytes) }).strict()),
    result: lazySchema(() => z.union([unsupported, canceled, z.object({ supported: z.literal(true), canceled: z.literal(false), name: z.string() })])),
  },
  /** Flow files the OS asked the app to open (command line, double-click, Open Recent), each given once. */
  'file.takePending': {
    args: noArgs,
    result: lazySchema(() => z.object({ files: z.array(openedFlowFileSchema) })),
  },
  /** Stores a backend API token in the host. There is deliberately no `secrets.get`. */
  'secrets.set': {
    args: lazySchema(() => z.object({ name: secretNameSchema, value: z.string().min(1).max(8192) }).strict()),
    result: lazySchema(() => z.object({ stored: z.literal(true), protection: z.enum(secretProtections) })),
  },
  'secrets.has': {
    args: lazySchema(() => z.object({ name: secretNameSchema }).strict()),
    result: lazySchema(() => z.object({ stored: z.boolean() })),
  },
  'secrets.delete': {
    args: lazySchema(() => z.object({ name: secretNameSchema }).strict()),
    result: lazySchema(() => z.object({ deleted: z.boolean() })),
  },
  /** Backend connections, "Test connection", publishing and statistics (docs/sync.md). */
  ...syncHostContract,
  /** Live mode: a runner's statistics, journeys and pause/resume (src-shared/host/live-contract.ts). */
  ...liveHostContract,
} as const satisfies Record<`${string}.${string}`, { args: z.ZodType; result: z.ZodType }>;

export type HostContract = typeof hostContract;
export type HostChannel = keyof HostContract;
export type HostArgs<C extends HostChannel> = z.input<HostContract[C]['args']>;
export type HostResult<C extends HostChannel> = z.output<HostContract[C]['result']>;

/** Every channel name, in declaration order. */
export const hostChannels = Object.keys(hostContract) as HostChannel[];

/** Narrows an untrusted string (an IPC channel, a URL segment) to a declared channel. */
export function isHostChannel(name: string): name is HostChannel {
  return Object.prototype.hasOwnProperty.call(hostContract, name);
}

type DomainOf<C extends string> = C extends `${infer D}.${string}` ? D : never;
type VerbOf<C extends string, D extends string> = C extends `${D}.${infer V}` ? V : never;

/** A typed method for one channel; argument-less channels may be called without arguments. */
export type HostMethod<C extends HostChannel> =
  Record<string, never> extends HostArgs<C>
    ? (args?: HostArgs<C>) => Promise<HostResult<C>>
    : (args: HostArgs<C>) => Promise<HostResult<C>>;

/**
 * The typed client the renderer sees: `host.examples.read({ file })`.
 * One object per domain, one method per verb, all derived from {@link hostContract}.
 */
export type HostApi = {
  readonly [D in DomainOf<HostChannel>]: {
    readonly [V in VerbOf<HostChannel, D>]: HostMethod<Extract<`${D}.${V}`, HostChannel>>;
  };
};

/** Sends one already-named call across some transport (IPC, HTTP) and returns the raw reply. */
export type HostTransport = (channel: HostChannel, args: unknown) => Promise<unknown>;

/**
 * Builds the {@link HostApi} object over a transport. The preload and the web client both use
 * it, so neither can expose a channel the contract does not declare. Replies are checked
 * against the result schema: the renderer never trusts a shape it was not promised.
 *
 * @example
 * const host = createHostApi((channel, args) => ipcRenderer.invoke(channel, args));
 * const { version } = await host.app.info();
 */
export function createHostApi(transport: HostTransport): HostApi {
  const api: Record<string, Record<string, (args?: unknown) => Promise<unknown>>> = {};
  for (const channel of hostChannels) {
    const [domain, verb] = channel.split('.') as [string, string];
    const methods = (api[domain] ??= {});
    methods[verb] = async (args: unknown = {}) => {
      const reply = await transport(channel, args);
      return hostContract[channel].result.parse(reply);
    };
  }
  return api as unknown as HostApi;
}
