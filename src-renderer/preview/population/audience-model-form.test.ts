import { describe, expect, it } from 'vitest';
import { deriveAudience, inferAudienceFromCsv, type AudienceModel } from '../../../src-shared/forecast/index';
import { example } from '../../../src-shared/testing/flow-builders';
import { fieldId, formFromModel, modelFromForm, sharesOf, type AudienceForm } from './audience-model-form';

const FULL: AudienceModel = {
  name: 'Customers',
  size: 20_000,
  attributes: {
    plan: { pro: 0.2, trial: 0.8 },
    seats: { values: [{ value: 1, weight: 3 }, { value: 5, weight: 1 }], missing: 0.1 },
    verified: { values: [{ value: true, weight: 1 }, { value: false, weight: 1 }] },
    score: { min: 0, max: 500, integer: true, missing: 0.25 },
    city: { values: [{ value: 'Paris', weight: 1 }], missing: 0.5 },
  },
  timezones: { 'Europe/Paris': 3, UTC: 1 },
  tags: { vip: 0.05 },
  segments: { 'active-users': 0.4 },
  events: { 'user.signed_up': { perDay: 3 } },
  replies: { probability: 0.6, delayMinutes: 30, texts: [{ text: 'ana@example.com', weight: 0.6 }, { text: 'later', weight: 0.4 }] },
  repliesByStep: { 'check-in': { probability: 0.9 } },
};

const ok = (form: AudienceForm) => {
  const r = modelFromForm(form);
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return r.model;
};

describe('audience form', () => {
  it('round-trips a model through the form unchanged', () => {
    expect(ok(formFromModel(FULL))).toEqual(FULL);
    expect(ok(formFromModel({ size: 5 }))).toEqual({ size: 5 });
  });

  it('round-trips the model derived from a flow and one inferred from a CSV', () => {
    const derived = deriveAudience(example('collect-name-and-email'), 3_000);
    expect(ok(formFromModel(derived))).toEqual(derived);
    const inferred = inferAudienceFromCsv('email,plan,seats,tags\na@x.io,pro,1,vip\n,trial,2,\nb@x.io,trial,,vip;beta\n');
    if ('problems' in inferred) throw new Error('csv');
    expect(ok(formFromModel(inferred.model))).toEqual(inferred.model);
  });

  it('shows shares and chances in % and reads them back as fractions', () => {
    const form = formFromModel(FULL);
    expect(form.tags[0]!.share).toBe('5');
    expect(form.replies[0]!.probability).toBe('60');
    expect(form.attributes.find((a) => a.name === 'score')!.missing).toBe('25');
    form.tags[0]!.share = '12.5';
    expect(ok(form).tags).toEqual({ vip: 0.125 });
  });

  it('ties the schema’s problems to the field they come from', () => {
    const form = formFromModel(FULL);
    const score = form.attributes.find((a) => a.name === 'score')!;
    form.tags[0]!.share = '150';
    const schema = modelFromForm(form);
    if (schema.ok) throw new Error('expected problems');
    expect(schema.problems).toEqual([{ field: fieldId.share('tags', form.tags[0]!.key, 'share'), path: '$.tags.vip', message: expect.stringMatching(/between 0 and 1/) }]);
    // Values the schema accepts but that cannot be drawn, once the shapes are right.
    form.tags[0]!.share = '15';
    score.min = '900';
    form.timezones[0]!.value = 'Mars/Olympus';
    const r = modelFromForm(form);
    if (r.ok) throw new Error('expected problems');
    const byField = Object.fromEntries(r.problems.map((p) => [p.field, p.message]));
    expect(byField[fieldId.attribute(score.key, 'min')]).toMatch(/min \(900\) is above max \(500\)/);
    expect(byField[fieldId.timezone(form.timezones[0]!.key, 'value')]).toMatch(/not a known timezone/);
  });

  it('says which field is not a number, blank, or repeated', () => {
    const form = formFromModel(FULL);
    form.size = 'lots';
    const plan = form.attributes.find((a) => a.name === 'plan')!;
    plan.values[0]!.weight = '';
    form.events.push({ key: 'dup', name: 'user.signed_up', perDay: '1' });
    const seats = form.attributes.find((a) => a.name === 'seats')!;
    seats.values[1]!.value = 'five';
    const r = modelFromForm(form);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const byField = Object.fromEntries(r.problems.map((p) => [p.field, p.message]));
    expect(byField[fieldId.size()]).toBe('Contacts: "lots" is not a number.');
    expect(byField[fieldId.attributeValue(plan.key, plan.values[0]!.key, 'weight')]).toBe('plan = pro, weight: enter a number.');
    expect(byField[fieldId.event('dup', 'name')]).toBe('The event "user.signed_up" is listed twice.');
    expect(byField[fieldId.attributeValue(seats.key, seats.values[1]!.key, 'value')]).toBe('seats: "five" is not a number.');
  });

  it('places a size of 0 and all-zero weights', () => {
    const form = formFromModel(FULL);
    form.size = '0';
    const size = modelFromForm(form);
    if (size.ok) throw new Error('expected problems');
    expect(size.problems.map((p) => [p.field, p.message])).toEqual([[fieldId.size(), 'size: must be at least 1']]);
    form.size = '10';
    const plan = form.attributes.find((a) => a.name === 'plan')!;
    for (const v of plan.values) v.weight = '0';
    const r = modelFromForm(form);
    if (r.ok) throw new Error('expected problems');
    expect(r.problems.map((p) => p.field)).toEqual([fieldId.attribute(plan.key, 'values')]);
  });

  it('gives each weight its share of the total', () => {
    expect(sharesOf(['20', '80', 'x'])).toEqual([20, 80, null]);
    expect(sharesOf(['0', '0'])).toEqual([null, null]);
  });
});
