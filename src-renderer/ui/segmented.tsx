import { onRadioGroupKeyDown, radioTabIndex } from './radio-group';
import '../styles/ui.css';

/** A row of a few short, mutually exclusive choices: a radio group with arrow keys. */
export function Segmented<T extends string>({ value, options, onChange, label, small }: { value: T; options: readonly (readonly [T, string])[]; onChange: (value: T) => void; label: string; /** The denser size that fits a side panel's toolbar. */ small?: boolean }) {
  const anyChecked = options.some(([key]) => key === value);
  return (
    <div className={`segmented${small ? ' segmented--small' : ''}`} role="radiogroup" aria-label={label} onKeyDown={onRadioGroupKeyDown}>
      {options.map(([key, text], i) => (
        <button
          key={key}
          type="button"
          role="radio"
          aria-checked={value === key}
          tabIndex={radioTabIndex(value === key, i, anyChecked)}
          className={`segmented__option${value === key ? ' segmented__option--on' : ''}`}
          onClick={() => onChange(key)}
        >
          {text}
        </button>
      ))}
    </div>
  );
}
