import { validate, version } from 'uuid';
import { NAVSYNC_UUID_NAMESPACE, nameGuid } from '../../src/domain/nameGuid';
import { dataverseActivityId } from '../../src/domain/writeback/dataverse';

describe('nameGuid: the one GUID derived from a name (UUID v5)', () => {
  // Ids already in shipped solution zips: an import matches components by id, so they must never change.
  test.each([
    ['navsync.role.user', '2f906519-0bba-5f13-8420-737a44cca0d8'],
    ['navsync.webresource.navsync_/settings/settings.html', 'b27c7132-a048-58ba-ab7b-8d22cdb23faf'],
    ['navsync.webresource.navsync_/forms/contactForm.js', 'db29a583-dd61-57bb-b7b0-25d25b0e2202'],
  ])('%s keeps its id %s', (name, id) => {
    expect(nameGuid(name)).toBe(id);
  });

  test('the namespace is the v5 UUID of the project URL in the URL namespace; ids are valid version 5', () => {
    expect(nameGuid('https://github.com/navsync', '6ba7b811-9dad-11d1-80b4-00c04fd430c8')).toBe(NAVSYNC_UUID_NAMESPACE);
    for (const name of ['', 'x', 'navsync.activity.sn-inmail-1', 'Ä ß 東京']) {
      const id = nameGuid(name);
      expect(validate(id)).toBe(true);
      expect(version(id)).toBe(5);
    }
  });

  test('a written-back activity keeps its id across runs, and different keys never share one', () => {
    expect(dataverseActivityId('sn-inmail-6f1e2a90-inm-0001')).toBe('55697fa5-8408-52b8-b5ff-a910f3c8a7d4');
    expect(dataverseActivityId('li-note-3')).toBe(dataverseActivityId('li-note-3'));
    const ids = new Set<string>();
    for (let i = 0; i < 5000; i++) ids.add(dataverseActivityId(`sn-inmail-${i}`));
    expect(ids.size).toBe(5000);
  });
});
