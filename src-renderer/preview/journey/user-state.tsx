import type { flowLabels } from '../flow-labels';
import { usePreview } from '../preview-context';
import { formatClock, formatWhen } from '../preview-format';
import type { PreviewState } from '../preview-store';

const selectFrame = (s: PreviewState) => s.frame;

/**
 * The user as they were at the cursor: attributes, tags, what they did and the messages they had
 * received by that step (the frame counts send steps, so it never runs ahead of the canvas).
 */
export function UserState({ timezone, labels }: { timezone: string; labels: ReturnType<typeof flowLabels> }) {
  const frame = usePreview(selectFrame);
  const state = frame?.state;
  if (!frame?.step || !state) return null;
  const events = state.events.filter((e) => e.at <= frame.step!.t);
  return (
    <section className="preview-section preview-user-state" data-testid="user-state" aria-live="polite">
      <div className="preview-section__head">
        <h2 className="preview-section__title">At {formatWhen(frame.step.t, timezone)}</h2>
        <span className="field__hint">{timezone}</span>
      </div>
      <dl className="preview-facts">
        {Object.entries(state.attributes).map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{String(v)}</dd>
          </div>
        ))}
        <div>
          <dt>tags</dt>
          <dd>{state.tags.length ? state.tags.join(', ') : '—'}</dd>
        </div>
        <div>
          <dt>events</dt>
          <dd>{events.length ? events.map((e) => e.name).join(', ') : '—'}</dd>
        </div>
        <div>
          <dt>messages received</dt>
          <dd data-testid="messages-received">{frame.sent.length}</dd>
        </div>
        {frame.conversations.length > 0 && (
          <div>
            <dt>conversations</dt>
            <dd>{frame.conversations.map((c) => `${c.channel}${c.assignee ? ` → ${c.assignee}` : ''}`).join(', ')}</dd>
          </div>
        )}
      </dl>
      {frame.sent.length > 0 && (
        <ol className="preview-received" aria-label="Messages received so far" data-testid="messages-list">
          {frame.sent.map((m, i) => (
            <li key={i} data-node={m.nodeId}>
              <span className="preview-received__channel">{m.channel}</span> {labels.node(m.nodeId)}
              <span className="muted"> · {formatClock(m.at, timezone)}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
