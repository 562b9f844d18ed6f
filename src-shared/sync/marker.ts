/**
 * The stable tag that ties a remote campaign to its flow: `[cs:<flowId>]` at the end of the
 * campaign's description. Chatwoot has no client-chosen ids, so a create that timed out is
 * found again by listing campaigns and looking for this tag, instead of being created twice.
 */
const MARKER = /\s*\[cs:([A-Za-z0-9_.:-]+)\]\s*$/;

/** The description as sent: the user's text, a blank line, then the marker. */
export function withMarker(description: string, flowId: string): string {
  const text = stripMarker(description).trimEnd();
  return text ? `${text}\n\n[cs:${flowId}]` : `[cs:${flowId}]`;
}

/** The flow id a description is tagged with, if any. */
export function readMarker(description: string | null | undefined): string | undefined {
  return description ? MARKER.exec(description)?.[1] : undefined;
}

/** The description without the marker, as the user wrote it. */
export function stripMarker(description: string | null | undefined): string {
  return (description ?? '').replace(MARKER, '');
}
