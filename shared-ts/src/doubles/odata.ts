/**
 * The OData `$filter` subset and the FetchXML subset the Dataverse double understands — what the gateway sends:
 *   $filter: comparisons (eq ne lt gt le ge) of a column with 'string' (quotes doubled), number, true/false, null,
 *            GUID or ISO datetime; `and` / `or` / parentheses; Microsoft.Dynamics.CRM.In(PropertyName=…,PropertyValues=[…]).
 *   FetchXML: <fetch count page paging-cookie><entity name><attribute name/>…<filter type="and|or"><condition
 *            attribute operator="eq|ne|lt|gt|le|ge|in|null|not-null" value>(<value>…</value>)</condition></filter>
 *            <order attribute descending/></entity></fetch>
 * Functions (contains, startswith …), `not`, `$expand`, link-entity and aggregates are rejected (400, code 0x0).
 */
import type { Cond, Value } from './soql';

export class ODataError extends Error {
  constructor(message: string) {
    super(message);
  }
}

type Tok = { t: 'id' | 'str' | 'lit' | 'p'; v: string };

function tokenize(s: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (c === ' ') {
      i++;
    } else if (c === "'") {
      let v = '';
      i++;
      for (;;) {
        if (i >= s.length) throw new ODataError('unterminated string literal in $filter');
        if (s[i] === "'") {
          if (s[i + 1] === "'") {
            v += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        v += s[i++];
      }
      out.push({ t: 'str', v });
    } else if (c === '(' || c === ')' || c === ',' || c === '[' || c === ']' || c === '=') {
      out.push({ t: 'p', v: c });
      i++;
    } else {
      const m = /^[A-Za-z0-9_.:+-]+/.exec(s.slice(i));
      if (!m) throw new ODataError(`unexpected character '${c}' in $filter`);
      const v = m[0];
      out.push({ t: /^[A-Za-z_][A-Za-z0-9_.]*$/.test(v) && !/^(true|false|null)$/.test(v) ? 'id' : 'lit', v });
      i += v.length;
    }
  }
  return out;
}

const OPS: Record<string, string> = { eq: '=', ne: '!=', lt: '<', gt: '>', le: '<=', ge: '>=' };
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function literal(t: Tok | undefined): { v: Value; isDate: boolean } {
  if (!t) throw new ODataError('value expected in $filter');
  if (t.t === 'str') return { v: t.v, isDate: false };
  if (t.t === 'lit') {
    if (t.v === 'null') return { v: null, isDate: false };
    if (t.v === 'true' || t.v === 'false') return { v: t.v === 'true', isDate: false };
    if (GUID.test(t.v)) return { v: t.v.toLowerCase(), isDate: false };
    if (/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/.test(t.v)) return { v: t.v, isDate: true };
    if (/^-?\d+(\.\d+)?$/.test(t.v)) return { v: Number(t.v), isDate: false };
  }
  throw new ODataError(`unsupported value '${t.v}' in $filter`);
}

/** Parses a `$filter` into the same condition tree the SOQL evaluator runs. */
export function parseFilter(filter: string): Cond {
  const toks = tokenize(filter);
  let p = 0;
  const peek = () => toks[p];
  const isP = (v: string) => peek()?.t === 'p' && peek().v === v;
  const expectP = (v: string) => {
    if (!isP(v)) throw new ODataError(`expected '${v}' in $filter`);
    p++;
  };
  const term = (): Cond => {
    if (isP('(')) {
      p++;
      const c = or();
      expectP(')');
      return c;
    }
    const t = toks[p++];
    if (!t || t.t !== 'id') throw new ODataError(`unexpected token '${t?.v ?? 'end'}' in $filter`);
    if (t.v === 'Microsoft.Dynamics.CRM.In') {
      expectP('(');
      const args: Record<string, Tok[]> = {};
      for (;;) {
        const name = toks[p++];
        expectP('=');
        if (isP('[')) {
          p++;
          const list: Tok[] = [];
          while (!isP(']')) {
            list.push(toks[p++]);
            if (isP(',')) p++;
          }
          p++;
          args[name.v] = list;
        } else {
          args[name.v] = [toks[p++]];
        }
        if (isP(',')) {
          p++;
          continue;
        }
        break;
      }
      expectP(')');
      const field = args.PropertyName?.[0];
      if (!field || field.t !== 'str' || !args.PropertyValues)
        throw new ODataError('In() needs PropertyName and PropertyValues');
      return { k: 'in', field: field.v, not: false, values: args.PropertyValues.map((x) => literal(x).v) };
    }
    if (isP('(')) throw new ODataError(`function ${t.v}() is not supported by the double`);
    if (t.v === 'not') throw new ODataError('not is not supported by the double');
    const op = toks[p++];
    if (!op || !(op.v in OPS)) throw new ODataError(`operator expected after ${t.v}`);
    const val = literal(toks[p++]);
    return { k: 'cmp', field: t.v, op: OPS[op.v], value: val.v, isDate: val.isDate };
  };
  const and = (): Cond => {
    let c = term();
    while (peek()?.t === 'id' && peek().v === 'and') {
      p++;
      c = { k: 'and', a: c, b: term() };
    }
    return c;
  };
  const or = (): Cond => {
    let c = and();
    while (peek()?.t === 'id' && peek().v === 'or') {
      p++;
      c = { k: 'or', a: c, b: and() };
    }
    return c;
  };
  const c = or();
  if (p < toks.length) throw new ODataError(`unexpected token '${toks[p].v}' in $filter`);
  return c;
}

// ---------- FetchXML ----------

interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
}

const unescapeXml = (s: string) =>
  s.replace(
    /&(lt|gt|quot|apos|amp|#39);/g,
    (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&', '#39': "'" })[e] as string,
  );

/** A strict reader for the element/attribute XML FetchXML uses (no DTD, comments or CDATA). */
export function parseXml(xml: string): XmlNode {
  const re = /<\/?([A-Za-z_][\w.-]*)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/g;
  const root: XmlNode = { name: '#root', attrs: {}, children: [], text: '' };
  const stack: XmlNode[] = [root];
  let m: RegExpExecArray | null;
  let consumed = 0;
  while ((m = re.exec(xml))) {
    if (m.index !== consumed) throw new ODataError('malformed FetchXML');
    consumed = re.lastIndex;
    if (m[4] !== undefined) {
      stack[stack.length - 1].text += unescapeXml(m[4]);
      continue;
    }
    if (m[0].startsWith('</')) {
      const open = stack.pop();
      if (!open || open.name !== m[1]) throw new ODataError(`FetchXML: unexpected </${m[1]}>`);
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of m[2].matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) attrs[a[1]] = unescapeXml(a[2] ?? a[3]);
    const node: XmlNode = { name: m[1], attrs, children: [], text: '' };
    stack[stack.length - 1].children.push(node);
    if (m[3] !== '/') stack.push(node);
  }
  if (consumed !== xml.length || stack.length !== 1) throw new ODataError('malformed FetchXML');
  const top = root.children.filter((c) => c.name !== '#text');
  if (top.length !== 1) throw new ODataError('FetchXML needs one <fetch> root');
  return top[0];
}

export interface FetchQuery {
  entity: string;
  attributes: string[];
  where: Cond | null;
  orderBy: { field: string; desc: boolean }[];
  count: number | null;
  page: number;
}

const FETCH_OPS: Record<string, string> = { eq: '=', ne: '!=', lt: '<', gt: '>', le: '<=', ge: '>=' };

export function parseFetchXml(xml: string): FetchQuery {
  const fetch = parseXml(xml.trim());
  if (fetch.name !== 'fetch') throw new ODataError('FetchXML root must be <fetch>');
  if (fetch.attrs.aggregate === 'true') throw new ODataError('aggregate FetchXML is not supported by the double');
  const entity = fetch.children.find((c) => c.name === 'entity');
  if (!entity?.attrs.name || fetch.children.length !== 1)
    throw new ODataError('FetchXML needs exactly one <entity name="…">');
  const attributes: string[] = [];
  const orderBy: FetchQuery['orderBy'] = [];
  let where: Cond | null = null;
  const filter = (node: XmlNode): Cond => {
    const type = node.attrs.type ?? 'and';
    if (type !== 'and' && type !== 'or') throw new ODataError(`filter type ${type} not supported`);
    const parts = node.children.map((c): Cond => {
      if (c.name === 'filter') return filter(c);
      if (c.name !== 'condition') throw new ODataError(`<${c.name}> not supported in <filter>`);
      const field = c.attrs.attribute;
      const op = c.attrs.operator;
      if (!field || !op) throw new ODataError('condition needs attribute and operator');
      if (op === 'null' || op === 'not-null')
        return { k: 'cmp', field, op: op === 'null' ? '=' : '!=', value: null, isDate: false };
      if (op === 'in')
        return {
          k: 'in',
          field,
          not: false,
          values: c.children.filter((v) => v.name === 'value').map((v) => typed(v.text)),
        };
      if (!(op in FETCH_OPS)) throw new ODataError(`condition operator ${op} not supported by the double`);
      const raw = c.attrs.value ?? '';
      return { k: 'cmp', field, op: FETCH_OPS[op], value: typed(raw), isDate: /^\d{4}-\d{2}-\d{2}T/.test(raw) };
    });
    if (!parts.length) throw new ODataError('empty <filter>');
    return parts.reduce((a, b) => ({ k: type, a, b }));
  };
  for (const c of entity.children) {
    if (c.name === 'attribute') attributes.push(c.attrs.name);
    else if (c.name === 'order') orderBy.push({ field: c.attrs.attribute, desc: c.attrs.descending === 'true' });
    else if (c.name === 'filter') where = where ? { k: 'and', a: where, b: filter(c) } : filter(c);
    else throw new ODataError(`<${c.name}> is not supported by the double`);
  }
  return {
    entity: entity.attrs.name,
    attributes,
    where,
    orderBy,
    count: fetch.attrs.count ? Number(fetch.attrs.count) : null,
    page: fetch.attrs.page ? Number(fetch.attrs.page) : 1,
  };
}

function typed(v: string): Value {
  if (GUID.test(v)) return v.toLowerCase();
  if (/^-?\d+$/.test(v)) return Number(v);
  if (v === 'true' || v === 'false') return v === 'true';
  return v;
}
