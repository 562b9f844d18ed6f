import { createActor, initialTransition, SimulatedClock, transition, type Actor } from 'xstate';
import type { FlowDocument } from '../flow';
import { FastJourney } from './fast-journey';
import { compileFlow } from './graph';
import { createJourneyMachine, type JourneyEvent, type JourneyMachine, type JourneySnapshot } from './machine';
import type { Stepper, StepperFactory } from './runner';
import { inputEventName, nextDue } from './journey-changes';
import type { JourneyData, JourneyInput, Millis, UserAction } from './types';

/**
 * Steps a journey through the compiled XState machine. How an event is applied is the one
 * thing the two ways differ in (an actor, or pure `transition()` on snapshot values); the
 * stepping itself (settle after each input, nothing once the journey is over) is here once.
 */
abstract class XStateStepper implements Stepper {
  protected abstract snapshot(): JourneySnapshot;
  protected abstract apply(event: JourneyEvent): void;

  get data(): JourneyData {
    return this.snapshot().context;
  }

  get running(): boolean {
    return this.snapshot().status === 'active';
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
    this.apply(event);
    if (this.running) this.apply({ type: 'journey.settle' });
  }
}

/** Steps a journey with an actor on a simulated clock; previews and rewind persist its snapshots. */
export class MachineStepper extends XStateStepper {
  readonly actor: Actor<JourneyMachine>;

  constructor(machine: JourneyMachine, input: JourneyInput, snapshot?: ReturnType<Actor<JourneyMachine>['getPersistedSnapshot']>) {
    super();
    this.actor = createActor(machine, { input, clock: new SimulatedClock(), ...(snapshot ? { snapshot } : {}) });
    this.actor.start();
  }

  protected snapshot(): JourneySnapshot {
    return this.actor.getSnapshot();
  }

  protected apply(event: JourneyEvent): void {
    this.actor.send(event);
  }
}

/**
 * Steps a journey with XState's pure `initialTransition()` / `transition()` (no actor). Kept to
 * measure both (the bench prints them): the actor was as fast or faster here, so previews and
 * rewind use actors.
 */
export class TransitionStepper extends XStateStepper {
  private current: JourneySnapshot;

  constructor(
    private readonly machine: JourneyMachine,
    input: JourneyInput,
  ) {
    super();
    this.current = initialTransition(machine, input)[0];
  }

  protected snapshot(): JourneySnapshot {
    return this.current;
  }

  protected apply(event: JourneyEvent): void {
    this.current = transition(this.machine, this.current, event)[0];
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
