import type { FlowDocument } from '../../../src-shared/flow/index';
import type { EngineArgs, EngineCall, EngineChannel } from './engine-protocol';

/**
 * How engine calls carry flow documents across the worker boundary: as the document's JSON text,
 * made once per document on the page and parsed once per text in the worker.
 *
 * `postMessage` clones an object graph on the sending thread: a 5,000-step flow took the page
 * 30-40 ms per call, and a population run sends it twice (the merging worker and each slice
 * worker), in the task of the Run click. A string is copied as one block (a few ms), documents
 * are values (an edit makes a new one), so the text is made once, and the page can make it
 * while idle (`warmFlowJson`) before the click needs it. The worker keeps the last few documents
 * it parsed, so calls on the same flow also share its compiled form (`compileFlow` caches by
 * document).
 */

/** The argument keys that hold a flow document, checked against the contract below. */
const DOC_KEYS = ['doc', 'live', 'next'] as const;
type DocKey = (typeof DOC_KEYS)[number];
/** Every key of any channel's arguments whose value is a flow document. */
type ContractDocKeys = { [C in EngineChannel]: { [K in keyof EngineArgs<C>]-?: EngineArgs<C>[K] extends FlowDocument ? K : never }[keyof EngineArgs<C>] }[EngineChannel];
// Both ways: a new document argument must be listed, and every listed key must be one.
const everyDocKeyListed: [ContractDocKeys] extends [DocKey] ? true : never = true;
const everyListedKeyIsDoc: [DocKey] extends [ContractDocKeys] ? true : never = true;
void everyDocKeyListed;
void everyListedKeyIsDoc;

/** A flow document as it crosses: its JSON text. */
export interface WireFlow {
  flowJson: string;
}

/** An engine call as posted: its documents as {@link WireFlow}. */
export interface WireCall {
  id: number;
  channel: EngineChannel;
  args: Record<string, unknown>;
}

const texts = new WeakMap<FlowDocument, string>();

/** The document's JSON text, made once per document. */
export function flowJson(doc: FlowDocument): string {
  let text = texts.get(doc);
  if (text === undefined) texts.set(doc, (text = JSON.stringify(doc)));
  return text;
}

/**
 * Makes the document's text when the page is idle, so that the next engine call on it (a Run
 * click) only copies it. Returns a cancel.
 */
export function warmFlowJson(doc: FlowDocument): () => void {
  if (texts.has(doc)) return () => undefined;
  const idle = globalThis.requestIdleCallback;
  if (!idle) {
    const timer = setTimeout(() => flowJson(doc), 0);
    return () => clearTimeout(timer);
  }
  const handle = idle(() => flowJson(doc), { timeout: 2000 });
  return () => globalThis.cancelIdleCallback(handle);
}

/** The call as it is posted: each document as its text. */
export function encodeCall(call: EngineCall): WireCall {
  const args: Record<string, unknown> = { ...call.args };
  for (const key of DOC_KEYS) {
    const doc = args[key];
    if (doc !== undefined) args[key] = { flowJson: flowJson(doc as FlowDocument) } satisfies WireFlow;
  }
  return { id: call.id, channel: call.channel, args };
}

/** How many parsed documents the worker keeps (a preview's flow, a live flow and its next version). */
const KEEP_PARSED = 4;
const parsed = new Map<string, FlowDocument>();

/** The call as the handler takes it: each document parsed (or the one parsed from the same text before). */
export function decodeCall(call: WireCall): EngineCall {
  const args: Record<string, unknown> = { ...call.args };
  for (const key of DOC_KEYS) {
    const wire = args[key] as WireFlow | undefined;
    if (wire === undefined) continue;
    if (typeof wire?.flowJson !== 'string') throw new Error(`Engine call ${call.channel}: "${key}" is not a flow sent as text.`);
    args[key] = parsedFlow(wire.flowJson);
  }
  return { id: call.id, channel: call.channel, args } as EngineCall;
}

function parsedFlow(text: string): FlowDocument {
  let doc = parsed.get(text);
  if (doc) {
    // Most recently used last.
    parsed.delete(text);
  } else {
    doc = JSON.parse(text) as FlowDocument;
    if (parsed.size >= KEEP_PARSED) parsed.delete(parsed.keys().next().value!);
  }
  parsed.set(text, doc);
  return doc;
}
