import { inNamespace, namespaceOf } from 'c/navsyncNamespace';

describe('c/navsyncNamespace', () => {
  it('reads the namespace from a packaged field and names packaged list views with it', () => {
    expect(namespaceOf({ objectApiName: 'navsync__NavSync_Seat__c', fieldApiName: 'navsync__User__c' })).toBe(
      'navsync',
    );
    expect(inNamespace('All', 'navsync')).toBe('navsync__All');
  });

  it('has no namespace in a namespace-free org', () => {
    expect(namespaceOf({ objectApiName: 'NavSync_Seat__c', fieldApiName: 'User__c' })).toBeNull();
    expect(inNamespace('All', null)).toBe('All');
  });
});
