// `npm start`: builds when dist/ is missing or older than the sources, then opens the Electron
// app if its binary is installed, otherwise (or with --web) serves the web edition.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('../..', import.meta.url));
const { values } = parseArgs({ options: { web: { type: 'boolean', default: false }, port: { type: 'string' } }, strict: true });

const outputs = ['dist/renderer/index.html', 'dist/main/electron-main.cjs', 'dist/main/preload.cjs', 'dist/main/web-host.mjs'].map((p) => join(root, p));
const sources = ['src-main', 'src-renderer', 'src-shared', 'resources'].map((p) => join(root, p));

function newestMtime(path) {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newestMtime(join(path, name))), info.mtimeMs);
}

function needsBuild() {
  if (!outputs.every(existsSync)) return true;
  const builtAt = Math.min(...outputs.map((p) => statSync(p).mtimeMs));
  return sources.some((dir) => existsSync(dir) && newestMtime(dir) > builtAt);
}

/** Electron's binary, found without require('electron') (which would try to download it). */
function electronBinary() {
  const dir = join(root, 'node_modules', 'electron');
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}

/** Runs a child in the foreground; Ctrl+C reaches it through the terminal's process group. */
function run(command, args, env = process.env) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', env });
    const forward = (signal) => () => child.kill(signal);
    const onInt = forward('SIGINT');
    const onTerm = forward('SIGTERM');
    process.on('SIGINT', onInt);
    process.on('SIGTERM', onTerm);
    child.on('exit', (code, signal) => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      resolve(code ?? (signal ? 0 : 1));
    });
  });
}

if (needsBuild()) {
  const code = await run(process.execPath, [join(root, 'src-main/tooling/build.mjs')]);
  if (code !== 0) process.exit(code);
}

const electron = values.web ? undefined : electronBinary();
if (electron) {
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  process.exit(await run(electron, [root], env));
}

if (!values.web) console.log('Electron binary not installed (it cannot be downloaded offline); serving the web edition instead.');
const hostArgs = values.port === undefined ? [] : ['--port', values.port];
process.exit(await run(process.execPath, [join(root, 'dist/main/web-host.mjs'), ...hostArgs]));
