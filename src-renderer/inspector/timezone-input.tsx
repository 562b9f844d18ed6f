import { useId, useState } from 'react';
import { TextInput } from './fields';

let zones: string[] | null = null;
function timezones(): string[] {
  if (!zones) {
    const intl = Intl as typeof Intl & { supportedValuesOf?: (key: string) => string[] };
    zones = intl.supportedValuesOf ? ['UTC', ...intl.supportedValuesOf('timeZone').filter((z) => z !== 'UTC')] : ['UTC'];
  }
  return zones;
}

/**
 * An IANA timezone with suggestions from the runtime's own list. The list (~420 options) is put
 * in the page when the field is first focused, which is before anything can show it: the
 * campaign panel, open beside the canvas whenever no step is selected, would otherwise create,
 * style and lay out those elements on every open of a flow (with two such fields, 842 of the
 * editor's 1,506 elements at the first frame of a 5,000-step flow).
 */
export function TimezoneInput({ id, value, onChange, invalid, placeholder = 'Europe/Paris' }: { id?: string; value: string; onChange: (value: string) => void; invalid?: boolean; placeholder?: string }) {
  const listId = useId();
  const [suggest, setSuggest] = useState(false);
  return (
    <>
      <TextInput id={id} list={listId} invalid={invalid} value={value} placeholder={placeholder} onChange={onChange} onFocus={suggest ? undefined : () => setSuggest(true)} />
      {suggest && (
        <datalist id={listId}>
          {timezones().map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
      )}
    </>
  );
}
