import * as z from 'zod';
import { lazySchema } from '../../schema/lazy-schema';
import { defineNode } from './node-definition';

/** Ends the whole journey at once, even branches still running in parallel. */
export const endNode = defineNode({
  type: 'end',
  title: 'End',
  description: 'The user leaves the campaign at once.',
  dataSchema: lazySchema(() => z.strictObject({ label: z.string().max(200).optional() })),
  defaults: () => ({}),
  outputs: () => [],
  summary: () => 'Leaves the campaign',
  validate: () => [],
});
