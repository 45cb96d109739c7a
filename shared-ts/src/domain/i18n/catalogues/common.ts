import { defineArea } from '../catalogue';

export const commonArea = defineArea('common', {
  en: {},
  nl: {},
  fr: {},
  it: {},
  de: {},
});
