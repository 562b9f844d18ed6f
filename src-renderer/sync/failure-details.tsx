import type { FieldError, SyncError } from '../../src-shared/sync/index';

/** Where a backend's complaint about one field belongs, in words. */
export function fieldLabel(f: FieldError): string {
  if (f.label) return f.label;
  return f.path ? `${f.path}${f.field ? ` › ${f.field}` : ''}` : f.attribute;
}

/** A failed publish: the message, and each field the backend refused with its place in the flow. */
export function FailureDetails({ error }: { error: SyncError }) {
  return (
    <div className="sync-failure" role="alert">
      <p className="sync-failure__message">{error.message}</p>
      {error.fields && error.fields.length > 0 && (
        <ul className="sync-failure__fields" data-testid="sync-field-errors">
          {error.fields.map((f, i) => (
            <li key={`${f.attribute}-${i}`}>
              <code className="sync-failure__path">{fieldLabel(f)}</code> {f.message}
            </li>
          ))}
        </ul>
      )}
      {error.detail && (
        <details className="sync-failure__detail">
          <summary>Details</summary>
          <code>{error.detail}</code>
        </details>
      )}
    </div>
  );
}
