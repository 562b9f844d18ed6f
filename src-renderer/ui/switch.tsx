import { useId, type ReactNode } from 'react';
import '../styles/ui.css';

interface SwitchProps {
  checked: boolean;
  onChange: (value: boolean) => void;
  /** The switch's name; shown beside it unless `hideLabel` (then only assistive technology reads it). */
  label: string;
  hint?: ReactNode;
  hideLabel?: boolean;
  /** `inline`: switch then label; `row`: label and hint on the left, the switch on the right. */
  layout?: 'inline' | 'row';
  disabled?: boolean;
  title?: string;
}

/**
 * The app's one on/off switch. The label is a `<label>` around it, so clicking the words
 * toggles it too.
 */
export function Switch({ checked, onChange, label, hint, hideLabel = false, layout = 'inline', disabled, title }: SwitchProps) {
  const id = useId();
  const button = (
    <button
      type="button"
      role="switch"
      aria-checked={checked}
      aria-label={hideLabel ? label : undefined}
      aria-labelledby={hideLabel ? undefined : `${id}-label`}
      aria-describedby={hint && !hideLabel ? `${id}-hint` : undefined}
      title={title ?? (hideLabel ? label : undefined)}
      disabled={disabled}
      className={`switch${checked ? ' switch--on' : ''}`}
      onClick={() => onChange(!checked)}
    >
      <span className="switch__thumb" />
    </button>
  );
  if (hideLabel) return button;
  return (
    <label className={`switch-field switch-field--${layout}${disabled ? ' is-disabled' : ''}`}>
      {layout === 'inline' && button}
      <span className="switch-field__text">
        <span id={`${id}-label`} className="switch-field__label">
          {label}
        </span>
        {hint && (
          <span id={`${id}-hint`} className="switch-field__hint">
            {hint}
          </span>
        )}
      </span>
      {layout === 'row' && button}
    </label>
  );
}
