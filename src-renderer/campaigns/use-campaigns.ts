import { useMemo } from 'react';
import { flowToLiveChat, flowToOneOff, type FormReading, type LiveChatCampaign, type OneOffCampaign } from '../../src-shared/campaigns/index';
import type { FlowRecord } from '../db/schema';
import { useFlowsOfKinds } from '../db/use-flows';

export interface CampaignEntry<T> {
  record: FlowRecord;
  reading: FormReading<T>;
}

export interface Campaigns {
  liveChat: CampaignEntry<LiveChatCampaign>[];
  oneOff: CampaignEntry<OneOffCampaign>[];
}

/** The two simple kinds: only their flows' documents are read (a workflow's can be thousands of steps). */
const CAMPAIGN_KINDS = ['live-chat', 'one-off'] as const;

/** The stored flows of the two simple kinds, read as forms; `undefined` while loading. */
export function useCampaigns(): Campaigns | undefined {
  const flows = useFlowsOfKinds(CAMPAIGN_KINDS);
  return useMemo(() => {
    if (!flows) return undefined;
    const byCreation = [...flows].sort((a, b) => b.createdAt - a.createdAt);
    return {
      liveChat: byCreation.filter((r) => r.kind === 'live-chat').map((record) => ({ record, reading: flowToLiveChat(record.document) })),
      oneOff: byCreation.filter((r) => r.kind === 'one-off').map((record) => ({ record, reading: flowToOneOff(record.document) })),
    };
  }, [flows]);
}
