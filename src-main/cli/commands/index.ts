import { audienceCommand } from './audience';
import type { Command } from './command';
import { exportCommand } from './export';
import { importCommand } from './import';
import { pushCommand } from './push';
import { runnerCommand } from './runner';
import { previewCommand } from './preview';
import { schemaCommand } from './schema';
import { simulateCommand } from './simulate';
import { validateCommand } from './validate';

/** Every subcommand, in the order help lists them. A new command is one file and one line here. */
export const COMMANDS: readonly Command[] = [validateCommand, importCommand, exportCommand, schemaCommand, simulateCommand, audienceCommand, previewCommand, pushCommand, runnerCommand];
