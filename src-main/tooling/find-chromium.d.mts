/** The path of a runnable Chromium ($CHROMIUM_PATH, then /usr/bin/chromium), or undefined. */
export function findChromium(): string | undefined;
export const noChromiumMessage: string;
