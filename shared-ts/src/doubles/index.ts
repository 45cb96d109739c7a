export * from './server';
export * from './linkedinDouble';
export * from './salesforceDouble';
export * from './dataverseDouble';
export * from './entraDouble';
export * from './salesforceLoginDouble';
export { parseSoql, SoqlError } from './soql';
export { parseFilter, parseFetchXml, ODataError } from './odata';
