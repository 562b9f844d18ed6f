/**
 * Forecasts of the marketer's own audience: the audience model (a JSON file and the Population
 * tab's panel), defaults derived from the flow, its translation into the engine's population
 * spec, and medians with ranges over several seeded runs. Pure, like the engine it feeds.
 */
export * from './audience-model';
export * from './audience-spec';
export * from './derive-audience';
export * from './run-summary';
export * from './infer-audience';
