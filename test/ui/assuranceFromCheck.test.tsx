/** @jest-environment ./test/ui/jsdom-with-fetch-env.js */
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { RunningListServer } from '../../src/local/server';
import { newAssessment, submitAssessment, type Assessment, type AssessmentTemplate } from '../../src/domain';
import { SHIPPED_TEMPLATES } from '../../src/domain/shippedTemplates';
import { renderTab, servicesFor, settle, startServer, TODAY } from './helpers';

/**
 * A governance arrangements check gives an assurance level, in the tab (issue 18): the governance
 * team reads the submitted check, sees the level its score suggests, gives one with a reason, and
 * the check and the record show it; an officer reads the check without the form. In Welsh too.
 */
jest.setTimeout(75_000);
let server: RunningListServer;
const template = SHIPPED_TEMPLATES.find((t) => t.key === 'governance-arrangements') as AssessmentTemplate;
const gov = () => servicesFor(server.siteUrl, { devUser: 'governance' }).stores;

beforeAll(async () => {
  server = await startServer();
  const saved = await gov().templates.save(template);
  if (!saved.ok && saved.error.code !== 'duplicate') throw new Error(saved.error.code);
});
afterAll(() => server.close());
beforeEach(() => localStorage.clear());

let counter = 0;
/** A submitted check of the record, every question answered amber, partial or 3 of 5 (a score of 50%). */
async function aSubmittedCheck(reference: string): Promise<Assessment> {
  counter += 1;
  const record = await gov().collaborations.getByReference(reference);
  if (!record.ok) throw new Error(record.error.code);
  const draft = newAssessment({ key: `ASM-GA-${counter}-${Date.now()}`, collaborationId: record.value.id, template });
  if (!draft.ok) throw new Error(JSON.stringify(draft.error));
  const created = await gov().assessments.create(draft.value);
  if (!created.ok) throw new Error(created.error.code);
  const answers: Assessment['answers'] = {};
  for (const q of template.questions) {
    if (q.kind === 'rag') answers[q.key] = { kind: 'rag', value: 'amber' };
    else if (q.kind === 'yesPartialNo') answers[q.key] = { kind: 'yesPartialNo', value: 'partial' };
    else if (q.kind === 'score') answers[q.key] = { kind: 'score', value: 3 };
  }
  const frozen = submitAssessment(
    { ...created.value, answers },
    template,
    { id: 6, displayName: 'Siân Powell' },
    `${TODAY}T09:00:00Z`,
  );
  if (!frozen.ok) throw new Error(JSON.stringify(frozen.error));
  const saved = await gov().assessments.update({ ...created.value, ...frozen.value });
  if (!saved.ok) throw new Error(saved.error.code);
  expect(saved.value.score).toBe(50);
  return saved.value;
}

const section = () => screen.findByRole('region', { name: 'Assurance from this check' });

describe('assurance from a governance arrangements check', () => {
  it('the governance team gives a level with a reason; the check and the record show it', async () => {
    const user = userEvent.setup();
    const check = await aSubmittedCheck('COL-0021');
    renderTab(server.siteUrl, { hash: `#/assessment/${check.key}`, devUser: 'governance' });
    const region = await section();
    expect(await within(region).findByText('The score of 50% suggests Limited assurance.')).toBeInTheDocument();

    // Nothing chosen, nothing written: each field says what it needs.
    await user.click(within(region).getByRole('button', { name: 'Give the assurance level' }));
    expect(await within(region).findByText('Choose one of the options.')).toBeInTheDocument();
    expect(within(region).getByText('This field is required.')).toBeInTheDocument();

    await user.click(within(region).getByRole('radio', { name: 'Limited assurance' }));
    expect(within(region).getByText(/next review will be due within 6 months of today/)).toBeInTheDocument();
    await user.type(
      within(region).getByRole('textbox', { name: /Why this level/ }),
      'No risk register; the agreement has lapsed.',
    );
    await user.click(within(region).getByRole('button', { name: 'Give the assurance level' }));
    expect(await within(region).findByRole('status')).toHaveTextContent(
      /The record now has Limited assurance\. Its next review is due/,
    );
    // The check now shows what it gave, and no form.
    expect(within(region).getByText('No risk register; the agreement has lapsed.')).toBeInTheDocument();
    expect(within(region).getByText('Siân Powell')).toBeInTheDocument();
    expect(within(region).queryByRole('button', { name: 'Give the assurance level' })).toBeNull();
    await settle();

    const record = await gov().collaborations.getByReference('COL-0021');
    expect(record.ok && record.value).toMatchObject({ assuranceLevel: 'limited', assuranceDate: TODAY });
    cleanup();

    // Opened again, as an officer: the level the check gave, read-only.
    renderTab(server.siteUrl, { hash: `#/assessment/${check.key}` });
    const again = await section();
    expect(await within(again).findByText('Limited assurance')).toBeInTheDocument();
    expect(within(again).getByText('No risk register; the agreement has lapsed.')).toBeInTheDocument();
  });

  it('an officer sees that none is given yet, and no form', async () => {
    const check = await aSubmittedCheck('COL-0022');
    renderTab(server.siteUrl, { hash: `#/assessment/${check.key}` });
    const region = await section();
    // Once the tab knows who this is (the governance team would get the form), not while it is finding out.
    await settle();
    expect(within(region).getByText('No assurance level has been given from this check yet.')).toBeInTheDocument();
    expect(within(region).queryByRole('radiogroup')).toBeNull();
    expect(within(region).queryByRole('button')).toBeNull();
  });

  it('in Welsh: the heading, the suggestion and the levels', async () => {
    const check = await aSubmittedCheck('COL-0023');
    renderTab(server.siteUrl, { hash: `#/assessment/${check.key}`, devUser: 'governance', locale: 'cy-GB' });
    const region = await screen.findByRole('region', { name: "Sicrwydd o'r gwiriad hwn" });
    expect(await within(region).findByText("Mae'r sgôr o 50% yn awgrymu Sicrwydd cyfyngedig.")).toBeInTheDocument();
    expect(within(region).getByRole('radio', { name: 'Sicrwydd sylweddol' })).toBeInTheDocument();
    expect(within(region).getByRole('button', { name: "Rhoi'r lefel sicrwydd" })).toBeInTheDocument();
  });
});
