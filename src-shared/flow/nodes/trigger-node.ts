import * as z from 'zod';
import { lazySchema } from '../../schema/lazy-schema';
import { describeTrigger } from '../campaign';
import { defineNode, NEXT } from './node-definition';

/** The single entry point of a flow. What fires it is the campaign's entry trigger. */
export const triggerNode = defineNode({
  type: 'trigger',
  title: 'Entry trigger',
  description: 'Where every journey starts: the campaign trigger fires and the user enters.',
  dataSchema: lazySchema(() => z.strictObject({ label: z.string().max(200).optional() })),
  defaults: () => ({}),
  outputs: () => [NEXT],
  summary: (_data, campaign) => describeTrigger(campaign.trigger),
  validate: () => [],
});
