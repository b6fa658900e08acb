/** @jest-environment ./test/ui/jsdom-with-fetch-env.js */
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { strFromU8, unzipSync } from 'fflate';
import { annualNarrativeKey, NARRATIVE_MAX_LENGTH } from '../../src/domain';
import type { RunningListServer } from '../../src/local/server';
import { renderTab, servicesFor, settle, startServer } from './helpers';

jest.setTimeout(60_000);

/**
 * The governance team's narrative on the annual report page, against the embedded list
 * server: written by the governance team in both languages, read by an officer, refused
 * when too long, and merged through the conflict dialog when someone else saved first.
 */
let server: RunningListServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => localStorage.clear());
afterEach(() => {
  cleanup();
  jest.restoreAllMocks();
});

const store = () => servicesFor(server.siteUrl, { devUser: 'governance' }).stores.reportNarratives;

async function openAnnual(year: number, devUser: string, locale: 'en-GB' | 'cy-GB' = 'en-GB') {
  renderTab(server.siteUrl, { hash: `#/reports/annual?year=${year}`, devUser, locale });
  await screen.findByRole(
    'table',
    { name: locale === 'cy-GB' ? "Ffigurau'r flwyddyn" : 'Figures for the year' },
    {
      timeout: 20_000,
    },
  );
}

describe("the annual report's narrative", () => {
  it('is written by the governance team in English and Welsh, and an officer reads it but cannot change it', async () => {
    const user = userEvent.setup();
    await openAnnual(2025, 'governance');
    const intro = await screen.findByRole('textbox', { name: 'Introduction (English)' }, { timeout: 20_000 });
    await user.type(intro, 'The council reviewed every joint committee.{enter}Two were reformed.');
    await user.type(
      screen.getByRole('textbox', { name: 'Introduction (Welsh)' }),
      'Adolygodd y cyngor bob cyd-bwyllgor.',
    );
    await user.type(screen.getByRole('textbox', { name: 'Recommendations (English)' }), 'Note the report.');
    expect(screen.getByText('You have changes that are not saved.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save the report text' }));
    expect(await screen.findByText('The report text is saved.', {}, { timeout: 20_000 })).toBeInTheDocument();
    await settle();

    const stored = await store().find(annualNarrativeKey(2025));
    expect(stored.ok && stored.value).toMatchObject({
      introduction: 'The council reviewed every joint committee.\nTwo were reformed.',
      introductionCy: 'Adolygodd y cyngor bob cyd-bwyllgor.',
      recommendations: 'Note the report.',
    });
    cleanup();

    // An officer: the text, no form, no save button.
    await openAnnual(2025, 'officer');
    const section = await screen.findByRole('region', { name: "The governance team's report" });
    await within(section).findByText(/The council reviewed every joint committee\./, {}, { timeout: 20_000 });
    expect(within(section).getByText('Note the report.')).toBeInTheDocument();
    expect(
      within(section).getByText('Written by the governance team. Only the governance team can change it.'),
    ).toBeInTheDocument();
    expect(within(section).getAllByText('The governance team has not written this part yet.')).toHaveLength(1);
    expect(screen.queryByRole('textbox', { name: 'Introduction (English)' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save the report text' })).not.toBeInTheDocument();
    cleanup();

    // In Welsh, the officer reads the Welsh text, and the English where no Welsh is written, said so.
    await openAnnual(2025, 'officer', 'cy-GB');
    const cy = await screen.findByRole('region', { name: 'Adroddiad y tîm llywodraethu' });
    expect(
      await within(cy).findByText('Adolygodd y cyngor bob cyd-bwyllgor.', {}, { timeout: 20_000 }),
    ).toBeInTheDocument();
    expect(within(cy).getByText('Note the report.')).toBeInTheDocument();
    expect(within(cy).getByText("Dim ond yn Saesneg y mae wedi'i ysgrifennu hyd yma.")).toBeInTheDocument();
    await settle();
  });

  it("refuses a text over the limit with a message in the person's language, and saves nothing", async () => {
    const user = userEvent.setup();
    await openAnnual(2023, 'governance', 'cy-GB');
    const field = await screen.findByRole('textbox', { name: 'Argymhellion (Cymraeg)' }, { timeout: 20_000 });
    await user.click(field);
    await user.paste('ŵ'.repeat(NARRATIVE_MAX_LENGTH + 1));
    await user.click(screen.getByRole('button', { name: 'Cadw testun yr adroddiad' }));
    expect(
      await screen.findByText("Ni chadwyd dim. Cywirwch y testunau sydd wedi'u marcio a'u cadw eto."),
    ).toBeInTheDocument();
    expect(screen.getByText(`Defnyddiwch ${NARRATIVE_MAX_LENGTH} nod neu lai.`)).toBeInTheDocument();
    // What was typed is still there to shorten.
    expect((field as HTMLTextAreaElement).value).toHaveLength(NARRATIVE_MAX_LENGTH + 1);
    await settle();
    const stored = await store().find(annualNarrativeKey(2023));
    expect(stored).toEqual({ ok: true, value: undefined });
  });

  it('when someone else saved first, shows both versions, keeps what was typed, and saves the choice', async () => {
    const user = userEvent.setup();
    const key = annualNarrativeKey(2024);
    const first = await store().create({ key, introduction: 'First version.', keyMessages: 'Kept as it is.' });
    if (!first.ok) throw new Error('seed');
    await openAnnual(2024, 'governance');
    const intro = await screen.findByRole('textbox', { name: 'Introduction (English)' }, { timeout: 20_000 });
    await waitFor(() => expect(intro).toHaveValue('First version.'));

    // Someone else saves while this person writes.
    const theirs = await store().update({ ...first.value, introduction: 'Their version.' });
    if (!theirs.ok) throw new Error('their save');
    await user.clear(intro);
    await user.type(intro, 'My version.');
    await user.click(screen.getByRole('button', { name: 'Save the report text' }));

    const dialog = await screen.findByRole('alertdialog', { name: 'Someone else saved the report text' });
    expect(within(dialog).getByTestId('mine-introduction')).toHaveTextContent('My version.');
    expect(within(dialog).getByTestId('theirs-introduction')).toHaveTextContent('Their version.');
    // Back to editing: nothing typed is lost, nothing was overwritten.
    await user.click(within(dialog).getByRole('button', { name: 'Back to editing' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    expect(intro).toHaveValue('My version.');
    const between = await store().find(key);
    expect(between.ok && between.value?.introduction).toBe('Their version.');

    // Save again: the dialog again; keep mine.
    await user.click(screen.getByRole('button', { name: 'Save the report text' }));
    const again = await screen.findByRole('alertdialog', { name: 'Someone else saved the report text' });
    await user.click(within(again).getByRole('radio', { name: 'Your version' }));
    await user.click(within(again).getByRole('button', { name: 'Save my choices' }));
    expect(await screen.findByText('The report text is saved.', {}, { timeout: 20_000 })).toBeInTheDocument();
    await settle();
    const after = await store().find(key);
    expect(after.ok && after.value).toMatchObject({ introduction: 'My version.', keyMessages: 'Kept as it is.' });
  });

  it('keeps what was typed in this browser until it is saved: a reload brings it back', async () => {
    const user = userEvent.setup();
    await openAnnual(2021, 'governance');
    const intro = await screen.findByRole('textbox', { name: 'Key messages (Welsh)' }, { timeout: 20_000 });
    await user.type(intro, 'Drafft heb ei gadw.');
    await settle();
    cleanup();

    await openAnnual(2021, 'governance');
    const again = await screen.findByRole('textbox', { name: 'Key messages (Welsh)' }, { timeout: 20_000 });
    expect(again).toHaveValue('Drafft heb ei gadw.');
    expect(
      screen.getByText('Your text that was not saved is back in the form. Save it when it is ready.'),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save the report text' }));
    expect(await screen.findByText('The report text is saved.', {}, { timeout: 20_000 })).toBeInTheDocument();
    await settle();
    const stored = await store().find(annualNarrativeKey(2021));
    expect(stored.ok && stored.value?.keyMessagesCy).toBe('Drafft heb ei gadw.');
    cleanup();

    // Saved: nothing left to restore.
    await openAnnual(2021, 'governance');
    await waitFor(() =>
      expect(screen.getByRole('textbox', { name: 'Key messages (Welsh)' })).toHaveValue('Drafft heb ei gadw.'),
    );
    expect(
      screen.queryByText('Your text that was not saved is back in the form. Save it when it is ready.'),
    ).not.toBeInTheDocument();
    await settle();
  });

  it('goes into the Word document, offered beside the Excel workbook', async () => {
    const user = userEvent.setup();
    const key = annualNarrativeKey(2022);
    const seeded = await store().create({ key, keyMessages: 'Partnerships are reviewed on time & in full.' });
    if (!seeded.ok) throw new Error('seed');
    const blobs: Blob[] = [];
    const names: string[] = [];
    jest.spyOn(URL, 'createObjectURL').mockImplementation((b: Blob | MediaSource) => {
      blobs.push(b as Blob);
      return 'blob:report';
    });
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    await openAnnual(2022, 'officer');
    const actions = screen.getByRole('group', { name: 'Report actions' });
    expect(within(actions).getByRole('button', { name: 'Download Excel workbook' })).toBeInTheDocument();
    await within(screen.getByRole('region', { name: "The governance team's report" })).findByText(
      'Partnerships are reviewed on time & in full.',
      {},
      { timeout: 20_000 },
    );
    await user.click(within(actions).getByRole('button', { name: 'Download Word document' }));
    await waitFor(() => expect(blobs).toHaveLength(1), { timeout: 30_000 });
    expect(names).toEqual(['annual-summary-2022-23.docx']);
    expect(blobs[0]?.type).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const files = unzipSync(new Uint8Array(await blobs[0]!.arrayBuffer()));
    const xml = strFromU8(files['word/document.xml']!);
    expect(xml.includes('Partnerships are reviewed on time &amp; in full.')).toBe(true);
    expect(xml.includes('annual report to the Governance and Audit Committee, 2022–23')).toBe(true);
    await settle();
  });
});
