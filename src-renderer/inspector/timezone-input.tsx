import { useId } from 'react';
import { TextInput } from './fields';

let zones: string[] | null = null;
function timezones(): string[] {
  if (!zones) {
    const intl = Intl as typeof Intl & { supportedValuesOf?: (key: string) => string[] };
    zones = intl.supportedValuesOf ? ['UTC', ...intl.supportedValuesOf('timeZone').filter((z) => z !== 'UTC')] : ['UTC'];
  }
  return zones;
}

/** An IANA timezone with suggestions from the runtime's own list. */
export function TimezoneInput({ id, value, onChange, invalid, placeholder = 'Europe/Paris' }: { id?: string; value: string; onChange: (value: string) => void; invalid?: boolean; placeholder?: string }) {
  const listId = useId();
  return (
    <>
      <TextInput id={id} list={listId} invalid={invalid} value={value} placeholder={placeholder} onChange={onChange} />
      <datalist id={listId}>
        {timezones().map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
    </>
  );
}
