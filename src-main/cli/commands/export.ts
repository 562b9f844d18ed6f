import { convert, CONVERT_OPTIONS } from './convert';
import type { Command } from './command';

export const exportCommand: Command = {
  name: 'export',
  summary: 'Write a flow in canonical form (migrated, defaults filled in, pretty-printed).',
  usage: '[options] [FILE|-]',
  options: CONVERT_OPTIONS,
  details: [
    'Reads FILE (standard input when it is - or left out). Any flow that is structurally',
    'readable is exported, even with validation errors; a count of them goes to stderr.',
    'Exit status: 0 written, 1 not a readable flow, 2 FILE or OUT could not be read or written.',
  ].join('\n'),
  run: (args, io) => convert(args, io, false),
};
