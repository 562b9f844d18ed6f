import { deriveAudience, inferAudienceFromCsv } from '../../../src-shared/forecast';
import { createStyle, formatProblems } from '../format';
import { displayName, readInput } from '../input';
import { EXIT, nowOption, NOW_OPTION, UsageError, type Command } from './command';
import { loadRunnableFlow } from './load-flow';

/**
 * `audience infer CONTACTS.csv` and `audience derive FLOW`: write an audience model for
 * `simulate --audience`, and say on stderr what was inferred from each column.
 */
export const audienceCommand: Command = {
  name: 'audience',
  summary: 'Build an audience model for forecasts: from a contacts CSV, or derived from a flow.',
  usage: '[options] infer CONTACTS.csv | derive FLOW',
  options: {
    out: { type: 'string', short: 'o', valueName: 'OUT', description: 'Write the model to OUT (atomically) instead of standard output.' },
    now: NOW_OPTION,
  },
  details: [
    'infer: one row per contact with a header row. Each column becomes a distribution with its',
    'missing share; tags/labels and timezone columns are read as such; identifying columns (email,',
    'phone, names) keep only the share of contacts who have one. Nothing is sent anywhere.',
    'derive: the model a flow forecasts with when none is given (every branch reachable).',
    'Exit status: 0 written, 1 unusable input, 2 a file could not be read or written.',
  ].join('\n'),
  async run({ values, positionals }, io) {
    const [verb, file] = positionals;
    if (positionals.length !== 2 || (verb !== 'infer' && verb !== 'derive')) throw new UsageError('give "infer CONTACTS.csv" or "derive FLOW"');
    let model: unknown;
    if (verb === 'derive') {
      const loaded = await loadRunnableFlow(io, file!, nowOption(values, io));
      if (!loaded.ok) return loaded.code;
      model = deriveAudience(loaded.doc);
    } else {
      const input = await readInput(io, file!);
      const style = createStyle(false);
      if (!input.ok) {
        io.stderr(`${displayName(file!)}: cannot read\n${formatProblems([input.problem], style)}`);
        return input.reason === 'unreadable' ? EXIT.trouble : EXIT.invalid;
      }
      const r = inferAudienceFromCsv(input.text);
      if ('problems' in r) {
        io.stderr(`${displayName(file!)}: not a contacts table\n${formatProblems(r.problems, style)}`);
        return EXIT.invalid;
      }
      io.stderr(`${r.model.size} contacts; inferred:\n${r.notes.map((n) => `  ${n.column}: ${n.as === 'attribute' ? '' : `${n.as}, `}${n.summary}\n`).join('')}`);
      model = r.model;
    }
    const text = `${JSON.stringify(model, null, 2)}\n`;
    if (typeof values.out !== 'string') {
      io.stdout(text);
      return EXIT.ok;
    }
    try {
      await io.writeFile(values.out, text);
    } catch (e) {
      io.stderr(`${values.out}: cannot write (${(e as Error).message})\n`);
      return EXIT.trouble;
    }
    return EXIT.ok;
  },
};
