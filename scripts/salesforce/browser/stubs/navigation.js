// lightning/navigation: the base components' module re-exports force/navigation, which is not shipped.
import { call, fixtureAdapter } from './harness';

export const CurrentPageReference = fixtureAdapter('CurrentPageReference');

const Navigate = Symbol('Navigate');
const GenerateUrl = Symbol('GenerateUrl');

function urlFor(pageRef) {
  const a = pageRef.attributes || {};
  return pageRef.type === 'standard__recordPage'
    ? `/lightning/r/${a.objectApiName || 'Record'}/${a.recordId}/${a.actionName || 'view'}`
    : `/lightning/${pageRef.type}`;
}

export const NavigationMixin = (Base) =>
  class extends Base {
    [Navigate](pageRef, replace) {
      call('navigate', { pageRef, replace: Boolean(replace) });
    }
    [GenerateUrl](pageRef) {
      return Promise.resolve(urlFor(pageRef));
    }
  };
NavigationMixin.Navigate = Navigate;
NavigationMixin.GenerateUrl = GenerateUrl;
