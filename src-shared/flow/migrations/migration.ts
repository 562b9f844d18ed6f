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
  /**
   * Where a JSON path of the upgraded document was in the document before this step, so a
   * problem names the field the user's file has; `null` when it has no counterpart there (the
   * problem is then labelled as being about the upgraded form). `before` is the old document.
   */
  pathBefore?(path: string, before: RawDocument): string | null;
}
