import { defineArea } from '../catalogue';

export const syncArea = defineArea('sync', {
  en: {},
  nl: {},
  fr: {},
  it: {},
  de: {},
});
