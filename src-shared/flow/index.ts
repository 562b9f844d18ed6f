/**
 * The flow document: schema, node kinds, validation, import/export with migrations.
 * Pure: no DOM, no Node APIs (see docs/flow-format.md).
 */
export * from './bundle';
export * from './campaign';
export * from './conditions';
export * from './create';
export * from './document';
export * from './io';
export * from './json-schema';
export * from './nodes';
export * from './primitives';
export * from './problems';
export * from './validate';
export * from './variables';
export * from './generator';
export { seededRandom } from '../random/prng';
export * from './edit';
export { MIGRATIONS, OLDEST_SUPPORTED_VERSION } from './migrations';
export { urlPatternProblem, contradiction } from './campaign-checks';
export { WaitSpec } from './nodes/wait-node';
export { SendChannel } from './nodes/send-node';
export { AssignTarget } from './nodes/assign-node';
