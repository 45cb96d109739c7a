export { SalesforceGateway, SF_REQUIRED_OBJECTS } from './gateway';
export { salesforceError } from './errors';
export { soqlDateTime, soqlString } from './soql';
