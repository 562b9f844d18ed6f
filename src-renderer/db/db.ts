import { StudioDatabase } from './schema';

/** The one database instance. Write through flow-repository.ts only; read through the hooks. */
export const db = new StudioDatabase();
