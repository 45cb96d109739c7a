// The CRM badge: states, allowed actions, the state of a record, its field patches and match explanation.
export * from './states';
export * from './records';
export * from './explain';
