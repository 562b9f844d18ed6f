import { useMemo } from 'react';
import { flowLabels } from '../flow-labels';
import { usePreview, usePreviewApi } from '../preview-context';
import { formatWhen, OUTCOME_LABELS } from '../preview-format';
import type { PreviewState } from '../preview-store';

const DIFF_TONE = { added: 'success', removed: 'danger', changed: 'warning', same: 'neutral' } as const;
const selectRegression = (s: PreviewState) => s.regression;

/** A saved preview re-run on the flow as it is now: what changed, step by step. */
export function RegressionReport() {
  const regression = usePreview(selectRegression);
  const api = usePreviewApi();
  const labels = useMemo(() => (regression ? flowLabels(regression.record.document) : null), [regression]);
  if (!regression || !labels) return null;
  const { diff, record } = regression;
  const tz = record.profile.timezone;
  return (
    <section className={`preview-section preview-regression${diff.changed ? ' has-changes' : ''}`} data-testid="regression">
      <div className="preview-section__head">
        <h2 className="preview-section__title">Compared with “{record.name}”</h2>
        {diff.changed && (
          <button type="button" className="button button--small" onClick={() => void api.getState().acceptRegression()}>
            Accept changes
          </button>
        )}
      </div>
      {!diff.changed ? (
        <p className="preview-regression__ok">Same journey as when it was saved: no step changed.</p>
      ) : (
        <>
          <p className="field__hint">
            {diff.counts.changed} moved · {diff.counts.added} new · {diff.counts.removed} gone
          </p>
          <ul className="preview-diff">
            {diff.rows
              .filter((r) => r.kind !== 'same')
              .map((r, i) => {
                const s = r.kind === 'added' ? r.after : r.before;
                return (
                  <li key={i} className="preview-diff__row">
                    <span className="preview-diff__sign" data-tone={DIFF_TONE[r.kind]}>{r.kind === 'added' ? '+' : r.kind === 'removed' ? '−' : '~'}</span>
                    <span>
                      <strong>{labels.node(s.node)}</strong> {OUTCOME_LABELS[s.outcome] ?? s.outcome}
                      <span className="muted"> · {r.kind === 'changed' ? `${formatWhen(r.before.t, tz)} → ${formatWhen(r.after.t, tz)}` : formatWhen(s.t, tz)}</span>
                    </span>
                  </li>
                );
              })}
          </ul>
        </>
      )}
    </section>
  );
}
