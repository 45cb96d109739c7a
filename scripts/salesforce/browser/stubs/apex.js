// @salesforce/apex: refreshApex re-emits the wired data; each Apex method is a recorded call (see harness.js).
import { call, reemit } from './harness';

export function refreshApex() {
  return call('refreshApex').then(() => reemit());
}
