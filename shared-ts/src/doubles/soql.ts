/**
 * The SOQL subset the Salesforce double understands — exactly what the adapter sends, nothing more:
 *   SELECT field, Rel.Field, … FROM Object [WHERE cond] [ORDER BY field [ASC|DESC] [NULLS FIRST|LAST], …] [LIMIT n]
 *   cond: comparisons (= != <> < > <= >=), IN / NOT IN (…), LIKE, combined with AND / OR and parentheses.
 *   values: 'strings' (SOQL escapes), numbers, true/false, null, date and datetime literals.
 * Anything else (aggregates, sub-queries, NOT, date functions, GROUP BY, OFFSET …) is rejected with
 * MALFORMED_QUERY, so a test can never pass on a query the real platform would parse differently.
 */

export class SoqlError extends Error {
  constructor(
    readonly errorCode: string,
    message: string,
  ) {
    super(message);
  }
}

type Tok = { t: 'id' | 'str' | 'num' | 'dt' | 'op' | 'p'; v: string };

function tokenize(q: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < q.length) {
    const c = q[i];
    if (/\s/.test(c)) {
      i++;
    } else if (c === "'") {
      let s = '';
      i++;
      for (;;) {
        if (i >= q.length) throw new SoqlError('MALFORMED_QUERY', 'unterminated string literal');
        const ch = q[i];
        if (ch === '\\') {
          const n = q[i + 1];
          const map: Record<string, string> = {
            n: '\n',
            r: '\r',
            t: '\t',
            b: '\b',
            f: '\f',
            '"': '"',
            "'": "'",
            '\\': '\\',
            _: '\\_',
            '%': '\\%',
          };
          if (n === undefined || !(n in map))
            throw new SoqlError('MALFORMED_QUERY', `invalid escape sequence \\${n ?? ''}`);
          s += map[n];
          i += 2;
        } else if (ch === "'") {
          i++;
          break;
        } else {
          s += ch;
          i++;
        }
      }
      out.push({ t: 'str', v: s });
    } else if (/[0-9]/.test(c) || (c === '-' && /[0-9]/.test(q[i + 1] ?? ''))) {
      const m = /^-?\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2}))?/.exec(q.slice(i));
      if (m && m[0].length >= 10) {
        out.push({ t: 'dt', v: m[0] });
        i += m[0].length;
      } else {
        const n = /^-?\d+(\.\d+)?/.exec(q.slice(i)) as RegExpExecArray;
        out.push({ t: 'num', v: n[0] });
        i += n[0].length;
      }
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(q.slice(i)) as RegExpExecArray;
      out.push({ t: 'id', v: m[0] });
      i += m[0].length;
    } else if (c === '(' || c === ')' || c === ',') {
      out.push({ t: 'p', v: c });
      i++;
    } else {
      const m = /^(<=|>=|!=|<>|=|<|>)/.exec(q.slice(i));
      if (!m) throw new SoqlError('MALFORMED_QUERY', `unexpected character '${c}'`);
      out.push({ t: 'op', v: m[0] === '<>' ? '!=' : m[0] });
      i += m[0].length;
    }
  }
  return out;
}

export type Value = string | number | boolean | null;
export type Cond =
  | { k: 'and' | 'or'; a: Cond; b: Cond }
  | { k: 'cmp'; field: string; op: string; value: Value; isDate: boolean }
  | { k: 'in'; field: string; not: boolean; values: Value[] }
  | { k: 'like'; field: string; pattern: string };

export interface SoqlQuery {
  fields: string[];
  object: string;
  where: Cond | null;
  orderBy: { field: string; desc: boolean; nullsLast: boolean }[];
  limit: number | null;
}

const KEYWORDS = new Set([
  'select',
  'from',
  'where',
  'and',
  'or',
  'not',
  'in',
  'like',
  'order',
  'by',
  'limit',
  'asc',
  'desc',
  'nulls',
  'first',
  'last',
  'null',
  'true',
  'false',
]);

export function parseSoql(q: string): SoqlQuery {
  const toks = tokenize(q);
  let p = 0;
  const peek = () => toks[p];
  const kw = (w: string) => peek()?.t === 'id' && peek().v.toLowerCase() === w;
  const expectKw = (w: string) => {
    if (!kw(w))
      throw new SoqlError('MALFORMED_QUERY', `expected ${w.toUpperCase()} near '${peek()?.v ?? 'end of query'}'`);
    p++;
  };
  const ident = (): string => {
    const t = peek();
    if (!t || t.t !== 'id' || KEYWORDS.has(t.v.toLowerCase()))
      throw new SoqlError('MALFORMED_QUERY', `unexpected token '${t?.v ?? 'end of query'}'`);
    p++;
    return t.v;
  };
  const value = (): { v: Value; isDate: boolean } => {
    const t = peek();
    if (!t) throw new SoqlError('MALFORMED_QUERY', 'value expected');
    p++;
    if (t.t === 'str') return { v: t.v, isDate: false };
    if (t.t === 'num') return { v: Number(t.v), isDate: false };
    if (t.t === 'dt') return { v: t.v, isDate: true };
    if (t.t === 'id') {
      const w = t.v.toLowerCase();
      if (w === 'null') return { v: null, isDate: false };
      if (w === 'true' || w === 'false') return { v: w === 'true', isDate: false };
    }
    throw new SoqlError(
      'MALFORMED_QUERY',
      `unsupported value '${t.v}' (date functions and bind variables are not supported)`,
    );
  };

  expectKw('select');
  const fields: string[] = [];
  for (;;) {
    const f = ident();
    if (peek()?.t === 'p' && peek().v === '(')
      throw new SoqlError('MALFORMED_QUERY', `functions such as ${f}() are not supported`);
    fields.push(f);
    if (peek()?.t === 'p' && peek().v === ',') {
      p++;
      continue;
    }
    break;
  }
  expectKw('from');
  const object = ident();

  const term = (): Cond => {
    const t = peek();
    if (t?.t === 'p' && t.v === '(') {
      p++;
      const c = orExpr();
      if (!(peek()?.t === 'p' && peek().v === ')')) throw new SoqlError('MALFORMED_QUERY', "expected ')'");
      p++;
      return c;
    }
    if (kw('not')) throw new SoqlError('MALFORMED_QUERY', 'NOT is not supported by the double');
    const field = ident();
    if (kw('in') || kw('not')) {
      const not = kw('not');
      p++;
      if (not) expectKw('in');
      if (!(peek()?.t === 'p' && peek().v === '(')) throw new SoqlError('MALFORMED_QUERY', "expected '(' after IN");
      p++;
      if (kw('select')) throw new SoqlError('MALFORMED_QUERY', 'semi-joins are not supported by the double');
      const values: Value[] = [];
      for (;;) {
        values.push(value().v);
        const n = toks[p++];
        if (n?.t === 'p' && n.v === ')') break;
        if (!(n?.t === 'p' && n.v === ',')) throw new SoqlError('MALFORMED_QUERY', "expected ',' or ')' in IN list");
      }
      return { k: 'in', field, not, values };
    }
    if (kw('like')) {
      p++;
      const v = value();
      if (typeof v.v !== 'string') throw new SoqlError('MALFORMED_QUERY', 'LIKE needs a string');
      return { k: 'like', field, pattern: v.v };
    }
    const op = peek();
    if (op?.t !== 'op') throw new SoqlError('MALFORMED_QUERY', `operator expected after ${field}`);
    p++;
    const v = value();
    if (v.v === null && op.v !== '=' && op.v !== '!=')
      throw new SoqlError('MALFORMED_QUERY', 'null only compares with = or !=');
    return { k: 'cmp', field, op: op.v, value: v.v, isDate: v.isDate };
  };
  const andExpr = (): Cond => {
    let c = term();
    while (kw('and')) {
      p++;
      c = { k: 'and', a: c, b: term() };
    }
    return c;
  };
  const orExpr = (): Cond => {
    let c = andExpr();
    while (kw('or')) {
      p++;
      c = { k: 'or', a: c, b: andExpr() };
    }
    return c;
  };

  let where: Cond | null = null;
  if (kw('where')) {
    p++;
    where = orExpr();
  }
  const orderBy: SoqlQuery['orderBy'] = [];
  if (kw('order')) {
    p++;
    expectKw('by');
    for (;;) {
      const field = ident();
      let desc = false;
      if (kw('asc') || kw('desc')) desc = toks[p++].v.toLowerCase() === 'desc';
      let nullsLast = desc; // Salesforce default: NULLS FIRST ascending, NULLS LAST descending
      if (kw('nulls')) {
        p++;
        if (kw('first') || kw('last')) nullsLast = toks[p++].v.toLowerCase() === 'last';
        else throw new SoqlError('MALFORMED_QUERY', 'expected FIRST or LAST');
      }
      orderBy.push({ field, desc, nullsLast });
      if (peek()?.t === 'p' && peek().v === ',') {
        p++;
        continue;
      }
      break;
    }
  }
  let limit: number | null = null;
  if (kw('limit')) {
    p++;
    const t = toks[p++];
    if (t?.t !== 'num' || !/^\d+$/.test(t.v)) throw new SoqlError('MALFORMED_QUERY', 'LIMIT needs a whole number');
    limit = Number(t.v);
  }
  if (p < toks.length)
    throw new SoqlError('MALFORMED_QUERY', `unexpected token '${toks[p].v}' (not supported by the double)`);
  return { fields, object, where, orderBy, limit };
}

/** Evaluates a condition; `get` reads a (possibly dotted) field of the record. */
export function evaluate(c: Cond, get: (field: string) => unknown): boolean {
  switch (c.k) {
    case 'and':
      return evaluate(c.a, get) && evaluate(c.b, get);
    case 'or':
      return evaluate(c.a, get) || evaluate(c.b, get);
    case 'in': {
      const v = get(c.field) ?? null;
      // Strings compare without case (as `same`): one set per list, so a long IN list costs a lookup per row.
      const hit = typeof v === 'string' ? stringsOf(c.values).has(v.toLowerCase()) : c.values.some((x) => same(v, x));
      return c.not ? !hit : hit;
    }
    case 'like': {
      const v = get(c.field);
      if (typeof v !== 'string') return false;
      const re = new RegExp(
        `^${c.pattern.replace(/\\[%_]|[%_]|[.*+?^${}()|[\]\\]/g, (m) => (m === '%' ? '.*' : m === '_' ? '.' : m.length === 2 ? `\\${m[1]}` : `\\${m}`))}$`,
        'is',
      );
      return re.test(v);
    }
    case 'cmp': {
      const v = get(c.field) ?? null;
      if (c.value === null) return c.op === '=' ? v === null : v !== null;
      if (v === null) return c.op === '!=';
      let a: unknown = v;
      let b: unknown = c.value;
      if (c.isDate) {
        a = Date.parse(String(v));
        b = Date.parse(String(c.value));
      } else if (typeof v === 'string' && typeof c.value === 'string') {
        a = v.toLowerCase(); // SOQL string comparison is case-insensitive
        b = c.value.toLowerCase();
      }
      switch (c.op) {
        case '=':
          return a === b;
        case '!=':
          return a !== b;
        case '<':
          return (a as number) < (b as number);
        case '>':
          return (a as number) > (b as number);
        case '<=':
          return (a as number) <= (b as number);
        default:
          return (a as number) >= (b as number);
      }
    }
  }
}

const lowered = new WeakMap<Value[], Set<string>>();
function stringsOf(values: Value[]): Set<string> {
  let set = lowered.get(values);
  if (!set)
    lowered.set(
      values,
      (set = new Set(values.filter((x): x is string => typeof x === 'string').map((x) => x.toLowerCase()))),
    );
  return set;
}

function same(v: unknown, x: Value): boolean {
  if (typeof v === 'string' && typeof x === 'string') return v.toLowerCase() === x.toLowerCase();
  return v === x;
}

/**
 * The keys a condition limits its records to, when one of the conditions ANDed at its top is `key IN (…)` or
 * `key = value` (null: any record may match). A double looks those records up instead of scanning the table: a
 * million-record org answers each id-chunk query in the time of its ids, not of the table.
 */
export function keyCandidates(cond: Cond | null, key: string): Value[] | null {
  if (!cond) return null;
  if (cond.k === 'and') return keyCandidates(cond.a, key) ?? keyCandidates(cond.b, key);
  if (cond.k === 'in' && !cond.not && cond.field.toLowerCase() === key.toLowerCase()) return cond.values;
  if (cond.k === 'cmp' && cond.op === '=' && cond.field.toLowerCase() === key.toLowerCase()) return [cond.value];
  return null;
}
