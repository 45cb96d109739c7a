import { defineArea } from '../catalogue';

export const settingsArea = defineArea('settings', {
  en: {},
  nl: {},
  fr: {},
  it: {},
  de: {},
});
