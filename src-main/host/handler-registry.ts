import type * as z from 'zod';
import { hostChannels, hostContract, isHostChannel, type HostChannel, type HostResult } from '../../src-shared/host/contract';

/** One implementation per declared channel: a missing or extra handler is a type error. */
export type HostHandlers = {
  [C in HostChannel]: (args: z.output<(typeof hostContract)[C]['args']>) => Promise<HostResult<C>> | HostResult<C>;
};

export type HostErrorCode = 'unknown-channel' | 'bad-request' | 'not-found' | 'internal';

/** An error that is safe to show to the caller; anything else is reported as `internal`. */
export class HostError extends Error {
  override readonly name = 'HostError';
  constructor(
    readonly code: HostErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export interface HandlerRegistry {
  readonly channels: readonly HostChannel[];
  /** Validates `payload`, runs the channel's handler and validates its reply. */
  dispatch(channel: string, payload: unknown): Promise<unknown>;
}

function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.length ? issue.path.join('.') : 'arguments'}: ${issue.message}`).join('; ');
}

/**
 * The only way main-side code answers the renderer. Unknown channels are refused before any
 * handler runs and every payload is parsed with the contract's schema, so handlers only ever
 * see well-typed arguments whichever transport (IPC or HTTP) carried them.
 */
export function createHandlerRegistry(handlers: HostHandlers): HandlerRegistry {
  return {
    channels: hostChannels,
    async dispatch(channel, payload) {
      if (!isHostChannel(channel)) throw new HostError('unknown-channel', `Unknown channel "${channel}".`);
      const schema = hostContract[channel];
      const parsed = schema.args.safeParse(payload ?? {});
      if (!parsed.success) throw new HostError('bad-request', `Invalid arguments for ${channel}: ${describeIssues(parsed.error)}`);
      const handler = handlers[channel] as (args: unknown) => unknown;
      const result = await handler(parsed.data);
      const checked = schema.result.safeParse(result);
      if (!checked.success) throw new HostError('internal', `Handler for ${channel} returned an invalid result.`);
      return checked.data;
    },
  };
}
