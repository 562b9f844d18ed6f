import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run } from '../run';
import { json, emptyBodyFlow } from '../testing/flows';
import { createMemoryIo } from '../testing/memory-io';
import { workerEntry } from './simulate';

const onboarding = readFileSync(fileURLToPath(new URL('../../../resources/examples/onboarding-drip.json', import.meta.url)), 'utf8');
workerEntry.script = fileURLToPath(new URL('../main.ts', import.meta.url));

async function cli(argv: string[], files: Record<string, string> = {}) {
  const io = createMemoryIo({ files: { 'onboarding.json': onboarding, ...files }, now: '2026-11-21T12:00:00Z' });
  const code = await run(argv, io);
  return { code, out: io.out(), err: io.err() };
}

describe('simulate', () => {
  it('prints per-node statistics; the same seed gives the same table, with or without workers', async () => {
    const one = await cli(['simulate', 'onboarding.json', '--users', '3000', '--days', '30', '--seed', '5', '--workers', '1']);
    expect(one.code).toBe(0);
    expect(one.out).toContain('14-day onboarding: 3000 users over 30 days (seed 5)');
    expect(one.out).toMatch(/^Trial sign-up\s+Entry trigger\s+3000\s+next 3000/m);
    const two = await cli(['simulate', 'onboarding.json', '--users', '3000', '--days', '30', '--seed', '5', '--workers', '2']);
    expect(two.out).toBe(one.out);
    const other = await cli(['simulate', 'onboarding.json', '--users', '3000', '--days', '30', '--seed', '6', '--workers', '1']);
    expect(other.out).not.toBe(one.out);
  }, 30_000);

  it('--json gives counts that add up', async () => {
    const r = await cli(['simulate', 'onboarding.json', '--users', '500', '--json', '--workers', '1']);
    const report = JSON.parse(r.out);
    expect(report.users).toBe(500);
    expect(report.outcomes.running + report.outcomes.ended + report.outcomes.exited).toBe(report.journeys);
    expect(report.nodes.trigger.entered).toBe(report.journeys);
  });

  it('refuses bad numbers and invalid flows with the right exit codes', async () => {
    expect((await cli(['simulate', 'onboarding.json', '--users', 'many'])).code).toBe(2);
    const broken = await cli(['simulate', 'broken.json'], { 'broken.json': json(emptyBodyFlow()) });
    expect(broken.code).toBe(1);
    expect(broken.err).toContain('fix these errors before running it');
    expect((await cli(['simulate', 'missing.json'])).code).toBe(2);
  });
});

describe('simulate --audience', () => {
  const audience = JSON.stringify({ size: 800, events: { 'user.signed_up': { perDay: 3 } }, attributes: { plan: { trial: 1 } } });

  it('forecasts your audience, with medians and p5-p95 ranges over several runs', async () => {
    const r = await cli(['simulate', 'onboarding.json', '--audience', 'audience.json', '--runs', '5', '--days', '2', '--json', '--workers', '1'], { 'audience.json': audience });
    expect(r.code).toBe(0);
    const s = JSON.parse(r.out);
    expect(s.runs).toBe(5);
    expect(s.seeds).toEqual([1, 2, 3, 4, 5]);
    expect(s.users).toBe(800);
    expect(s.audience).toBe('audience.json');
    const entered = s.nodes.trigger.entered;
    expect(entered.p5).toBeLessThanOrEqual(entered.median);
    expect(entered.median).toBeLessThanOrEqual(entered.p95);
    // Once per user, and nearly every user signs up within two days at 3 a day.
    expect(entered.median).toBeGreaterThan(780);
    expect(entered.median).toBeLessThanOrEqual(800);
    const table = await cli(['simulate', 'onboarding.json', '--audience', 'audience.json', '--runs', '3', '--days', '2', '--workers', '1'], { 'audience.json': audience });
    expect(table.out).toContain('3 runs, seeds 1-3), audience audience.json');
    expect(table.out).toMatch(/medians with the 5th-95th percentile range over 3 runs/);
    // The audience gives the user count only once read: the threads start then, and serve every run.
    const threads = await cli(['simulate', 'onboarding.json', '--audience', 'audience.json', '--runs', '3', '--days', '2', '--workers', '2'], { 'audience.json': audience });
    expect(threads.code).toBe(0);
    expect(threads.out).toBe(table.out);
  }, 60_000);

  it('derives an audience from the flow when asked', async () => {
    const r = await cli(['simulate', 'onboarding.json', '--audience', 'derived', '--users', '300', '--workers', '1']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('300 users over 30 days (seed 1), audience derived from the flow');
  });

  it('refuses a broken audience model, located, with exit 1', async () => {
    const r = await cli(['simulate', 'onboarding.json', '--audience', 'bad.json'], { 'bad.json': '{"size": 0, "tags": {"vip": 2}}' });
    expect(r.code).toBe(1);
    expect(r.err).toContain('bad.json: not a usable audience model');
    expect(r.err).toContain('$.size');
    expect(r.err).toContain('$.tags.vip');
    expect((await cli(['simulate', 'onboarding.json', '--audience', 'nowhere.json'])).code).toBe(2);
    expect((await cli(['simulate', 'onboarding.json', '--runs', '0'])).code).toBe(2);
  });
});

describe('preview', () => {
  const user = JSON.stringify({ attributes: { first_name: 'Ada', plan: 'trial' }, timezone: 'Europe/Paris' });

  it('prints the journey with explanations, following the script', async () => {
    const script = JSON.stringify([
      { type: 'event', at: '+0m', name: 'user.signed_up', properties: { plan: 'trial' } },
      { type: 'message', at: '+1d6h', text: 'can you help?' },
    ]);
    const r = await cli(['preview', 'onboarding.json', '--user', 'user.json', '--script', 'script.json'], { 'user.json': user, 'script.json': script });
    expect(r.code).toBe(0);
    expect(r.out).toContain('Times in UTC.');
    expect(r.out).toContain('Mon 23 Nov 09:00  "Welcome email" (Send message)  entry → waiting  (outside business hours (America/New_York): held until Mon 23 Nov 14:00)');
    expect(r.out).toContain('"Activated?" (Filter)  timer → Else');
    expect(r.out).toContain('"Replied?" (Wait for reply)  message → Replied');
    expect(r.out).toContain('"Handed to sales" (End)');
  });

  it('lists refused entries among the steps, with the reason in readable time', async () => {
    const script = JSON.stringify([
      { type: 'event', at: '+0m', name: 'user.signed_up', properties: { plan: 'trial' } },
      { type: 'event', at: '+1h', name: 'user.signed_up', properties: { plan: 'trial' } },
    ]);
    const r = await cli(['preview', 'onboarding.json', '--user', 'user.json', '--script', 'script.json'], { 'user.json': user, 'script.json': script });
    expect(r.out).toContain('Mon 23 Nov 10:00  entry refused  (entry frequency "once": already entered Mon 23 Nov 09:00)');
    const json = JSON.parse((await cli(['preview', 'onboarding.json', '--json', '--user', 'user.json', '--script', 'script.json'], { 'user.json': user, 'script.json': script })).out);
    expect(json.refused).toEqual([{ at: Date.UTC(2026, 10, 23, 10), why: 'entry frequency "once": already entered Mon 23 Nov 09:00' }]);
  });

  it('names steps by label and kind and times on the flow\'s clock: no ids, no ISO "Z" times', async () => {
    const script = JSON.stringify([
      { type: 'event', at: '+0m', name: 'user.signed_up', properties: { plan: 'trial' } },
      { type: 'message', at: '+1d6h', text: 'can you help?' },
    ]);
    const r = await cli(['preview', 'onboarding.json', '--user', 'user.json', '--script', 'script.json'], { 'user.json': user, 'script.json': script });
    const doc = JSON.parse(onboarding) as { nodes: { id: string }[] };
    // (ids that are also plain words, "welcome", "reply", are left out)
    for (const n of doc.nodes.filter((x) => /[-\d]/.test(x.id))) expect(r.out).not.toMatch(new RegExp(`(^|[^\\w-])${n.id}([^\\w-]|$)`, 'm'));
    expect(r.out).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:\d\d|\d\d:\d\dZ|:j\d|:c\d/);
  });

  it('locates mistakes in the script', async () => {
    const r = await cli(['preview', 'onboarding.json', '--script', 'script.json'], { 'script.json': '[{"type":"message","at":"soon","text":"x"}]' });
    expect(r.code).toBe(1);
    expect(r.err).toContain('$[0].at');
    expect(r.err).toContain('offset from the start');
  });
});
