import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { chatwootComponents } from './chatwoot-contract';

function refsIn(value: unknown, out: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => refsIn(v, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string') out.add(v);
      else refsIn(v, out);
    }
  }
  return out;
}

export interface ChatwootValidators {
  create: ValidateFunction;
  update: ValidateFunction;
  resource: ValidateFunction;
  /** `GET …/inboxes`, with each inbox's working hours and timezone. */
  inboxList: ValidateFunction;
  /** Readable errors of the last call of `fn`, or [] when valid. */
  check(fn: ValidateFunction, body: unknown): string[];
}

let cached: ChatwootValidators | undefined;

/**
 * JSON Schema validators (draft 2020-12, as OpenAPI 3.1 uses) for Chatwoot's campaign create
 * and update bodies and its campaign resource, compiled from the project's statement of the
 * contract (`chatwoot-contract.ts`) with its `$ref`s resolved. Every `$ref` must resolve, or this throws.
 */
export function chatwootValidators(): ChatwootValidators {
  if (cached) return cached;
  const schemas: Record<string, unknown> = { ...chatwootComponents };
  for (const ref of refsIn(schemas)) {
    const name = /^#\/components\/schemas\/([\w-]+)$/.exec(ref)?.[1];
    if (!name || !(name in schemas)) throw new Error(`A Chatwoot schema refers to ${ref}, which chatwoot-contract.ts does not define.`);
  }
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (a: Ajv2020) => void;
  addFormats(ajv);
  const id = 'https://chatwoot.local/campaigns.json';
  ajv.addSchema({ $id: id, components: { schemas } });
  const get = (name: string) => {
    const fn = ajv.getSchema(`${id}#/components/schemas/${name}`);
    if (!fn) throw new Error(`could not compile ${name}`);
    return fn;
  };
  const format = (e: ErrorObject) => `${e.instancePath || '(root)'} ${e.message ?? e.keyword}${e.params && 'allowedValues' in e.params ? ` ${JSON.stringify(e.params.allowedValues)}` : ''}`;
  cached = {
    create: get('campaign_create_payload'),
    update: get('campaign_update_payload'),
    resource: get('campaign'),
    inboxList: get('inbox_list'),
    check: (fn, body) => (fn(body) ? [] : (fn.errors ?? []).map(format)),
  };
  return cached;
}
