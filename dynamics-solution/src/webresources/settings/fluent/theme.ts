/**
 * The settings page in Fluent UI's look without a Fluent runtime: Fluent's own theme values (palette, fonts,
 * elevations and the Persona coin colours of @fluentui/react 8.121.1, the version the PCF control renders with)
 * are read at build time and compiled in as CSS variables; the stylesheet below draws native, labelled controls
 * (checkbox as a Toggle, select as a Dropdown, buttons, MessageBar, Persona rows) in Fluent's anatomy.
 *
 * Why no Fluent runtime: bundled with esbuild and minified, the page's set of Fluent web components 3.1.3 is
 * 169 KiB (one Switch alone 56 KiB, FAST element and tokens included) and Fluent React 8 with React 16 is 435 KiB
 * (React and ReactDOM alone 128 KiB), while the whole page must stay within 80 KiB; React and Fluent are platform
 * libraries only for PCF controls, not for web resources. Native controls also keep keyboard use and screen
 * reader names as the browser gives them.
 */

/** Filled in by the build (scripts/dynamics/fluentTheme.ts); absent when the page runs from source (tests). */
declare const __NAVSYNC_FLUENT__: { tokens: string; personaColors: string[] } | undefined;

const BUILT = typeof __NAVSYNC_FLUENT__ === 'undefined' ? { tokens: '', personaColors: [] } : __NAVSYNC_FLUENT__;

/** Fluent theme values the stylesheet names: the build compiles in only these. */
const USED = new Set<string>();
const v = (name: string) => {
  USED.add(name);
  return `var(--f-${name})`;
};

const STYLES = `
body{margin:0;background:${v('neutralLighterAlt')};color:${v('neutralPrimary')};font:14px/20px ${v('font')};-webkit-font-smoothing:antialiased}
.ns-bar{position:sticky;top:0;z-index:1;display:flex;align-items:center;gap:8px;min-height:44px;padding:0 16px;background:${v('white')};box-shadow:${v('elevation4')}}
.ns-head{padding:16px 24px 0}
h1{font-size:20px;line-height:28px;font-weight:600;margin:0 0 4px}
h2{font-size:16px;line-height:22px;font-weight:600;margin:0 0 12px}
.ns-card{background:${v('white')};box-shadow:${v('elevation4')};border-radius:4px;padding:16px 20px;margin:16px 24px}
.ns-grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(320px,1fr));gap:8px 24px}
.ns-field{margin:0 0 12px}
.ns-label{display:block;font-weight:600;padding:5px 0}
.ns-help{margin:2px 0 0;font-size:12px;line-height:16px;color:${v('neutralSecondary')}}
.navsync-error{display:block;font-size:12px;line-height:16px;color:${v('redDark')}}
.navsync-error:empty{display:none}
.ns-toggle{position:relative;display:inline-flex;align-items:center;gap:8px;min-height:20px}
.ns-toggle input{position:absolute;left:0;top:0;width:40px;height:20px;margin:0;opacity:0;cursor:pointer}
.ns-pill{box-sizing:border-box;width:40px;height:20px;border:1px solid ${v('neutralPrimary')};border-radius:10px;padding:0 3px;display:flex;align-items:center;background:${v('white')};transition:background .1s}
.ns-pill::after{content:"";width:12px;height:12px;border-radius:50%;background:${v('neutralSecondary')};transition:transform .1s}
.ns-toggle input:checked+.ns-pill{background:${v('themePrimary')};border-color:transparent}
.ns-toggle input:checked+.ns-pill::after{background:${v('white')};transform:translateX(20px)}
.ns-toggle input:focus-visible+.ns-pill,.ns-check input:focus-visible{outline:2px solid ${v('neutralSecondary')};outline-offset:2px}
.ns-toggle input:disabled+.ns-pill{opacity:.5}
.ns-on,.ns-toggle input:checked~.ns-off{display:none}
.ns-toggle input:checked~.ns-on{display:inline}
.ns-check{display:flex;align-items:center;gap:8px;margin:4px 0;cursor:pointer}
.ns-check input{width:20px;height:20px;margin:0;accent-color:${v('themePrimary')}}
fieldset.ns-group{border:0;margin:0 0 12px;padding:0}
fieldset.ns-group legend{font-weight:600;padding:5px 0}
select,input.ns-input{box-sizing:border-box;height:32px;min-width:220px;max-width:100%;border:1px solid ${v('neutralSecondary')};border-radius:2px;padding:0 28px 0 8px;background:${v('white')};color:${v('neutralPrimary')};font:inherit}
input.ns-input{padding:0 8px}
select:not([multiple]){appearance:none;background:${v('white')} url("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='12' height='12' viewBox='0 0 12 12'%3E%3Cpath d='M2 4l4 4 4-4' fill='none' stroke='%23605e5c' stroke-width='1.2'/%3E%3C/svg%3E") no-repeat right 8px center}
select[multiple]{height:auto;min-height:96px;padding:4px}
select:hover,input.ns-input:hover{border-color:${v('neutralPrimary')}}
select:focus,input.ns-input:focus{outline:0;border-color:${v('themePrimary')};box-shadow:inset 0 0 0 1px ${v('themePrimary')}}
input.ns-input[aria-invalid=true]{border-color:${v('redDark')}}
.ns-btn{display:inline-flex;align-items:center;justify-content:center;gap:6px;box-sizing:border-box;height:32px;min-width:80px;padding:0 16px;border:1px solid ${v('neutralSecondaryAlt')};border-radius:2px;background:${v('white')};color:${v('neutralPrimary')};font:600 14px/1 ${v('font')};cursor:pointer}
.ns-btn:hover{background:${v('neutralLighter')}}
.ns-btn.ns-primary{background:${v('themePrimary')};border-color:${v('themePrimary')};color:${v('white')}}
.ns-btn.ns-primary:hover{background:${v('themeDarkAlt')};border-color:${v('themeDarkAlt')}}
.ns-btn.ns-danger{color:${v('redDark')};border-color:${v('redDark')}}
.ns-btn:disabled{background:${v('neutralLighter')};border-color:${v('neutralLighter')};color:${v('neutralTertiary')};cursor:default}
.ns-btn:focus-visible{outline:1px solid ${v('neutralSecondary')};outline-offset:1px}
.ns-btn svg,.ns-mb svg{width:16px;height:16px;flex:none;fill:currentColor}
.ns-actions{display:flex;flex-wrap:wrap;gap:8px;align-items:center;margin-top:8px}
.ns-mb{display:flex;gap:8px;align-items:flex-start;padding:8px 12px;margin:12px 24px 0;border-radius:2px;background:${v('neutralLighter')};color:${v('neutralPrimary')}}
.ns-mb:empty,.ns-mb[data-kind=""]{display:none}
.ns-mb[data-kind=success]{background:#dff6dd}.ns-mb[data-kind=success] svg{fill:${v('green')}}
.ns-mb[data-kind=error]{background:#fde7e9}.ns-mb[data-kind=error] svg{fill:${v('redDark')}}
.ns-mb p{margin:0}
.ns-card .ns-mb{margin:12px 0 0}
.ns-spin{display:inline-block;width:16px;height:16px;box-sizing:border-box;border:1.5px solid ${v('themeLight')};border-top-color:${v('themePrimary')};border-radius:50%;animation:ns-spin 1.3s cubic-bezier(.53,.21,.29,.67) infinite}
@keyframes ns-spin{to{transform:rotate(360deg)}}
@media (prefers-reduced-motion:reduce){.ns-spin{animation-duration:4s}}
@media (forced-colors:active){.ns-toggle input:checked+.ns-pill{background:Highlight}.ns-pill::after,.ns-toggle input:checked+.ns-pill::after{background:CanvasText}}
a{color:${v('themeDark')}}a:hover{color:${v('themeDarker')}}
.ns-people{list-style:none;margin:0 0 12px;padding:0}
.ns-person{display:flex;align-items:center;gap:12px;padding:8px 0;border-bottom:1px solid ${v('neutralLight')}}
.ns-coin{flex:none;width:40px;height:40px;border-radius:50%;display:flex;align-items:center;justify-content:center;color:#fff;font-size:16px;font-weight:600}
.ns-person-text{flex:1;min-width:0}
.ns-person-name{display:block;font-weight:600;overflow:hidden;text-overflow:ellipsis}
.ns-person-sub{display:block;font-size:12px;line-height:16px;color:${v('neutralSecondary')}}
.ns-empty{padding:16px;text-align:center;color:${v('neutralSecondary')};background:${v('neutralLighterAlt')};border-radius:4px}
.ns-steps{list-style:none;margin:8px 0;padding:0}
.ns-steps li{display:flex;flex-wrap:wrap;gap:4px 8px;align-items:center;padding:4px 0}
.ns-steps li::before{content:"";flex:none;width:16px;height:16px;box-sizing:border-box;border-radius:50%;border:1.5px solid ${v('neutralTertiary')};color:#fff;font-size:10px;line-height:16px;text-align:center}
.ns-steps li[data-state=running]::before{border-color:${v('themeLight')};border-top-color:${v('themePrimary')};animation:ns-spin 1.3s linear infinite}
.ns-steps li[data-state=done]::before,.ns-steps li[data-status=ok]::before,.ns-steps li[data-ok=true]::before{content:"✓";border:0;background:${v('green')}}
.ns-steps li[data-state=failed]::before,.ns-steps li[data-status=failed]::before,.ns-steps li[data-ok=false]::before{content:"✕";border:0;background:${v('redDark')}}
.ns-steps li[data-status=partial]::before,.ns-steps li[data-status=skipped]::before{border-color:${v('yellowDark')}}
.ns-steps .navsync-run-error{flex-basis:100%;padding-left:24px}
.ns-steps .navsync-run-error p{margin:2px 0}
`;

/** The Fluent theme values (palette, effects, font) this stylesheet uses; read by the build. */
export function usedThemeValues(): string[] {
  return [...USED].sort();
}

/** Puts Fluent's theme values and the page's stylesheet into the document, once. */
export function applyFluentTheme(doc: Document): void {
  if (doc.getElementById('navsync-fluent')) return;
  const style = doc.createElement('style');
  style.id = 'navsync-fluent';
  style.textContent = BUILT.tokens + STYLES;
  doc.head.append(style);
}

/**
 * Fluent Persona's coin colour for a name: the same hash over the name as Fluent React 8's Persona
 * (getInitialsColorFromName), over its colour swatches in its order, so a person gets the colour Dynamics
 * gives them in a Fluent people picker.
 */
export function personaColor(name: string, swatches: readonly string[] = BUILT.personaColors): string {
  if (swatches.length === 0) return '#0078D4';
  if (!name) return swatches[1] ?? swatches[0];
  let hash = 0;
  for (let i = name.length - 1; i >= 0; i--) {
    const ch = name.charCodeAt(i);
    const shift = i % 8;
    hash ^= (ch << shift) + (ch >> (8 - shift));
  }
  return swatches[hash % swatches.length];
}

/** Initials as Fluent's Persona shows them: first letters of the first and last word. */
export function initials(name: string): string {
  const words = name
    .replace(/\([^)]*\)|[[\]{}<>]/g, '')
    .trim()
    .split(/\s+/)
    .filter((w) => /^\p{L}/u.test(w));
  if (words.length === 0) return '';
  const first = words[0][0];
  const last = words.length > 1 ? words[words.length - 1][0] : '';
  return (first + last).toUpperCase();
}
