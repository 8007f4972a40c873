import type { StageSettings } from '../stages.js';

const LOCALHOST = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/;

/** Whether the stage lets a browser page from `origin` call the API. */
export function isAllowedOrigin(settings: StageSettings, origin: string | undefined): origin is string {
  if (!origin) return false;
  return settings.corsOrigins.includes(origin) || (settings.corsAllowLocalhost && LOCALHOST.test(origin));
}

/** CORS headers for an actual request: the origin echoed when allowed, nothing otherwise. */
export function corsHeaders(settings: StageSettings, origin: string | undefined): Record<string, string> {
  if (!isAllowedOrigin(settings, origin)) return {};
  return { 'access-control-allow-origin': origin, vary: 'origin' };
}

/** The answer to a preflight, as the HTTP API gives it from the same settings. */
export function preflightHeaders(settings: StageSettings, origin: string | undefined, method: string | undefined): Record<string, string> {
  if (!isAllowedOrigin(settings, origin) || !['GET', 'POST'].includes((method ?? '').toUpperCase())) return { vary: 'origin' };
  return {
    'access-control-allow-origin': origin,
    'access-control-allow-methods': 'GET, POST, OPTIONS',
    'access-control-allow-headers': settings.corsAllowHeaders.join(', '),
    'access-control-max-age': String(settings.corsMaxAgeSeconds),
    vary: 'origin',
  };
}
