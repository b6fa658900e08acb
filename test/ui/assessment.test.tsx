/** @jest-environment ./test/ui/jsdom-with-fetch-env.js */
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { RunningListServer } from '../../src/local/server';
import type { Answer, Assessment, AssessmentTemplate } from '../../src/domain';
import { exportTable } from '../../src/ui/features/register/exportView';
import { translate } from '../../src/i18n';
import { renderTab, servicesFor, setFaults, settle, startServer } from './helpers';

/** A small template of every kind of question, saved by the governance team before the tests. */
const TEMPLATE: AssessmentTemplate = {
  key: 'runner-test',
  version: 1,
  status: 'published',
  titleEn: 'Runner test check',
  titleCy: 'Gwiriad prawf y rhedwr',
  sections: [
    { key: 'direction', titleEn: 'Local direction', titleCy: 'Cyfeiriad lleol' },
    { key: 'evidence', titleEn: 'Evidence', titleCy: 'Tystiolaeth' },
  ],
  questions: [
    {
      key: 'purpose',
      sectionKey: 'direction',
      order: 1,
      textEn: 'Is the purpose clear?',
      textCy: "Ydy'r diben yn glir?",
      guidanceEn: 'Look at the partnership agreement.',
      guidanceCy: 'Edrychwch ar y cytundeb partneriaeth.',
      kind: 'rag',
      required: true,
      allowNotApplicable: false,
      weight: 1,
    },
    {
      key: 'performance',
      sectionKey: 'direction',
      order: 2,
      textEn: 'How well does it perform?',
      textCy: 'Pa mor dda y mae’n perfformio?',
      kind: 'score',
      required: true,
      allowNotApplicable: false,
      weight: 1,
    },
    {
      key: 'scrutiny',
      sectionKey: 'direction',
      order: 3,
      textEn: 'Is scrutiny built in from the start?',
      textCy: "A yw craffu wedi'i gynnwys o'r dechrau?",
      kind: 'yesPartialNo',
      required: true,
      allowNotApplicable: true,
      weight: 1,
    },
    {
      key: 'reviewedOn',
      sectionKey: 'evidence',
      order: 1,
      textEn: 'When was it last reviewed?',
      textCy: 'Pryd cafodd ei adolygu ddiwethaf?',
      kind: 'date',
      required: false,
      allowNotApplicable: false,
      weight: 0,
    },
    {
      key: 'minutes',
      sectionKey: 'evidence',
      order: 2,
      textEn: 'Link to the minutes',
      textCy: "Dolen i'r cofnodion",
      kind: 'evidence',
      required: false,
      allowNotApplicable: false,
      weight: 0,
    },
    {
      key: 'comments',
      sectionKey: 'evidence',
      order: 3,
      textEn: 'Anything else?',
      textCy: 'Unrhyw beth arall?',
      kind: 'text',
      required: false,
      allowNotApplicable: false,
      weight: 0,
    },
  ],
  thresholds: { green: 75, amber: 50 },
};

let server: RunningListServer;
let counter = 0;

const stores = () => servicesFor(server.siteUrl, { devUser: 'governance' }).stores;

beforeAll(async () => {
  server = await startServer();
  const saved = await stores().templates.save(TEMPLATE);
  if (!saved.ok) throw new Error(saved.error.code);
});
afterAll(() => server.close());
beforeEach(() => localStorage.clear());

async function collaborationId(reference: string): Promise<number> {
  const r = await stores().collaborations.getByReference(reference);
  if (!r.ok) throw new Error(r.error.code);
  return r.value.id;
}

/** A draft (or submitted) assessment of a collaboration, made straight in the list. */
async function anAssessment(
  reference: string,
  answers: Record<string, Answer> = {},
  extra: Partial<Assessment> = {},
): Promise<Assessment & { id: number; etag: string }> {
  counter += 1;
  const r = await stores().assessments.create({
    key: `ASM-UI-${counter}-${Date.now().toString(36)}`,
    collaborationId: await collaborationId(reference),
    templateKey: TEMPLATE.key,
    templateVersion: 1,
    status: 'draft',
    answers,
    ...extra,
  });
  if (!r.ok) throw new Error(r.error.code);
  return r.value;
}

async function stored(key: string) {
  const r = await stores().assessments.getByKey(key);
  if (!r.ok) throw new Error(r.error.code);
  return r.value;
}

const openAssessment = async (key: string, query = '') => {
  renderTab(server.siteUrl, { hash: `#/assessment/${key}${query}` });
  return screen.findByRole('heading', { level: 1, name: 'Runner test check' });
};

const group = (name: RegExp) => screen.getByRole('radiogroup', { name });

const AUTOSAVE = { timeout: 10_000 };

const faults = (rate: number) => setFaults(server, rate);

describe('the assessment form runner', () => {
  // This once failed under load: jsdom's missing layout made the dialog focus its own surface, and tabster
  // then hid the dialog (see test/ui/setup.ts). Pages also leave focus in an open modal (src/ui/components/focus.ts).
  it('a draft started from a link can be discarded by its author after confirming', async () => {
    const user = userEvent.setup();
    // A record no other test here starts an assessment on.
    const start = '#/assessment/new?collaboration=COL-0030&template=runner-test';
    renderTab(server.siteUrl, { hash: start });
    await screen.findByRole('heading', { level: 1, name: 'Runner test check' });
    const first = decodeURIComponent(window.location.hash.replace('#/assessment/', ''));
    // (Opening the link a second time is covered against the server in test/integration/data/assessmentDrafts.)

    // Who-am-I and the draft's reads finish before the click, so no late render replaces the page under it.
    await settle();
    await user.click(screen.getByRole('button', { name: 'Discard this draft' }));
    // The dialog mounts after a render pass that a loaded machine can make slower than the default 1 s.
    const dialog = await screen.findByRole('dialog', { name: 'Discard this draft?' }, { timeout: 5_000 });
    // Focus moves into the dialog, to its first button, as in a browser.
    await waitFor(() => expect(within(dialog).getByRole('button', { name: 'Discard the draft' })).toHaveFocus());
    await user.click(within(dialog).getByRole('button', { name: 'Discard the draft' }));
    await waitFor(() => expect(window.location.hash).toMatch(/^#\/collaboration\/COL-0030/));
    await settle();
    const gone = await stores().assessments.getByKey(first);
    expect(gone.ok ? 'still there' : gone.error.code).toBe('notFound');
  });

  it('starts from the record with a chosen template, once, and shows one section at a time with progress', async () => {
    const user = userEvent.setup();
    renderTab(server.siteUrl, { hash: '#/collaboration/COL-0011?tab=assessments' });
    const choose = await screen.findByRole('combobox', { name: 'Template to answer' });
    await user.selectOptions(choose, 'Runner test check');
    await user.click(screen.getByRole('button', { name: 'Start an assessment' }));
    await screen.findByRole('heading', { level: 1, name: 'Runner test check' });
    expect(screen.getByText('Section 1 of 2')).toBeInTheDocument();
    expect(screen.getByText('0 of 6 answered; 0 of 3 required answered')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Local direction' })).toBeInTheDocument();
    expect(screen.getByText(/Look at the partnership agreement\./)).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: /Anything else/ })).toBeNull();

    await user.click(within(group(/Is the purpose clear/)).getByRole('radio', { name: 'Green' }));
    expect(screen.getByText('1 of 6 answered; 1 of 3 required answered')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Next section' }));
    expect(screen.getByText('Section 2 of 2')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Evidence' })).toHaveFocus();
    expect(screen.getByRole('textbox', { name: /Anything else/ })).toBeInTheDocument();
    expect(screen.queryByRole('radiogroup', { name: /Is the purpose clear/ })).toBeNull();

    const key = decodeURIComponent(window.location.hash.replace('#/assessment/', ''));
    expect(key).toMatch(/^ASM-COL-0011-/);
    // The page goes before its autosave of that answer runs, so no update lands outside act().
    cleanup();
    const all = await stores().assessments.forCollaboration(await collaborationId('COL-0011'));
    expect(all.ok && all.value.filter((a) => a.templateKey === TEMPLATE.key).map((a) => a.key)).toEqual([key]);
  });

  it('refuses a link that is not http(s) with a message, and saves only acceptable answers', async () => {
    const user = userEvent.setup();
    const a = await anAssessment('COL-0012');
    await openAssessment(a.key);
    await user.click(within(group(/Is the purpose clear/)).getByRole('radio', { name: 'Amber' }));
    await user.click(screen.getByRole('button', { name: /Go to section 2/ }));
    const link = screen.getByRole('textbox', { name: /Link to the minutes/ });
    await user.type(link, 'see the shared drive');
    await user.tab();
    expect(link).toHaveAccessibleDescription(expect.stringContaining('Enter a web address starting with https://'));
    await waitFor(() => expect(screen.getByTestId('save-status')).toHaveTextContent(/Saved at \d\d:\d\d/), AUTOSAVE);
    expect((await stored(a.key)).answers).toEqual({ purpose: { kind: 'rag', value: 'amber' } });
    expect(screen.getByText(/Answers with a problem are kept on this device/)).toBeInTheDocument();
  });

  it('autosaves a few seconds after the last change, with the time it saved', async () => {
    const user = userEvent.setup();
    const a = await anAssessment('COL-0013');
    await openAssessment(a.key);
    await user.click(within(group(/How well does it perform/)).getByRole('radio', { name: '4' }));
    expect(screen.getByTestId('save-status')).toHaveTextContent('Changes not yet saved');
    await waitFor(() => expect(screen.getByTestId('save-status')).toHaveTextContent(/Saved at/), AUTOSAVE);
    expect((await stored(a.key)).answers).toEqual({ performance: { kind: 'score', value: 4 } });
  });

  it('keeps unsaved answers on this device across a reload, and says so', async () => {
    const user = userEvent.setup();
    const a = await anAssessment('COL-0014');
    await openAssessment(a.key);
    await user.click(within(group(/Is scrutiny built in/)).getByRole('radio', { name: 'Not applicable' }));
    await waitFor(() => expect(localStorage.getItem(`collaboration-register:assessment:${a.key}`)).not.toBeNull());
    cleanup(); // the page goes before the autosave runs
    expect((await stored(a.key)).answers).toEqual({});
    await openAssessment(a.key);
    expect(await screen.findByText('Your answers are back')).toBeInTheDocument();
    expect(within(group(/Is scrutiny built in/)).getByRole('radio', { name: 'Not applicable' })).toBeChecked();
    await waitFor(() => expect(screen.getByTestId('save-status')).toHaveTextContent(/Saved at/), AUTOSAVE);
    expect((await stored(a.key)).answers).toEqual({ scrutiny: { kind: 'notApplicable' } });
  });

  it('keeps answers on this device while SharePoint refuses, says so, and saves when it can', async () => {
    const user = userEvent.setup();
    const a = await anAssessment('COL-0021');
    await openAssessment(a.key);
    await faults(1);
    try {
      await user.click(within(group(/Is the purpose clear/)).getByRole('radio', { name: 'Red' }));
      await waitFor(
        () => expect(screen.getByTestId('save-status')).toHaveTextContent(/Not saved yet: .* kept on this device/),
        AUTOSAVE,
      );
      expect(localStorage.getItem(`collaboration-register:assessment:${a.key}`)).toContain('"red"');
    } finally {
      await faults(0);
    }
    await waitFor(() => expect(screen.getByTestId('save-status')).toHaveTextContent(/Saved at/), { timeout: 20_000 });
    expect((await stored(a.key)).answers).toEqual({ purpose: { kind: 'rag', value: 'red' } });
  });

  it('lists what is missing on submit, each linked to its question, and submits nothing', async () => {
    const user = userEvent.setup();
    const a = await anAssessment('COL-0015', { purpose: { kind: 'rag', value: 'green' } });
    await openAssessment(a.key);
    await user.click(screen.getByRole('button', { name: 'Submit the assessment' }));
    const list = await screen.findByRole('list', { name: 'The assessment cannot be submitted yet' });
    const items = within(list)
      .getAllByRole('button')
      .map((b) => b.textContent);
    expect(items).toEqual([
      'Local direction: How well does it perform? — This field is required.',
      'Local direction: Is scrutiny built in from the start? — This field is required.',
    ]);
    await user.click(screen.getByRole('button', { name: 'Next section' }));
    await user.click(within(list).getByRole('button', { name: /Is scrutiny built in/ }));
    await waitFor(() =>
      expect(within(group(/Is scrutiny built in/)).getByRole('radio', { name: 'Yes' })).toHaveFocus(),
    );
    expect((await stored(a.key)).status).toBe('draft');
  });

  it('submits: freezes the assessment read-only and printable, and puts the RAG and score on the record', async () => {
    const user = userEvent.setup();
    const a = await anAssessment('COL-0016', { purpose: { kind: 'rag', value: 'green' } });
    await openAssessment(a.key);
    await user.click(within(group(/How well does it perform/)).getByRole('radio', { name: '5' }));
    await user.click(within(group(/Is scrutiny built in/)).getByRole('radio', { name: 'Partial' }));
    await user.click(screen.getByRole('button', { name: 'Submit the assessment' }));
    expect(await screen.findByText(/The assessment is submitted\./)).toBeInTheDocument();
    expect(screen.getByText('This assessment was submitted and cannot be changed.')).toBeInTheDocument();
    expect(screen.queryAllByRole('radio')).toEqual([]);
    expect(screen.queryByRole('button', { name: 'Submit the assessment' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Print' })).toBeInTheDocument();
    // (100 + 100 + 50) / 3
    expect(screen.getByTestId('assessment-score')).toHaveTextContent('83.3%');
    const frozen = await stored(a.key);
    expect(frozen).toMatchObject({ status: 'submitted', score: 83.3, overallRag: 'green', templateVersion: 1 });
    expect(frozen.submittedBy?.displayName).toBeTruthy();
    const record = await stores().collaborations.getByReference('COL-0016');
    expect(record.ok && [record.value.lastAssessmentRag, record.value.lastAssessmentScore]).toEqual(['green', 83.3]);
    const t = ((key: string, p?: Record<string, string | number>) => translate('en-GB', key, p)) as never;
    const table = exportTable([record.ok ? record.value : (undefined as never)], t, '2026-03-02');
    const heading = (h: string) => table.rows[0]?.[table.headings.indexOf(h)];
    expect(heading('Last assessment RAG')).toEqual({ kind: 'text', value: 'Green' });
    expect(heading('Last assessment score')).toEqual({ kind: 'number', value: 83.3 });
  });

  it('compares with the previous assessment question by question, with the score before and after', async () => {
    const before = await anAssessment(
      'COL-0017',
      {
        purpose: { kind: 'rag', value: 'red' },
        performance: { kind: 'score', value: 2 },
        scrutiny: { kind: 'yesPartialNo', value: 'yes' },
      },
      { status: 'submitted', score: 41.7, overallRag: 'red', submittedOn: '2025-03-01T10:00:00Z' },
    );
    const after = await anAssessment(
      'COL-0017',
      {
        purpose: { kind: 'rag', value: 'green' },
        performance: { kind: 'score', value: 2 },
        scrutiny: { kind: 'yesPartialNo', value: 'yes' },
      },
      { status: 'submitted', score: 75, overallRag: 'green', submittedOn: '2026-03-01T10:00:00Z' },
    );
    const user = userEvent.setup();
    await openAssessment(after.key);
    await user.click(screen.getByRole('button', { name: 'Compare with previous' }));
    const table = await screen.findByRole('table', { name: 'Answers that changed' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(
      rows.map((r) =>
        within(r)
          .getAllByRole('cell')
          .map((c) => c.textContent),
      ),
    ).toEqual([['Local direction', 'Is the purpose clear?', 'Red', 'Green', 'Up 100 points']]);
    expect(screen.getByTestId('compare-overall')).toHaveTextContent('Score: 41.7% → 75%');
    expect(screen.getByTestId('compare-overall')).toHaveTextContent('RAG: Red → Green');
    expect(window.location.hash).toBe(`#/assessment/${after.key}?compare=${before.key}`);
  });

  it('two people answering one draft meet the conflict dialog, and the merge keeps what each chose', async () => {
    const user = userEvent.setup();
    const a = await anAssessment('COL-0018', { purpose: { kind: 'rag', value: 'amber' } });
    await openAssessment(a.key);
    // Someone else saves an answer meanwhile.
    const other = await stores().assessments.update({
      ...a,
      answers: { purpose: { kind: 'rag', value: 'red' }, performance: { kind: 'score', value: 1 } },
    });
    expect(other.ok).toBe(true);
    await user.click(within(group(/Is the purpose clear/)).getByRole('radio', { name: 'Green' }));
    const dialog = await screen.findByRole(
      'alertdialog',
      { name: 'Someone else saved this assessment', hidden: true },
      AUTOSAVE,
    );
    const inDialog = within(dialog);
    expect(inDialog.getByTestId('mine-purpose')).toHaveTextContent('Green');
    expect(inDialog.getByTestId('theirs-purpose')).toHaveTextContent('Red');
    expect(inDialog.getByTestId('mine-performance')).toHaveTextContent('No answer');
    expect(inDialog.getByTestId('theirs-performance')).toHaveTextContent('1');
    const choice = (name: RegExp) => inDialog.getByRole('radiogroup', { name, hidden: true });
    expect(
      within(choice(/Is the purpose clear/)).getByRole('radio', { name: 'Keep yours', hidden: true }),
    ).toBeChecked();
    expect(
      within(choice(/How well does it perform/)).getByRole('radio', { name: 'Keep theirs', hidden: true }),
    ).toBeChecked();
    // Nothing was overwritten while the person decides.
    expect((await stored(a.key)).answers).toEqual(other.ok ? other.value.answers : {});
    await user.click(inDialog.getByRole('button', { name: 'Save the merged answers', hidden: true }));
    await waitFor(async () =>
      expect((await stored(a.key)).answers).toEqual({
        purpose: { kind: 'rag', value: 'green' },
        performance: { kind: 'score', value: 1 },
      }),
    );
    // The server has the merge; the page's own save is still taking its answer in.
    await settle();
    expect(within(group(/How well does it perform/)).getByRole('radio', { name: '1' })).toBeChecked();
  });

  it('lists the record’s assessments with status, RAG in words and score', async () => {
    await anAssessment(
      'COL-0019',
      { purpose: { kind: 'rag', value: 'amber' } },
      { status: 'submitted', score: 62.5, overallRag: 'amber', submittedOn: '2026-02-01T10:00:00Z' },
    );
    renderTab(server.siteUrl, { hash: '#/collaboration/COL-0019?tab=assessments' });
    const table = await screen.findByRole('table', { name: 'Assessments of this collaboration' });
    const row = within(table).getByRole('row', { name: /Runner test check/ });
    expect(within(row).getByText('Submitted')).toBeInTheDocument();
    expect(within(row).getByText('Amber')).toBeInTheDocument();
    expect(within(row).getByText('62.5%')).toBeInTheDocument();
    expect(within(row).getByRole('link', { name: /Open: Runner test check/ })).toBeInTheDocument();
  });

  it('shows the questions in Welsh for a Welsh speaker', async () => {
    const a = await anAssessment('COL-0020');
    renderTab(server.siteUrl, { hash: `#/assessment/${a.key}`, locale: 'cy-GB' });
    await screen.findByRole('heading', { level: 1, name: 'Gwiriad prawf y rhedwr' });
    expect(screen.getByText('Adran 1 o 2')).toBeInTheDocument();
    expect(screen.getByRole('radiogroup', { name: /Ydy'r diben yn glir/ })).toBeInTheDocument();
    expect(within(group(/A yw craffu/)).getByRole('radio', { name: 'Amherthnasol' })).toBeInTheDocument();
  });

  it('shows an assessment with the questions of the version it was answered against, after a new version is published', async () => {
    const a = await anAssessment('COL-0022', { purpose: { kind: 'rag', value: 'green' } });
    const v2: AssessmentTemplate = {
      ...TEMPLATE,
      version: 2,
      questions: TEMPLATE.questions.map((q) =>
        q.key === 'purpose' ? { ...q, textEn: 'Is the purpose written down and agreed?' } : q,
      ),
    };
    const saved = await stores().templates.save(v2);
    expect(saved.ok).toBe(true);
    await openAssessment(a.key);
    expect(screen.getByText(/Runner test check, version 1/)).toBeInTheDocument();
    expect(within(group(/Is the purpose clear/)).getByRole('radio', { name: 'Green' })).toBeChecked();
    expect(screen.queryByText('Is the purpose written down and agreed?')).toBeNull();
  });
});
