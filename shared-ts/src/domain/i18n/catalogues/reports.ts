import { defineArea } from '../catalogue';

export const reportsArea = defineArea('reports', {
  en: {},
  nl: {},
  fr: {},
  it: {},
  de: {},
});
