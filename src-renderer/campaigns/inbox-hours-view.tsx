import type { ReactNode } from 'react';
import { campaignShowsAt, inboxClock, inboxWeek, type InboxHours } from '../../src-shared/campaigns/index';
import { directoryErrorText } from '../sync/directory-store';
import type { WorkspaceView } from './use-workspace';
import { resolveInbox } from './workspace-choices';

const DAY_NAMES = { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' } as const;
const WEEKDAY_SHORT = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/**
 * The business hours of a live-chat campaign on a Chatwoot account: the chosen inbox's working
 * hours and timezone, read-only, because Chatwoot's widget uses those and nothing else. Says so
 * while they load, when they could not be loaded, and when the inbox has them turned off.
 */
export function InboxHoursView({ view, inboxId, now }: { view: Extract<WorkspaceView, { mode: 'chatwoot' }>; inboxId: string; now: Date }) {
  const { choices, entry, backend } = view;
  if (!choices) {
    if (entry?.status === 'error') {
      return (
        <Note status="error">
          {directoryErrorText(entry.error)}, so the inbox’s working hours are not known here. Chatwoot still uses them; the simulation uses the hours stored with this campaign until they load.
        </Note>
      );
    }
    return <Note status="loading">Loading the inbox’s working hours from Chatwoot “{backend}”…</Note>;
  }
  const inbox = resolveInbox(choices, inboxId);
  if (!inbox) return <Note status="empty">Choose the website inbox above to see its working hours: Chatwoot shows this campaign only while that inbox is open.</Note>;
  if (!inbox.hours) return <Note status="empty">Chatwoot “{backend}” did not send working hours for “{inbox.name}”, so they cannot be shown or simulated here.</Note>;
  const stale = entry?.status === 'error' ? ' (as loaded before: Chatwoot could not be reached just now)' : '';
  return <InboxWeek name={inbox.name} hours={inbox.hours} now={now} stale={stale} />;
}

function InboxWeek({ name, hours, now, stale }: { name: string; hours: InboxHours; now: Date; stale: string }) {
  const clock = inboxClock(now, hours.timezone);
  const time = `${WEEKDAY_SHORT[clock.day]} ${String(Math.floor(clock.minute / 60)).padStart(2, '0')}:${String(clock.minute % 60).padStart(2, '0')}`;
  if (!hours.enabled) {
    return (
      <Note status="off">
        Working hours are turned off for “{name}” in Chatwoot, so Chatwoot shows this campaign at any time. Turn on Business hours in the inbox’s settings in Chatwoot to limit it{stale}.
      </Note>
    );
  }
  const open = campaignShowsAt(hours, now);
  const today = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'][clock.day];
  return (
    <div className="inbox-hours" data-testid="inbox-hours" data-status="ready">
      <p className="inbox-hours__source">
        From Chatwoot inbox <strong>“{name}”</strong> · <span data-testid="inbox-hours-timezone">{hours.timezone}</span>
        {stale}
      </p>
      <dl className="inbox-hours__week">
        {inboxWeek(hours).map((d) => (
          <div key={d.day} className={`inbox-hours__day${d.open ? '' : ' inbox-hours__day--closed'}${d.day === today ? ' inbox-hours__day--today' : ''}`}>
            <dt>{DAY_NAMES[d.day]}</dt>
            <dd>{d.text}</dd>
          </div>
        ))}
      </dl>
      <p className={`inbox-hours__now inbox-hours__now--${open ? 'open' : 'closed'}`} data-testid="inbox-hours-now">
        Now {time} there: {open ? 'open, the campaign can show' : 'closed, the campaign waits'}.
      </p>
      {hours.problems?.map((p) => (
        <p key={p} className="inbox-hours__problem" role="alert">
          {p}
        </p>
      ))}
      <p className="inbox-hours__hint">Edit them in the inbox’s settings in Chatwoot (Business hours); Refresh above reads them again.</p>
    </div>
  );
}

function Note({ status, children }: { status: 'loading' | 'error' | 'empty' | 'off'; children: ReactNode }) {
  return (
    <p className={`inbox-hours inbox-hours--note inbox-hours--${status}`} data-testid="inbox-hours" data-status={status} role={status === 'error' ? 'alert' : 'status'}>
      {children}
    </p>
  );
}
