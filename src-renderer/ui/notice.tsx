import { useEffect } from 'react';
import { selectNotice, selectNotify, useAppStore } from '../state/app-store';
import { CheckIcon } from './icons';

/** A short confirmation in the corner that goes away by itself. */
export function Notice() {
  const notice = useAppStore(selectNotice);
  const notify = useAppStore(selectNotify);
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => notify(null), 3500);
    return () => clearTimeout(timer);
  }, [notice, notify]);
  if (!notice) return null;
  return (
    <div className="notice" role="status">
      <CheckIcon size={16} />
      {notice}
    </div>
  );
}
