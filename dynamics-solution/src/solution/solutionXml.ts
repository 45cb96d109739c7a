import { DATAVERSE_LCID, LOCALES, t } from '@navsync/shared-ts';
import { CONTROL, ROLE, SOLUTION, TABLES, WEB_RESOURCES } from './model';
import { esc } from './xml';

/** Solution version for Dataverse: four numeric parts (package.json "0.1.0" → "0.1.0.0"). */
export function solutionVersion(packageVersion: string): string {
  const parts = packageVersion
    .split(/[.+-]/)
    .filter((p) => /^\d+$/.test(p))
    .slice(0, 4);
  while (parts.length < 4) parts.push('0');
  return parts.join('.');
}

export function rootComponents(): string {
  const rows: string[] = [];
  for (const table of TABLES) {
    // 0 = the whole table (tables NavSync owns); 2 = only the columns NavSync adds to a system table.
    rows.push(`<RootComponent type="1" schemaName="${esc(table.logicalName)}" behavior="${table.owned ? 0 : 2}" />`);
  }
  rows.push(`<RootComponent type="20" id="{${ROLE.id}}" behavior="0" />`);
  for (const w of WEB_RESOURCES) rows.push(`<RootComponent type="61" schemaName="${esc(w.name)}" behavior="0" />`);
  rows.push(`<RootComponent type="66" schemaName="${esc(CONTROL.name)}" behavior="0" />`);
  return `<RootComponents>${rows.join('')}</RootComponents>`;
}

/** Stamp the source manifest (Other/Solution.xml) for one package type. */
export function renderSolutionXml(source: string, options: { version: string; managed: boolean }): string {
  const descriptions = LOCALES.map(
    (l) => `<Description description="${esc(t(SOLUTION.descriptionKey, l))}" languagecode="${DATAVERSE_LCID[l]}" />`,
  ).join('');
  const stamps: [RegExp, string][] = [
    [/<Version>[^<]*<\/Version>/, `<Version>${esc(options.version)}</Version>`],
    [/<Managed>[01]<\/Managed>/, `<Managed>${options.managed ? 1 : 0}</Managed>`],
    [/<RootComponents \/>/, rootComponents()],
    // The solution's own description (the first <Descriptions />, before the publisher block).
    [/<Descriptions \/>/, `<Descriptions>${descriptions}</Descriptions>`],
  ];
  let out = source;
  for (const [pattern, value] of stamps) {
    if (!pattern.test(out)) throw new Error(`Other/Solution.xml: nothing to stamp for ${String(pattern)}`);
    out = out.replace(pattern, value);
  }
  return out;
}
