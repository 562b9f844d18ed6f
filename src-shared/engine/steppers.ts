import { createActor, initialTransition, SimulatedClock, transition, type Actor } from 'xstate';
import type { FlowDocument } from '../flow';
import { FastJourney } from './fast-journey';
import { compileFlow } from './graph';
import { createJourneyMachine, type JourneyEvent, type JourneyMachine, type JourneySnapshot } from './machine';
import type { Stepper, StepperFactory } from './runner';
import { inputEventName, nextDue } from './steps';
import type { JourneyData, JourneyInput, Millis, UserAction } from './types';

/** Steps a journey through the compiled XState machine (an actor on a simulated clock). */
export class MachineStepper implements Stepper {
  readonly actor: Actor<JourneyMachine>;

  constructor(machine: JourneyMachine, input: JourneyInput, snapshot?: ReturnType<Actor<JourneyMachine>['getPersistedSnapshot']>) {
    this.actor = createActor(machine, { input, clock: new SimulatedClock(), ...(snapshot ? { snapshot } : {}) });
    this.actor.start();
  }

  get data(): JourneyData {
    return this.actor.getSnapshot().context;
  }

  get running(): boolean {
    return this.actor.getSnapshot().status === 'active';
  }

  nextDue(): Millis | null {
    return this.running ? nextDue(this.data) : null;
  }

  start(): void {
    this.send({ type: 'journey.start' });
  }

  tick(at: Millis): void {
    this.send({ type: 'clock.tick', at });
  }

  act(action: UserAction): void {
    this.send({ type: inputEventName(action), action } as Parameters<Actor<JourneyMachine>['send']>[0]);
  }

  private send(event: Parameters<Actor<JourneyMachine>['send']>[0]): void {
    if (!this.running) return;
    this.actor.send(event);
    if (this.running) this.actor.send({ type: 'journey.settle' });
  }
}

/**
 * Steps a journey with XState's pure `initialTransition()` / `transition()` (no actor). Same
 * semantics as {@link MachineStepper}; kept to measure both (the bench prints them) — the
 * actor was as fast or faster here, so previews and rewind use actors.
 */
export class TransitionStepper implements Stepper {
  private snapshot: JourneySnapshot;

  constructor(
    private readonly machine: JourneyMachine,
    input: JourneyInput,
  ) {
    this.snapshot = initialTransition(machine, input)[0];
  }

  get data(): JourneyData {
    return this.snapshot.context;
  }

  get running(): boolean {
    return this.snapshot.status === 'active';
  }

  nextDue(): Millis | null {
    return this.running ? nextDue(this.data) : null;
  }

  start(): void {
    this.send({ type: 'journey.start' });
  }

  tick(at: Millis): void {
    this.send({ type: 'clock.tick', at });
  }

  act(action: UserAction): void {
    this.send({ type: inputEventName(action), action } as JourneyEvent);
  }

  private send(event: JourneyEvent): void {
    if (!this.running) return;
    this.snapshot = transition(this.machine, this.snapshot, event)[0];
    if (this.running) this.snapshot = transition(this.machine, this.snapshot, { type: 'journey.settle' })[0];
  }
}

/** Factory for pure-transition steppers of one flow. */
export function transitionSteppers(doc: FlowDocument): StepperFactory {
  const machine = createJourneyMachine(doc);
  return (input) => new TransitionStepper(machine, input);
}

/** Factory for machine steppers of one flow (the machine is built once). */
export function machineSteppers(doc: FlowDocument): StepperFactory {
  const machine = createJourneyMachine(doc);
  return (input) => new MachineStepper(machine, input);
}

/** Factory for fast-path steppers of one flow. */
export function fastSteppers(doc: FlowDocument): StepperFactory {
  const flow = compileFlow(doc);
  return (input) => new FastJourney(flow, input);
}
