/* The explorer's own calls to this server, and what it keeps in localStorage. */

export const API = '/obp/v3.1.0';

const KEYS = {
  token: 'obp-explorer-token',
  consumerKey: 'obp-explorer-consumer-key',
  values: 'obp-explorer-values',
  choices: 'obp-explorer-choices',
  theme: 'obp-theme',
};

function read(key) {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key, value) {
  try {
    if (value === null || value === undefined || value === '') localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    /* private mode: nothing is kept, the page still works */
  }
}

export const store = {
  get token() {
    return read(KEYS.token);
  },
  set token(value) {
    write(KEYS.token, value);
  },
  get consumerKey() {
    return read(KEYS.consumerKey) ?? '';
  },
  set consumerKey(value) {
    write(KEYS.consumerKey, value);
  },
  /** Path parameter values last used (BANK_ID, CUSTOMER_ID, …), shared by every endpoint. */
  get values() {
    try {
      return JSON.parse(read(KEYS.values) ?? '{}') ?? {};
    } catch {
      return {};
    }
  },
  set values(value) {
    write(KEYS.values, JSON.stringify(value));
  },
  /** Ids seen in responses, offered by the pickers: `{ choices: {BANK_ID: [[id, label]]}, customerNumbers }`. */
  get choices() {
    try {
      return JSON.parse(read(KEYS.choices) ?? '{}') ?? {};
    } catch {
      return {};
    }
  },
  set choices(value) {
    write(KEYS.choices, value === null ? null : JSON.stringify(value));
  },
  get theme() {
    return read(KEYS.theme);
  },
  set theme(value) {
    write(KEYS.theme, value);
  },
};

/** The DirectLogin header for the stored token, or nothing. */
export const authHeaders = () => (store.token ? { DirectLogin: `token=${store.token}` } : {});

/**
 * One JSON call: `{ ok, status, json, text }`. Never throws for an HTTP error; a network failure
 * comes back as status 0 with the browser's message.
 */
export async function call(method, url, body, extraHeaders = {}) {
  const headers = { Accept: 'application/json', ...authHeaders(), ...extraHeaders };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let res;
  try {
    res = await fetch(url, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (err) {
    return { ok: false, status: 0, json: undefined, text: String(err?.message ?? err) };
  }
  const text = await res.text();
  let json;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { ok: res.ok, status: res.status, json, text };
}

/** OBP's error text of a failed call, exactly as the server sent it. */
export const errorOf = (res) =>
  res.json && typeof res.json.message === 'string'
    ? res.json.message
    : `${res.status} ${res.text}`.trim();

/** DirectLogin: 201 {token} or OBP's error, shown as is. */
export function directLogin(username, password, consumerKey) {
  return call('POST', '/my/logins/direct', undefined, {
    DirectLogin: `username=${username}, password=${password}, consumer_key=${consumerKey}`,
  });
}
