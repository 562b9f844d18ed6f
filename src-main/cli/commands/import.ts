import { convert, CONVERT_OPTIONS } from './convert';
import type { Command } from './command';

export const importCommand: Command = {
  name: 'import',
  summary: 'Check a flow strictly and write it in canonical form; refuses flows with errors.',
  usage: '[options] [FILE|-]',
  options: {
    ...CONVERT_OPTIONS,
    force: { type: 'boolean', short: 'f', description: 'Write the flow even if validation finds errors (structure must still be sound).' },
  },
  details: [
    'Like export, but every problem is listed on stderr and a flow with any error-severity',
    'problem is refused unless --force is given. Warnings never block an import.',
    'Exit status: 0 written, 1 refused or not a readable flow, 2 FILE or OUT could not be read or written.',
  ].join('\n'),
  run: (args, io) => convert(args, io, true),
};
