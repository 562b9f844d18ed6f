import { memo, useState } from 'react';
import { outputsOf, type FlowDocument } from '../../../src-shared/flow/index';
import type { Spread } from '../../../src-shared/forecast/index';
import { flowLabels } from '../flow-labels';
import { formatCount, percent } from '../preview-format';
import type { PopulationView } from '../worker/engine-protocol';
import { edgeRangeAt, nodeRangeAt, type ForecastSpread } from './forecast-runs';
import type { PopulationInstant } from './population-instant';
import { nodeCountsAt } from './timeline-counts';
import { busiestBranchSteps } from './branch-steps';

const columns = new WeakMap<PopulationView, Map<string, number>>();
/** Node id → its column in the run's timeline, kept per run (the slider re-renders this panel). */
function columnsOf(view: PopulationView): Map<string, number> {
  let map = columns.get(view);
  if (!map) columns.set(view, (map = new Map(view.timeline.nodeIds.map((id, i) => [id, i]))));
  return map;
}

/** "range 1,950–2,060": a p5-p95 range, or nothing for one run. */
export function rangeText(range: readonly [number, number] | null | undefined): string {
  if (!range) return '';
  const [lo, hi] = range;
  return lo === hi ? `${formatCount(lo)} in every run` : `range ${formatCount(lo)}–${formatCount(hi)}`;
}

/** A figure no run had is 0 in every run. */
const spreadRange = (s: Spread | undefined): [number, number] => (s ? [Math.floor(s.p5), Math.ceil(s.p95)] : [0, 0]);

/** How many runs the figures come from, and which run the user lists show. */
export function RunsNote({ spread, seed }: { spread: ForecastSpread | null | undefined; seed: number }) {
  if (!spread) {
    return (
      <p className="field__hint" data-testid="sim-runs">
        1 run (seed {seed}): no ranges. Set Runs above 1 to see how much of the forecast is chance.
      </p>
    );
  }
  const last = spread.seeds[spread.seeds.length - 1];
  return (
    <p className="field__hint" data-testid="sim-runs">
      <strong>{spread.runs} runs</strong> (seeds {spread.seeds[0]}–{last}). Shown: the run of seed {spread.keptSeed}, the one closest to the median of every figure, so its numbers add up and its users are the ones listed. Ranges: 5th to 95th percentile over the {spread.runs} runs.
    </p>
  );
}

interface Branch {
  edgeId: string;
  label: string;
  count: number;
  range: [number, number] | null;
}

/** Branching steps listed at first; each "Show more" adds as many again. */
export const BRANCH_STEPS_SHOWN = 12;

/**
 * Per branching step (a filter, a split, a wait for a reply): how many took each branch by the
 * slider's instant, as a share of those who had reached the step then, with its range. The
 * busiest steps of the period come first and only the first few are drawn (more on request): a
 * flow of thousands of steps would otherwise lay out thousands of rows on every slider move.
 */
export const BranchFigures = memo(function BranchFigures({ doc, view, now, spread }: { doc: FlowDocument; view: PopulationView; now: PopulationInstant; spread: ForecastSpread | null | undefined }) {
  const [shown, setShown] = useState(BRANCH_STEPS_SHOWN);
  const labels = flowLabels(doc);
  const all = busiestBranchSteps(doc, view);
  const column = columnsOf(view);
  const steps = all.slice(0, shown).map((step) => {
    const i = column.get(step.nodeId);
    const reached = i === undefined ? 0 : nodeCountsAt(view.timeline, now.bucket, i).entered;
    const branches: Branch[] = step.branches.map((b) => ({ ...b, count: now.edges[b.edgeId] ?? 0, range: spread ? edgeRangeAt(view, spread, b.edgeId, now.bucket) : null }));
    return { nodeId: step.nodeId, reached, range: spread ? nodeRangeAt(view, spread, step.nodeId, now.bucket) : null, branches };
  });
  if (!steps.length) return null;
  return (
    <section className="preview-section" data-testid="sim-branches">
      <div className="preview-section__head">
        <h2 className="preview-section__title">Branches</h2>
        <span className="field__hint">at the slider’s instant</span>
      </div>
      {steps.map((s) => (
        <div key={s.nodeId} className="forecast-step" data-testid="sim-branch-step" data-node={s.nodeId}>
          <div className="forecast-step__head">
            <strong>{labels.node(s.nodeId)}</strong>
            <span className="muted">
              {formatCount(s.reached)} reached{s.range ? ` (${rangeText(s.range)})` : ''}
            </span>
          </div>
          <ul className="sim-bars">
            {s.branches.map((b) => (
              <li key={b.edgeId} className="sim-bars__row forecast-branch" data-testid="sim-branch" data-edge={b.edgeId} data-label={b.label}>
                <span>{b.label}</span>
                <span className="sim-bars__track">
                  <span className="sim-bars__fill" style={{ width: percent(b.count, s.reached) }} />
                </span>
                <span className="sim-bars__value">
                  <span data-testid="sim-branch-count">{formatCount(b.count)}</span> · <span data-testid="sim-branch-share">{percent(b.count, s.reached)}</span>
                  {b.range && (
                    <span className="forecast-range" data-testid="sim-branch-range">
                      {rangeText(b.range)}
                    </span>
                  )}
                </span>
              </li>
            ))}
          </ul>
        </div>
      ))}
      {all.length > shown && (
        <p className="field__hint" data-testid="sim-branches-shown">
          {formatCount(shown)} of {formatCount(all.length)} branching steps, the busiest first.{' '}
          <button type="button" className="button button--small" onClick={() => setShown(shown + BRANCH_STEPS_SHOWN)} data-testid="sim-branches-more">
            Show {formatCount(Math.min(BRANCH_STEPS_SHOWN, all.length - shown))} more
          </button>
        </p>
      )}
    </section>
  );
});

/** Journeys that met the flow's goal over the whole period: overall, and per branch of each split. */
export function ConversionFigures({ doc, view, spread }: { doc: FlowDocument; view: PopulationView; spread: ForecastSpread | null | undefined }) {
  const goal = doc.campaign.goal;
  if (!goal || view.converted === undefined) return null;
  const labels = flowLabels(doc);
  const splits = doc.nodes.filter((n) => n.type === 'split');
  return (
    <section className="preview-section" data-testid="sim-conversions">
      <div className="preview-section__head">
        <h2 className="preview-section__title">Conversions{goal.name ? `: ${goal.name}` : ''}</h2>
        <span className="field__hint">whole period</span>
      </div>
      <p className="forecast-converted">
        <strong data-testid="sim-converted">{formatCount(view.converted)}</strong> of {formatCount(view.journeys)} journeys converted (<span data-testid="sim-converted-share">{percent(view.converted, view.journeys)}</span>)
        {spread && <span className="forecast-range">{rangeText(spreadRange(spread.converted))}</span>}
      </p>
      {splits.map((split) => (
        <div key={split.id} className="forecast-step" data-testid="sim-conversion-split" data-node={split.id}>
          <div className="forecast-step__head">
            <strong>{labels.node(split.id)}</strong>
          </div>
          <ul className="sim-bars">
            {outputsOf(split).map((o) => {
              const took = view.nodes[split.id]?.completed[o.id] ?? 0;
              const converted = view.convertedBy?.[split.id]?.[o.id] ?? 0;
              return (
                <li key={o.id} className="sim-bars__row forecast-branch" data-testid="sim-conversion-branch" data-label={o.label}>
                  <span>{o.label}</span>
                  <span className="sim-bars__track">
                    <span className="sim-bars__fill sim-bars__fill--success" style={{ width: percent(converted, took) }} />
                  </span>
                  <span className="sim-bars__value">
                    {formatCount(converted)} of {formatCount(took)} · {percent(converted, took)}
                    {spread && <span className="forecast-range">{rangeText(spreadRange(spread.convertedBy[split.id]?.[o.id]))}</span>}
                  </span>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </section>
  );
}
