/**
 * Which web pages may talk to this server: its own origin (the page's Origin
 * has the request's own Host), the PUBLIC_URL's, and those `ALLOWED_ORIGINS`
 * lists (comma-separated origins, or `*` for any). A request without an
 * Origin header is not from a browser page (a bot, curl) and is let through:
 * the check stops other sites' pages from acting with a visitor's browser.
 */
export interface OriginRule {
  any: boolean;
  origins: Set<string>;
}

export function originRule(allowed: string | undefined, publicUrl: string | undefined): OriginRule {
  const list = (allowed ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const origins = new Set<string>();
  for (const o of [...list, ...(publicUrl ? [publicUrl] : [])]) {
    if (o === '*') continue;
    try {
      origins.add(new URL(o).origin);
    } catch {
      // not an origin: ignored
    }
  }
  return { any: list.includes('*'), origins };
}

export function originAllowed(
  rule: OriginRule,
  origin: string | undefined,
  host: string | undefined,
): boolean {
  if (origin === undefined || rule.any) return true;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (host && parsed.host === host) return true;
  return rule.origins.has(parsed.origin);
}
