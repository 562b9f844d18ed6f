import { describe, expect, it } from 'vitest';
import { liveChatToFlow, newLiveChatCampaign, newOneOffCampaign, oneOffToFlow } from '../../src-shared/campaigns/index';
import { validateFlow } from '../../src-shared/flow/index';
import { LIVE_CHAT_FIELDS, ONE_OFF_FIELDS, problemsByField } from './problem-fields';

const now = new Date('2026-11-21T12:00:00Z');

describe('problemsByField', () => {
  it('puts an empty live-chat form’s errors under its fields', () => {
    const doc = liveChatToFlow({ ...newLiveChatCampaign('c1'), urlPattern: '/pricing' }, { now });
    const { byField, general } = problemsByField(validateFlow(doc, { now }), LIVE_CHAT_FIELDS);
    expect(Object.keys(byField).sort()).toEqual(['message', 'title', 'urlPattern']);
    expect(byField.urlPattern).toContain('http://');
    expect(general).toEqual([]);
  });

  it('places a past schedule and an empty message of a one-off', () => {
    const doc = oneOffToFlow({ ...newOneOffCampaign('o1', 'Europe/Paris'), title: 'x', labels: ['a'], scheduledAt: '2026-11-21T12:00' }, { now });
    const { byField, general } = problemsByField(validateFlow(doc, { now }), ONE_OFF_FIELDS);
    expect(byField).toEqual({ scheduledAt: expect.stringContaining('in the past'), message: 'The message is empty.' });
    expect(general).toEqual([]);
  });
});
