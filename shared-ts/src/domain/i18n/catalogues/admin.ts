import { defineArea } from '../catalogue';

export const adminArea = defineArea('admin', {
  en: {},
  nl: {},
  fr: {},
  it: {},
  de: {},
});
