import { describe, expect, it, vi } from 'vitest';
import { createHostEventSource, hostEventNames, isHostEventName, silentHostEventSource } from './events';

describe('host events', () => {
  it('names every event domain.verb', () => {
    for (const name of hostEventNames) expect(name).toMatch(/^[a-z]+\.[a-z][a-zA-Z]*$/);
    expect(isHostEventName('menu.command')).toBe(true);
    expect(isHostEventName('__proto__')).toBe(false);
  });

  it('delivers valid payloads, drops malformed ones and unsubscribes', () => {
    const deliveries: ((payload: unknown) => void)[] = [];
    const remove = vi.fn();
    const dropped = vi.fn();
    const source = createHostEventSource((_name, deliver) => {
      deliveries.push(deliver);
      return remove;
    }, dropped);
    const listener = vi.fn();
    const unsubscribe = source.subscribe('menu.command', listener);
    deliveries[0]?.({ command: 'view.fitView' });
    deliveries[0]?.({ command: 'view.fitView', extra: 1 });
    deliveries[0]?.({ command: 'shell.exec' });
    expect(listener.mock.calls).toEqual([[{ command: 'view.fitView' }]]);
    expect(dropped).toHaveBeenCalledTimes(2);
    unsubscribe();
    expect(remove).toHaveBeenCalled();
  });

  it('refuses undeclared events', () => {
    const source = createHostEventSource(() => () => undefined);
    expect(() => source.subscribe('fs.changed' as never, () => undefined)).toThrow(/Unknown host event/);
  });

  it('has a silent source for the web edition', () => {
    expect(typeof silentHostEventSource.subscribe('menu.command', () => undefined)).toBe('function');
  });
});
