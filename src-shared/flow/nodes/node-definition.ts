import type * as z from 'zod';
import type { CampaignSettings } from '../campaign';
import type { NodeProblem } from '../problems';

/** An output of a node: edges leave from it. */
export interface OutputHandle {
  id: string;
  label: string;
  /**
   * Whether several edges may leave this handle (they fire together: parallel branches).
   * Decision outcomes (match/else, received/timeout) take one edge each, so that a branch
   * always means one path.
   */
  fanOut: boolean;
}

export interface NodeContext {
  campaign: CampaignSettings;
  /** The moment "now" for checks such as "not in the past"; injected, never read from a clock. */
  now: Date;
}

/**
 * Everything the core knows about one node kind: its data, defaults, outputs, how it reads
 * in one line, and what makes it invalid. The engine adds its piece of the compiled machine.
 */
export interface NodeDefinition<K extends string, S extends z.ZodType> {
  type: K;
  /** "Wait", "Send message". */
  title: string;
  description: string;
  dataSchema: S;
  defaults(): z.output<S>;
  outputs(data: z.output<S>): OutputHandle[];
  summary(data: z.output<S>, campaign: CampaignSettings): string;
  validate(data: z.output<S>, ctx: NodeContext): NodeProblem[];
}

/** Helps each node file declare its definition with full type inference. */
export function defineNode<K extends string, S extends z.ZodType>(def: NodeDefinition<K, S>): NodeDefinition<K, S> {
  return def;
}

export const NEXT: OutputHandle = { id: 'next', label: 'Next', fanOut: true };

/** A short excerpt for summaries: "Our January offers...". */
export function excerpt(text: string, max = 28): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}
