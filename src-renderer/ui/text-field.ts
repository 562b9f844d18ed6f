const nonTextInputs = new Set(['button', 'checkbox', 'radio', 'range', 'color', 'file', 'submit', 'reset', 'image', 'hidden']);

/**
 * Whether keys pressed here belong to the element: a text box, a text area, editable content or
 * a select (which takes letters and arrows). Editor shortcuts and menu commands that also mean
 * something in text (undo, select all, delete) leave such an element alone.
 */
export function isTextField(target: EventTarget | null): boolean {
  if (typeof HTMLElement === 'undefined' || !(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLSelectElement) return !target.disabled;
  if (target instanceof HTMLTextAreaElement) return !target.readOnly && !target.disabled;
  if (target instanceof HTMLInputElement) return !target.readOnly && !target.disabled && !nonTextInputs.has(target.type);
  return false;
}
