import type { IncomingMessage } from 'node:http';
import proxyaddr from 'proxy-addr';

/** Which hops may tell us the client's address: express's `trust proxy` rule. */
export type Trust = (addr: string, hop: number) => boolean;

/**
 * The `TRUST_PROXY` setting as a trust rule, the way express's `trust proxy`
 * reads it: `false` (trust no proxy: the peer is the client), a hop count
 * (`1`: one proxy in front), or a comma list of addresses, CIDR ranges and
 * the names `loopback`, `linklocal`, `uniquelocal` (the default, `loopback`:
 * a reverse proxy or tunnel on this machine).
 */
export function trustFrom(setting: string | undefined): Trust {
  const s = (setting ?? 'loopback').trim();
  if (s === '' || s === 'false' || s === '0') return () => false;
  if (/^\d+$/.test(s)) {
    const hops = Number(s);
    return (_addr, hop) => hop < hops;
  }
  return proxyaddr.compile(s.split(',').map((x) => x.trim()));
}

/**
 * The client's address behind trusted proxies: X-Forwarded-For read from the
 * right, stopping at the first hop not trusted. The leftmost entry is whatever
 * the client typed, so it is never taken on a proxy's word alone.
 */
export function clientAddressOf(req: IncomingMessage, trust: Trust): string {
  return proxyaddr(req, trust);
}
