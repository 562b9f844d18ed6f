import type { ReactNode } from 'react';
import type { NodeKind } from '../../../src-shared/flow/index';
import { BoltIcon, FilterIcon, ReplyIcon, SendIcon, SplitIcon, StopCircleIcon, TimerIcon, UserPlusIcon } from '../../ui/icons';

const node = { size: 14, strokeWidth: 2 } as const;

/** One icon per kind, shared by the cards, the palette and the inspector. */
export const nodeIcons: Record<NodeKind, ReactNode> = {
  trigger: <BoltIcon {...node} />,
  filter: <FilterIcon {...node} />,
  split: <SplitIcon {...node} />,
  wait: <TimerIcon {...node} />,
  'inbound-message': <ReplyIcon {...node} />,
  send: <SendIcon {...node} />,
  assign: <UserPlusIcon {...node} />,
  end: <StopCircleIcon {...node} />,
};
