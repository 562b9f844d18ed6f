import { formatTrace, previewJourney } from '../../../src-shared/engine';
import { parseScriptFile, parseUserFile, type Parsed } from '../../simulation/script-files';
import type { CliIo } from '../cli-io';
import { createStyle, formatProblems } from '../format';
import { readInput } from '../input';
import { EXIT, NOW_OPTION, nowOption, UsageError, type Command } from './command';
import { loadRunnableFlow } from './load-flow';

const DEFAULT_START = Date.UTC(2026, 10, 23, 9);

export const previewCommand: Command = {
  name: 'preview',
  summary: 'Run one scripted user through a flow and print the journey with explanations.',
  usage: '[options] FLOW --user USER.json --script SCRIPT.json',
  options: {
    user: { type: 'string', valueName: 'USER.json', description: 'The test user: {"attributes": {...}, "tags": [...], "segments": [...], "timezone": "Europe/Paris"}.' },
    script: { type: 'string', valueName: 'SCRIPT.json', description: 'What the user does: [{"type": "event", "at": "+0m", "name": "user.signed_up"}, {"type": "message", "at": "+2h", "text": "yes"}, ...].' },
    start: { type: 'string', valueName: 'ISO', description: 'What "+0m" in the script means (default 2026-11-23T09:00:00Z).' },
    json: { type: 'boolean', description: 'Print the steps as JSON.' },
    now: NOW_OPTION,
  },
  details:
    'Script actions: message {text}, event {name, properties}, page_visit {url, seconds}, attribute {name, value}, tag {tag, present}, segment {segment, present}; "at" is an ISO date-time or an offset from the start such as "+90m", "+2h", "+3d".',
  async run({ values, positionals }, io) {
    if (positionals.length !== 1) throw new UsageError('give exactly one FLOW file');
    if (typeof values.script !== 'string') throw new UsageError('--script SCRIPT.json is required');
    const start = typeof values.start === 'string' ? Date.parse(values.start) : DEFAULT_START;
    if (Number.isNaN(start)) throw new UsageError(`--start expects an ISO date-time, not "${String(values.start)}"`);
    const loaded = await loadRunnableFlow(io, positionals[0]!, nowOption(values, io));
    if (!loaded.ok) return loaded.code;
    const profile = typeof values.user === 'string' ? await readParsed(io, values.user, parseUserFile) : parseUserFile('{}');
    if (!profile.ok) return 'unreadable' in profile ? EXIT.trouble : EXIT.invalid;
    const script = await readParsed(io, values.script, (t) => parseScriptFile(t, start));
    if (!script.ok) return 'unreadable' in script ? EXIT.trouble : EXIT.invalid;

    const r = previewJourney(loaded.doc, { profile: profile.value, script: script.value, from: Math.min(start, ...script.value.map((a) => a.at)) });
    if (values.json) {
      io.stdout(`${JSON.stringify({ steps: r.steps, refused: r.refused, messages: r.messages }, null, 2)}\n`);
    } else {
      // Steps by label and kind, refused entries among them, times on the flow's clock.
      const trace = formatTrace(loaded.doc, r);
      const entered = r.journeys.length ? '' : `${trace ? '\n' : ''}(the user never entered the campaign)`;
      io.stdout(`Times in ${loaded.doc.campaign.timezone}.\n${trace}${entered}\n\n${r.messages.length} message(s) sent\n`);
    }
    return EXIT.ok;
  },
};

async function readParsed<T>(io: CliIo, file: string, parse: (text: string) => Parsed<T>): Promise<Parsed<T> | { ok: false; unreadable: true }> {
  const input = await readInput(io, file);
  if (!input.ok) {
    io.stderr(`${file}: cannot read\n${formatProblems([input.problem], createStyle(false))}`);
    return input.reason === 'unreadable' ? { ok: false, unreadable: true } : { ok: false, problems: [input.problem] };
  }
  const parsed = parse(input.text);
  if (!parsed.ok) io.stderr(`${file}: not usable\n${formatProblems(parsed.problems, createStyle(false))}`);
  return parsed;
}
