/**
 * Live-chat messages are plain text with a little Markdown (bold, italic, inline code, links,
 * lists), as Chatwoot's widget renders them. Anything else pasted in (HTML from a web page or a
 * word processor, scripts) is taken out before it is saved, and the preview is built from
 * tokens, never from HTML.
 */

export interface SanitisedMessage {
  text: string;
  /** What was taken out, for a marketer: "a <script> block", "HTML tags (<div>, <span>)". */
  removed: string[];
}

/** Elements removed together with their content: their text is never meant to be read. */
const DROPPED_WITH_CONTENT = ['script', 'style', 'iframe', 'object', 'embed', 'template', 'noscript', 'svg', 'math', 'textarea', 'select', 'head', 'title'];
const SAFE_LINK = /^(https?:\/\/|mailto:|tel:)/i;

/**
 * Keeps plain text and basic Markdown; strips HTML tags (keeping their text), drops scripts,
 * styles and comments whole, turns line-breaking tags into new lines and unsafe links
 * (`javascript:`, `data:`) into their text.
 *
 * @example sanitiseMessage('<p>Hi <b>there</b></p><script>x()</script>').text // 'Hi **there**'
 */
export function sanitiseMessage(input: string): SanitisedMessage {
  const removed: string[] = [];
  const note = (what: string) => {
    if (!removed.includes(what)) removed.push(what);
  };
  // eslint-disable-next-line no-control-regex -- control characters are what this removes
  let text = input.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');

  text = text.replace(/<!--[\s\S]*?(-->|$)/g, () => (note('HTML comments'), ''));
  for (const tag of DROPPED_WITH_CONTENT) {
    const block = new RegExp(`<${tag}\\b[^>]*>[\\s\\S]*?(<\\/${tag}\\s*>|$)`, 'gi');
    text = text.replace(block, () => (note(`a <${tag}> block`), ''));
  }
  text = text.replace(/<(https?:\/\/[^\s<>]+)>/gi, '$1');
  text = text
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|h[1-6]|li|tr|blockquote)\s*>/gi, '\n')
    .replace(/<li\b[^>]*>/gi, '- ')
    .replace(/<\/?(strong|b)\b[^>]*>/gi, '**')
    .replace(/<\/?(em|i)\b[^>]*>/gi, '_')
    .replace(/<a\b[^>]*?href\s*=\s*["']([^"']*)["'][^>]*>([\s\S]*?)<\/a\s*>/gi, (_m, href: string, label: string) => `[${label}](${href})`);
  const tags = new Set<string>();
  text = text.replace(/<\/?([A-Za-z][A-Za-z0-9-]*)\b[^<>]*>/g, (_m, name: string) => (tags.add(`<${name.toLowerCase()}>`), ''));
  if (tags.size > 0) note(`HTML tags (${[...tags].slice(0, 4).join(', ')}${tags.size > 4 ? ', …' : ''})`);

  text = text.replace(/!\[([^\]]*)\]\(((?:[^()]|\([^()]*\))*)\)/g, (_m, alt: string) => (note('images'), alt));
  text = text.replace(/\[([^\]]*)\]\(((?:[^()]|\([^()]*\))*)\)/g, (m, label: string, href: string) => {
    if (SAFE_LINK.test(href.trim())) return m;
    note(`an unsafe link (${href.trim().split(':')[0] ?? href}:)`);
    return label;
  });
  text = text.replace(/&nbsp;/g, ' ');
  text = text
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { text, removed };
}

export type Inline =
  | { type: 'text'; text: string }
  | { type: 'strong'; children: Inline[] }
  | { type: 'em'; children: Inline[] }
  | { type: 'code'; text: string }
  | { type: 'link'; href: string; children: Inline[] }
  | { type: 'variable'; name: string }
  | { type: 'break' };

export type Block = { type: 'paragraph'; children: Inline[] } | { type: 'list'; ordered: boolean; items: Inline[][] };

const BULLET = /^\s*[-*•]\s+/;
const NUMBERED = /^\s*\d+[.)]\s+/;

/**
 * The Markdown subset of a (sanitised) message as blocks of inline tokens, for a preview that
 * renders them as elements: paragraphs split by blank lines, `-`/`1.` lists, `**bold**`,
 * `_italic_`/`*italic*`, `` `code` ``, `[links](https://…)` and `{{ variables }}`.
 */
export function parseMessage(text: string): Block[] {
  const blocks: Block[] = [];
  for (const chunk of text.split(/\n\s*\n/)) {
    let open: Block | null = null;
    for (const line of chunk.split('\n')) {
      if (!line.trim()) continue;
      const ordered = NUMBERED.test(line);
      if (ordered || BULLET.test(line)) {
        const item = parseInline(line.replace(ordered ? NUMBERED : BULLET, ''));
        if (open?.type === 'list' && open.ordered === ordered) open.items.push(item);
        else blocks.push((open = { type: 'list', ordered, items: [item] }));
      } else if (open?.type === 'paragraph') {
        open.children.push({ type: 'break' }, ...parseInline(line));
      } else {
        blocks.push((open = { type: 'paragraph', children: parseInline(line) }));
      }
    }
  }
  return blocks;
}

const INLINE = /`([^`]+)`|\{\{\s*([A-Za-z_][\w.]*)\s*\}\}|\[([^\]]+)\]\(((?:https?:\/\/|mailto:|tel:)[^)\s]+)\)|\*\*(.+?)\*\*|(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])|(?<!\w)_(?!\s)(.+?)(?<!\s)_(?!\w)/g;

/** Inline tokens of one line. */
export function parseInline(line: string): Inline[] {
  const out: Inline[] = [];
  let last = 0;
  for (const m of line.matchAll(INLINE)) {
    const at = m.index ?? 0;
    if (at > last) out.push({ type: 'text', text: line.slice(last, at) });
    const [, code, variable, label, href, strong, star, underscore] = m;
    if (code !== undefined) out.push({ type: 'code', text: code });
    else if (variable !== undefined) out.push({ type: 'variable', name: variable });
    else if (label !== undefined && href !== undefined) out.push({ type: 'link', href, children: parseInline(label) });
    else if (strong !== undefined) out.push({ type: 'strong', children: parseInline(strong) });
    else out.push({ type: 'em', children: parseInline(star ?? underscore ?? '') });
    last = at + m[0].length;
  }
  if (last < line.length) out.push({ type: 'text', text: line.slice(last) });
  return out;
}

/** The words of a message without Markdown marks, on one line. */
export function plainText(text: string): string {
  const flat = (inlines: Inline[]): string =>
    inlines
      .map((t) => (t.type === 'text' || t.type === 'code' ? t.text : t.type === 'variable' ? `{{ ${t.name} }}` : t.type === 'break' ? ' ' : flat(t.children)))
      .join('');
  return parseMessage(text)
    .map((b) => (b.type === 'paragraph' ? flat(b.children) : b.items.map(flat).join('; ')))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A message shortened for a card: Markdown marks removed, cut at a word boundary (never inside
 * a `{{ variable }}`), with an ellipsis when anything was cut.
 *
 * @example messageExcerpt('Hi {{ contact.first_name }}, our **new** plans are here', 30) // 'Hi {{ contact.first_name }}…'
 */
export function messageExcerpt(text: string, max = 140): string {
  const plain = plainText(text);
  if (plain.length <= max) return plain;
  let cut = plain.slice(0, max - 1);
  const open = cut.lastIndexOf('{{');
  if (open >= 0 && cut.indexOf('}}', open) < 0) {
    const close = plain.indexOf('}}', open);
    cut = close >= 0 && close + 2 <= max * 1.2 ? plain.slice(0, close + 2) : cut.slice(0, open);
  } else {
    const space = cut.lastIndexOf(' ');
    if (space > max * 0.6) cut = cut.slice(0, space);
  }
  return `${cut.replace(/[\s,.;:!?–-]+$/, '')}…`;
}
