/**
 * Sync contracts: mapping flows to Chatwoot and the delivery API, the sync status model, the
 * outbox with backoff, conflicts, and the engine that drives them over injected adapters and
 * storage. Pure: the network lives in src-main/sync (see docs/sync.md).
 */
export * from './adapter';
export * from './backend-config';
export * from './backoff';
export * from './conflict';
export * from './content-hash';
export * from './contract';
export * from './publish-queue';
export * from './marker';
export * from './outbox';
export * from './publish-gate';
export * from './status';
export * from './store';
export * from './sync-error';
export * from './sync-record';
export * from './chatwoot/directory';
export * from './chatwoot/expressible';
export * from './chatwoot/field-errors';
export * from './chatwoot/from-chatwoot';
export * from './chatwoot/paths';
export * from './chatwoot/resource';
export * from './chatwoot/schedule';
export * from './chatwoot/to-chatwoot';
export * from './chatwoot/whatsapp-template';
export * from './delivery/types';
export * from './dry-run';
