import type { FlowDocument } from '../../flow/document';
import type { FieldError } from '../sync-error';

/** Where each Chatwoot attribute lives in a flow: a JSON path, or a field of the message node. */
const ATTRIBUTE_PLACES: Record<string, { path: string } | { sendField: string }> = {
  title: { path: '$.campaign.name' },
  description: { path: '$.campaign.description' },
  message: { sendField: 'data.body' },
  inbox: { sendField: 'data.inboxId' },
  inbox_id: { sendField: 'data.inboxId' },
  sender: { sendField: 'data.sender' },
  sender_id: { sendField: 'data.sender' },
  url: { path: '$.campaign.trigger.urlPattern' },
  trigger_rules: { path: '$.campaign.trigger' },
  time_on_page: { path: '$.campaign.trigger.secondsOnPage' },
  scheduled_at: { path: '$.campaign.trigger.at' },
  audience: { path: '$.campaign.audience' },
  enabled: { path: '$.campaign.status' },
  template_params: { sendField: 'data.body' },
};

const humanise = (attribute: string) => attribute.replace(/_id$/, '').replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());

/**
 * Chatwoot's 422 `{message, attributes}` as one error per attribute, each placed on the flow
 * field the user must fix. Rails joins full messages with ", " and each starts with the
 * humanised attribute ("Title can't be blank, Url invalid"), which is how they are paired.
 *
 * @example chatwootFieldErrors({ message: "Title can't be blank", attributes: ['title'] }, doc)
 * // [{ attribute: 'title', message: "Title can't be blank", path: '$.campaign.name' }]
 */
export function chatwootFieldErrors(body: { message: string; attributes: string[] }, doc?: FlowDocument): FieldError[] {
  const parts = body.message.split(/,\s+(?=[A-Z])/).map((p) => p.trim()).filter(Boolean);
  const used = new Set<number>();
  const attributes = body.attributes.length ? body.attributes : ['base'];
  const out = attributes.map((attribute): FieldError => {
    const name = humanise(attribute).toLowerCase();
    const at = parts.findIndex((p, i) => !used.has(i) && p.toLowerCase().startsWith(name));
    if (at >= 0) used.add(at);
    const message = at >= 0 ? parts[at]! : body.attributes.length === 1 ? body.message : `${humanise(attribute)}: ${body.message}`;
    return { attribute, message, ...placeOf(attribute, doc) };
  });
  // Messages no attribute claimed (e.g. "Completed Campaign is not editable") stay visible on the campaign.
  const rest = parts.filter((_, i) => !used.has(i));
  if (body.attributes.length > 1 && rest.length) out.push({ attribute: 'base', message: rest.join(', '), path: '$.campaign' });
  return out;
}

function placeOf(attribute: string, doc?: FlowDocument): Pick<FieldError, 'path' | 'nodeId' | 'field'> {
  const place = ATTRIBUTE_PLACES[attribute];
  if (!place) return { path: '$.campaign' };
  if ('path' in place) return { path: place.path };
  const index = doc?.nodes.findIndex((n) => n.type === 'send') ?? -1;
  if (!doc || index < 0) return { path: '$.nodes', field: place.sendField };
  return { path: `$.nodes[${index}].${place.sendField}`, nodeId: doc.nodes[index]!.id, field: place.sendField };
}
