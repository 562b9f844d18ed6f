import { describe, expect, it } from 'vitest';
import { generateContacts, previewAudience, renderMessage, type Contact } from './audience';
import { checkPhone } from './phone';

const contact = (id: string, phone: string | null, labels: string[], name = 'Ana Silva'): Contact => ({ id, name, email: `${id}@x.example`, phone, labels, company: 'Acme', city: 'Berlin', country: 'DE' });

describe('one-off audience preview', () => {
  const contacts = [
    contact('a', '+1 415 555 2671', ['enterprise']),
    contact('b', '+33 6 12 34 56 78', ['newsletter', 'vip'], 'Chloé Martin'),
    contact('c', null, ['enterprise']),
    contact('d', '+1 555', ['vip']),
    contact('e', '+1 (415) 555-2671', ['vip'], 'Ben Becker'),
    contact('f', '+44 20 7946 0958', ['trial']),
  ];

  it('sends to contacts with ANY label and a valid number, once per number', () => {
    const r = previewAudience({ labels: ['enterprise', 'vip'], message: 'Hi {{ contact.first_name }}', channel: 'sms' }, contacts);
    expect(r.matched).toBe(5);
    expect(r.recipients.map((x) => [x.contact.id, x.e164, x.text])).toEqual([
      ['a', '+14155552671', 'Hi Ana'],
      ['b', '+33612345678', 'Hi Chloé'],
    ]);
    expect(r.skipped.map((s) => [s.contact.id, s.reason])).toEqual([
      ['c', 'no-phone'],
      ['d', 'invalid-phone'],
      ['e', 'duplicate-phone'],
    ]);
    expect(r.skipped[1]?.detail).toMatch(/^\+1 555: /);
  });

  it('counts segments per recipient after filling in variables', () => {
    // 150 GSM characters + the name: "Ana" fits in one segment (153 chars), "Chloé" (é is GSM) too,
    // but a longer name tips it over 160 into two.
    const body = `${'x'.repeat(150)} {{ contact.first_name }}`;
    const people = [contact('a', '+1 415 555 2671', ['l']), contact('b', '+33 6 12 34 56 78', ['l'], 'Maximilian Berg')];
    const r = previewAudience({ labels: ['l'], message: body, channel: 'sms' }, people);
    expect(r.recipients.map((x) => x.segments)).toEqual([1, 2]);
    expect(r.totalSegments).toBe(3);
    // a non-GSM character makes it UCS-2: 70 per single part, 67 per part after
    const ucs = previewAudience({ labels: ['l'], message: `${'ж'.repeat(66)} {{ contact.first_name }}`, channel: 'sms' }, people);
    expect(ucs.recipients.map((x) => [x.encoding, x.segments])).toEqual([['UCS-2', 1], ['UCS-2', 2]]);
    expect(previewAudience({ labels: ['l'], message: body, channel: 'whatsapp' }, people).totalSegments).toBe(0);
  });

  it('nobody without labels', () => {
    expect(previewAudience({ labels: [], message: 'x', channel: 'sms' }, contacts)).toMatchObject({ matched: 0, recipients: [], skipped: [] });
  });
});

describe('renderMessage', () => {
  it('fills variables like Liquid, blank when unknown', () => {
    const c = contact('a', '+14155552671', [], 'Ana de la Cruz');
    expect(renderMessage('{{contact.first_name}} {{ contact.last_name }} at {{ contact.company }}, {{ contact.custom_attributes.plan }}!', c)).toBe('Ana de la Cruz at Acme, !');
  });
});

describe('generateContacts', () => {
  it('is reproducible and realistic: mostly valid numbers, some missing, some broken', () => {
    const a = generateContacts({ seed: 7, count: 300 });
    expect(generateContacts({ seed: 7, count: 300 })).toEqual(a);
    expect(generateContacts({ seed: 8, count: 300 })).not.toEqual(a);
    const missing = a.filter((c) => !c.phone).length;
    const invalid = a.filter((c) => c.phone && !checkPhone(c.phone).ok).length;
    expect(missing / a.length).toBeGreaterThan(0.05);
    expect(missing / a.length).toBeLessThan(0.2);
    expect(invalid / a.length).toBeGreaterThan(0.03);
    expect(invalid / a.length).toBeLessThan(0.12);
    expect(a.filter((c) => c.labels.includes('newsletter')).length).toBeGreaterThan(90);
  });
});
