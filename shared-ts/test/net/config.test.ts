import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../../src/sync/config';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'navsync-config-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const base = {
  crm: 'salesforce',
  salesforce: { instanceUrl: 'https://acme.my.salesforce.com' },
  linkedin: { source: 'api', crmKey: 'SFDC', tokenUrl: 'https://www.linkedin.com/oauth/v2/accessToken' },
};
const write = (v: unknown, mode = 0o600) => {
  const f = join(dir, 'navsync.json');
  writeFileSync(f, JSON.stringify(v));
  chmodSync(f, mode);
  return f;
};

describe('the config file holds no secret', () => {
  test.each([
    ['salesforce', 'clientSecret'],
    ['salesforce', 'client_secret'],
    ['salesforce', 'CLIENT-SECRET'],
    ['dataverse', 'apiKey'],
    ['linkedin', 'privateKey'],
    ['linkedin', 'accessToken'],
    ['salesforce', 'sessionId'],
    ['salesforce', 'credentials'],
    ['salesforce', 'Passwd'],
    ['salesforce', 'auth'],
  ])('%s.%s is refused', (section, key) => {
    const v = {
      ...base,
      [section]: { ...(base as unknown as Record<string, object>)[section], [key]: 'some-value-1234' },
    };
    expect(() => loadConfig(write(v))).toThrow(ConfigError);
    expect(() => loadConfig(write(v))).toThrow(`(${section}.${key})`);
  });

  test('a URL carrying a user name and password is refused', () => {
    const v = { ...base, salesforce: { instanceUrl: 'https://admin:hunter22@acme.my.salesforce.com' } };
    expect(() => loadConfig(write(v))).toThrow('(salesforce.instanceUrl)');
  });

  test('endpoints (tokenUrl) and the CRM key are settings, not secrets', () => {
    expect(loadConfig(write(base)).crm).toBe('salesforce');
  });
});

describe('a config file others can edit', () => {
  test.each([
    [0o664, 'group'],
    [0o646, 'others'],
    [0o666, 'group and others'],
  ])('mode %o is warned about (writable by %s)', (mode, who) => {
    const warnings: string[] = [];
    loadConfig(write(base, mode), (l) => warnings.push(l));
    expect(warnings).toEqual([expect.stringContaining(`is writable by ${who};`)]);
  });

  test('an owner-only or read-only-for-others file is not', () => {
    const warnings: string[] = [];
    loadConfig(write(base, 0o644), (l) => warnings.push(l));
    loadConfig(write(base, 0o600), (l) => warnings.push(l));
    expect(warnings).toEqual([]);
  });
});
