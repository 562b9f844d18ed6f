import { useState } from 'react';
import type { UserAction } from '../../../src-shared/engine/index';
import { useEditorApi } from '../../editor/editor-context';
import { usePreview, usePreviewApi } from '../preview-context';
import type { PreviewState } from '../preview-store';
import { Segmented } from '../../ui/segmented';
import { parseScalar } from './script-model';

type ChangeKind = 'message' | 'event' | 'attribute' | 'tag';
const selectFork = (s: PreviewState) => s.fork;
const selectCursor = (s: PreviewState) => s.cursor;

const PLACEHOLDER: Record<ChangeKind, string> = { message: 'yes, tell me more', event: 'project.created', attribute: 'plan=starter', tag: 'unsubscribed' };
/** What the field starts with for each kind of change: a reply can start as "yes"; the others are typed. */
const START: Record<ChangeKind, string> = { message: 'yes', event: '', attribute: '', tag: '' };
const SIDES = [
  ['original', 'As scripted'],
  ['fork', 'What if'],
] as const;
const WHAT: Record<ChangeKind, string> = { message: 'the reply', event: 'the event name', attribute: 'the attribute as name=value', tag: 'the tag' };

/** Why Fork cannot run yet, in words, or null when it can. */
export function forkProblem(kind: ChangeKind, text: string): string | null {
  if (text.trim() === '') return `Type ${WHAT[kind]} to fork.`;
  if (kind === 'attribute' && !/^[^=]+=/.test(text)) return 'Write the change as name=value, e.g. plan=starter.';
  return null;
}

/** The change a fork makes at the cursor's step. */
export function changeAction(kind: ChangeKind, text: string): UserAction {
  const value = text.trim();
  if (kind === 'message') return { type: 'message', at: 0, text: value };
  if (kind === 'event') return { type: 'event', at: 0, name: value, properties: {} };
  if (kind === 'tag') return { type: 'tag', at: 0, tag: value, present: true };
  const [name = '', ...rest] = value.split('=');
  return { type: 'attribute', at: 0, name: name.trim(), value: parseScalar(rest.join('=')) };
}

/** "What if, at this step, the user had…": forks the journey and compares both paths. */
export function ForkForm() {
  const fork = usePreview(selectFork);
  const cursor = usePreview(selectCursor);
  const api = usePreviewApi();
  const editor = useEditorApi();
  const [kind, setKind] = useState<ChangeKind>('message');
  const [text, setText] = useState(START.message);

  if (fork.status === 'ready') {
    const { view, side } = fork;
    return (
      <section className="preview-section preview-fork" data-testid="fork-controls">
        <div className="preview-section__head">
          <h2 className="preview-section__title">Comparing two paths</h2>
          <button type="button" className="button button--quiet button--small" onClick={() => api.getState().closeFork()}>
            Close
          </button>
        </div>
        <Segmented small label="Path on the canvas" value={side} options={SIDES} onChange={(s) => api.getState().showForkSide(s)} />
        <p className="field__hint">{view.divergesAt === null ? 'Both paths are the same: the change made no difference.' : `The paths part at step ${view.divergesAt + 1}.`}</p>
      </section>
    );
  }

  const problem = forkProblem(kind, text);
  const valid = problem === null;
  return (
    <section className="preview-section preview-fork">
      <h2 className="preview-section__title">What if, at step {cursor + 1}, the user…</h2>
      <form
        className="preview-fork__form"
        onSubmit={(e) => {
          e.preventDefault();
          if (valid) void api.getState().forkAt(editor.getState().doc, cursor, changeAction(kind, text));
        }}
      >
        <select className="form-select form-select--compact" value={kind} aria-label="Change" onChange={(e) => {
            // A value typed for another kind of change ("yes" for a reply) means nothing here.
            const next = e.target.value as ChangeKind;
            setKind(next);
            setText(START[next]);
          }}>
          <option value="message">replied</option>
          <option value="event">did event</option>
          <option value="attribute">changed attribute</option>
          <option value="tag">got tag</option>
        </select>
        <input className="form-input form-input--compact" value={text} placeholder={PLACEHOLDER[kind]} aria-label="Fork value" onChange={(e) => setText(e.target.value)} />
        <button type="submit" className="button button--small" disabled={!valid || fork.status === 'running'} title={problem ?? undefined} data-testid="fork">
          {fork.status === 'running' ? 'Forking…' : 'Fork'}
        </button>
      </form>
      {problem ? (
        <p className="field__hint" role="status" data-testid="fork-problem">
          {problem}
        </p>
      ) : null}
    </section>
  );
}
