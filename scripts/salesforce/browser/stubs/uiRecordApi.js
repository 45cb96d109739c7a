import { call, fixtureAdapter, reemit } from './harness';

export const getRecord = fixtureAdapter('getRecord');

export function updateRecord(recordInput) {
  return call('updateRecord', recordInput);
}
export function createRecord(recordInput) {
  return call('createRecord', recordInput);
}
export function deleteRecord(recordId) {
  return call('deleteRecord', recordId);
}
export function notifyRecordUpdateAvailable(items) {
  return call('notifyRecordUpdateAvailable', items).then(() => reemit(['getRecord']));
}

function path(field) {
  const name = typeof field === 'string' ? field : `${field.objectApiName}.${field.fieldApiName}`;
  return name.split('.').slice(1);
}

export function getFieldValue(record, field) {
  let r = record;
  for (const f of path(field)) {
    if (!r || !r.fields || r.fields[f] === undefined) {
      return undefined;
    }
    r = r.fields[f].value;
  }
  return r;
}

export function getFieldDisplayValue(record, field) {
  const parts = path(field);
  let r = record;
  for (let i = 0; i < parts.length; i++) {
    if (!r || !r.fields || r.fields[parts[i]] === undefined) {
      return undefined;
    }
    if (i === parts.length - 1) {
      return r.fields[parts[i]].displayValue;
    }
    r = r.fields[parts[i]].value;
  }
  return undefined;
}
