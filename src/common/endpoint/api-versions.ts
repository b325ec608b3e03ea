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

/**
 * Our own API standards, served beside OBP's the way OBP serves Berlin Group beside its own: never
 * under `/obp/`. Keyed by OBP's fullyQualifiedVersion (apiStandard + version).
 */
export const EXTENSION_STANDARDS = {
  'KYCv1.0.0': { urlPrefix: 'kyc', apiStandard: 'KYC', apiVersion: 'v1.0.0' },
} as const;
export type ExtensionVersion = keyof typeof EXTENSION_STANDARDS;
export const EXTENSION_VERSIONS = Object.keys(EXTENSION_STANDARDS) as ExtensionVersion[];

/** A version an endpoint is served under: one of OBP's, or one of an extension standard. */
export type ServedVersion = ApiVersion | ExtensionVersion;

export const isExtensionVersion = (v: string): v is ExtensionVersion =>
  Object.prototype.hasOwnProperty.call(EXTENSION_STANDARDS, v);

/** `OBPv3.1.0`, `KYCv1.0.0`: how resource docs name a version (OBP's fullyQualifiedVersion). */
export const fullyQualified = (v: ServedVersion): string => (isExtensionVersion(v) ? v : `OBP${v}`);

/** The URL prefix of a version: `/obp/v3.1.0`, `/kyc/v1.0.0`. */
export const prefixOf = (v: ServedVersion): string => {
  if (!isExtensionVersion(v)) return `/obp/${v}`;
  const s = EXTENSION_STANDARDS[v];
  return `/${s.urlPrefix}/${s.apiVersion}`;
};

/** An OBP version (`v3.1.0`, `OBPv3.1.0`) or an extension's fully qualified one (`KYCv1.0.0`, any case). */
export function parseServedVersion(value: string): ServedVersion | undefined {
  const ext = EXTENSION_VERSIONS.find((v) => v.toLowerCase() === value.toLowerCase());
  return ext ?? parseApiVersion(value);
}
