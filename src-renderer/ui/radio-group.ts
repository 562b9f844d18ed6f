import type { KeyboardEvent } from 'react';

const steps: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };

/**
 * Arrow keys for a `role="radiogroup"` of `role="radio"` buttons, as the ARIA pattern has it:
 * ←/↑ and →/↓ move to the previous or next choice (wrapping) and choose it, Home and End go to
 * the ends. Put it on the group's `onKeyDown`.
 */
export function onRadioGroupKeyDown(event: KeyboardEvent<HTMLElement>): void {
  const radios = [...event.currentTarget.querySelectorAll<HTMLElement>('[role="radio"]:not(:disabled)')];
  if (radios.length === 0) return;
  const current = radios.findIndex((radio) => radio === document.activeElement);
  let next: number;
  if (event.key in steps) next = (Math.max(current, 0) + steps[event.key]! + radios.length) % radios.length;
  else if (event.key === 'Home') next = 0;
  else if (event.key === 'End') next = radios.length - 1;
  else return;
  event.preventDefault();
  radios[next]!.focus();
  radios[next]!.click();
}

/** Roving focus: only the chosen radio (or the first, when none is) is a Tab stop. */
export function radioTabIndex(checked: boolean, index: number, anyChecked: boolean): 0 | -1 {
  return checked || (!anyChecked && index === 0) ? 0 : -1;
}
