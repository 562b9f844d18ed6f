import { describe, expect, it } from 'vitest';
import { describeItem, instantOf, parseProperties, parseScalar, scriptProblems, toActions, triggerScript, type ScriptItem } from './script-model';
import { onboarding } from '../test-fixtures';

const doc = onboarding();

describe('script model', () => {
  it('turns form lines into timed actions on the user’s clock', () => {
    const items: ScriptItem[] = [
      { id: 'a', day: 2, time: '10:30', kind: 'message', text: 'yes' },
      { id: 'b', day: 1, time: '09:00', kind: 'event', name: 'user.signed_up', properties: 'plan=trial, seats=3' },
    ];
    const actions = toActions(items, 'America/New_York');
    expect(actions.map((a) => [a.type, new Date(a.at).toISOString()])).toEqual([
      ['event', '2026-11-23T14:00:00.000Z'],
      ['message', '2026-11-24T15:30:00.000Z'],
    ]);
    expect(actions[0]).toMatchObject({ properties: { plan: 'trial', seats: 3 } });
    expect(instantOf(1, '09:00', 'UTC')).toBe(Date.UTC(2026, 10, 23, 9));
  });
  it('has segment lines: enter or leave, named', () => {
    const enter: ScriptItem = { id: 's', day: 1, time: '09:00', kind: 'segment', segment: 'vip', present: true };
    expect(toActions([enter], 'UTC')).toEqual([{ type: 'segment', at: Date.UTC(2026, 10, 23, 9), segment: 'vip', present: true }]);
    expect(describeItem({ ...enter, present: false })).toBe('Day 1, 09:00 · leaves segment vip');
    expect(scriptProblems([{ ...enter, segment: ' ' }])).toEqual([{ id: 's', message: 'Name the segment.' }]);
  });
  it('parses values and reports lines that cannot run', () => {
    expect([parseScalar('true'), parseScalar('42'), parseScalar('trial')]).toEqual([true, 42, 'trial']);
    expect(parseProperties('a=1,b = x=y')).toEqual({ a: 1, b: 'x=y' });
    expect(scriptProblems([{ id: 'x', day: 1, time: '9am', kind: 'message', text: '' }])).toEqual([{ id: 'x', message: 'Time must look like 09:30.' }]);
    expect(scriptProblems([{ id: 'y', day: 1, time: '09:00', kind: 'event', name: ' ', properties: '' }])[0]!.message).toBe('Name the event.');
  });
  it('starts from what fires the trigger', () => {
    const [first] = triggerScript(doc.campaign);
    expect(first).toMatchObject({ kind: 'event', name: 'user.signed_up', properties: 'plan=trial', day: 1, time: '09:00' });
    expect(describeItem(first!)).toBe('Day 1, 09:00 · does user.signed_up');
  });
});
