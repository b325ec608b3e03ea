/** The OBP standard versions, oldest first. An endpoint is served under its version and later ones. */
export const API_VERSIONS = [
  'v1.2.1',
  'v1.3.0',
  'v1.4.0',
  'v2.0.0',
  'v2.1.0',
  'v2.2.0',
  'v3.0.0',
  'v3.1.0',
  'v4.0.0',
  'v5.0.0',
  'v5.1.0',
  'v6.0.0',
  'v7.0.0',
] as const;
export type ApiVersion = (typeof API_VERSIONS)[number];

/** OBP serves the KYC surface up to v5.1.0 ([K §0.1]); later prefixes only where an explorer calls them. */
export const DEFAULT_LAST_VERSION: ApiVersion = 'v5.1.0';

export const isApiVersion = (v: string): v is ApiVersion =>
  (API_VERSIONS as readonly string[]).includes(v);

/** `v3.1.0` or `OBPv3.1.0` → `v3.1.0` ([P §10.1]); undefined for anything else. */
export function parseApiVersion(value: string): ApiVersion | undefined {
  const v = value.startsWith('OBP') ? value.slice(3) : value;
  return isApiVersion(v) ? v : undefined;
}

/** `version` is `min` or a later one. */
export const isAtLeast = (version: ApiVersion, min: ApiVersion): boolean =>
  API_VERSIONS.indexOf(version) >= API_VERSIONS.indexOf(min);

export function versionsBetween(first: ApiVersion, last: ApiVersion): ApiVersion[] {
  const from = API_VERSIONS.indexOf(first);
  const to = API_VERSIONS.indexOf(last);
  return API_VERSIONS.slice(from, Math.max(from, to) + 1);
}
