import { defineArea } from '../catalogue';

export const writebackArea = defineArea('writeback', {
  en: {},
  nl: {},
  fr: {},
  it: {},
  de: {},
});
