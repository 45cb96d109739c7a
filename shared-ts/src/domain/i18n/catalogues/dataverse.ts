import { defineArea } from '../catalogue';

export const dataverseArea = defineArea('dataverse', {
  en: {},
  nl: {},
  fr: {},
  it: {},
  de: {},
});
