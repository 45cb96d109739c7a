/**
 * Fluent UI controls as native elements in Fluent's anatomy (styles in ./theme.ts): a switch is a labelled
 * checkbox with role="switch" drawn as Fluent's Toggle, a dropdown a labelled select, so the keyboard, the
 * accessible names and `checked`/`value` are the browser's own. Texts always go in as textContent.
 */

export type Attrs = Record<string, string>;

export function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  attrs: Attrs = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  for (const [k, val] of Object.entries(attrs)) node.setAttribute(k, val);
  if (text !== undefined) node.textContent = text; // names and CRM texts are never parsed as HTML
  return node;
}

const ICONS = {
  save: 'M3 2h8l3 3v9H2V2h1zm1 1v3h6V3H4zm-1 10h10V5.4L11 3.4V7H3v6zm2-4h6v3H5V9z',
  success: 'M8 1a7 7 0 110 14A7 7 0 018 1zm2.9 4.1L7 9 5.1 7.1l-.7.7L7 10.4l4.6-4.6-.7-.7z',
  error:
    'M8 1a7 7 0 110 14A7 7 0 018 1zM5.9 5.2l-.7.7L7.3 8l-2.1 2.1.7.7L8 8.7l2.1 2.1.7-.7L8.7 8l2.1-2.1-.7-.7L8 7.3 5.9 5.2z',
  info: 'M8 1a7 7 0 110 14A7 7 0 018 1zm-.5 6v5h1V7h-1zm0-2.5v1h1v-1h-1z',
  play: 'M4 2.5v11l9-5.5-9-5.5z',
} as const;

/** A 16px icon; decorative (the control next to it carries the name). */
export function icon(doc: Document, name: keyof typeof ICONS): SVGSVGElement {
  const svg = doc.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const path = doc.createElementNS('http://www.w3.org/2000/svg', 'path');
  path.setAttribute('d', ICONS[name]);
  svg.append(path);
  return svg;
}

export function button(
  doc: Document,
  o: { id?: string; text: string; kind?: 'primary' | 'default' | 'danger'; icon?: keyof typeof ICONS },
): HTMLButtonElement {
  const b = el(doc, 'button', {
    type: 'button',
    class: `ns-btn${o.kind && o.kind !== 'default' ? ` ns-${o.kind}` : ''}`,
  });
  if (o.id) b.id = o.id;
  if (o.icon) b.append(icon(doc, o.icon));
  b.append(el(doc, 'span', {}, o.text));
  return b;
}

/** Fluent's Toggle: label above, the pill, and the On/Off state text beside it. */
export function toggle(
  doc: Document,
  o: { id: string; label: string; checked: boolean; on: string; off: string; help?: string },
): HTMLElement {
  const wrap = el(doc, 'div', { class: 'ns-field' });
  const input = el(doc, 'input', { type: 'checkbox', role: 'switch', id: o.id });
  input.checked = o.checked;
  if (o.help) input.setAttribute('aria-describedby', `${o.id}-help`);
  const row = el(doc, 'div', { class: 'ns-toggle' });
  row.append(
    input,
    el(doc, 'span', { class: 'ns-pill', 'aria-hidden': 'true' }),
    el(doc, 'span', { class: 'ns-on', 'aria-hidden': 'true' }, o.on),
    el(doc, 'span', { class: 'ns-off', 'aria-hidden': 'true' }, o.off),
  );
  wrap.append(el(doc, 'label', { class: 'ns-label', for: o.id }, o.label), row);
  if (o.help) wrap.append(el(doc, 'p', { class: 'ns-help', id: `${o.id}-help` }, o.help));
  wrap.append(el(doc, 'span', { class: 'navsync-error', 'data-error-for': o.id }));
  return wrap;
}

/** A toggle inside a list row: its name comes from aria-label (the row shows the person). */
export function rowToggle(doc: Document, o: { label: string; checked: boolean; on: string; off: string }): HTMLElement {
  const row = el(doc, 'span', { class: 'ns-toggle' });
  const input = el(doc, 'input', { type: 'checkbox', role: 'switch', 'aria-label': o.label });
  input.checked = o.checked;
  row.append(
    input,
    el(doc, 'span', { class: 'ns-pill', 'aria-hidden': 'true' }),
    el(doc, 'span', { class: 'ns-on', 'aria-hidden': 'true' }, o.on),
    el(doc, 'span', { class: 'ns-off', 'aria-hidden': 'true' }, o.off),
  );
  return row;
}

/** Fluent's Checkbox. */
export function checkbox(doc: Document, o: { id: string; label: string; checked: boolean }): HTMLElement {
  const wrap = el(doc, 'label', { class: 'ns-check' });
  const box = el(doc, 'input', { type: 'checkbox', id: o.id });
  box.checked = o.checked;
  wrap.append(box, el(doc, 'span', {}, o.label));
  return wrap;
}

/** Fluent's Dropdown (single choice), label above. */
export function dropdown(
  doc: Document,
  o: { id: string; label: string; options: { value: string; label: string }[]; value: string; help?: string },
): HTMLElement {
  const wrap = el(doc, 'div', { class: 'ns-field' });
  const sel = el(doc, 'select', { id: o.id });
  if (o.help) sel.setAttribute('aria-describedby', `${o.id}-help`);
  for (const opt of o.options) {
    const node = el(doc, 'option', { value: opt.value }, opt.label);
    if (opt.value === o.value) node.selected = true;
    sel.append(node);
  }
  wrap.append(el(doc, 'label', { class: 'ns-label', for: o.id }, o.label), sel);
  if (o.help) wrap.append(el(doc, 'p', { class: 'ns-help', id: `${o.id}-help` }, o.help));
  wrap.append(el(doc, 'span', { class: 'navsync-error', 'data-error-for': o.id }));
  return wrap;
}

/** Fluent's TextField, label above. */
export function textField(
  doc: Document,
  o: { id: string; label: string; type?: string; help?: string; autocomplete?: string },
): HTMLElement {
  const wrap = el(doc, 'div', { class: 'ns-field' });
  const input = el(doc, 'input', { id: o.id, class: 'ns-input', type: o.type ?? 'text' });
  if (o.autocomplete) input.setAttribute('autocomplete', o.autocomplete);
  const described = [o.help ? `${o.id}-help` : '', `${o.id}-error`].filter(Boolean).join(' ');
  input.setAttribute('aria-describedby', described);
  wrap.append(el(doc, 'label', { class: 'ns-label', for: o.id }, o.label), input);
  if (o.help) wrap.append(el(doc, 'p', { class: 'ns-help', id: `${o.id}-help` }, o.help));
  wrap.append(el(doc, 'span', { class: 'navsync-error', id: `${o.id}-error`, 'data-error-for': o.id }));
  return wrap;
}

/** A section card with its heading (the landmark's name). */
export function card(doc: Document, id: string, title: string): HTMLElement {
  const section = el(doc, 'section', { class: 'ns-card', id, 'aria-labelledby': `${id}-title` });
  section.append(el(doc, 'h2', { id: `${id}-title` }, title));
  return section;
}

export type MessageKind = 'info' | 'success' | 'error' | 'progress';

/** Fills a Fluent MessageBar: the icon (or a spinner while something runs) and the text lines; returns its body. */
export function showMessage(bar: HTMLElement, kind: MessageKind | '', lines: string[]): HTMLElement {
  const doc = bar.ownerDocument;
  const body = el(doc, 'div');
  bar.setAttribute('data-kind', kind);
  if (!kind) {
    bar.replaceChildren();
    return body;
  }
  const lead = kind === 'progress' ? el(doc, 'span', { class: 'ns-spin', 'aria-hidden': 'true' }) : icon(doc, kind);
  body.append(...lines.map((l) => el(doc, 'p', {}, l)));
  bar.replaceChildren(lead, body);
  return body;
}

export function spinner(doc: Document): HTMLElement {
  return el(doc, 'span', { class: 'ns-spin', 'aria-hidden': 'true' });
}
