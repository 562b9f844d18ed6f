import { describe, expect, it } from 'vitest';
import { createEmptyFlow, exportFlowJson } from '../../src-shared/flow/index';
import { openedFileToFile, readFlowFile } from './read-flow-file';

const text = exportFlowJson(createEmptyFlow({ name: 'Pricing page: talk to sales', kind: 'live-chat' }));

describe('files the desktop host hands over', () => {
  it('import like a dropped file', async () => {
    const r = await readFlowFile(openedFileToFile({ name: 'pricing.json', text }));
    expect(r.ok && r.documents[0]!.campaign.name).toBe('Pricing page: talk to sales');
  });

  it('one the host could not read is reported with its reason, not as bad JSON', async () => {
    const r = await readFlowFile(openedFileToFile({ name: 'locked.json', error: 'Permission denied' }));
    expect(r).toEqual({ ok: false, problems: [expect.objectContaining({ code: 'file.unreadable', message: expect.stringContaining('Permission denied'), path: '$' })] });
  });
});
