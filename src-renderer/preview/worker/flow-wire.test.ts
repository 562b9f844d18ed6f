import { describe, expect, it, vi } from 'vitest';
import { example } from '../../../src-shared/testing/flow-builders';
import { createEngineHandler } from './engine-handler';
import type { EngineCall, EngineMessage } from './engine-protocol';
import { decodeCall, encodeCall, flowJson, type WireFlow } from './flow-wire';
import { onboarding } from '../test-fixtures';

const spec = { users: 10, days: 3, seed: 1 };

describe('flow documents across the worker boundary', () => {
  it('posts each document as its text, made once per document, and gives the handler the same document back', () => {
    const doc = onboarding();
    const call: EngineCall = { id: 1, channel: 'population.slice', args: { doc, spec, from: 0, to: 10 } };
    const wire = structuredClone(encodeCall(call));
    expect(typeof (wire.args.doc as WireFlow).flowJson).toBe('string');
    expect(wire.args).toMatchObject({ spec, from: 0, to: 10 });
    // The text is kept per document: a second call makes none.
    const stringify = vi.spyOn(JSON, 'stringify');
    expect(flowJson(doc)).toBe((encodeCall(call).args.doc as WireFlow).flowJson);
    expect(stringify).not.toHaveBeenCalled();
    stringify.mockRestore();
    const back = decodeCall(wire);
    expect(back).toEqual(call);
  });

  it('reuses a document parsed from the same text, so calls on one flow share it (and its compiled form)', () => {
    const doc = onboarding();
    const call = (id: number): EngineCall => ({ id, channel: 'population.prepare', args: { runId: `r${id}`, doc, spec } });
    const a = decodeCall(structuredClone(encodeCall(call(1))));
    const b = decodeCall(structuredClone(encodeCall(call(2))));
    expect(b.args).not.toBe(a.args);
    expect((b.args as { doc: unknown }).doc).toBe((a.args as { doc: unknown }).doc);
    // A changed document is parsed anew.
    const edited = { ...doc, campaign: { ...doc.campaign, name: 'Edited' } };
    const c = decodeCall(structuredClone(encodeCall({ id: 3, channel: 'population.prepare', args: { runId: 'r3', doc: edited, spec } })));
    expect((c.args as { doc: { campaign: { name: string } } }).doc.campaign.name).toBe('Edited');
  });

  it('encodes both documents of an in-flight forecast', () => {
    const live = example('collect-name-and-email');
    const next = { ...live, campaign: { ...live.campaign, name: 'Next' } };
    const wire = encodeCall({ id: 1, channel: 'forecast.inFlight', args: { live, next, groups: [], days: 7 } });
    expect(Object.keys(wire.args).filter((k) => typeof (wire.args[k] as Partial<WireFlow>)?.flowJson === 'string')).toEqual(['live', 'next']);
    expect(decodeCall(wire).args).toEqual({ live, next, groups: [], days: 7 });
  });

  it('answers a call whose document did not come as text with an error naming the channel and the argument', async () => {
    const posted: EngineMessage[] = [];
    const handle = createEngineHandler((m) => posted.push(m));
    await handle({ id: 7, channel: 'preview.run', args: { doc: onboarding(), options: {} } });
    expect(posted).toEqual([{ id: 7, kind: 'error', message: 'Engine call preview.run: "doc" is not a flow sent as text.' }]);
  });
});
