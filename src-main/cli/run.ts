import { parseArgs } from 'node:util';
import type { CliIo } from './cli-io';
import { EXIT, UsageError, type Command, type ParsedArgs } from './commands/command';
import { commandHelp, createHelpCommand, PROGRAM, programHelp } from './commands/help';
import { COMMANDS } from './commands/index';
import { findVersion } from './version';

export interface RunOptions {
  /** Defaults to the version in the package.json above the running script. */
  version?: string;
  commands?: readonly Command[];
}

/**
 * The whole CLI as a function: parses `argv` (without node and the script), runs the command
 * against `io` and resolves to the exit status. Never throws for bad input.
 *
 * @example process.exit(await run(process.argv.slice(2), createNodeIo()))
 */
export async function run(argv: string[], io: CliIo, opts: RunOptions = {}): Promise<number> {
  const base = opts.commands ?? COMMANDS;
  const commands = [...base, createHelpCommand(base)];
  const [first, ...rest] = argv;

  if (first === undefined) {
    io.stderr(programHelp(commands));
    return EXIT.trouble;
  }
  if (first === '--version' || first === '-v') {
    io.stdout(`${opts.version ?? findVersion()}\n`);
    return EXIT.ok;
  }
  if (first === '--help' || first === '-h') {
    io.stdout(programHelp(commands));
    return EXIT.ok;
  }
  const command = commands.find((c) => c.name === first);
  if (!command) {
    const what = first.startsWith('-') ? `unknown option "${first}"` : `unknown command "${first}"`;
    io.stderr(`${PROGRAM}: ${what}\n\n${programHelp(commands)}`);
    return EXIT.trouble;
  }

  try {
    const args = parse(command, rest);
    if (args.values.help) {
      io.stdout(commandHelp(command));
      return EXIT.ok;
    }
    return await command.run(args, io);
  } catch (e) {
    if (e instanceof UsageError || isParseArgsError(e)) {
      io.stderr(`${PROGRAM} ${command.name}: ${usageMessage(e as Error)}\n\nUsage: ${PROGRAM} ${command.name} ${command.usage}\nRun "${PROGRAM} ${command.name} --help" for the options.\n`);
      return EXIT.trouble;
    }
    io.stderr(`${PROGRAM} ${command.name}: unexpected failure: ${(e as Error)?.stack ?? String(e)}\n`);
    return EXIT.trouble;
  }
}

function parse(command: Command, args: string[]): ParsedArgs {
  const options = Object.fromEntries(
    Object.entries(command.options).map(([name, o]) => [name, o.short ? { type: o.type, short: o.short } : { type: o.type }]),
  );
  const { values, positionals } = parseArgs({
    args,
    options: { ...options, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
    strict: true,
  });
  return { values: values as ParsedArgs['values'], positionals };
}

function isParseArgsError(e: unknown): boolean {
  const code = (e as { code?: unknown })?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_');
}

/** parseArgs explains how to pass a positional that starts with "-"; the option name is enough. */
function usageMessage(e: Error): string {
  const unknown = /^Unknown option '([^']+)'/.exec(e.message);
  return unknown ? `unknown option "${unknown[1]}"` : e.message;
}
