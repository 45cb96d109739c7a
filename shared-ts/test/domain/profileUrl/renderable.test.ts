import fc from 'fast-check';
import { renderableProfileUrl } from '../../../src/domain/profileUrl/index';

describe('renderableProfileUrl: the one rule for a stored profile link', () => {
  it.each([
    ['https://www.linkedin.com/in/anneke-de-vries/', 'https://www.linkedin.com/in/anneke-de-vries'],
    ['https://nl.linkedin.com/in/anneke-de-vries?trk=x', 'https://www.linkedin.com/in/anneke-de-vries'],
    [
      'HTTPS://www.linkedin.com/sales/lead/ACwAAAAbCdEfGh,NAME_SEARCH,x1',
      'https://www.linkedin.com/sales/lead/ACwAAAAbCdEfGh,NAME_SEARCH,x1',
    ],
  ])('renders %s as the canonical link', (stored, shown) => {
    expect(renderableProfileUrl(stored)).toBe(shown);
  });

  it.each([
    'javascript:alert(1)//www.linkedin.com/in/x',
    'JaVaScRiPt:alert(document.cookie)',
    'data:text/html,<script>alert(1)</script>',
    'http://www.linkedin.com/in/anneke-de-vries',
    'www.linkedin.com/in/anneke-de-vries',
    '//www.linkedin.com/in/anneke-de-vries',
    'https://www.linkedin.com.evil.example/in/x',
    'https://evil.example/?u=https://www.linkedin.com/in/x',
    'https://www.linkedin.com@evil.example/in/x',
    'https://www.linkedin.com/company/acme',
    'https://lnkd.in/abc',
    'https://www.linkedin.com/in/"><img src=x onerror=alert(1)>',
    '',
    null,
    42,
  ])('refuses %p', (stored) => {
    expect(renderableProfileUrl(stored)).toBeNull();
  });

  it('never returns anything but an https LinkedIn URL whatever is stored', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.webUrl(),
          fc.string().map((s) => `https://www.linkedin.com/in/${s}`),
        ),
        (s) => {
          const out = renderableProfileUrl(s);
          return out === null || /^https:\/\/www\.linkedin\.com\/(in|sales)\/[^\s"'<>]+$/.test(out);
        },
      ),
    );
  });
});
