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
    ['code=aPrx123&code_verifier=abcDEF123-._~xyz', 'code=***&code_verifier=***'],
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

test('an Authorization header of any scheme loses its whole credential, also as an inspected object or a header line', () => {
  const lines = [
    ['GET /x Authorization: Token abcdef123456', 'GET /x Authorization: Token ***'],
    ['authorization=SharedKey acct:abcdef123456', 'authorization=SharedKey ***'],
    ['Authorization: Digest username="a", response="abcdef123456"', 'Authorization: Digest ***'],
    [
      "{ headers: { authorization: 'AWS4-HMAC-SHA256 Credential=AKIA/x, Signature=abcdef123456' } }",
      "{ headers: { authorization: '***' } }",
    ],
    ['Proxy-Authorization: Negotiate YIIabcdef123456', 'Proxy-Authorization: Negotiate ***'],
    ['Authorization: abcdef123456', 'Authorization: ***'],
    ['GET /x?h=Bearer%20abcdef123456', 'GET /x?h=Bearer%20***'],
  ];
  for (const [input, expected] of lines) expect(redact(input)).toBe(expected);
});

test('quoted, percent-encoded and URL user-info forms of a secret are masked', () => {
  const lines = [
    ["{ client_secret: 'abc123def', user: 'u1' }", "{ client_secret: '***', user: 'u1' }"],
    ["{'client_secret': 'abc123def'}", "{'client_secret': '***'}"],
    ['clientSecret="abc 123 def" given', 'clientSecret="***" given'],
    ['next=%2Fcb%3Fclient_secret%3Dabc123def%26x%3D1', 'next=%2Fcb%3Fclient_secret%3D***%26x%3D1'],
    ['body=%7B%22client_secret%22%3A%22abc123def%22%7D', 'body=%7B%22client_secret%22%3A%22***%22%7D'],
    [
      'connect https://navsync:hunter22pass@db.example:5432/x failed',
      'connect https://navsync:***@db.example:5432/x failed',
    ],
    ['postgres://navsync:p%40ss@db.example/x', 'postgres://navsync:***@db.example/x'],
  ];
  for (const [input, expected] of lines) expect(redact(input)).toBe(expected);
});

test('a registered secret is masked in its lower-case percent, form and base64 encodings too', () => {
  const secret = 'Zx9+/=q~(s3cret)';
  registerSecret(secret);
  const b64 = Buffer.from(secret).toString('base64');
  const forms = [
    encodeURIComponent(secret).replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase()),
    new URLSearchParams({ v: secret }).toString().slice(2),
    b64,
    b64.replace(/=+$/, ''),
    Buffer.from(secret).toString('base64url'),
  ];
  for (const f of forms) expect(redact(`sent ${f} to the server`)).toBe('sent *** to the server');
});

test('a secret JSON value holding an escaped quote is masked whole; a private key (PEM) is masked, also cut short', () => {
  const lines = [
    ['{"password":"a\\"b c\\\\"}', '{"password":"***"}'],
    ['{"client_secret": "x\\"y", "user": "u1"}', '{"client_secret": "***", "user": "u1"}'],
    [
      'cannot sign with -----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY----- (pkcs8)',
      'cannot sign with -----BEGIN PRIVATE KEY-----*** (pkcs8)',
    ],
    ['read -----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7…', 'read -----BEGIN RSA PRIVATE KEY-----***'],
  ];
  for (const [input, expected] of lines) expect(redact(input)).toBe(expected);
});

test('a password named pass, a SAML response, an OAuth authorization code and an unregistered JWT are masked', () => {
  const jwt =
    'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1c2VyQGNvbnRvc28uY29tIiwiZXhwIjoxOTAwMDAwMDAwfQ.c2lnbmF0dXJlLWJ5dGVz';
  const lines = [
    ['login user=admin pass=hunter22 next', 'login user=admin pass=*** next'],
    [
      'POST /acs SAMLResponse=PHNhbWxwOlJlc3BvbnNlIHg9IjEiPg%3D%3D&RelayState=r1',
      'POST /acs SAMLResponse=***&RelayState=r1',
    ],
    [
      'GET /callback?code=0.AXkAa1b2c3-d4e5_f6&state=st-1&session_state=x',
      'GET /callback?code=***&state=st-1&session_state=***',
    ],
    [
      'grant_type=authorization_code&code=0.AXkAa1b2&redirect_uri=x',
      'grant_type=authorization_code&code=***&redirect_uri=x',
    ],
    [`token refused: ${jwt} (expired)`, 'token refused: *** (expired)'],
    // Error codes stay readable.
    [
      '403 code: 0x80040220 {"code":"INVALID_FIELD","message":"x"}',
      '403 code: 0x80040220 {"code":"INVALID_FIELD","message":"x"}',
    ],
  ];
  for (const [input, expected] of lines) expect(redact(input)).toBe(expected);
});
