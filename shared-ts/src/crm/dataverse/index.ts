export { DataverseGateway, DV_REQUIRED_OBJECTS } from './gateway';
export { dataverseError } from './errors';
export { odataString, xmlAttr } from './odata';
