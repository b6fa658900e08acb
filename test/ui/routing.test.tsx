import { parseHash, paths } from '../../src/ui/app/router';
import { startRoute } from '../../src/ui/app/startRoute';
import { queryFor, viewFromParams, viewToParams } from '../../src/ui/features/register/view';

describe('the address of a view', () => {
  it.each([
    ['#/', 'home'],
    ['#/home', 'home'],
    ['#/register?status=active', 'register'],
    ['#/collaboration/COL-0042', 'record'],
    ['#/new', 'new'],
    ['#/config', 'config'],
    ['#/collaboration', 'notFound'],
    ['#/assessment/ASM-0001', 'assessment'],
    ['#/assessment/new?collaboration=COL-0042&template=wlga-principles', 'assessment'],
    ['#/templates', 'templates'],
    ['#/templates/wlga-principles', 'templates'],
    ['#/review/REV-0007', 'review'],
    ['#/action-plan?start=2026-07', 'actionPlan'],
    ['#/reports', 'reports'],
    ['#/reports/annual?year=2025', 'reports'],
    ['#/import', 'import'],
    ['#/compendium', 'compendium'],
    ['#/review', 'notFound'],
    ['#/home/extra', 'notFound'],
    ['#/collaboration/COL-0042/extra', 'notFound'],
  ])('%s opens %s', (hash, name) => {
    expect(parseHash(hash).name).toBe(name);
  });

  it('reads the second segment as the item, decoded, and builds the same links back', () => {
    expect(parseHash('#/review/REV%200007').reference).toBe('REV 0007');
    expect(parseHash(paths.assessment('new', new URLSearchParams({ collaboration: 'COL-0042' })))).toMatchObject({
      name: 'assessment',
      reference: 'new',
    });
    expect(paths.record('COL-0042', 'reviews')).toBe('#/collaboration/COL-0042?tab=reviews');
    expect(paths.reports('annual')).toBe('#/reports/annual');
    expect(parseHash(paths.templates('five-ways-of-working')).reference).toBe('five-ways-of-working');
  });

  it('reproduces a register view from its link, ignoring what it does not know', () => {
    const view = viewFromParams(
      new URLSearchParams(
        'status=active,bogus&model=jointCommittee&scope=in&directorate=Education&q=Gw%C5%B5&sort=title:desc&x=1',
      ),
    );
    expect(view).toEqual({
      status: ['active'],
      model: ['jointCommittee'],
      scope: 'in',
      directorate: 'Education',
      significance: [],
      search: 'Gwŵ',
      sort: { field: 'title', direction: 'desc' },
    });
    expect(paths.register(viewToParams(view))).toBe(
      '#/register?status=active&model=jointCommittee&scope=in&directorate=Education&q=Gw%C5%B5&sort=title:desc',
    );
  });

  it('asks the server for overdue reviews as a date range on the indexed column', () => {
    const q = queryFor(viewFromParams(new URLSearchParams('review=overdue')), '2026-03-02', 100);
    expect(q).toMatchObject({ reviewDueOnOrBefore: '2026-03-01', pageSize: 100 });
    const soon = queryFor(viewFromParams(new URLSearchParams('review=dueSoon')), '2026-03-02', 100);
    // The one review-state window (DEFAULT_REVIEW_STATE_POLICY): 14 days.
    expect(soon).toMatchObject({ reviewDueOnOrAfter: '2026-03-02', reviewDueOnOrBefore: '2026-03-16' });
  });
});

describe('where the tab opens', () => {
  it('opens the record a deep link names', () => {
    expect(
      startRoute({ inTeams: true, locale: 'en-GB', theme: 'light', subPageId: 'collaboration:COL-0042' }, '#/'),
    ).toBe('#/collaboration/COL-0042');
  });

  it("opens a channel tab's configured view", () => {
    expect(startRoute({ inTeams: true, locale: 'en-GB', theme: 'light', entityId: 'panel:panel-gac' }, '')).toBe(
      '#/register?panel=panel-gac',
    );
  });

  it('opens the configuration page in the settings frame', () => {
    expect(startRoute({ inTeams: true, locale: 'en-GB', theme: 'light', frameContext: 'settings' }, '')).toBe(
      '#/config',
    );
  });

  it('keeps an address that already names a page', () => {
    expect(
      startRoute({ inTeams: true, locale: 'en-GB', theme: 'light', entityId: 'register' }, '#/new'),
    ).toBeUndefined();
  });
});
