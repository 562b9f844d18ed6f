import { describe, expect, it } from 'vitest';
import { COMMANDS } from './commands/index';
import { run } from './run';
import { createMemoryIo } from './testing/memory-io';

describe('run', () => {
  it('prints the version', async () => {
    const io = createMemoryIo();
    expect(await run(['--version'], io, { version: '9.9.9' })).toBe(0);
    expect(io.out()).toBe('9.9.9\n');
  });

  it('finds the version in package.json when none is given', async () => {
    const io = createMemoryIo();
    expect(await run(['-v'], io)).toBe(0);
    expect(io.out()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('prints the command list for --help and for help', async () => {
    for (const argv of [['--help'], ['-h'], ['help']]) {
      const io = createMemoryIo();
      expect(await run(argv, io)).toBe(0);
      for (const c of COMMANDS) expect(io.out()).toContain(`  ${c.name}`);
    }
  });

  it.each(COMMANDS.map((c) => c.name))('has --help for %s, listing every option', async (name) => {
    const io = createMemoryIo();
    expect(await run([name, '--help'], io)).toBe(0);
    expect(io.out()).toContain(`Usage: campaign-studio ${name} `);
    for (const option of Object.keys(COMMANDS.find((c) => c.name === name)!.options)) expect(io.out()).toContain(`--${option}`);
    const viaHelp = createMemoryIo();
    expect(await run(['help', name], viaHelp)).toBe(0);
    expect(viaHelp.out()).toBe(io.out());
  });

  it('shows usage on stderr and exits 2 without a command', async () => {
    const io = createMemoryIo();
    expect(await run([], io)).toBe(2);
    expect(io.err()).toContain('Usage: campaign-studio COMMAND');
    expect(io.out()).toBe('');
  });

  it('rejects an unknown command with the usage, exit 2', async () => {
    const io = createMemoryIo();
    expect(await run(['frobnicate'], io)).toBe(2);
    expect(io.err()).toContain('unknown command "frobnicate"');
    expect(io.err()).toContain('Commands:');
  });

  it('rejects an unknown option with the command usage, exit 2', async () => {
    const io = createMemoryIo();
    expect(await run(['validate', '--colour', 'a.json'], io)).toBe(2);
    expect(io.err()).toContain('campaign-studio validate: unknown option "--colour"');
    expect(io.err()).toContain('Usage: campaign-studio validate [options] FILE...');
  });

  it('rejects an unknown global option and an unknown help topic', async () => {
    const io = createMemoryIo();
    expect(await run(['--verbose'], io)).toBe(2);
    expect(io.err()).toContain('unknown option "--verbose"');
    const topic = createMemoryIo();
    expect(await run(['help', 'nope'], topic)).toBe(2);
    expect(topic.err()).toContain('unknown command "nope"');
  });

  it('rejects a missing option value and a bad --now', async () => {
    const missing = createMemoryIo();
    expect(await run(['export', 'a.json', '-o'], missing)).toBe(2);
    expect(missing.err()).toContain("'-o, --out <value>' argument missing");
    const badNow = createMemoryIo({ files: { 'a.json': '{}' } });
    expect(await run(['validate', '--now', 'yesterday', 'a.json'], badNow)).toBe(2);
    expect(badNow.err()).toContain('--now expects an ISO date-time');
  });

  it('reports a crashing command as exit 2 instead of throwing', async () => {
    const io = createMemoryIo();
    const boom = { name: 'boom', summary: '', usage: '', options: {}, run: () => Promise.reject(new Error('kaput')) };
    expect(await run(['boom'], io, { commands: [boom] })).toBe(2);
    expect(io.err()).toContain('unexpected failure: Error: kaput');
  });
});
