import { describe, expect, it } from 'vitest';
import { changeAction, forkProblem } from './fork-form';

describe('fork form', () => {
  it('says why Fork cannot run instead of silently disabling it', () => {
    expect(forkProblem('message', 'yes')).toBeNull();
    expect(forkProblem('event', '')).toBe('Type the event name to fork.');
    expect(forkProblem('attribute', 'yes')).toBe('Write the change as name=value, e.g. plan=starter.');
    expect(forkProblem('attribute', 'plan=pro')).toBeNull();
  });

  it('turns the typed change into the action the fork applies', () => {
    expect(changeAction('attribute', 'plan=pro')).toEqual({ type: 'attribute', at: 0, name: 'plan', value: 'pro' });
    expect(changeAction('event', ' project.created ')).toEqual({ type: 'event', at: 0, name: 'project.created', properties: {} });
  });
});
