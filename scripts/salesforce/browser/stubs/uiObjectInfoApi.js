import { fixtureAdapter } from './harness';

export const getObjectInfo = fixtureAdapter('getObjectInfo');
export const getPicklistValues = fixtureAdapter('getPicklistValues');
