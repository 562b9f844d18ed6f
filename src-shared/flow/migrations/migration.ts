/** A JSON object as read from a file, before it is known to be a flow. */
export type RawDocument = Record<string, unknown>;

/**
 * One step from schema version `from` to `from + 1`. Migrations run in order on raw JSON,
 * before the document is parsed, so each one only knows the shape it upgrades from.
 */
export interface Migration {
  /** Ordered, stable name: `0001-what-it-does`. */
  name: string;
  from: number;
  migrate(doc: RawDocument): RawDocument;
}
