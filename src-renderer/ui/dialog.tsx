import { useEffect, useRef, type MouseEvent, type ReactNode } from 'react';
import '../styles/ui.css';

export interface DialogProps {
  onClose: () => void;
  children: ReactNode;
  /**
   * Modal (the default): the rest of the page is inert, Tab stays inside, a click outside
   * closes. A popover (`modal={false}`) leaves the page usable and closes on Escape.
   */
  modal?: boolean;
  className?: string;
  'aria-label'?: string;
  'aria-labelledby'?: string;
  'data-testid'?: string;
}

const focusable = 'a[href], button:not(:disabled), input:not(:disabled):not([type="hidden"]), select:not(:disabled), textarea:not(:disabled), [tabindex]:not([tabindex="-1"])';

/** Tab from the last control goes to the first, Shift+Tab from the first to the last. */
function keepFocusInside(dialog: HTMLDialogElement, event: KeyboardEvent): void {
  const items = [...dialog.querySelectorAll<HTMLElement>(focusable)].filter((el) => el.getClientRects().length > 0);
  if (items.length === 0) return;
  const first = items[0]!;
  const last = items[items.length - 1]!;
  const active = document.activeElement;
  const outside = !dialog.contains(active);
  if (event.shiftKey && (active === first || outside)) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && (active === last || outside)) {
    event.preventDefault();
    first.focus();
  }
}

/**
 * The app's one dialog, on the native `<dialog>` element: a modal one makes the rest of the
 * page inert and the browser sends Escape as `cancel`, which closes it through `onClose`
 * (React decides). Tab cycles inside the dialog, and focus goes back to where it was when it
 * closes. Render it only while it is open.
 */
export function Dialog({ onClose, children, modal = true, className, ...aria }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const close = useRef(onClose);
  useEffect(() => {
    close.current = onClose;
  });

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (modal) dialog.showModal();
    else dialog.show();
    const onCancel = (event: Event) => {
      event.preventDefault();
      close.current();
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Tab') return keepFocusInside(dialog, event);
      if (event.key !== 'Escape' || modal) return;
      event.stopPropagation();
      close.current();
    };
    dialog.addEventListener('cancel', onCancel);
    dialog.addEventListener('keydown', onKeyDown);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      dialog.removeEventListener('keydown', onKeyDown);
      if (dialog.open) dialog.close();
      if (before?.isConnected) before.focus();
    };
  }, [modal]);

  // A press on the backdrop lands on the <dialog> itself, outside its box.
  const onMouseDown = (event: MouseEvent<HTMLDialogElement>) => {
    if (!modal || event.target !== event.currentTarget) return;
    const box = event.currentTarget.getBoundingClientRect();
    const inside = event.clientX >= box.left && event.clientX <= box.right && event.clientY >= box.top && event.clientY <= box.bottom;
    if (!inside) onClose();
  };

  return (
    <dialog ref={ref} className={`dialog${modal ? '' : ' dialog--popover'}${className ? ` ${className}` : ''}`} onMouseDown={onMouseDown} {...aria}>
      {children}
    </dialog>
  );
}
