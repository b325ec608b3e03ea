import type { LookupAddress } from 'node:dns';
import { isBlockedAddress, parseWebhookUrl, webhookUrlProblem } from './webhook-url';

const resolvesTo =
  (...addresses: string[]) =>
  (): Promise<LookupAddress[]> =>
    Promise.resolve(
      addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })),
    );
const unresolvable = (): Promise<LookupAddress[]> =>
  Promise.reject(Object.assign(new Error('nope'), { code: 'ENOTFOUND' }));

describe('webhook URLs', () => {
  it.each([
    '127.0.0.1',
    '127.255.0.9',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.100.100.200',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '::1',
    '::',
    'fe80::1',
    'fd12:3456::1',
    '::ffff:127.0.0.1',
    '::ffff:a9fe:a9fe',
    '64:ff9b::a00:1',
  ])('refuses the inner address %s', (address) => {
    expect(isBlockedAddress(address)).toBe(true);
  });

  it.each(['93.184.215.14', '8.8.8.8', '172.32.0.1', '2606:4700::1111', '::ffff:8.8.8.8'])(
    'accepts the public address %s',
    (address) => {
      expect(isBlockedAddress(address)).toBe(false);
    },
  );

  it.each([
    'ftp://example.com/x',
    'file:///etc/passwd',
    'example.com/hook',
    'http://',
    'javascript:alert(1)',
  ])('accepts only absolute http(s) URLs, not %s', async (url) => {
    expect(parseWebhookUrl(url)).toBeUndefined();
    expect(await webhookUrlProblem(url, true, resolvesTo('93.184.215.14'))).toBe('format');
  });

  it('refuses a name that resolves to any inner address, unless private addresses are allowed', async () => {
    const split = resolvesTo('93.184.215.14', '10.0.0.7');
    expect(await webhookUrlProblem('https://hooks.example.com/x', false, split)).toBe('address');
    expect(await webhookUrlProblem('https://hooks.example.com/x', true, split)).toBeUndefined();
    expect(
      await webhookUrlProblem('https://hooks.example.com/x', false, resolvesTo('93.184.215.14')),
    ).toBeUndefined();
  });

  it('refuses metadata and localhost names before asking DNS', async () => {
    const never = () => Promise.reject(new Error('DNS must not be asked'));
    for (const url of [
      'http://metadata.google.internal/computeMetadata/v1/',
      'http://METADATA.GOOGLE.INTERNAL./',
      'http://localhost:8080/',
      'http://api.localhost/',
    ]) {
      expect(await webhookUrlProblem(url, false, never)).toBe('address');
    }
  });

  it('refuses IP literals by address, IPv6 in brackets included', async () => {
    expect(await webhookUrlProblem('http://[::1]:9000/', false, unresolvable)).toBe('address');
    expect(await webhookUrlProblem('http://169.254.169.254/latest/', false, unresolvable)).toBe(
      'address',
    );
    expect(await webhookUrlProblem('http://[::1]:9000/', true, unresolvable)).toBeUndefined();
    expect(await webhookUrlProblem('https://93.184.215.14/', false, unresolvable)).toBeUndefined();
  });

  it('refuses a host that does not resolve', async () => {
    expect(await webhookUrlProblem('https://nowhere.invalid/', false, unresolvable)).toBe(
      'unresolvable',
    );
    expect(await webhookUrlProblem('https://nowhere.invalid/', true, resolvesTo())).toBe(
      'unresolvable',
    );
  });
});
