import { describe, expect, it } from 'vitest';
import { checkAudience } from './audience-model';
import { chatwootContactRows, inferAudience, inferAudienceFromCsv } from './infer-audience';

const CSV = [
  'email,plan,seats,beta,tags,timezone,nickname',
  'ana@acme.io,pro,3,yes,vip;newsletter,Europe/Paris,ana',
  'bo@acme.io,trial,1,no,newsletter,Europe/Paris,',
  ',trial,14,no,,America/New_York,bobo',
  'cy@acme.io,"trial",2,yes,"vip, churn-risk",Mars/Base,',
].join('\n');

describe('inferring an audience from contacts', () => {
  it('reads each column as what it is, with the share of contacts missing it', () => {
    const r = inferAudienceFromCsv(CSV);
    if ('problems' in r) throw new Error(r.problems[0]!.message);
    const { model, notes } = r;
    expect(model.size).toBe(4);
    expect(model.attributes!.plan).toEqual({ values: [{ value: 'pro', weight: 1 }, { value: 'trial', weight: 3 }] });
    expect(model.attributes!.seats).toEqual({ values: [3, 1, 14, 2].map((value) => ({ value, weight: 1 })) });
    expect(model.attributes!.beta).toEqual({ values: [{ value: true, weight: 2 }, { value: false, weight: 2 }] });
    expect(model.attributes!.nickname).toEqual({ values: [{ value: 'ana', weight: 1 }, { value: 'bobo', weight: 1 }], missing: 0.5 });
    expect(model.tags).toEqual({ vip: 0.5, newsletter: 0.5, 'churn-risk': 0.25 });
    expect(model.timezones).toEqual({ 'Europe/Paris': 2, 'America/New_York': 1 });
    expect(notes.find((n) => n.column === 'plan')?.summary).toBe('2 values (trial 75%, pro 25%)');
    expect(checkAudience(model).ok).toBe(true);
  });

  it('keeps no personal values: identifying columns become the share of contacts who have one', () => {
    const r = inferAudienceFromCsv(CSV);
    if ('problems' in r) throw new Error('unexpected');
    expect(r.model.attributes!.email).toEqual({ values: [{ value: 'someone@example.com', weight: 1 }], missing: 0.25 });
    expect(JSON.stringify(r.model)).not.toContain('acme.io');
    expect(r.notes.find((n) => n.column === 'email')).toEqual({ column: 'email', as: 'presence', summary: 'set for 75%; values not kept' });
  });

  it('turns many distinct numbers into a range and refuses files that are not contacts', () => {
    const rows = Array.from({ length: 100 }, (_, i) => ({ score: String(i * 2) }));
    expect(inferAudience(rows, ['score']).model.attributes!.score).toEqual({ min: 0, max: 198, integer: true });
    const broken = inferAudienceFromCsv('plan\n"unterminated');
    expect('problems' in broken && broken.problems[0]!.code).toBe('csv.syntax');
    expect('problems' in inferAudienceFromCsv('') && true).toBe(true);
  });

  it("reads Chatwoot's contacts: custom attributes, labels and location", () => {
    const { rows, columns } = chatwootContactRows([
      { id: 1, name: 'Ana', email: 'ana@acme.io', phone_number: null, custom_attributes: { plan: 'pro' }, additional_attributes: { city: 'Paris' }, labels: ['vip'] },
      { id: 2, name: 'Bo', email: null, phone_number: '+33123456789', custom_attributes: { plan: 'trial' }, additional_attributes: {} },
    ]);
    const { model } = inferAudience(rows, columns);
    expect(model.attributes!.plan).toEqual({ values: [{ value: 'pro', weight: 1 }, { value: 'trial', weight: 1 }] });
    expect(model.tags).toEqual({ vip: 0.5 });
    expect(model.attributes!.phone_number).toEqual({ values: [{ value: '+15555550100', weight: 1 }], missing: 0.5 });
  });
});
