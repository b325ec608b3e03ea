import helmet from 'helmet';

/**
 * helmet's headers on every response. API answers are JSON, never a page, so their CSP allows
 * nothing at all; the explorer's and /docs' pages send their own, stricter-than-default CSP
 * (explorer-files.ts: scripts and styles from this origin, and inline styles for Swagger UI only),
 * which replaces this one. No `upgrade-insecure-requests`: on a plain-http deployment (a LAN, a
 * laptop) it would send the explorer's own scripts to an https port that is not there. HSTS is
 * sent as helmet does; browsers heed it only over HTTPS.
 */
export const securityHeaders = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'none'"],
      frameAncestors: ["'none'"],
    },
  },
  frameguard: { action: 'deny' },
});
