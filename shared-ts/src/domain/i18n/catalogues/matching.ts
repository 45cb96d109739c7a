import { defineArea } from '../catalogue';

export const matchingArea = defineArea('matching', {
  en: {},
  nl: {},
  fr: {},
  it: {},
  de: {},
});
