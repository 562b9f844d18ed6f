/**
 * Message bodies use `{{ contact.name }}`-style variables. The set is closed so that a typo is
 * caught before a customer receives "Hi {{ contact.nmae }}".
 */
export const KNOWN_VARIABLES = [
  'contact.name',
  'contact.first_name',
  'contact.last_name',
  'contact.email',
  'contact.phone_number',
  'contact.company',
  'contact.city',
  'contact.country',
  'agent.name',
  'inbox.name',
  'campaign.name',
] as const;

/** Custom contact attributes are open-ended: `{{ contact.custom_attributes.plan }}`. */
const CUSTOM_ATTRIBUTE = /^contact\.custom_attributes\.[A-Za-z0-9_]+$/;

export interface VariableUse {
  name: string;
  /** Offset of `{{` in the text. */
  index: number;
}

export interface TemplateScan {
  variables: VariableUse[];
  /** Offsets of `{{` that are never closed or hold no name. */
  malformed: number[];
}

/** Finds every `{{ name }}` in a body, and braces that do not form a variable. */
export function scanTemplate(text: string): TemplateScan {
  const variables: VariableUse[] = [];
  const malformed: number[] = [];
  let from = 0;
  for (;;) {
    const open = text.indexOf('{{', from);
    if (open < 0) break;
    const close = text.indexOf('}}', open + 2);
    if (close < 0) {
      malformed.push(open);
      break;
    }
    const name = text.slice(open + 2, close).trim();
    if (/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name)) variables.push({ name, index: open });
    else malformed.push(open);
    from = close + 2;
  }
  return { variables, malformed };
}

export function isKnownVariable(name: string): boolean {
  return (KNOWN_VARIABLES as readonly string[]).includes(name) || CUSTOM_ATTRIBUTE.test(name);
}
