import { defineArea } from '../catalogue';

export const badgeArea = defineArea('badge', {
  en: {},
  nl: {},
  fr: {},
  it: {},
  de: {},
});
