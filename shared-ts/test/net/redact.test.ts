import { redact, redactingLog, registerEnvironmentSecrets, registerSecret } from '../../src/net/redact';

test('credential shapes are masked wherever they appear in a log line', () => {
  const lines = [
    ['GET /x Authorization: Bearer abc.DEF-123_x', 'GET /x Authorization: Bearer ***'],
    [
      'POST grant_type=client_credentials&client_id=app&client_secret=s3cr3t!&x=1',
      'POST grant_type=client_credentials&client_id=app&client_secret=***&x=1',
    ],
    ['{"access_token":"tok-123","expires_in":60}', '{"access_token":"***","expires_in":60}'],
    ['https://127.0.0.1:1/ambry/?x-li-ambry-ep=AQ12.34 done', 'https://127.0.0.1:1/ambry/?x-li-ambry-ep=*** done'],
    ['plain line with no secret', 'plain line with no secret'],
  ];
  for (const [input, expected] of lines) expect(redact(input)).toBe(expected);
});

test('registered secret values are masked even in free text; short values are not registered', () => {
  registerSecret('my-very-secret-value');
  registerSecret('abc');
  expect(redact('failed with my-very-secret-value inside (abc)')).toBe('failed with *** inside (abc)');
  const sink: string[] = [];
  redactingLog((l) => sink.push(l))('token my-very-secret-value');
  expect(sink).toEqual(['token ***']);
});

test('Salesforce session ids, sessionId in JSON and name: value / name=value forms with secret-like names', () => {
  const sid = '00D5g000000AbCdEFG!AQ0AQH7nE.x_y-z1234567890';
  const lines = [
    [`refresh failed for ${sid} at 10:00`, 'refresh failed for *** at 10:00'],
    ['{"sessionId":"abcdef123456","user":"u1"}', '{"sessionId":"***","user":"u1"}'],
    ['{\\"apiKey\\": \\"k-998877\\"}', '{\\"apiKey\\": \\"***\\"}'],
    ['password: hunter22 user: admin', 'password: *** user: admin'],
    ['NAVSYNC_SF_CLIENT_SECRET=abc123def&next=1', 'NAVSYNC_SF_CLIENT_SECRET=***&next=1'],
    ['x-api-key = 5f5f5f5f5f', 'x-api-key = ***'],
    ['Authorization: Basic dXNlcjpwYXNzd29yZA==', 'Authorization: Basic ***'],
    ['tokenUrl=https://login.example/t status: 401', 'tokenUrl=https://login.example/t status: 401'],
    // The delegated sign-ins: refresh tokens, device codes and PKCE verifiers in forms and JSON.
    [
      'grant_type=refresh_token&client_id=app&refresh_token=1.AQ4Aabc-def_123',
      'grant_type=refresh_token&client_id=app&refresh_token=***',
    ],
    ['{"device_code":"DAQABAAEAAAD-xyz","user_code":"KQWERTYU"}', '{"device_code":"***","user_code":"KQWERTYU"}'],
    ['code=aPrx123&code_verifier=abcDEF123-._~xyz', 'code=aPrx123&code_verifier=***'],
    ['NAVSYNC_DV_REFRESH_TOKEN=1.AQ4Aabc', 'NAVSYNC_DV_REFRESH_TOKEN=***'],
  ];
  for (const [input, expected] of lines) expect(redact(input)).toBe(expected);
});

test('every secret-like environment variable is masked, registered or not, also URL- and JSON-encoded', () => {
  process.env.ACME_PRIVATE_KEY = 'pk/with+special"chars';
  process.env.PLAIN_SETTING = 'visible-value-123';
  try {
    const text = `a ${process.env.ACME_PRIVATE_KEY} b ${encodeURIComponent(process.env.ACME_PRIVATE_KEY)} c ${JSON.stringify(process.env.ACME_PRIVATE_KEY)}`;
    expect(redact(text)).toBe('a *** b *** c "***"');
    expect(redact('visible-value-123')).toBe('visible-value-123');
  } finally {
    delete process.env.ACME_PRIVATE_KEY;
    delete process.env.PLAIN_SETTING;
  }
  registerEnvironmentSecrets({ OTHER_DB_PASSWORD: 'given-not-in-process-env' });
  expect(redact('x given-not-in-process-env y')).toBe('x *** y');
});
