#!/usr/bin/env node
// Vendored from the project's shared tools (../shared/tools/check-sf-metadata.cjs) so a fresh clone can run it.
// Structural check of Salesforce source-format metadata (*-meta.xml) against the Metadata API schema that jsforce
// generates from Salesforce's WSDL (ApiSchemas in jsforce's lib/api/metadata/schema.js): unknown elements, missing
// required elements, and booleans/numbers that are not. SDR and the sf CLI let all of these through; a deploy does not.
// Usage (from the project root, with jsforce installed): node ../shared/tools/check-sf-metadata.cjs force-app [more dirs]
// Exit 1 when any file has errors; one line per error.
'use strict';
const fs = require('fs'),
  path = require('path');

function loadSchemas() {
  const tries = ['jsforce/lib/api/metadata/schema', '@jsforce/jsforce-node/lib/api/metadata/schema'];
  for (const t of tries) {
    try {
      return require(require.resolve(t, { paths: [process.cwd()] })).ApiSchemas;
    } catch (e) {
      /* next */
    }
  }
  console.error('check-sf-metadata: jsforce is not installed in this project (npm i jsforce)');
  process.exit(2);
}

// A small XML reader: elements, attributes and text; comments, CDATA, declarations and PIs handled.
function parse(xml) {
  const root = { name: '#doc', children: [], text: '' };
  const stack = [root];
  let i = 0;
  const top = () => stack[stack.length - 1];
  while (i < xml.length) {
    if (xml.startsWith('<!--', i)) {
      i = xml.indexOf('-->', i) + 3;
      continue;
    }
    if (xml.startsWith('<![CDATA[', i)) {
      const e = xml.indexOf(']]>', i);
      top().text += xml.slice(i + 9, e);
      i = e + 3;
      continue;
    }
    if (xml.startsWith('<?', i) || xml.startsWith('<!', i)) {
      i = xml.indexOf('>', i) + 1;
      continue;
    }
    if (xml[i] === '<') {
      const e = xml.indexOf('>', i);
      if (e < 0) throw new Error('unterminated tag');
      const raw = xml.slice(i + 1, e);
      i = e + 1;
      if (raw[0] === '/') {
        const n = raw.slice(1).trim();
        const el = stack.pop();
        if (!el || el.name !== n) throw new Error(`mismatched </${n}>`);
        continue;
      }
      const selfClose = raw.endsWith('/');
      const body = selfClose ? raw.slice(0, -1) : raw;
      const m = body.match(/^([^\s]+)([\s\S]*)$/);
      const attrs = {};
      (m[2].match(/[\w:.-]+\s*=\s*("[^"]*"|'[^']*')/g) || []).forEach((a) => {
        const k = a.indexOf('=');
        attrs[a.slice(0, k).trim()] = a
          .slice(k + 1)
          .trim()
          .slice(1, -1);
      });
      const el = { name: m[1], attrs, children: [], text: '' };
      top().children.push(el);
      if (!selfClose) stack.push(el);
      continue;
    }
    const n = xml.indexOf('<', i);
    const end = n < 0 ? xml.length : n;
    top().text += xml.slice(i, end);
    i = end;
  }
  if (stack.length !== 1) throw new Error(`unclosed <${top().name}>`);
  return root.children[0];
}

const S = loadSchemas();
// The generated schema predates some current elements; these were seen in current, deployed open-source packages.
const NEWER = {
  CspTrustedSite: [
    'isApplicableToConnectSrc',
    'isApplicableToFontSrc',
    'isApplicableToFrameSrc',
    'isApplicableToImgSrc',
    'isApplicableToMediaSrc',
    'isApplicableToStyleSrc',
    'canAccessCamera',
    'canAccessMicrophone',
  ],
  CustomApplication: ['isNavTabPersistenceDisabled', 'isOmniPinnedViewEnabled'],
  PermissionSetObjectPermissions: ['viewAllFields'],
  PermissionSet: ['customSettingAccesses'],
  FlexiPageRegion: ['itemInstances'],
  QuickAction: ['lightningWebComponent', 'actionSubtype'],
  CustomPermission: ['isLicensed'],
};
// Types whose schema held with no false alarm over 1,100+ files of two current reference packages.
const GATED = new Set([
  'CustomField',
  'CustomObject',
  'ListView',
  'Report',
  'ReportType',
  'ReportFolder',
  'CustomLabels',
  'Translations',
  'CustomObjectTranslation',
  'CustomTab',
  'CustomApplication',
  'LightningComponentBundle',
  'ApexClass',
  'ApexTrigger',
  'PermissionSet',
  'CspTrustedSite',
  'RemoteSiteSetting',
  'ValidationRule',
  'WebLink',
  'CompactLayout',
  'Layout',
  'CustomPermission',
  'StaticResource',
  'CustomMetadata',
]);
function propsOf(type) {
  const out = {};
  let t = S[type];
  while (t) {
    Object.assign(out, t.props || {});
    t = t.extends ? S[t.extends] : null;
  }
  return out;
}
const PRIM = { string: 1, boolean: 1, number: 1, any: 1 };
function check(el, type, where, errs) {
  const xsiType = el.attrs['xsi:type'];
  if (xsiType && S[xsiType]) type = xsiType;
  const props = propsOf(type);
  const seen = new Set();
  for (const c of el.children) {
    seen.add(c.name);
    let spec = props[c.name];
    if (spec === undefined && (NEWER[type] || []).includes(c.name)) continue;
    if (spec === undefined) {
      errs.push(`${where}: <${c.name}> is not an element of ${type}`);
      continue;
    }
    if (Array.isArray(spec)) spec = spec[0];
    const base = String(spec).replace(/^\?/, '');
    if (PRIM[base]) {
      if (c.children.length) {
        if (base !== 'string' && base !== 'any') errs.push(`${where}/${c.name}: expected a ${base}, found elements`);
        continue;
      }
      const v = c.text.trim();
      if (base === 'boolean' && v !== 'true' && v !== 'false') errs.push(`${where}/${c.name}: "${v}" is not a boolean`);
      if (base === 'number' && (v === '' || isNaN(Number(v)))) errs.push(`${where}/${c.name}: "${v}" is not a number`);
    } else if (S[base]) check(c, base, `${where}/${c.name}`, errs);
  }
  for (const [k, spec] of Object.entries(props)) {
    if (typeof spec === 'string' && !spec.startsWith('?') && k !== 'fullName' && !seen.has(k))
      errs.push(`${where}: required <${k}> missing in ${type}`);
  }
}

const dirs = process.argv.slice(2);
if (!dirs.length) dirs.push('force-app');
const files = [];
const walk = (d) => {
  for (const f of fs.readdirSync(d, { withFileTypes: true })) {
    const p = path.join(d, f.name);
    if (f.isDirectory()) {
      if (f.name !== 'node_modules' && f.name !== '__tests__') walk(p);
    } else if (f.name.endsWith('-meta.xml')) files.push(p);
  }
};
dirs.forEach(walk);
let bad = 0,
  checked = 0,
  unknown = new Set();
const errs = [];
for (const f of files) {
  let root;
  try {
    root = parse(fs.readFileSync(f, 'utf8'));
  } catch (e) {
    errs.push(`${f}: not well-formed XML (${e.message})`);
    bad++;
    continue;
  }
  if (!root) {
    errs.push(`${f}: empty`);
    bad++;
    continue;
  }
  if (!S[root.name] || !GATED.has(root.name)) {
    unknown.add(root.name);
    continue;
  }
  const before = errs.length;
  checked++;
  check(root, root.name, f, errs);
  if (errs.length > before) bad++;
}
errs.forEach((e) => console.log(e));
console.log(
  `${checked} metadata files checked, ${bad} with errors${unknown.size ? `; types not checked: ${[...unknown].join(', ')}` : ''}`,
);
process.exit(bad ? 1 : 0);
