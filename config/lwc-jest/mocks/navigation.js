// lightning/navigation double that records navigation and builds the Lightning record URL a real org would return,
// so tests can assert "View in CRM" links and which record a button opens.
import { createTestWireAdapter } from '@salesforce/wire-service-jest-util';

export const CurrentPageReference = createTestWireAdapter(jest.fn());

const Navigate = Symbol('Navigate');
const GenerateUrl = Symbol('GenerateUrl');

export const navigateCalls = [];

export function urlFor(pageRef) {
  const a = pageRef.attributes || {};
  if (pageRef.type === 'standard__recordPage') {
    return `/lightning/r/${a.objectApiName || 'Record'}/${a.recordId}/${a.actionName || 'view'}`;
  }
  if (pageRef.type === 'standard__webPage') {
    return a.url;
  }
  return `/lightning/${pageRef.type}`;
}

export const NavigationMixin = (Base) =>
  class extends Base {
    [Navigate](pageRef, replace) {
      navigateCalls.push({ pageRef, replace });
    }
    [GenerateUrl](pageRef) {
      return Promise.resolve(urlFor(pageRef));
    }
  };
NavigationMixin.Navigate = Navigate;
NavigationMixin.GenerateUrl = GenerateUrl;
