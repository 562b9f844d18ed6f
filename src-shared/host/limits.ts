/**
 * The one size limit: the largest flow the host reads, writes or publishes (a 5,000-step flow
 * is about 2.3 MB). Channels that carry a flow's text cap it here; the web host's request
 * limit is derived from it ({@link maxHostRequestBytes}).
 */
export const maxFlowFileBytes = 20 * 1024 * 1024;

/**
 * The largest request body the web host reads: one flow of {@link maxFlowFileBytes} sent as a
 * JSON string (escaping at most doubles a JSON text: each `"`, `\\` or newline becomes two
 * characters) plus 1 MB for the rest of the arguments (a sync record).
 */
export const maxHostRequestBytes = 2 * maxFlowFileBytes + 1024 * 1024;
