/**
 * The one Content-Security-Policy of the app: used by the built page's <meta> tag,
 * by `vite preview`'s response header and by the e2e static server. No 'unsafe-eval',
 * no remote origins: the app works offline and nothing it parses can run as code.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');
