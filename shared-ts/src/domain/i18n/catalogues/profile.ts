import { defineArea } from '../catalogue';

export const profileArea = defineArea('profile', {
  en: {},
  nl: {},
  fr: {},
  it: {},
  de: {},
});
