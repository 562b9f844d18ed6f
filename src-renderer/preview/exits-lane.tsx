import { Panel } from '@xyflow/react';
import { useShallow } from 'zustand/react/shallow';
import { useEditor, useEditorApi } from '../editor/editor-context';
import type { EditorState } from '../editor/editor-store';
import { populationInstant } from './population/population-instant';
import { useOptionalPreview } from './preview-context';
import { formatCount, formatWhen } from './preview-format';
import type { PreviewState } from './preview-store';

const selectExits = (s: EditorState) => s.doc.campaign.globalExits;
/** What the lane needs from preview mode: the population at the slider, or the one journey at its step. */
const selectPreview = (s: PreviewState) => ({ on: s.mode === 'preview', tab: s.tab, population: s.population, bucket: s.bucket, frame: s.frame });
const none = { on: false, tab: 'journey', population: { status: 'idle' }, bucket: 0, frame: null } as const satisfies ReturnType<typeof selectPreview>;

/**
 * The flow's global exits on the canvas: they apply at every step, so they sit in a lane of
 * their own rather than on a node. In a population preview each shows how many users it removed
 * (whole period; the total exited is of the slider's instant); in a one-user preview the exit
 * the user took is marked.
 */
export function ExitsLane() {
  const exits = useEditor(selectExits);
  const api = useEditorApi();
  const preview = useOptionalPreview(useShallow(selectPreview), none);
  if (exits.length === 0) return null;
  const population = preview.on && preview.tab === 'population' && preview.population.status === 'ready' ? preview.population : null;
  const instant = population ? populationInstant(population.view, preview.bucket) : null;
  const finished = preview.on && preview.tab === 'journey' ? preview.frame?.finished : null;
  const taken = finished?.status === 'exited' ? finished.reason : null;
  return (
    <Panel position="top-right" className="exits-lane" data-testid="exits-lane" aria-label="Global exits">
      <div className="exits-lane__head">
        <span className="exits-lane__title">Global exits</span>
        <span className="exits-lane__hint">{instant ? (instant.timed ? `${formatCount(instant.exited)} exited ${instant.final ? 'in the period' : `by ${formatWhen(instant.at, 'UTC')}`}` : 'whole period') : 'at any step'}</span>
      </div>
      <ul className="exits-lane__list">
        {exits.map((x) => (
          <li key={x.id}>
            <button
              type="button"
              className={`exits-lane__exit nodrag nopan${taken === x.id ? ' is-taken' : ''}`}
              title="Edit in the campaign settings"
              onClick={() => api.getState().setPanel('campaign')}
              data-testid="exit-chip"
              data-exit={x.id}
            >
              <span className="exits-lane__name">{x.name || 'Unnamed exit'}</span>
              {population && (
                <span className="exits-lane__count" title="Users this exit removed over the whole period" data-testid="exit-count">
                  {formatCount(population.view.exits[x.id] ?? 0)}
                </span>
              )}
              {taken === x.id && <span className="exits-lane__taken">Exited here</span>}
            </button>
          </li>
        ))}
      </ul>
      {population && <p className="exits-lane__note">Counts per exit: whole period</p>}
    </Panel>
  );
}
