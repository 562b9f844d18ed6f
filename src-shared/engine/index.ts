/**
 * The journey engine: flows compiled to XState, single-user previews, population runs and
 * rewind. Pure: no DOM, no Node APIs; runs in a worker, in Node and in the delivery runtime.
 * Semantics: docs/semantics.md.
 */
export * from './types';
export { evaluateCondition, type ConditionEnv, type ConditionResult } from './conditions';
export { nextOpening, addDuration, offsetAt } from './calendar';
export { createJourneyMachine, regionKey, nodeOfRegion, type JourneyEvent, type JourneyMachine, type JourneySnapshot } from './machine';
export { persistJourney, restoreJourney, restoreFastJourney, incompatibility, type PersistedJourney, type RestoreResult } from './journey-state';
export { FastJourney } from './fast-journey';
export { runUser, type Stepper, type StepperFactory, type UserRun, type UserRunOptions, type JourneyInputRecord } from './runner';
export { MachineStepper, TransitionStepper, machineSteppers, transitionSteppers, fastSteppers } from './steppers';
export { previewJourney, forkPreview, type PreviewOptions, type PreviewResult, type PreviewStep, type ForkResult } from './preview';
export { JourneyTape, type SeekResult } from './rewind';
export { preparePopulation, runPopulation, type PreparedPopulation, type SliceOptions, type PopulationOptions, type PopulationResult, type NodeStats } from './population';
export { PopulationIndex, countsAt, type NodeCounts } from './population-index';
export { syntheticUser, DEFAULT_START, type PopulationSpec, type Choice, type AttributeSpec, type NumericRange, type ReplySpec } from './synth';
export { TraceStore } from './trace-store';
export { createPrng, mixSeed, type Prng } from '../random/prng';
export { mergePopulations } from './population-merge';
export { splitUsers, type UserRange } from './population-slices';
export { nodeStatsRows, formatTable, formatTrace, INPUT_WORDS, type NodeStatsRow } from './report';
export { replayUser, journeysOfUser } from './replay';
