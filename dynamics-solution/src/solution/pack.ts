import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import JSZip from 'jszip';
import { renderCustomizations } from './customizations';
import { CONTROL, WEB_RESOURCES, webResourceFile } from './model';
import { renderSolutionXml, solutionVersion } from './solutionXml';
import { esc } from './xml';

/**
 * Packs the importable solution zips without pac (not available here): solution.xml, customizations.xml,
 * [Content_Types].xml, the PCF build output under Controls/<control name>/ and the web resources under
 * WebResources/<name>. Entry names use forward slashes (jszip does; PowerShell's zips break import).
 */

export interface PackResult {
  version: string;
  managed: string;
  unmanaged: string;
  entries: string[];
  customizationsXml: string;
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...filesUnder(full));
    else out.push(full);
  }
  return out;
}

/**
 * `[Content_Types].xml` as Dataverse exports write it: a UTF-8 byte order mark, one Default per file extension in
 * the zip, and an Override per web resource (stored without an extension).
 */
export function contentTypes(entries: string[], webResourceEntries: string[]): string {
  const plain = entries.filter((e) => !webResourceEntries.includes(e));
  const exts = [...new Set(plain.map((e) => e.split('.').pop() as string))].sort();
  const defaults = exts.map((e) => `<Default Extension="${e}" ContentType="application/octet-stream" />`).join('');
  const overrides = webResourceEntries
    .map((e) => `<Override PartName="/${esc(e)}" ContentType="application/octet-stream" />`)
    .join('');
  return (
    `\uFEFF<?xml version="1.0" encoding="utf-8"?>` +
    `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">${defaults}${overrides}</Types>`
  );
}

/** Everything except the three manifests: path in zip → bytes. */
function payload(root: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const controlDir = join(root, CONTROL.buildDir);
  if (!existsSync(join(controlDir, 'bundle.js'))) {
    throw new Error(`${CONTROL.buildDir}/bundle.js is missing: build the PCF control first (npm run build)`);
  }
  for (const file of filesUnder(controlDir)) {
    const rel = relative(controlDir, file).split(sep).join('/');
    if (rel.endsWith('.LICENSE.txt')) continue; // webpack's licence comment file is not a manifest resource
    files.set(`Controls/${CONTROL.name}/${rel}`, readFileSync(file));
  }
  for (const w of WEB_RESOURCES) {
    const file = join(root, 'dynamics-solution', w.source);
    if (!existsSync(file)) throw new Error(`web resource ${w.source} is missing: build the web resources first`);
    files.set(webResourceFile(w.name), readFileSync(file));
  }
  return files;
}

async function writeZip(path: string, files: Map<string, Buffer | string>): Promise<void> {
  const zip = new JSZip();
  // Fixed dates keep the zips byte-identical between builds of the same sources.
  const date = new Date('2026-01-01T00:00:00Z');
  // No folder entries: exports list files only (jszip would add each folder, dated now).
  for (const [name, data] of files) zip.file(name, data, { date, createFolders: false });
  const buf = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
  writeFileSync(path, buf);
}

export async function packSolution(root: string, outDir: string): Promise<PackResult> {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  const version = solutionVersion(pkg.version);
  const solutionSource = readFileSync(join(root, 'dynamics-solution', 'Other', 'Solution.xml'), 'utf8');
  const customizationsXml = renderCustomizations(
    readFileSync(join(root, 'dynamics-solution', 'Other', 'Customizations.xml'), 'utf8'),
  );
  const files = payload(root);
  const names = ['solution.xml', 'customizations.xml', ...files.keys()];
  mkdirSync(outDir, { recursive: true });
  const result: PackResult = {
    version,
    managed: '',
    unmanaged: '',
    entries: ['[Content_Types].xml', ...names],
    customizationsXml,
  };
  for (const managed of [false, true]) {
    const all = new Map<string, Buffer | string>([
      [
        '[Content_Types].xml',
        contentTypes(
          names,
          WEB_RESOURCES.map((w) => webResourceFile(w.name)),
        ),
      ],
      ['solution.xml', renderSolutionXml(solutionSource, { version, managed })],
      ['customizations.xml', customizationsXml],
      ...files,
    ]);
    const path = join(outDir, `NavSync_${version.replace(/\./g, '_')}_${managed ? 'managed' : 'unmanaged'}.zip`);
    await writeZip(path, all);
    if (managed) result.managed = path;
    else result.unmanaged = path;
  }
  return result;
}
