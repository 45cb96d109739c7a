import { defineArea } from '../catalogue';

export const validationArea = defineArea('validation', {
  en: {},
  nl: {},
  fr: {},
  it: {},
  de: {},
});
