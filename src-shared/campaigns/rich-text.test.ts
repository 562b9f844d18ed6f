import { describe, expect, it } from 'vitest';
import { messageExcerpt, parseInline, parseMessage, plainText, sanitiseMessage } from './rich-text';

describe('sanitiseMessage (live-chat rich text)', () => {
  it('keeps plain text and basic Markdown as typed', () => {
    const text = 'Hi {{ contact.first_name }}! **Bold**, _italic_, `code` and [docs](https://x.com/docs).\n\n- one\n- two';
    expect(sanitiseMessage(text)).toEqual({ text, removed: [] });
    expect(sanitiseMessage('a < b and 3 > 2, <3').text).toBe('a < b and 3 > 2, <3');
  });

  it('drops scripts, styles and comments whole and says so', () => {
    expect(sanitiseMessage('Hello<script>alert("x")</script> there')).toEqual({ text: 'Hello there', removed: ['a <script> block'] });
    expect(sanitiseMessage('Hi<style>p{color:red}</style><!-- note -->!')).toEqual({ text: 'Hi!', removed: ['HTML comments', 'a <style> block'] });
    // an unclosed script swallows the rest: nothing of it may survive
    expect(sanitiseMessage('Hi <SCRIPT src=x>alert(1)').text).toBe('Hi');
  });

  it('turns pasted HTML into text with Markdown', () => {
    const r = sanitiseMessage('<p>Hi <b>there</b>,<br>see <a href="https://x.com/p">our plans</a></p><div>Thanks</div>');
    expect(r.text).toBe('Hi **there**,\nsee [our plans](https://x.com/p)\nThanks');
    expect(r.removed).toEqual(['HTML tags (<p>, <div>)']);
    expect(sanitiseMessage('<ul><li>a</li><li>b</li></ul>').text).toBe('- a\n- b');
    expect(sanitiseMessage('<img src=x onerror="alert(1)">Hi').text).toBe('Hi');
    expect(sanitiseMessage('See <https://x.com/a>').text).toBe('See https://x.com/a');
  });

  it('neutralises unsafe links and images', () => {
    expect(sanitiseMessage('[click](javascript:alert(1))')).toEqual({ text: 'click', removed: ['an unsafe link (javascript:)'] });
    expect(sanitiseMessage('<a href="javascript:void(0)">x</a>').text).toBe('x');
    expect(sanitiseMessage('![logo](https://x.com/l.png) Acme')).toEqual({ text: 'logo Acme', removed: ['images'] });
  });

  it('tidies whitespace and control characters', () => {
    expect(sanitiseMessage('a\r\nb\u0007\n\n\n\nc   ').text).toBe('a\nb\n\nc');
  });
});

describe('parseMessage (preview tokens)', () => {
  it('splits paragraphs and lists', () => {
    expect(parseMessage('Hi\nthere\n\n- a\n- **b**\n\n1. x')).toEqual([
      { type: 'paragraph', children: [{ type: 'text', text: 'Hi' }, { type: 'break' }, { type: 'text', text: 'there' }] },
      { type: 'list', ordered: false, items: [[{ type: 'text', text: 'a' }], [{ type: 'strong', children: [{ type: 'text', text: 'b' }] }]] },
      { type: 'list', ordered: true, items: [[{ type: 'text', text: 'x' }]] },
    ]);
    expect(parseMessage('Plans:\n- a').map((b) => b.type)).toEqual(['paragraph', 'list']);
  });

  it('reads inline marks, links and variables', () => {
    expect(parseInline('Hi {{ contact.name }}, see [**our** docs](https://x.com) or `npm i`; *really* and _not_italic')).toEqual([
      { type: 'text', text: 'Hi ' },
      { type: 'variable', name: 'contact.name' },
      { type: 'text', text: ', see ' },
      { type: 'link', href: 'https://x.com', children: [{ type: 'strong', children: [{ type: 'text', text: 'our' }] }, { type: 'text', text: ' docs' }] },
      { type: 'text', text: ' or ' },
      { type: 'code', text: 'npm i' },
      { type: 'text', text: '; ' },
      { type: 'em', children: [{ type: 'text', text: 'really' }] },
      { type: 'text', text: ' and _not_italic' },
    ]);
    expect(parseInline('snake_case_name stays')).toEqual([{ type: 'text', text: 'snake_case_name stays' }]);
    expect(parseInline('[bad](javascript:x)')).toEqual([{ type: 'text', text: '[bad](javascript:x)' }]);
  });
});

describe('messageExcerpt (cards)', () => {
  it('drops marks and keeps short messages whole', () => {
    expect(plainText('**Need help?**\n- a\n- b')).toBe('Need help? a; b');
    expect(messageExcerpt('Comparing **plans**?', 40)).toBe('Comparing plans?');
  });

  it('cuts at a word, never inside a variable', () => {
    expect(messageExcerpt('Comparing plans? I can walk you through which one fits your team', 30)).toBe('Comparing plans? I can walk…');
    expect(messageExcerpt('Hi {{ contact.first_name }}, our new plans are here', 30)).toBe('Hi {{ contact.first_name }}…');
    expect(messageExcerpt('Hello there {{ contact.first_name }}, our new plans', 20)).toBe('Hello there…');
  });
});
