// Reads rendered XML with a real XML tool (xmllint, installed on every build machine) instead of regexes.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

function xmllint(args: string[], input: string) {
  return spawnSync('xmllint', [...args, '-'], { input, encoding: 'utf8' });
}

/** XPath 1.0 result as text; '' for an empty node set. */
export function xpath(xml: string, expr: string): string {
  const r = xmllint(['--xpath', expr], xml);
  if (r.status === 10) return '';
  if (r.status !== 0) throw new Error(`xmllint --xpath ${expr}: ${r.stderr}`);
  return r.stdout.trim();
}

/** Values of one attribute over a node set, e.g. values(xml, '//cell', 'name'). */
export function attrValues(xml: string, nodes: string, attr: string): string[] {
  const n = Number(xpath(xml, `count(${nodes})`));
  const out: string[] = [];
  for (let i = 1; i <= n; i++) out.push(xpath(xml, `string((${nodes})[${i}]/@${attr})`));
  return out;
}

/** Text of every node in a set. */
export function texts(xml: string, nodes: string): string[] {
  const n = Number(xpath(xml, `count(${nodes})`));
  const out: string[] = [];
  for (let i = 1; i <= n; i++) out.push(xpath(xml, `string((${nodes})[${i}])`));
  return out;
}

export function wellFormedError(xml: string): string | null {
  const r = xmllint(['--noout'], xml);
  return r.status === 0 ? null : r.stderr;
}

/** Microsoft's FetchXML schema, kept beside the project (../shared/schemas, see issue 4). */
export const FETCH_XSD = join(
  __dirname,
  '..',
  '..',
  '..',
  '..',
  '..',
  'shared',
  'schemas',
  'dataverse-9.0',
  'Fetch.xsd',
);

export function fetchSchemaErrors(xml: string): string | null {
  if (!existsSync(FETCH_XSD)) return `Fetch.xsd not found at ${FETCH_XSD}`;
  const r = xmllint(['--noout', '--schema', FETCH_XSD], xml);
  return r.status === 0 ? null : r.stderr;
}
