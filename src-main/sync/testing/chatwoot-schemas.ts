import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { parse } from 'yaml';

/** The repository root (this file is src-main/sync/testing/). */
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/**
 * Chatwoot's own campaign API reference, which CI clones beside the repository as `shared/`.
 * Throws a message that says where it looked when it is missing.
 */
export function chatwootReferenceDir(): string {
  const dir = join(repoRoot, '..', 'shared', 'reference', 'chatwoot-campaigns');
  if (!existsSync(join(dir, 'request_campaign_create.yml'))) {
    throw new Error(`Chatwoot's campaign API reference is missing: expected ${dir}/request_campaign_create.yml. Clone the shared/ folder beside the repository (../shared).`);
  }
  return dir;
}

/** File → the `#/components/schemas/<name>` the fragments use to refer to each other. */
const COMPONENTS: Record<string, string> = {
  'request_campaign_create.yml': 'campaign_create_payload',
  'request_campaign_update.yml': 'campaign_update_payload',
  'request_campaign_fields.yml': 'campaign_fields',
  'request_campaign_whatsapp_template_params.yml': 'campaign_whatsapp_template_params',
  'resource_campaign.yml': 'campaign',
};

/** `inbox` is referenced by resource_campaign.yml but not part of the reference: any object. */
const STUBS: Record<string, unknown> = { inbox: { type: 'object', description: 'Not in the reference files; accepted as any object.' } };

export function readChatwootYaml(file: string): Record<string, unknown> {
  return parse(readFileSync(join(chatwootReferenceDir(), file), 'utf8')) as Record<string, unknown>;
}

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
  /** Readable errors of the last call of `fn`, or [] when valid. */
  check(fn: ValidateFunction, body: unknown): string[];
}

let cached: ChatwootValidators | undefined;

/**
 * JSON Schema validators (draft 2020-12, as OpenAPI 3.1 uses) for Chatwoot's campaign create
 * and update bodies and its campaign resource, compiled from the YAML fragments with their
 * `$ref`s resolved between files. Every `$ref` must resolve, or this throws.
 */
export function chatwootValidators(): ChatwootValidators {
  if (cached) return cached;
  const schemas: Record<string, unknown> = { ...STUBS };
  for (const [file, name] of Object.entries(COMPONENTS)) schemas[name] = readChatwootYaml(file);
  for (const ref of refsIn(schemas)) {
    const name = /^#\/components\/schemas\/([\w-]+)$/.exec(ref)?.[1];
    if (!name || !(name in schemas)) throw new Error(`A Chatwoot schema refers to ${ref}, which none of the reference files provides.`);
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
    check: (fn, body) => (fn(body) ? [] : (fn.errors ?? []).map(format)),
  };
  return cached;
}
