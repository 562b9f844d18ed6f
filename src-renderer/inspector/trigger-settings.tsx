import type { CampaignSettings, EntryTrigger } from '../../src-shared/flow/index';
import { PropertyList } from './condition-builder';
import { Field, NumberInput, Select, TextInput } from './fields';
import { TimezoneInput } from './timezone-input';

type TriggerType = EntryTrigger['type'];

const TRIGGERS: readonly (readonly [TriggerType, string])[] = [
  ['event', 'An event happens'],
  ['segment_entered', 'Enters a segment'],
  ['page_visit', 'Visits a page (live chat)'],
  ['scheduled', 'At a scheduled time (one-off)'],
];

function triggerFor(type: TriggerType): EntryTrigger {
  switch (type) {
    case 'event':
      return { type, event: '', properties: [] };
    case 'segment_entered':
      return { type, segment: '' };
    case 'page_visit':
      return { type, urlPattern: '', secondsOnPage: 10 };
    case 'scheduled':
      return { type, at: '' };
  }
}

/** What makes a user enter: shared by the trigger step's inspector and the campaign settings. */
export function TriggerSettings({ campaign, onChange }: { campaign: CampaignSettings; onChange: (next: CampaignSettings, gesture?: string) => void }) {
  const trigger = campaign.trigger;
  const set = (next: EntryTrigger, gesture?: string) => onChange({ ...campaign, trigger: next }, gesture ? `trigger.${gesture}` : undefined);
  return (
    <>
      <Field label="Users enter when" field="trigger.type" exact>
        {(id, invalid) => <Select id={id} invalid={invalid} value={trigger.type} options={TRIGGERS} onChange={(type) => type !== trigger.type && set(triggerFor(type))} />}
      </Field>
      {trigger.type === 'event' && (
        <>
          <Field label="Event name" field="trigger.event">
            {(id, invalid) => <TextInput id={id} invalid={invalid} value={trigger.event} placeholder="user.signed_up" onChange={(event) => set({ ...trigger, event }, 'event')} />}
          </Field>
          <Field label="Only when the event's properties match" field="trigger.properties">
            {() => <PropertyList value={trigger.properties} onChange={(properties, gesture) => set({ ...trigger, properties }, gesture)} />}
          </Field>
        </>
      )}
      {trigger.type === 'segment_entered' && (
        <Field label="Segment" field="trigger.segment">
          {(id, invalid) => <TextInput id={id} invalid={invalid} value={trigger.segment} placeholder="trial-users" onChange={(segment) => set({ ...trigger, segment }, 'segment')} />}
        </Field>
      )}
      {trigger.type === 'page_visit' && (
        <>
          <Field label="Page URL pattern" field="trigger.urlPattern" hint="Whole URL, e.g. https://example.com/pricing*">
            {(id, invalid) => <TextInput id={id} invalid={invalid} value={trigger.urlPattern} placeholder="https://example.com/pricing*" onChange={(urlPattern) => set({ ...trigger, urlPattern }, 'urlPattern')} />}
          </Field>
          <Field label="Seconds on the page" field="trigger.secondsOnPage">
            {(id, invalid) => <NumberInput id={id} invalid={invalid} value={trigger.secondsOnPage} max={86_400} onChange={(secondsOnPage) => set({ ...trigger, secondsOnPage }, 'secondsOnPage')} />}
          </Field>
        </>
      )}
      {trigger.type === 'scheduled' && (
        <>
          <Field label="Send at" field="trigger.at">
            {(id, invalid) => <TextInput id={id} type="datetime-local" invalid={invalid} value={trigger.at} onChange={(at) => set({ ...trigger, at: at.slice(0, 16) }, 'at')} />}
          </Field>
          <Field label="Timezone" field="trigger.timezone" hint="Leave empty to use the campaign's timezone.">
            {(id, invalid) => (
              <TimezoneInput id={id} invalid={invalid} value={trigger.timezone ?? ''} onChange={(tz) => set(tz ? { ...trigger, timezone: tz } : { type: 'scheduled', at: trigger.at }, 'timezone')} />
            )}
          </Field>
        </>
      )}
    </>
  );
}
