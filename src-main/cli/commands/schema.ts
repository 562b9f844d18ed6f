import { flowJsonSchemaText } from '../../../src-shared/flow';
import { writeOutput } from '../output';
import { EXIT, UsageError, type Command } from './command';

export const schemaCommand: Command = {
  name: 'schema',
  summary: 'Print the JSON Schema of the flow file format.',
  usage: '[options]',
  options: {
    out: { type: 'string', short: 'o', valueName: 'OUT', description: 'Write to OUT (atomically) instead of standard output.' },
  },
  details: 'The same schema is published as resources/schema/flow.schema.json.',
  async run({ values, positionals }, io) {
    if (positionals.length) throw new UsageError(`schema takes no arguments (got "${positionals[0]}")`);
    const out = typeof values.out === 'string' ? values.out : undefined;
    return (await writeOutput(io, out, flowJsonSchemaText())) ? EXIT.ok : EXIT.trouble;
  },
};
