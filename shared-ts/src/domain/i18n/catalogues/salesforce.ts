import { defineArea } from '../catalogue';

export const salesforceArea = defineArea('salesforce', {
  en: {},
  nl: {},
  fr: {},
  it: {},
  de: {},
});
