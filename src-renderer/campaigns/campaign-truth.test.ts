import { describe, expect, it } from 'vitest';
import type { BackendItem } from '../sync/backends-store';
import { liveChatTruth, oneOffTruth, type Placement } from './campaign-truth';
import { publishPlan } from './schedule-plan';

const on = { enabled: true, completed: false };
const chatwoot = (read: Placement['read']): Placement => ({ backend: 'acme', kind: 'chatwoot', remoteId: '12', read });
const said = (status: 'active' | 'processing' | 'completed', enabled = true): Placement['read'] => ({ status: 'ready', remote: { kind: 'chatwoot', status, enabled, scheduledAt: 1_900_000_000 } });

describe('what a one-off card says', () => {
  it('never says an unpublished one-off is being sent: it is a draft, disabled or not published, and editable', () => {
    expect(oneOffTruth(on, false, [])).toMatchObject({ status: { text: 'Not published' }, editable: true, where: [expect.stringContaining('Not published')] });
    expect(oneOffTruth(on, true, []).status.text).toBe('Draft');
    expect(oneOffTruth({ ...on, enabled: false }, false, []).status.text).toBe('Disabled');
  });

  it('says what Chatwoot says of a published one, and where it is', () => {
    expect(oneOffTruth(on, false, [chatwoot({ status: 'loading' })])).toMatchObject({ status: { text: 'Published' }, where: ['Published as campaign 12 on “acme” · checking its status…'] });
    expect(oneOffTruth(on, false, [chatwoot(said('active'))])).toMatchObject({ status: { text: 'Scheduled' }, editable: true, where: ['Published as campaign 12 on “acme” · Chatwoot says active'] });
    expect(oneOffTruth(on, false, [chatwoot(said('processing'))])).toMatchObject({ status: { text: 'Being sent', tone: 'warning', busy: true }, editable: false, editReason: expect.stringContaining('no longer be edited') });
    expect(oneOffTruth(on, false, [chatwoot(said('completed'))])).toMatchObject({ status: { text: 'Sent' }, editable: false });
  });

  it('says when the status cannot be read, and why, without blocking Edit', () => {
    const offline = oneOffTruth(on, false, [chatwoot({ status: 'error', error: { kind: 'network', message: 'Chatwoot at 127.0.0.1 did not answer.' } })]);
    expect(offline).toMatchObject({ status: { text: 'Status unknown', tone: 'neutral' }, editable: true });
    expect(offline.where[0]).toContain('offline, status unknown: Chatwoot at 127.0.0.1 did not answer.');
    expect(oneOffTruth(on, false, [chatwoot({ status: 'error', error: { kind: 'not-found', message: 'gone' } })]).status.text).toBe('Deleted in Chatwoot');
  });
});

describe('what a live-chat card says', () => {
  it('keeps the switch’s state when unpublished, and Chatwoot’s enabled once published', () => {
    expect(liveChatTruth({ enabled: true }, [])).toMatchObject({ status: { text: 'Enabled' }, where: [expect.stringContaining('Not published')] });
    expect(liveChatTruth({ enabled: true }, [chatwoot(said('active', false))]).status.text).toBe('Disabled');
    expect(liveChatTruth({ enabled: false }, [chatwoot(said('active', true))]).status.text).toBe('Enabled');
  });
});

describe('what "Schedule campaign" does', () => {
  const item = (name: string, hasToken = true) => ({ name, hasToken, connection: { type: 'chatwoot' } }) as unknown as BackendItem;
  it('publishes to the form’s Chatwoot account, or says why it cannot', () => {
    expect(publishPlan(on, 'acme', [item('acme')])).toEqual({ publish: true, backend: 'acme' });
    expect(publishPlan(on, undefined, [])).toMatchObject({ publish: false, why: expect.stringContaining('no Chatwoot account is connected') });
    expect(publishPlan(on, 'acme', [item('acme', false)])).toMatchObject({ publish: false, why: expect.stringContaining('no API token') });
    expect(publishPlan({ enabled: false }, 'acme', [item('acme')])).toMatchObject({ publish: false, why: expect.stringContaining('switched off') });
  });
});
