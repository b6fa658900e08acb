/** @jest-environment ./test/ui/jsdom-with-fetch-env.js */
import { cleanup, configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { RunningListServer } from '../../src/local/server';
import { renderTab, servicesFor, setFaults, startServer } from './helpers';

// Editing renders a whole template's fields; on a shared, busy machine a journey can take a while.
jest.setTimeout(120_000);
configure({ asyncUtilTimeout: 10_000 });

let server: RunningListServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => localStorage.clear());
afterEach(cleanup);

const faults = (rate: number) => setFaults(server, rate);

const store = () => servicesFor(server.siteUrl, { devUser: 'governance' }).stores.templates;

async function stored(key: string, version: number) {
  return store().version(key, version);
}

/** Types as a person pasting: one change, not one render per letter. */
async function fill(user: ReturnType<typeof userEvent.setup>, field: HTMLElement, text: string) {
  await user.clear(field);
  await user.click(field);
  await user.paste(text);
}

const openTemplate = async (key: string, locale: 'en-GB' | 'cy-GB' = 'en-GB') => {
  renderTab(server.siteUrl, { hash: `#/templates/${key}`, devUser: 'governance', locale });
  return screen.findByRole('button', { name: locale === 'en-GB' ? 'Edit a new version' : 'Golygu fersiwn newydd' });
};

describe('assessment templates, for the governance team', () => {
  it('lists the four templates that ship with version, status and question count, in English and Welsh', async () => {
    renderTab(server.siteUrl, { hash: '#/templates', devUser: 'governance' });
    const table = await screen.findByRole('table', { name: 'Assessment templates' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(4);
    // In the order the issue numbers them.
    expect(rows.map((r) => within(r).getByRole('link').textContent)).toEqual([
      'WLGA Collaboration Principles',
      'Governance arrangements check: the eight essential components',
      'Critical success factors for collaboration',
      'Well-being of Future Generations: the five ways of working',
    ]);
    const wlga = within(table).getByRole('link', { name: 'WLGA Collaboration Principles' }).closest('tr');
    expect(wlga).not.toBeNull();
    expect(
      within(wlga as HTMLElement)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['WLGA Collaboration Principles', '1', 'Published', '14']);
    expect(within(table).getByRole('link', { name: /eight essential components/ })).toHaveAttribute(
      'href',
      '#/templates/governance-arrangements',
    );
    cleanup();

    renderTab(server.siteUrl, { hash: '#/templates', devUser: 'governance', locale: 'cy-GB' });
    const cyTable = await screen.findByRole('table', { name: 'Templedi asesu' });
    expect(within(cyTable).getByRole('link', { name: 'Egwyddorion Cydweithio CLlLC' })).toBeInTheDocument();
    expect(within(cyTable).getByRole('link', { name: /y pum ffordd o weithio/ })).toBeInTheDocument();
  });

  it('shows a published version read only, with its source', async () => {
    await openTemplate('five-ways-of-working');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(
      'Well-being of Future Generations: the five ways of working',
    );
    expect(screen.getByText(/Published versions cannot be changed/)).toBeInTheDocument();
    expect(screen.getByText(/Wording from: Well-being of Future Generations \(Wales\) Act 2015/)).toBeInTheDocument();
    for (const way of ['Long term', 'Prevention', 'Integration', 'Collaboration', 'Involvement']) {
      expect(screen.getByRole('heading', { level: 2, name: way })).toBeInTheDocument();
    }
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.queryByRole('button', { name: /Remove question/ })).toBeNull();
  });

  it('edits the wording of a draft of version 2 in both languages and publishes it; version 1 is unchanged', async () => {
    const user = userEvent.setup();
    await user.click(await openTemplate('wlga-principles'));
    expect(screen.getByText(/You are editing a draft of version 2/)).toBeInTheDocument();
    // The button that was pressed is gone: focus moves to the draft's first field.
    await waitFor(() => expect(screen.getByLabelText(/^Name \(English\)/)).toHaveFocus());
    await fill(user, screen.getByLabelText(/^Question 1 \(English\)/), 'Is it led and directed locally?');
    await fill(user, screen.getByLabelText(/^Question 1 \(Welsh\)/), "A yw'n cael ei arwain yn lleol?");
    expect(screen.getByText('You have unsaved changes.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Publish version 2' }));
    expect(await screen.findByText(/Version 2 is published/)).toBeInTheDocument();
    // The page now shows the published version 2, read only, with the new wording.
    expect(screen.getByText('Is it led and directed locally?')).toBeInTheDocument();
    expect(screen.queryByRole('textbox')).toBeNull();

    const v2 = await stored('wlga-principles', 2);
    expect(v2.ok && v2.value.status).toBe('published');
    expect(v2.ok && v2.value.questions.find((q) => q.key === 'locallyDriven')?.textCy).toBe(
      "A yw'n cael ei arwain yn lleol?",
    );
    const v1 = await stored('wlga-principles', 1);
    expect(v1.ok && v1.value.questions.find((q) => q.key === 'locallyDriven')?.textEn).toBe(
      'Is the collaboration locally driven and subject to local democratic direction?',
    );
  });

  it('refuses to publish a template with no questions, saying why, and saves nothing', async () => {
    const user = userEvent.setup();
    await user.click(await openTemplate('critical-success-factors'));
    for (let n = 10; n >= 1; n -= 1) {
      await user.click(screen.getByRole('button', { name: `Remove question ${n}` }));
    }
    expect(screen.queryByRole('button', { name: /Remove question/ })).toBeNull();
    // Focus stays in the section the questions were removed from.
    expect(screen.getByRole('button', { name: 'Add a question to section 1' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Publish version 2' }));
    expect(await screen.findByText('Not published: correct the problems below')).toBeInTheDocument();
    expect(screen.getByText('A template with no questions cannot be published.')).toBeInTheDocument();
    const v2 = await stored('critical-success-factors', 2);
    expect(!v2.ok && v2.error.code).toBe('notFound');
  });

  it('refuses to publish a question without Welsh text, naming the question', async () => {
    const user = userEvent.setup();
    await user.click(await openTemplate('governance-arrangements'));
    await user.click(screen.getByRole('button', { name: 'Add a question to section 8' }));
    await fill(user, screen.getByLabelText(/^Question 17 \(English\)/), 'Is the exit plan costed?');
    await user.click(screen.getByRole('button', { name: 'Publish version 2' }));
    expect(await screen.findByText('Question 17 (Welsh): This field is required.')).toBeInTheDocument();
    const v2 = await stored('governance-arrangements', 2);
    expect(!v2.ok && v2.error.code).toBe('notFound');
  });

  it('saves a draft, keeps unsaved typing over a reload, and shows a conflict with both versions', async () => {
    const user = userEvent.setup();
    await user.click(await openTemplate('five-ways-of-working'));
    await fill(user, screen.getByLabelText(/^Question 1 \(English\)/), 'Does it plan for the long term?');
    await user.click(screen.getByRole('button', { name: 'Save draft' }));
    expect(await screen.findByText('Draft saved.')).toBeInTheDocument();
    const draft = await stored('five-ways-of-working', 2);
    expect(draft.ok && draft.value.status).toBe('draft');

    // Typed but not saved, then the page is reloaded: the typing is restored.
    await fill(user, screen.getByLabelText(/^Question 2 \(English\)/), 'How, in a sentence?');
    cleanup();
    renderTab(server.siteUrl, { hash: '#/templates/five-ways-of-working', devUser: 'governance' });
    expect(await screen.findByText(/Your unsaved changes to this draft were kept/)).toBeInTheDocument();
    expect(screen.getByLabelText(/^Question 2 \(English\)/)).toHaveValue('How, in a sentence?');

    // Meanwhile a colleague saves the same draft with other wording.
    if (!draft.ok) return;
    const theirs = {
      ...draft.value,
      questions: draft.value.questions.map((q) =>
        q.key === 'longTerm' ? { ...q, textEn: 'Their long-term wording' } : q,
      ),
    };
    expect((await store().save(theirs)).ok).toBe(true);

    await user.click(screen.getByRole('button', { name: 'Save draft' }));
    const dialog = await screen.findByRole('alertdialog');
    expect(within(dialog).getByText('Someone else changed this template while you were editing')).toBeInTheDocument();
    expect(
      within(dialog)
        .getAllByTestId(/^theirs-/)
        .map((c) => c.textContent),
    ).toContain('Their long-term wording');
    expect(
      within(dialog)
        .getAllByTestId(/^mine-/)
        .map((c) => c.textContent),
    ).toContain('How, in a sentence?');
    // Their save did not overwrite what the person typed, and nothing of theirs was overwritten either.
    const meanwhile = await stored('five-ways-of-working', 2);
    expect(meanwhile.ok && meanwhile.value.questions[0]?.textEn).toBe('Their long-term wording');
    await user.click(within(dialog).getByRole('button', { name: 'Keep mine' }));
    expect(await screen.findByText('Draft saved.')).toBeInTheDocument();
    await waitFor(async () => {
      const after = await stored('five-ways-of-working', 2);
      expect(after.ok && after.value.questions.map((q) => q.textEn).slice(0, 2)).toEqual([
        'Does it plan for the long term?',
        'How, in a sentence?',
      ]);
    });
  });
});

describe('assessment templates when SharePoint is busy', () => {
  it('shows the failure, keeps what was typed, and saves it on trying again', async () => {
    const user = userEvent.setup();
    await user.click(await openTemplate('governance-arrangements'));
    const guidance = screen.getByLabelText(/^Guidance for question 2 \(English\)/);
    await fill(user, guidance, 'Read the business case first.');
    await faults(1);
    try {
      await user.click(screen.getByRole('button', { name: 'Save draft' }));
      expect(await screen.findByText('The draft could not be saved')).toBeInTheDocument();
      expect(screen.getByText(/Nothing you typed is lost/)).toBeInTheDocument();
      expect(screen.getByLabelText(/^Guidance for question 2 \(English\)/)).toHaveValue(
        'Read the business case first.',
      );
    } finally {
      await faults(0);
    }
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Draft saved.')).toBeInTheDocument();
    const draft = await stored('governance-arrangements', 2);
    expect(draft.ok && draft.value.status).toBe('draft');
    expect(draft.ok && draft.value.questions[1]?.guidanceEn).toBe('Read the business case first.');
  });
});

describe('assessment templates, for anyone else', () => {
  it.each(['#/templates', '#/templates/wlga-principles'])(
    'an officer opening %s is told only the governance team can',
    async (hash) => {
      renderTab(server.siteUrl, { hash, devUser: 'officer' });
      expect(await screen.findByText('Only the governance team can edit templates')).toBeInTheDocument();
      expect(screen.queryByRole('table')).toBeNull();
      expect(screen.queryByRole('button', { name: 'Edit a new version' })).toBeNull();
    },
  );

  it('says so in Welsh too', async () => {
    renderTab(server.siteUrl, { hash: '#/templates', devUser: 'officer', locale: 'cy-GB' });
    expect(await screen.findByText('Dim ond y tîm llywodraethu all olygu templedi')).toBeInTheDocument();
  });
});
