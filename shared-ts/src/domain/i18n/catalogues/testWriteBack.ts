import { defineArea } from '../catalogue';

export const testWriteBackArea = defineArea('testWriteBack', {
  en: {},
  nl: {},
  fr: {},
  it: {},
  de: {},
});
