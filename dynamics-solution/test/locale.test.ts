// The user's language as the web resources find it where Dynamics hosts them: Xrm on the page, on a parent or
// further up, on the opener, only the legacy getUserLcid(), or only the `userlcid` page parameter.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { localeOfLcid } from '@navsync/shared-ts';
import { hostXrm, userLocale } from '../src/webresources/locale';

/** A client API whose global context reports the given user settings. */
function xrmWith(context: object): typeof Xrm {
  return { Utility: { getGlobalContext: () => context } } as unknown as typeof Xrm;
}
const xrmOfLcid = (languageId: number) => xrmWith({ userSettings: { languageId } });

/** A window chain: the page, then its ancestors, the last one the top (its parent is itself). */
function frames(...levels: object[]): object {
  const windows = levels.map((level) => ({ ...level }) as Record<string, unknown>);
  windows.forEach((w, i) => (w.parent = windows[i + 1] ?? w));
  return windows[0];
}
/** A cross-origin window: reading anything on it throws, as browsers do. */
const crossOrigin = new Proxy(
  {},
  {
    get() {
      throw new Error('SecurityError: Blocked a frame from accessing a cross-origin frame.');
    },
  },
);

describe('the client API is found where Dynamics puts it', () => {
  test.each([
    ['on the page itself (a form script)', frames({ Xrm: xrmOfLcid(1043) })],
    ['on the parent (a web resource page in its iframe)', frames({}, { Xrm: xrmOfLcid(1043) })],
    ['two frames up (a web resource in an iframe of a form or dashboard)', frames({}, {}, { Xrm: xrmOfLcid(1043) })],
    ['on the opener (a page opened in a new window)', { opener: frames({ Xrm: xrmOfLcid(1043) }) }],
  ])('%s', (_where, page) => {
    expect(userLocale(hostXrm(page), '')).toBe('nl');
  });

  test('a cross-origin ancestor counts as absent, and the search goes on above it', () => {
    const top = { Xrm: xrmOfLcid(1036) } as Record<string, unknown>;
    top.parent = top;
    const middle = { parent: top };
    Object.defineProperty(middle, 'Xrm', {
      get() {
        throw new Error('SecurityError');
      },
    });
    expect(userLocale(hostXrm({ parent: middle }), '')).toBe('fr');
    expect(hostXrm({ parent: crossOrigin })).toBeUndefined();
  });
});

describe('the user’s language, in the five languages; any other is English', () => {
  test.each([
    [1031, 'de'],
    [1033, 'en'],
    [1036, 'fr'],
    [1040, 'it'],
    [1043, 'nl'],
    [3082, 'en'],
  ])('userSettings.languageId %d → %s', (lcid, locale) => {
    expect(userLocale(xrmOfLcid(lcid), '')).toBe(locale);
  });

  test('a host that only has the legacy getUserLcid()', () => {
    expect(userLocale(xrmWith({ getUserLcid: () => 1040 }), '')).toBe('it');
  });

  test.each([
    ['?orglcid=1033&userlcid=1031', 'de'],
    ['?typename=contact&userlcid=1036&orglcid=1033&orgname=contoso', 'fr'],
    ['?data=' + encodeURIComponent('userlcid=1040'), 'it'],
    ['?userlcid=3082', 'en'],
    ['?orglcid=1043', 'en'],
  ])('without a client API, the page parameters %s → %s', (search, locale) => {
    expect(userLocale(undefined, search)).toBe(locale);
  });

  test('the client API decides over the page parameters', () => {
    expect(userLocale(xrmOfLcid(1043), '?userlcid=1031')).toBe('nl');
  });
});

describe('settings.html loads the texts of the language the page then speaks', () => {
  // The page's bootstrap picks texts.<LCID>.js before settings.js runs: it must find the language as locale.ts does.
  const html = readFileSync(join(__dirname, '../WebResources/navsync_/settings/settings.html'), 'utf8');
  // The page's first script: the function, before the loader that calls it.
  const source = html.slice(html.indexOf('<script>') + '<script>'.length, html.indexOf('(function () {'));
  const pageLcid = new Function(`${source}; return navsyncUserLcid;`)() as (win: object) => number;
  const at = (search: string, page: object) => ({ ...page, location: { search } });

  test.each([
    ['Xrm on the parent', at('', frames({}, { Xrm: xrmOfLcid(1036) }))],
    ['Xrm two frames up', at('', frames({}, {}, { Xrm: xrmOfLcid(1043) }))],
    ['Xrm on the opener', at('', { opener: frames({ Xrm: xrmOfLcid(1040) }) })],
    ['only getUserLcid()', at('', frames({}, { Xrm: xrmWith({ getUserLcid: () => 1031 }) }))],
    ['an unsupported language', at('?userlcid=1043', frames({}, { Xrm: xrmOfLcid(3082) }))],
    ['only the userlcid parameter', at('?orglcid=1033&userlcid=1043', frames({}))],
    ['userlcid inside data', at('?data=' + encodeURIComponent('userlcid=1036'), frames({}))],
    ['a cross-origin parent', at('?userlcid=1040', { parent: crossOrigin })],
    ['nothing', at('', frames({}))],
  ])('%s', (_shape, page) => {
    expect(source).not.toBe('');
    const expected = userLocale(hostXrm(page), (page as { location: { search: string } }).location.search);
    expect(localeOfLcid(pageLcid(page))).toBe(expected);
  });
});
