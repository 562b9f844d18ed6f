/**
 * The renderer's Content-Security-Policy, shared by the Electron protocol handler and the web
 * host. Only the app's own bundle runs: no inline or remote script, no eval, no plugins, no
 * framing, no forms posting elsewhere. Images may be data:/blob: URLs (React Flow's minimap
 * and exported files); inline style attributes are set through the CSSOM, which CSP allows.
 */
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self' blob:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/** Headers every response carrying app content gets, whichever host serves it. */
export const securityHeaders: Readonly<Record<string, string>> = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};
