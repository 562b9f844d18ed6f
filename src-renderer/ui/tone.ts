/**
 * The one tone scale: what a badge, pill, chip, notice or message says about the state it
 * shows. Put it on the element as `data-tone`; theme.css turns it into `--tone-fg`, `--tone-bg`
 * and `--tone-border`, in light and dark, so no screen repeats the colours.
 */
export type Tone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

/** The tone of a validation problem's severity. */
export const severityTone = { error: 'danger', warning: 'warning', info: 'info' } as const satisfies Record<'error' | 'warning' | 'info', Tone>;
