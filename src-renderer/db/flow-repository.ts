import { createEmptyFlow, type FlowDocument } from '../../src-shared/flow/index';
import { db } from './db';
import type { FlowRecord, StudioDatabase } from './schema';

/** Builds the row stored for a document: listing fields are copied from the campaign. */
export function toFlowRecord(document: FlowDocument, updatedAt: number): FlowRecord {
  const { id, name, kind } = document.campaign;
  return { id, name, kind, updatedAt, document };
}

/**
 * The only writer of the flows table, so listing copies (`name`, `kind`, `updatedAt`) can never
 * drift from the documents they describe.
 */
export function createFlowRepository(database: StudioDatabase, clock: () => number = Date.now) {
  return {
    /** Creates an empty flow (one trigger) and returns its id. */
    async create(name: string): Promise<string> {
      const document = createEmptyFlow({ name, kind: 'workflow', now: new Date(clock()) });
      await database.flows.add(toFlowRecord(document, clock()));
      return document.campaign.id;
    },

    /** Stores an imported document; a flow with the same campaign id is replaced (re-import updates it). */
    async saveImported(document: FlowDocument): Promise<string> {
      await database.flows.put(toFlowRecord(document, clock()));
      return document.campaign.id;
    },

    async remove(id: string): Promise<void> {
      await database.flows.delete(id);
    },
  };
}

export type FlowRepository = ReturnType<typeof createFlowRepository>;

export const flowRepository = createFlowRepository(db);
