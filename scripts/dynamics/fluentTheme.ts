// Fluent UI's theme values for the settings page, read at build time from @fluentui/react 8.121.1 (the Fluent
// version the PCF control is built against) and compiled into settings.js as CSS variables and the Persona coin
// colours (dynamics-solution/src/webresources/settings/fluent/theme.ts says why there is no Fluent runtime).
import { createTheme, getPersonaInitialsColor, PersonaInitialsColor } from '@fluentui/react';
import { usedThemeValues } from '../../dynamics-solution/src/webresources/settings/fluent/theme';

// Fluent's Persona picks a coin colour by hashing the name over these swatches, in this order
// (COLOR_SWATCHES_LOOKUP in @fluentui/react's PersonaInitialsColor.ts, which is not exported).
const SWATCH_ORDER = [
  'lightBlue',
  'blue',
  'darkBlue',
  'teal',
  'green',
  'darkGreen',
  'lightPink',
  'pink',
  'magenta',
  'purple',
  'orange',
  'lightRed',
  'darkRed',
  'violet',
  'gold',
  'burgundy',
  'warmGray',
  'cyan',
  'rust',
  'coolGray',
] as const;

export interface FluentBuildValues {
  tokens: string;
  personaColors: string[];
}

/** The theme values the page's stylesheet names (usedThemeValues), as CSS variables, and the coin colours. */
export function fluentBuildValues(): FluentBuildValues {
  const theme = createTheme({});
  const all: Record<string, string> = { ...(theme.palette as unknown as Record<string, string>) };
  all.font = theme.fonts.medium.fontFamily ?? 'sans-serif';
  for (const [k, val] of Object.entries(theme.effects)) all[k] = String(val);
  const missing = usedThemeValues().filter((k) => !(k in all));
  if (missing.length) throw new Error(`not in Fluent's theme: ${missing.join(', ')}`);
  return {
    tokens: `:root{${usedThemeValues()
      .map((k) => `--f-${k}:${all[k]}`)
      .join(';')}}`,
    personaColors: SWATCH_ORDER.map((c) => getPersonaInitialsColor({ initialsColor: PersonaInitialsColor[c] })),
  };
}
