import type { ReactNode } from 'react';
import type { NodeKind } from '../../../src-shared/flow/index';

/** One icon per kind, shared by the cards, the palette and the inspector. */
export const nodeIcons: Record<NodeKind, ReactNode> = {
  trigger: (
    <svg viewBox="0 0 24 24" width="14" height="14" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round"> <path d="M13 2 4 14h7l-1 8 9-12h-7l1-8Z" /> </svg>
  ),
  filter: (
    <svg viewBox="0 0 24 24" width="14" height="14" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round"> <path d="M3 5h18l-7 8v6l-4 2v-8L3 5Z" /> </svg>
  ),
  split: (
    <svg viewBox="0 0 24 24" width="14" height="14" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round"> <path d="M12 21v-7" /><path d="M12 14 5 7M12 14l7-7" /><path d="M5 11V7h4M19 11V7h-4" /> </svg>
  ),
  wait: (
    <svg viewBox="0 0 24 24" width="14" height="14" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round"> <circle cx="12" cy="12" r="9" /><path d="M12 7v5l3 2" /> </svg>
  ),
  'inbound-message': (
    <svg viewBox="0 0 24 24" width="14" height="14" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round"> <path d="M21 12a8 8 0 0 1-11.6 7.1L4 20l1-4.6A8 8 0 1 1 21 12Z" /><path d="M9 12h6" /> </svg>
  ),
  send: (
    <svg viewBox="0 0 24 24" width="14" height="14" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round"> <path d="M22 2 11 13" /><path d="M22 2 15 22l-4-9-9-4 20-7Z" /> </svg>
  ),
  assign: (
    <svg viewBox="0 0 24 24" width="14" height="14" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round"> <circle cx="9" cy="8" r="4" /><path d="M2 21a7 7 0 0 1 14 0" /><path d="M19 8v6M16 11h6" /> </svg>
  ),
  end: (
    <svg viewBox="0 0 24 24" width="14" height="14" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round"> <circle cx="12" cy="12" r="9" /><rect x="9" y="9" width="6" height="6" rx="1" /> </svg>
  ),
};
