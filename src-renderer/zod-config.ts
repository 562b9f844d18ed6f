import { config } from 'zod';

// The app's pages and workers run under a CSP without 'unsafe-eval' (src-main/host/security-headers.ts).
// Zod would probe `new Function` on its first object parse to decide whether to compile parsers:
// the probe fails, and the CSP reports it as a violation every start. Jitless, zod takes the path
// it would have taken anyway without probing.
config({ jitless: true });
