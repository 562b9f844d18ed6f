import { Fragment, useEffect, useRef, type KeyboardEvent } from 'react';
import type { PreviewView } from '../worker/engine-protocol';
import type { flowLabels } from '../flow-labels';
import { usePreview, usePreviewApi } from '../preview-context';
import { EVENT_LABELS, formatWhen, OUTCOME_LABELS, STEP_TONE } from '../preview-format';
import type { PreviewState } from '../preview-store';
import { cursorAfterKey } from './timeline-keys';

const selectCursor = (s: PreviewState) => s.cursor;
const selectDiverges = (s: PreviewState) => (s.fork.status === 'ready' ? s.fork.view.divergesAt : null);

/** Keyboard for any timeline control: arrows step, Page keys jump, Home/End. */
export function useTimelineKeys(count: number) {
  const api = usePreviewApi();
  return (e: KeyboardEvent) => {
    const next = cursorAfterKey(e.key, api.getState().cursor, count);
    if (next === null) return;
    e.preventDefault();
    api.getState().seek(next);
  };
}

/** Every step with its time and explanation; the current one follows the cursor. */
export function JourneyTimeline({ view, labels }: { view: PreviewView; labels: ReturnType<typeof flowLabels> }) {
  const cursor = usePreview(selectCursor);
  const diverges = usePreview(selectDiverges);
  const api = usePreviewApi();
  const onKeyDown = useTimelineKeys(view.steps.length);
  const list = useRef<HTMLOListElement>(null);

  // Keep the current step in view inside the list only; the panel around it stays put.
  useEffect(() => {
    const box = list.current;
    const item = box?.querySelector<HTMLElement>(`[data-index="${cursor}"]`);
    if (!box || !item) return;
    const top = item.offsetTop - box.offsetTop;
    if (top < box.scrollTop) box.scrollTop = top - 4;
    else if (top + item.offsetHeight > box.scrollTop + box.clientHeight) box.scrollTop = top + item.offsetHeight - box.clientHeight + 4;
  }, [cursor]);

  // Refused entries sit after the steps of their instant (the runner decides entries last);
  // they are not steps, so the cursor and the keys pass over them.
  const refusedAfter = new Map<number, PreviewView['refused']>();
  for (const r of view.refused) {
    let k = -1;
    while (k + 1 < view.steps.length && view.steps[k + 1]!.t <= r.at) k++;
    refusedAfter.set(k, [...(refusedAfter.get(k) ?? []), r]);
  }
  const now = view.steps[cursor]?.t ?? -Infinity;
  const refusedItems = (k: number) =>
    (refusedAfter.get(k) ?? []).map((r, j) => (
      <li key={`refused-${k}-${j}`} role="option" aria-selected={false} aria-disabled="true" className={`preview-step preview-step--refused${r.at > now ? ' is-future' : ''}`} data-testid="timeline-refused">
        <span className="preview-step__dot" aria-hidden="true" />
        <div className="preview-step__body">
          <div className="preview-step__line">
            <span className="preview-step__node">Entry refused</span>
            <span className="preview-outcome-chip" data-tone="neutral">Not entered</span>
          </div>
          {r.why && <div className="preview-step__why">{r.why}</div>}
          <div className="preview-step__meta">{formatWhen(r.at, view.profile.timezone)} · trigger fired</div>
        </div>
      </li>
    ));

  return (
    <section className="preview-section">
      <div className="preview-section__head">
        <h2 className="preview-section__title">Timeline</h2>
        <span className="field__hint">← → to step · Home / End</span>
      </div>
      <ol className="preview-timeline" ref={list} role="listbox" tabIndex={0} aria-label="Journey steps" aria-activedescendant={`preview-step-${cursor}`} onKeyDown={onKeyDown} data-testid="timeline">
        {refusedItems(-1)}
        {view.steps.map((s, i) => (
          <Fragment key={i}>
            <li
              id={`preview-step-${i}`}
              data-index={i}
              role="option"
              aria-selected={i === cursor}
              className={`preview-step${i === cursor ? ' is-current' : ''}${i > cursor ? ' is-future' : ''}${diverges !== null && i >= diverges ? ' is-diverged' : ''}`}
              onClick={() => api.getState().seek(i)}
            >
              <span className={`preview-step__dot node-accent--${labels.kind(s.node)}`} aria-hidden="true" />
              <div className="preview-step__body">
                <div className="preview-step__line">
                  <span className="preview-step__node">{labels.node(s.node)}</span>
                  <span className={`preview-outcome-chip preview-outcome-chip--${s.outcome}`} data-tone={STEP_TONE[s.outcome] ?? 'neutral'}>{OUTCOME_LABELS[s.outcome] ?? s.outcome}</span>
                </div>
                {s.why && <div className="preview-step__why">{s.why}</div>}
                <div className="preview-step__meta">
                  {formatWhen(s.t, view.profile.timezone)} · {EVENT_LABELS[s.event] ?? s.event}
                  {view.journeys.length > 1 ? ` · journey ${s.journey + 1}` : ''}
                </div>
              </div>
            </li>
            {refusedItems(i)}
          </Fragment>
        ))}
      </ol>
    </section>
  );
}
