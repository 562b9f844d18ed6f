import type { CliIo } from '../cli-io';
import { EXIT, UsageError, type Command, type OptionSpec } from './command';

export const PROGRAM = 'campaign-studio';

/** The overview: what the program is and its commands. */
export function programHelp(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    `Usage: ${PROGRAM} COMMAND [options]`,
    '',
    'Design, check and convert Campaign Studio flow files.',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Options:',
    '  -h, --help     Show help (also: COMMAND --help, help COMMAND)',
    '  -v, --version  Show the version',
    '',
    `Exit status: 0 success, 1 a flow is invalid, 2 usage error or a file could not be read or written.`,
    '',
  ].join('\n');
}

/** A command's own help, built from its options so it cannot drift from what is parsed. */
export function commandHelp(command: Command): string {
  const options: Record<string, OptionSpec> = { ...command.options, help: { type: 'boolean', short: 'h', description: 'Show this help' } };
  const rows = Object.entries(options).map(([name, o]) => [
    `${o.short ? `-${o.short}, ` : '    '}--${name}${o.type === 'string' ? ` ${o.valueName ?? 'VALUE'}` : ''}`,
    o.description,
  ]);
  const width = Math.max(...rows.map(([left]) => left!.length));
  return [
    `Usage: ${PROGRAM} ${command.name} ${command.usage}`,
    '',
    command.summary,
    '',
    'Options:',
    ...rows.map(([left, right]) => `  ${left!.padEnd(width)}  ${right}`),
    ...(command.details ? ['', command.details] : []),
    '',
  ].join('\n');
}

/** `help [COMMAND]`: the overview, or one command's help. */
export function createHelpCommand(commands: readonly Command[]): Command {
  return {
    name: 'help',
    summary: 'Show help for the program or for one command.',
    usage: '[COMMAND]',
    options: {},
    async run({ positionals }, io: CliIo) {
      const [name, ...extra] = positionals;
      if (extra.length) throw new UsageError('help takes at most one command name');
      if (name === undefined) {
        io.stdout(programHelp(commands));
        return EXIT.ok;
      }
      const command = commands.find((c) => c.name === name);
      if (!command) throw new UsageError(`unknown command "${name}"`);
      io.stdout(commandHelp(command));
      return EXIT.ok;
    },
  };
}
