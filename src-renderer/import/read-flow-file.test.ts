import { describe, expect, it, vi } from 'vitest';
import { createEmptyFlow, exportFlowJson, hasErrors, importFlowJson } from '../../src-shared/flow/index';
import { asCopies } from './import-conflict';
import { openedFileToFile, readFlowFile, readFlowText } from './read-flow-file';
import example from '../../resources/examples/onboarding-drip.json?raw';

// A valid flow: an empty one has errors (no URL pattern, no event), which an import refuses.
const text = example;

describe('files the desktop host hands over', () => {
  it('import like a dropped file', async () => {
    const r = await readFlowFile(openedFileToFile({ name: 'pricing.json', text }));
    expect(r.ok && r.documents[0]!.campaign.name).toBe('14-day onboarding');
  });

  it('one the host could not read is reported with its reason, not as bad JSON', async () => {
    const r = await readFlowFile(openedFileToFile({ name: 'locked.json', error: 'Permission denied' }));
    expect(r).toEqual({ ok: false, problems: [expect.objectContaining({ code: 'file.unreadable', message: expect.stringContaining('Permission denied'), path: '$' })] });
  });
});

describe('the app refuses what the CLI import refuses', () => {
  it('refuses a single flow with validation errors, listing them located as the CLI does', () => {
    const withErrors = exportFlowJson(createEmptyFlow({ name: 'No trigger event', kind: 'workflow' }));
    const cli = importFlowJson(withErrors);
    expect(cli.ok && hasErrors(cli.problems)).toBe(true);
    const r = readFlowText(withErrors, 'draft.json');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems).toEqual(cli.ok ? cli.problems.filter((p) => p.severity === 'error') : []);
    expect(!r.ok && r.problems[0]!.path).toBe('$.campaign.trigger.event');
  });

  it('imports a flow without errors', () => {
    const r = readFlowText(text, 'onboarding-drip.json');
    expect(r.ok).toBe(true);
  });

  it('refuses a 30 MB file before reading it, saying the limit', async () => {
    const big = new File([new Uint8Array(30 * 1024 * 1024)], 'huge.json');
    // Before reading: none of the ways to read a File is called. (This said "within 200 ms",
    // which timed making the 30 MB file more than the check, and failed on a busy machine.)
    const reads = (['text', 'arrayBuffer', 'stream', 'slice', 'bytes'] as const).filter((m) => m in big).map((m) => vi.spyOn(big, m as 'text'));
    expect(reads.length).toBeGreaterThanOrEqual(4);
    const r = await readFlowFile(big);
    for (const read of reads) expect(read).not.toHaveBeenCalled();
    expect(r).toEqual({ ok: false, problems: [expect.objectContaining({ code: 'file.too-large', message: expect.stringMatching(/huge\.json is 30\.0 MB; the app imports flow files up to 8 MB/) })] });
  });
});

describe('keeping both', () => {
  it('gives the clashing flows a new id and an "(imported)" name, leaving the others', () => {
    const a = createEmptyFlow({ name: 'A', id: 'a' });
    const b = createEmptyFlow({ name: 'B', id: 'b' });
    const out = asCopies([a, b], new Set(['a']), () => 'new-id');
    expect(out[0]!.campaign).toMatchObject({ id: 'new-id', name: 'A (imported)' });
    expect(out[1]).toBe(b);
  });
});
