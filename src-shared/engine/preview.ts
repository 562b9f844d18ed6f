import type { FlowDocument } from '../flow';
import { scheduledAt } from './entry';
import { createJourneyMachine } from './machine';
import { JourneyTape } from './rewind';
import { runUser, type UserRun, type UserRunOptions } from './runner';
import { MachineStepper } from './steppers';
import type { JourneyData, Millis, SentMessage, TraceStep, UserAction, UserProfile } from './types';

export interface PreviewOptions {
  profile: UserProfile;
  /** What the user does, at given times. */
  script: readonly UserAction[];
  /** Start of the simulated period; default: the first scripted action. */
  from?: Millis;
  /** End of the period; default: 30 days after `from`. */
  until?: Millis;
  /** What the user does on receiving a message (synthetic users reply this way). */
  onSend?: UserRunOptions['onSend'];
}

/** A trace step of a preview; `snapshot` names the machine snapshot right after it (see `tapes`). */
export interface PreviewStep extends TraceStep {
  journeyId: string;
  snapshot: { journey: number; input: number };
}

export interface PreviewResult {
  steps: PreviewStep[];
  journeys: JourneyData[];
  refused: UserRun['refused'];
  messages: SentMessage[];
  /** Per journey: its inputs with checkpointed snapshots, for seeking back and forth. */
  tapes: JourneyTape[];
}

/**
 * Single-user preview on the XState machine: every step with time, node, input, outcome,
 * explanation and a snapshot reference. Pure and deterministic (the CLI's `preview` command).
 *
 * @example previewJourney(doc, { profile, script: [{ type: 'event', at, name: 'user.signed_up' }] }).steps
 */
export function previewJourney(doc: FlowDocument, o: PreviewOptions): PreviewResult {
  const machine = createJourneyMachine(doc);
  const from = o.from ?? (o.script.length ? Math.min(...o.script.map((a) => a.at)) : (scheduledAt(doc.campaign) ?? 0));
  const until = o.until ?? from + 30 * 86_400_000;
  const inputsOf: { journeyId: string; input: ConstructorParameters<typeof JourneyTape>[1] }[] = [];
  const run = runUser(doc, {
    profile: o.profile,
    actions: o.script,
    from,
    until,
    explain: true,
    ...(o.onSend ? { onSend: o.onSend } : {}),
    stepper: (input) => {
      inputsOf.push({ journeyId: input.journeyId, input });
      return new MachineStepper(machine, input);
    },
  });
  const tapes = run.journeys.map((_, k) => new JourneyTape(machine, inputsOf[k]!.input, run.inputs.filter((r) => r.journey === k)));
  const steps: PreviewStep[] = [];
  run.journeys.forEach((j, k) => {
    const tape = tapes[k]!;
    j.data.trace.forEach((s, i) => {
      const input = tape.traceLength.findIndex((n) => n > i);
      steps.push({ ...s, journeyId: j.data.journeyId, snapshot: { journey: k, input } });
    });
  });
  steps.sort((a, b) => a.t - b.t);
  const messages = run.journeys.flatMap((j) => j.data.messages).sort((a, b) => a.at - b.at);
  return { steps, journeys: run.journeys.map((j) => j.data), refused: run.refused, messages, tapes };
}

export interface ForkResult {
  original: PreviewResult;
  fork: PreviewResult;
  /** Index in `steps` of the first step that differs, or null when both runs agree. */
  divergesAt: number | null;
}

/**
 * Forks a preview at step `stepIndex`: the script's actions up to that step's time are kept,
 * `change` happens at that time (an event, a message, an attribute change…), and later scripted
 * actions are kept unless `dropLater`. Returns both runs and where they part.
 */
export function forkPreview(doc: FlowDocument, o: PreviewOptions, stepIndex: number, change: UserAction, dropLater = false): ForkResult {
  const original = previewJourney(doc, o);
  const t = original.steps[stepIndex]?.t ?? change.at;
  const script = [...o.script.filter((a) => a.at <= t || !dropLater), { ...change, at: t }];
  const fork = previewJourney(doc, { ...o, script, from: o.from ?? original.steps[0]?.t ?? t });
  const key = (s: PreviewStep) => `${s.t}|${s.journeyId}|${s.node}|${s.event}|${s.outcome}`;
  let divergesAt: number | null = null;
  const n = Math.max(original.steps.length, fork.steps.length);
  for (let i = 0; i < n; i++) {
    const a = original.steps[i];
    const b = fork.steps[i];
    if (!a || !b || key(a) !== key(b)) {
      divergesAt = i;
      break;
    }
  }
  return { original, fork, divergesAt };
}
