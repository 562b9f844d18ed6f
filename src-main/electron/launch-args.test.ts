import { describe, expect, it } from 'vitest';
import { flowFilesFromArgv } from './launch-args';

const packaged = { isDefaultApp: false, cwd: '/home/me/flows' };
const dev = { isDefaultApp: true, cwd: '/home/me/flows' };

describe('flowFilesFromArgv', () => {
  it('finds .json files after the executable, resolved against the working directory', () => {
    expect(flowFilesFromArgv(['/opt/Campaign Studio/campaign-studio', 'drip.json', '/tmp/b.JSON'], packaged)).toEqual(['/home/me/flows/drip.json', '/tmp/b.JSON']);
  });

  it('skips the app path when run as `electron <app>`', () => {
    expect(flowFilesFromArgv(['/usr/lib/electron', '.', 'drip.json'], dev)).toEqual(['/home/me/flows/drip.json']);
    expect(flowFilesFromArgv(['/usr/lib/electron', '--inspect', 'dist/main/electron-main.cjs', 'a.json'], dev)).toEqual(['/home/me/flows/a.json']);
  });

  it('ignores Chromium and macOS switches, and takes everything after -- as files', () => {
    expect(flowFilesFromArgv(['cs', '--no-sandbox', '--allow-file-access-from-files', '-psn_0_12345', 'a.json'], packaged)).toEqual(['/home/me/flows/a.json']);
    expect(flowFilesFromArgv(['cs', '--', '--weird-name.json'], packaged)).toEqual(['/home/me/flows/--weird-name.json']);
  });

  it('accepts file:// URLs from Linux desktop entries and nothing else that looks like a URL', () => {
    expect(flowFilesFromArgv(['cs', 'file:///home/me/My%20Flow.json', 'https://evil.example/x.json'], packaged)).toEqual(['/home/me/My Flow.json']);
  });

  it('opens only .json files, each once', () => {
    expect(flowFilesFromArgv(['cs', 'notes.txt', 'a.json', './a.json', 'script.sh'], packaged)).toEqual(['/home/me/flows/a.json']);
  });

  it('finds nothing in a plain launch', () => {
    expect(flowFilesFromArgv(['cs'], packaged)).toEqual([]);
    expect(flowFilesFromArgv(['electron', '.'], dev)).toEqual([]);
  });
});
