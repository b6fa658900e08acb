/**
 * Issue 17's partner register in Chromium, through the same server as `npm start`: an import
 * has added "Torfaen CBC" beside the demo's "Torfaen County Borough Council", and a record
 * names it. The governance officer finds both on the partner register, merges "Torfaen CBC"
 * into "Torfaen County Borough Council" (keeping the latter), and the record now names the
 * kept one; its other partners and its other fields are as they were. An officer sees the
 * register read-only. The same page in Welsh.
 */
import { createRepositories, createSp } from '../../src/data';
import { browserAvailable, screenshot, seriousViolations, settled, startRig, type TabRig } from './helpers/tab';

jest.setTimeout(240_000);

const run = browserAvailable() ? describe : describe.skip;

const stores = (rig: TabRig, user: string) =>
  createRepositories(
    createSp({
      siteUrl: rig.server.siteUrl,
      getToken: () => Promise.resolve(`dev:${user}`),
      retries: 2,
      retryBaseMs: 2,
      retryMaxMs: 20,
    }),
  );

run('merging near-duplicate partner organisations', () => {
  let rig: TabRig;
  beforeAll(async () => {
    rig = await startRig();
  });
  afterAll(async () => {
    await rig?.close();
  });

  it('the governance officer merges "Torfaen CBC" into "Torfaen County Borough Council"; the record names the kept one', async () => {
    const governance = stores(rig, 'governance');
    const partners = await governance.partners.all();
    if (!partners.ok) throw new Error(partners.error.code);
    const kept = partners.value.find((p) => p.name === 'Torfaen County Borough Council');
    expect(kept).toBeDefined();
    // What an import of another council's register left behind.
    const dupe = await governance.partners.create({
      key: `torfaen-cbc-${Date.now().toString(36)}`,
      name: 'Torfaen CBC',
      website: 'https://www.torfaen.gov.uk',
      sector: 'localAuthority',
    });
    if (!dupe.ok) throw new Error(dupe.error.code);
    const page1 = await governance.collaborations.query({ pageSize: 1 });
    const record = page1.ok ? page1.value.items[0] : undefined;
    if (!record) throw new Error('no record');
    const others = record.partnerIds.filter((id) => id !== kept!.id);
    const named = await governance.collaborations.update({ ...record, partnerIds: [...others, dupe.value.id] });
    if (!named.ok) throw new Error(named.error.code);

    const page = await (await rig.context({ user: 'governance' })).newPage();
    await page.goto('/#/');
    await settled(page);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Partners' }).click();
    await settled(page);
    await page.getByRole('searchbox', { name: 'Search by English or Welsh name' }).fill('Torfaen');
    await page.getByRole('cell', { name: 'Torfaen CBC', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Merge Torfaen CBC with another partner organisation' }).click();
    const dialog = page.getByRole('dialog', { name: 'Merge Torfaen CBC with another partner organisation' });
    await dialog
      .getByRole('combobox', { name: 'Merge with' })
      .selectOption({ label: 'Torfaen County Borough Council' });
    await dialog
      .getByRole('radio', { name: /^Torfaen County Borough Council \(collaborations naming it: \d+\)$/ })
      .check();
    await dialog
      .getByText(/^Collaborations naming Torfaen CBC \(1\) will name Torfaen County Borough Council instead/)
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'partners-merge-en');
    await dialog.getByRole('button', { name: 'Merge', exact: true }).click();
    await page
      .getByText('Torfaen CBC was merged into Torfaen County Borough Council. Collaborations changed: 1.')
      .waitFor();
    await page.getByRole('cell', { name: 'Torfaen CBC', exact: true }).waitFor({ state: 'detached' });
    await screenshot(page, 'partners-merged-en');

    const after = await governance.collaborations.get(record.id);
    if (!after.ok) throw new Error(after.error.code);
    expect(after.value.partnerIds).toEqual([...others, kept!.id]);
    const { etag: _a, modified: _b, partnerIds: _c, ...rest } = after.value;
    const { etag: _d, modified: _e, partnerIds: _f, ...before } = named.value;
    expect(rest).toEqual(before);
    const gone = await governance.partners.get(dupe.value.id);
    expect(!gone.ok && gone.error.code).toBe('notFound');
    // The kept partner had a website already? If not, it took the merged one's.
    const keptNow = await governance.partners.get(kept!.id);
    expect(keptNow.ok && keptNow.value.website).toBe(kept!.website ?? 'https://www.torfaen.gov.uk');

    // The record's page names the kept partner.
    await page.goto(`/#/collaboration/${encodeURIComponent(record.reference)}`);
    await settled(page);
    await page.getByText('Torfaen County Borough Council').first().waitFor();

    // An officer sees the register read-only; the same page in Welsh for the governance team.
    const officer = await (await rig.context({ user: 'officer' })).newPage();
    await officer.goto('/#/partners');
    await settled(officer);
    await officer.getByText('Only the governance team can edit or merge partner organisations.').waitFor();
    expect(await officer.getByRole('button', { name: /^Merge / }).count()).toBe(0);

    const cy = await (await rig.context({ user: 'governance', locale: 'cy-GB' })).newPage();
    await cy.goto('/#/partners');
    await settled(cy);
    await cy.getByRole('heading', { level: 1, name: 'Sefydliadau partner' }).waitFor();
    await cy.getByRole('searchbox', { name: 'Chwilio yn ôl yr enw Cymraeg neu Saesneg' }).fill('Torfaen');
    await cy.getByRole('cell', { name: 'Cyngor Bwrdeistref Sirol Torfaen' }).waitFor();
    expect(await cy.getByRole('cell', { name: 'Torfaen CBC', exact: true }).count()).toBe(0);
    await cy.getByRole('button', { name: 'Cyfuno Torfaen County Borough Council â sefydliad partner arall' }).click();
    const cyDialog = cy.getByRole('dialog', {
      name: 'Cyfuno Torfaen County Borough Council â sefydliad partner arall',
    });
    await cyDialog
      .getByRole('combobox', { name: 'Cyfuno â' })
      .selectOption({ label: 'Blaenau Gwent County Borough Council' });
    await cyDialog
      .getByRole('radio', { name: /^Torfaen County Borough Council \(cydweithrediadau sy'n ei enwi: \d+\)$/ })
      .check();
    await cyDialog.getByText(/^Bydd y cydweithrediadau sy'n enwi Blaenau Gwent County Borough Council/).waitFor();
    expect(await seriousViolations(cy)).toEqual([]);
    await screenshot(cy, 'partners-merge-cy');
    // Not this one: cancelled, nothing merged.
    await cyDialog.getByRole('button', { name: 'Canslo' }).click();
    await cyDialog.waitFor({ state: 'detached' });
    expect((await governance.partners.get(kept!.id)).ok).toBe(true);
  });
});
