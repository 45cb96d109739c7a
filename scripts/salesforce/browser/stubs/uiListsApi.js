import { fixtureAdapter } from './harness';

export const getListRecordsByName = fixtureAdapter('getListRecordsByName');
export const getListInfoByName = fixtureAdapter('getListInfoByName');
