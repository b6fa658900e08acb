import { COLLABORATIONS, LISTS } from '../../../src/data/schema';

/**
 * SharePoint Online indexes at most 20 columns of a list (a unique column is one of them).
 * Every column the register's query filters on is indexed (the list view threshold), the
 * assurance level among them.
 */
describe('column indexes', () => {
  const indexed = (fields: typeof COLLABORATIONS.fields) =>
    fields.filter((f) => f.indexed === true || f.unique === true).map((f) => f.internalName);

  it.each(LISTS.map((l) => [l.title, l] as const))('%s indexes no more than 20 columns', (_title, list) => {
    expect(indexed(list.fields).length).toBeLessThanOrEqual(20);
  });

  it("indexes every column the register's query filters on, the assurance level too", () => {
    expect(indexed(COLLABORATIONS.fields)).toEqual(
      expect.arrayContaining([
        'LeadOfficer',
        'Panel',
        'Directorate',
        'NextReviewDue',
        'Significance',
        'AssuranceLevel',
        'Model',
        'Status',
        'InScope',
      ]),
    );
  });
});
