import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/**
 * Where a webhook may point (issue #15): http or https only, and, unless WEBHOOK_ALLOW_PRIVATE, no
 * host that is or resolves to a loopback, private, link-local, carrier-grade NAT, multicast or
 * reserved address, nor a cloud metadata name: a webhook must not turn the server into a proxy
 * into its own network. Checked when the webhook is created and again at every delivery, on the
 * address the connection then uses (`guardedLookup`), so a name that re-resolves to an inner
 * address (DNS rebinding) is refused too.
 */

const BLOCKED = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], // "this network", 0.0.0.0
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT (also Alibaba's metadata 100.100.100.200)
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local: AWS, GCP and Azure metadata 169.254.169.254
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const) {
  BLOCKED.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
  ['64:ff9b::', 96], // NAT64: an IPv4 address behind it could be any of the above
] as const) {
  BLOCKED.addSubnet(net, prefix, 'ipv6');
}

/** Names of cloud metadata services (and `localhost`, which may not even reach DNS). */
const BLOCKED_NAMES = new Set([
  'localhost',
  'metadata',
  'metadata.google.internal',
  'metadata.goog',
  'instance-data',
  'instance-data.ec2.internal',
]);

const bare = (host: string): string =>
  host
    .toLowerCase()
    .replace(/\.$/, '')
    .replace(/^\[|\]$/g, '');

/** An address the server must not call (IPv4-mapped IPv6 counts as its IPv4 address). */
export function isBlockedAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  return BLOCKED.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

export function isBlockedName(host: string): boolean {
  const h = bare(host);
  return BLOCKED_NAMES.has(h) || h.endsWith('.localhost');
}

export const URL_PROBLEMS = {
  format: 'The url must be an absolute http or https URL of at most 2048 characters.',
  address: "The url's host is a loopback, private, link-local or metadata address.",
  unresolvable: "The url's host cannot be resolved.",
} as const;
export type UrlProblem = keyof typeof URL_PROBLEMS;

/** The URL, when it is an absolute http(s) URL; the host is not looked at. */
export function parseWebhookUrl(text: string): URL | undefined {
  if (text.length > 2048) return undefined;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  return url.hostname === '' ? undefined : url;
}

type Resolve = (host: string) => Promise<LookupAddress[]>;

const resolveAll: Resolve = (host) =>
  new Promise((resolve, reject) =>
    dnsLookup(host, { all: true, verbatim: true }, (err, addresses) =>
      err ? reject(err) : resolve(addresses),
    ),
  );

/** Why `text` may not be a webhook URL, or undefined when it may (resolving its host). */
export async function webhookUrlProblem(
  text: string,
  allowPrivate: boolean,
  resolve: Resolve = resolveAll,
): Promise<UrlProblem | undefined> {
  const url = parseWebhookUrl(text);
  if (!url) return 'format';
  const host = bare(url.hostname);
  if (isIP(host) !== 0) return !allowPrivate && isBlockedAddress(host) ? 'address' : undefined;
  if (!allowPrivate && isBlockedName(host)) return 'address';
  let addresses: LookupAddress[];
  try {
    addresses = await resolve(host);
  } catch {
    return 'unresolvable';
  }
  if (addresses.length === 0) return 'unresolvable';
  if (!allowPrivate && addresses.some((a) => isBlockedAddress(a.address))) return 'address';
  return undefined;
}

export class BlockedAddressError extends Error {
  readonly code = 'EBLOCKEDADDRESS';
  constructor() {
    super(URL_PROBLEMS.address);
  }
}

/**
 * `lookup` for http(s).request: resolves as Node would, then refuses the connection when any
 * address is one the server must not call. IP literals never reach a lookup: check those first.
 */
export function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    const all = (options as LookupAllOptions).all === true;
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) {
        callback(err, '', 0);
        return;
      }
      if (
        !allowPrivate &&
        (isBlockedName(hostname) || addresses.some((a) => isBlockedAddress(a.address)))
      ) {
        callback(new BlockedAddressError(), '', 0);
        return;
      }
      if (all) (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      else callback(null, addresses[0].address, addresses[0].family);
    });
  };
}
