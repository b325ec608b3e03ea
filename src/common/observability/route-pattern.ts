import type { Request } from 'express';

/** The matched route pattern (`/obp/v3.1.0/banks/:BANK_ID`), never the raw URL (it may hold e-mails). */
export function routePattern(req: Request): string {
  const route = (req as unknown as { route?: { path?: unknown } }).route;
  const path: unknown = route?.path;
  if (typeof path === 'string') return path;
  if (Array.isArray(path)) {
    const match = path.find(
      (p): p is string => typeof p === 'string' && req.baseUrl + p !== '' && matches(p, req.path),
    );
    return match ?? String(path[0]);
  }
  return 'unmatched';
}

function matches(pattern: string, path: string): boolean {
  const a = pattern.split('/');
  const b = path.split('/');
  return a.length === b.length && a.every((seg, i) => seg.startsWith(':') || seg === b[i]);
}
