import { officeHours } from '../../src-shared/campaigns/index';
import { Switch } from '../ui/switch';
import { WEEKDAYS, type CampaignSettings, type OpeningInterval, type Weekday } from '../../src-shared/flow/index';
import { CloseIcon, PlusIcon } from '../ui/icons';
import { TimeOfDayInput } from '../ui/time-of-day-input';
import { Field, FieldMessages, Section, Select, useFieldProblems, useSettle } from './fields';
import { TimezoneInput } from './timezone-input';

type Change = (next: CampaignSettings, gesture?: string) => void;

const DAYS = WEEKDAYS.map((d) => [d, d.charAt(0).toUpperCase() + d.slice(1)] as const);
/** The one default (shared with the live-chat form): Monday to Friday, 09:00–17:00. */
const WEEKDAYS_9_TO_5: OpeningInterval[] = officeHours().intervals;

/** Weekly opening hours, their timezone, and what sends do outside them. */
export function BusinessHoursSettings({ campaign, change }: { campaign: CampaignSettings; change: Change }) {
  const bh = campaign.businessHours;
  const setIntervals = (intervals: OpeningInterval[], gesture?: string) => bh && change({ ...campaign, businessHours: { ...bh, intervals } }, gesture);
  const setAt = (i: number, next: OpeningInterval, gesture?: string) => bh && setIntervals(bh.intervals.map((iv, j) => (j === i ? next : iv)), gesture ? `bh${i}.${gesture}` : undefined);
  const listProblems = useFieldProblems('businessHours.intervals', true);
  return (
    <Section title="Business hours">
      <Switch label="Use business hours" checked={bh !== null} onChange={(on) => change({ ...campaign, businessHours: on ? { intervals: WEEKDAYS_9_TO_5 } : null })} />
      {bh && (
        <>
          <Field label="Business hours timezone" field="businessHours.timezone" hint="Leave empty to use the campaign's timezone.">
            {(id, invalid) => (
              <TimezoneInput
                id={id}
                invalid={invalid}
                value={bh.timezone ?? ''}
                onChange={(tz) => change({ ...campaign, businessHours: tz ? { ...bh, timezone: tz } : { intervals: bh.intervals } }, 'bh.timezone')}
              />
            )}
          </Field>
          <div className="opening-hours" role="group" aria-label="Opening hours">
            {bh.intervals.map((iv, i) => (
              <HoursRow key={i} index={i} interval={iv} onChange={(next, gesture) => setAt(i, next, gesture)} onRemove={() => setIntervals(bh.intervals.filter((_, j) => j !== i))} />
            ))}
            <FieldMessages problems={listProblems} />
            <div className="opening-hours__actions">
              <button type="button" className="button button--small button--quiet" onClick={() => setIntervals([...bh.intervals, { ...WEEKDAYS_9_TO_5[0]!, day: nextDay(bh.intervals) }])}>
                <PlusIcon size={14} />
                Opening hours
              </button>
              <button type="button" className="button button--small button--quiet" onClick={() => setIntervals(WEEKDAYS_9_TO_5)}>
                Weekdays 9–5
              </button>
            </div>
          </div>
        </>
      )}
      <Field label="Sends outside business hours" field="outsideBusinessHours">
        {(id) => (
          <Select
            id={id}
            value={campaign.outsideBusinessHours}
            options={[
              ['send_anyway', 'Send anyway'],
              ['wait', 'Wait for opening'],
            ]}
            onChange={(outsideBusinessHours) => change({ ...campaign, outsideBusinessHours })}
          />
        )}
      </Field>
    </Section>
  );
}

function nextDay(intervals: readonly OpeningInterval[]): Weekday {
  const used = new Set(intervals.map((iv) => iv.day));
  return WEEKDAYS.find((d) => !used.has(d)) ?? 'mon';
}

function HoursRow({ index, interval, onChange, onRemove }: { index: number; interval: OpeningInterval; onChange: (next: OpeningInterval, gesture?: string) => void; onRemove: () => void }) {
  const problems = useFieldProblems(`businessHours.intervals[${index}]`);
  const settle = useSettle();
  return (
    <div className="opening-hours__row" data-testid="hours-row">
      <Select label="Day" className="form-select form-select--compact" value={interval.day} options={DAYS} onChange={(day) => onChange({ ...interval, day })} />
      <TimeOfDayInput label="Opens" className="form-input form-input--compact" onBlur={settle} value={interval.open} onCommit={(open) => onChange({ ...interval, open }, 'open')} />
      <span className="muted">–</span>
      <TimeOfDayInput label="Closes" endOfDay className="form-input form-input--compact" onBlur={settle} value={interval.close} onCommit={(close) => onChange({ ...interval, close }, 'close')} />
      <button type="button" className="icon-button icon-button--small" aria-label="Remove opening hours" onClick={onRemove}>
        <CloseIcon size={14} />
      </button>
      <FieldMessages problems={problems} />
    </div>
  );
}
