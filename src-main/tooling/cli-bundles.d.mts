export const CLI_BUNDLE: string;
export const WORKER_BUNDLE: string;
/** Bundles the CLI and its population worker into `outDir` (which must resolve node_modules). */
export function buildCliBundles(outDir: string, options?: { sourcemap?: boolean | 'linked' }): Promise<{ cli: string; worker: string }>;
