export interface ElectronDistStatus {
  version: string;
  zipName: string;
  cacheDir: string;
  cachedZip: string | undefined;
}
export function electronCacheDir(env?: NodeJS.ProcessEnv, platform?: NodeJS.Platform, home?: string): string;
export function electronVersion(root: string): string;
export function findCachedZip(cacheDir: string, zipName: string): string | undefined;
export function checkElectronForDist(options: { root: string; env?: NodeJS.ProcessEnv; platform?: NodeJS.Platform; arch?: string; home?: string }): ElectronDistStatus;
export function missingZipMessage(status: ElectronDistStatus, online: boolean): string;
