import { ObpError } from '../../common/errors/obp-errors';
import { ObpException } from '../../common/errors/obp.exception';

export type DirectLoginParams = Partial<
  Record<'username' | 'password' | 'consumer_key' | 'token', string>
>;

const KEPT = new Set(['username', 'password', 'consumer_key', 'token']);

type Headers = Record<string, string | string[] | undefined>;

const header = (headers: Headers, name: string): string | undefined => {
  const v = headers[name];
  return Array.isArray(v) ? v.join(',') : v;
};

/** `username="jo", password=x` → { username: 'jo', password: 'x' } ([P §1.2] parsing rules). */
export function parseDirectLoginParams(raw: string): DirectLoginParams {
  const params: DirectLoginParams = {};
  for (const item of raw.split(',')) {
    const eq = item.indexOf('=');
    if (eq < 0) continue;
    const key = item.slice(0, eq).trim();
    let value = item.slice(eq + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"'))
      value = value.slice(1, -1);
    if (KEPT.has(key) && value !== '') params[key as keyof DirectLoginParams] = value;
  }
  return params;
}

/** The DirectLogin header wins over Authorization; `Authorization` must carry the word DirectLogin. */
export function directLoginParamsForLogin(headers: Headers): DirectLoginParams {
  const direct = header(headers, 'directlogin');
  if (direct !== undefined) return parseDirectLoginParams(direct);
  const auth = header(headers, 'authorization');
  if (auth === undefined) throw new ObpException(ObpError.MissingDirectLoginHeader);
  const at = auth.indexOf('DirectLogin');
  if (at < 0) throw new ObpException(ObpError.InvalidDirectLoginHeader);
  return parseDirectLoginParams(auth.slice(at + 'DirectLogin'.length));
}

/**
 * The token of an authenticated call, tried in OBP's order ([P §1.6]): `Authorization: Bearer T`,
 * the `DirectLogin: token=T` header, `Authorization: DirectLogin token=T`. Another Authorization
 * scheme → 401 OBP-20080; no credentials → 401 OBP-20001.
 */
export function tokenFromHeaders(headers: Headers): string {
  const auth = header(headers, 'authorization');
  if (auth !== undefined) {
    const bearer = /^\s*Bearer\s+(\S+)\s*$/i.exec(auth);
    if (bearer) return bearer[1];
  }
  const direct = header(headers, 'directlogin');
  if (direct !== undefined) {
    const token = parseDirectLoginParams(direct).token;
    if (token) return token;
    throw new ObpException(ObpError.UserNotLoggedIn);
  }
  if (auth !== undefined) {
    const at = auth.indexOf('DirectLogin');
    if (at >= 0) {
      const token = parseDirectLoginParams(auth.slice(at + 'DirectLogin'.length)).token;
      if (token) return token;
      throw new ObpException(ObpError.UserNotLoggedIn);
    }
    throw new ObpException(ObpError.AuthorizationHeaderAmbiguity);
  }
  throw new ObpException(ObpError.UserNotLoggedIn);
}

const USERNAME = /^[A-Za-z0-9\-._@ ]+$/;
const PASSWORD = /^[A-Za-z0-9 !"#$%&'()*+,\-./:;<=>?@\\^_`{|}~]+$/;
const CONSUMER_KEY = /^[A-Za-z0-9-]+$/;

/** Checks 3 and 3b of [P §1.3]: characters and lengths; all bad parameters' messages, concatenated. */
export function assertDirectLoginValues(
  p: Required<Pick<DirectLoginParams, 'username' | 'password' | 'consumer_key'>>,
): void {
  const problems: string[] = [];
  for (const [value, pattern] of [
    [p.username, USERNAME],
    [p.password, PASSWORD],
  ] as const) {
    if (value.length > 512) problems.push(ObpError.InvalidValueLength.message);
    else if (!pattern.test(value)) problems.push(ObpError.InvalidValueCharacters.message);
  }
  if (p.consumer_key.length > 512) problems.push(ObpError.ConsumerKeyTooLong.message);
  else if (!CONSUMER_KEY.test(p.consumer_key))
    problems.push(ObpError.ConsumerKeyNotAlphanumeric.message);
  if (problems.length > 0) throw new ObpException({ status: 400, message: problems.join('') });
}
