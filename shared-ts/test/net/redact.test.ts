import { redact, redactingLog, registerSecret } from '../../src/net/redact';

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
