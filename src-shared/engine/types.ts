import type { Scalar } from '../flow';

/** Milliseconds since the Unix epoch on the simulator's virtual clock (never `Date.now()`). */
export type Millis = number;

/** A user as the engine sees them: attributes, tags, segments and their own timezone. */
export interface UserProfile {
  id: string;
  attributes: Record<string, Scalar>;
  tags: string[];
  segments: string[];
  /** IANA name; waits on "user time" read this clock. */
  timezone: string;
}

/** Something the user did that the engine reacts to. */
export type UserAction =
  | { type: 'message'; at: Millis; text: string }
  | { type: 'event'; at: Millis; name: string; properties?: Record<string, Scalar> }
  | { type: 'page_visit'; at: Millis; url: string; seconds: number }
  | { type: 'attribute'; at: Millis; name: string; value: Scalar | null }
  | { type: 'tag'; at: Millis; tag: string; present: boolean }
  | { type: 'segment'; at: Millis; segment: string; present: boolean };

/** An event in the user's history, as event rules count them. */
export interface EventRecord {
  name: string;
  at: Millis;
  properties: Record<string, Scalar>;
}

export interface Conversation {
  id: string;
  /** Node that opened it. */
  nodeId: string;
  channel: string;
  open: boolean;
  assignee: string | null;
}

/** A message the journey sent. */
export interface SentMessage {
  at: Millis;
  nodeId: string;
  channel: string;
  body: string;
  sender: string;
  conversationId: string;
}

/**
 * One step of a journey: at `t`, node `node` did `outcome` (a handle id, `waiting`, `exited`,
 * `ended`) because of input `event`; `why` says which rule decided, with the values seen.
 */
export interface TraceStep {
  t: Millis;
  node: string;
  event: string;
  outcome: string;
  why: string;
}

export type JourneyStatus = 'running' | 'ended' | 'exited';

/**
 * Everything a journey knows; the XState machine's context. Plain JSON-serialisable data, so
 * snapshots persist and restore as values. `due` holds a key for every node now waiting (its
 * timer; `null` = no timer).
 */
export interface JourneyData {
  journeyId: string;
  flowId: string;
  time: Millis;
  profile: UserProfile;
  events: EventRecord[];
  lastMessage: string | null;
  conversations: Conversation[];
  /** For each node that acted: the node whose edge activated it (its upstream on this path). */
  via: Record<string, string>;
  due: Record<string, Millis | null>;
  trace: TraceStep[];
  messages: SentMessage[];
  status: JourneyStatus;
  /** The external input being handled (`clock.tick`, `user.messaged`…): written into each step. */
  cause: string;
  /** The user's message while that input is being handled, else null (global exits may test it). */
  inputMessage: string | null;
  /** Global exit id, or `end:<node>` / `completed`. */
  reason: string | null;
  /** Whether `why` texts are written (previews) or left empty (population runs). */
  explain: boolean;
  /** When the contact met the flow's conversion goal, or null (no goal, or not yet). */
  converted: Millis | null;
}

export interface JourneyInput {
  journeyId: string;
  flowId?: string;
  time: Millis;
  profile: UserProfile;
  events?: EventRecord[];
  explain?: boolean;
  /**
   * True when `profile` and `events` are the contact's live records, which the runner brings up
   * to date with each action before any journey gets it, and which nothing reads after the run
   * (population runs). The fast path then reads them as they are instead of copying them at
   * entry and applying every action to its copy again. The machine copies them all the same.
   */
  liveRecords?: boolean;
}
