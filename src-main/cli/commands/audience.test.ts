import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkAudience } from '../../../src-shared/forecast';
import { run } from '../run';
import { createMemoryIo } from '../testing/memory-io';

const onboarding = readFileSync(fileURLToPath(new URL('../../../resources/examples/onboarding-drip.json', import.meta.url)), 'utf8');

async function cli(argv: string[], files: Record<string, string> = {}) {
  const io = createMemoryIo({ files: { 'onboarding.json': onboarding, ...files }, now: '2026-11-21T12:00:00Z' });
  const code = await run(argv, io);
  return { code, out: io.out(), err: io.err(), io };
}

describe('audience', () => {
  it('infers a model from contacts, says what it inferred, and simulate reads it', async () => {
    const csv = 'email,plan\na@x.io,pro\nb@x.io,trial\n,trial\n';
    const r = await cli(['audience', 'infer', 'contacts.csv'], { 'contacts.csv': csv });
    expect(r.code).toBe(0);
    expect(r.err).toContain('3 contacts; inferred:');
    expect(r.err).toContain('plan: 2 values (trial 67%, pro 33%)');
    expect(r.err).toContain('email: presence, set for 67%; values not kept');
    const model = JSON.parse(r.out);
    expect(checkAudience(model).ok).toBe(true);
    const sim = await cli(['simulate', 'onboarding.json', '--audience', 'model.json', '--workers', '1', '--json'], { 'model.json': r.out });
    expect(sim.code).toBe(0);
    expect(JSON.parse(sim.out).users).toBe(3);
  });

  it('derives the model a flow forecasts with, and refuses what it cannot use', async () => {
    const r = await cli(['audience', 'derive', 'onboarding.json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).events).toHaveProperty(['project.created']);
    expect((await cli(['audience', 'infer', 'bad.csv'], { 'bad.csv': '' })).code).toBe(1);
    expect((await cli(['audience', 'infer', 'none.csv'])).code).toBe(2);
    expect((await cli(['audience', 'guess', 'x'])).code).toBe(2);
  });
});
