import { createTheme, getInitials, getPersonaInitialsColor } from '@fluentui/react';
import { initials, personaColor, usedThemeValues } from '../src/webresources/settings/fluent/theme';
import { fluentBuildValues } from '../../scripts/dynamics/fluentTheme';

// The settings page draws Fluent's look without Fluent's runtime: what it compiles in must be Fluent's own values.
describe('the settings page’s Fluent theme', () => {
  const built = fluentBuildValues();

  test('every theme value the stylesheet names is compiled in with Fluent’s value', () => {
    const palette = createTheme({}).palette as unknown as Record<string, string>;
    expect(usedThemeValues()).toEqual(expect.arrayContaining(['themePrimary', 'neutralPrimary', 'white']));
    for (const name of usedThemeValues()) expect(built.tokens).toMatch(new RegExp(`--f-${name}:`));
    expect(built.tokens).toContain(`--f-themePrimary:${palette.themePrimary}`);
  });

  test('a person gets the coin colour and initials Fluent’s Persona gives them', () => {
    for (const name of ['Anna de Vries', 'Bram Peeters', 'Émilie Lefèvre', 'Giulia Rossi', 'Jürgen Müller', 'X']) {
      expect(personaColor(name, built.personaColors)).toBe(getPersonaInitialsColor({ text: name }));
      expect(initials(name)).toBe(getInitials(name, false));
    }
  });
});
