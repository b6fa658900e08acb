import { provision, type ProvisionReport } from '../../../src/data/provisioning';
import { ASSESSMENT_QUESTIONS, ASSESSMENT_TEMPLATES } from '../../../src/data/schema';
import { buildTemplate } from '../../../src/data/template';
import { draftFrom, publishTemplate } from '../../../src/domain/assessment';
import { SHIPPED_TEMPLATES } from '../../../src/domain/shippedTemplates';
import { countItems, reposAs, spAs, startServer, type ListServer } from './helpers';

const templateSteps = (r: ProvisionReport) =>
  r.steps.filter((s) => s.kind === 'template').map((s) => [s.name, s.outcome]);

describe('provisioning seeds the assessment templates that ship', () => {
  let server: ListServer;
  beforeAll(async () => {
    server = await startServer({ empty: true });
  });
  afterAll(async () => {
    await server.close();
  });

  it('a dry run says it would create the four templates, and writes nothing', async () => {
    const lines: string[] = [];
    const report = await provision(spAs(server, 'governance'), { dryRun: true, log: (l) => lines.push(l) });
    expect(templateSteps(report)).toEqual(SHIPPED_TEMPLATES.map((t) => [t.key, 'created']));
    expect(lines).toContain('assessment template "wlga-principles": would create (version 1, 14 questions)');
  });

  it('creates version 1 of each, readable in English and Welsh through the template store', async () => {
    const lines: string[] = [];
    const report = await provision(spAs(server, 'governance'), { log: (l) => lines.push(l) });
    expect(report.ok).toBe(true);
    expect(templateSteps(report)).toEqual(SHIPPED_TEMPLATES.map((t) => [t.key, 'created']));
    expect(lines).toContain('assessment template "critical-success-factors": created (version 1, 10 questions)');

    // An officer reads them as the runner will.
    const published = await reposAs(server, 'governance').templates.published();
    expect(published.ok).toBe(true);
    if (!published.ok) return;
    const byKey = new Map(published.value.map((t) => [t.key, t]));
    expect([...byKey.keys()].sort()).toEqual(SHIPPED_TEMPLATES.map((t) => t.key).sort());
    for (const shipped of SHIPPED_TEMPLATES) {
      const read = byKey.get(shipped.key);
      // Everything round-trips: both languages, guidance, kinds, sections and thresholds.
      expect(read).toEqual(shipped);
    }
    expect(byKey.get('five-ways-of-working')?.sections.map((s) => s.titleCy)).toEqual([
      'Hirdymor',
      'Atal',
      'Integreiddio',
      'Cydweithio',
      'Cynnwys',
    ]);
    expect(byKey.get('governance-arrangements')?.sections).toHaveLength(8);
    const questions = SHIPPED_TEMPLATES.reduce((n, t) => n + t.questions.length, 0);
    expect(await countItems(server, ASSESSMENT_TEMPLATES.title)).toBe(4);
    expect(await countItems(server, ASSESSMENT_QUESTIONS.title)).toBe(questions);
  }, 60_000);

  it('provisioning again creates nothing and leaves the templates alone', async () => {
    const lines: string[] = [];
    const again = await provision(spAs(server, 'governance'), { log: (l) => lines.push(l) });
    expect(templateSteps(again)).toEqual(SHIPPED_TEMPLATES.map((t) => [t.key, 'unchanged']));
    expect(again.nothingToChange).toBe(true);
    expect(lines).toContain('assessment template "wlga-principles": left alone (version 1 kept)');
    expect(await countItems(server, ASSESSMENT_TEMPLATES.title)).toBe(4);
  }, 60_000);

  it('never overwrites the governance team’s wording: an edited version 2 and an edited version 1 survive', async () => {
    const repos = reposAs(server, 'governance');
    const v1 = await repos.templates.version('wlga-principles', 1);
    expect(v1.ok).toBe(true);
    if (!v1.ok) return;
    // The governance team rewords a question and publishes version 2 in the tab...
    const draft = draftFrom(v1.value);
    const reworded = {
      ...draft,
      questions: draft.questions.map((q) =>
        q.key === 'locallyDriven'
          ? { ...q, textEn: 'Is it led locally?', textCy: "A yw'n cael ei arwain yn lleol?" }
          : q,
      ),
    };
    const v2 = publishTemplate(reworded, [v1.value]);
    expect(v2.ok).toBe(true);
    if (!v2.ok) return;
    expect((await repos.templates.save(v2.value)).ok).toBe(true);
    // ...and corrects the Welsh title of version 1 straight in SharePoint.
    expect((await repos.templates.save({ ...v1.value, titleCy: 'Egwyddorion Cydweithio (CLlLC)' })).ok).toBe(true);

    const report = await provision(spAs(server, 'governance'));
    expect(templateSteps(report)).toEqual(SHIPPED_TEMPLATES.map((t) => [t.key, 'unchanged']));
    expect(report.steps.find((s) => s.name === 'wlga-principles')?.detail).toBe('version 1, 2 kept');

    const after2 = await repos.templates.version('wlga-principles', 2);
    expect(after2.ok && after2.value.questions.find((q) => q.key === 'locallyDriven')?.textEn).toBe(
      'Is it led locally?',
    );
    const after1 = await repos.templates.version('wlga-principles', 1);
    expect(after1.ok && after1.value.titleCy).toBe('Egwyddorion Cydweithio (CLlLC)');
  }, 60_000);

  it('a template key retired by the governance team is not brought back', async () => {
    const repos = reposAs(server, 'governance');
    const v1 = await repos.templates.version('critical-success-factors', 1);
    expect(v1.ok).toBe(true);
    if (!v1.ok) return;
    expect((await repos.templates.save({ ...v1.value, status: 'retired' })).ok).toBe(true);
    const report = await provision(spAs(server, 'governance'));
    expect(report.steps.find((s) => s.name === 'critical-success-factors')?.outcome).toBe('unchanged');
    const published = await repos.templates.published();
    expect(published.ok && published.value.some((t) => t.key === 'critical-success-factors')).toBe(false);
  }, 60_000);
});

describe('provisioning only some lists', () => {
  let server: ListServer;
  beforeAll(async () => {
    server = await startServer({ empty: true });
  });
  afterAll(async () => {
    await server.close();
  });

  it('seeds no template when the template lists are not among those provisioned', async () => {
    const report = await provision(spAs(server, 'governance'), { lists: [ASSESSMENT_TEMPLATES] });
    expect(templateSteps(report)).toEqual([]);
  });
});

describe('the demo site', () => {
  let server: ListServer;
  beforeAll(async () => {
    server = await startServer({ demo: true, today: '2026-11-23' });
  });
  afterAll(async () => {
    await server.close();
  });

  it('has the four templates and submitted assessments scored against them', async () => {
    const repos = reposAs(server, 'governance');
    const published = await repos.templates.published();
    expect(published.ok && published.value.map((t) => t.key).sort()).toEqual(
      SHIPPED_TEMPLATES.map((t) => t.key).sort(),
    );
    const first = await repos.assessments.forCollaboration(1);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    const submitted = first.value.filter((a) => a.status === 'submitted');
    expect(submitted.length).toBeGreaterThanOrEqual(1);
    const collab = await repos.collaborations.get(1);
    expect(collab.ok).toBe(true);
    if (!collab.ok) return;
    const latest = [...submitted].sort((a, b) => (b.submittedOn ?? '').localeCompare(a.submittedOn ?? ''))[0];
    expect(collab.value.lastAssessmentScore).toBe(latest?.score);
    expect(collab.value.lastAssessmentRag).toBe(latest?.overallRag);
    const drafts = await repos.assessments.drafts();
    expect(drafts.ok && drafts.value.length).toBeGreaterThanOrEqual(1);
  });

  it('provisioning the demo site leaves its templates alone', async () => {
    const report = await provision(spAs(server, 'governance'));
    expect(templateSteps(report)).toEqual(SHIPPED_TEMPLATES.map((t) => [t.key, 'unchanged']));
  }, 60_000);
});

describe('the PnP provisioning template', () => {
  it('carries the shipped templates as data rows, keyed so that PnP never overwrites an edited row', () => {
    const xml = buildTemplate();
    expect(xml).toContain('<pnp:DataRows KeyColumn="TemplateVersionKey" UpdateBehavior="Skip">');
    expect(xml).toContain('<pnp:DataRows KeyColumn="QuestionKey" UpdateBehavior="Skip">');
    for (const t of SHIPPED_TEMPLATES) {
      expect(xml).toContain(`<pnp:DataValue FieldName="TemplateVersionKey">${t.key}@v1</pnp:DataValue>`);
      for (const q of t.questions) {
        expect(xml).toContain(`<pnp:DataValue FieldName="QuestionKey">${t.key}@v1/${q.key}</pnp:DataValue>`);
      }
    }
    expect(xml).toContain('<pnp:DataValue FieldName="TitleCy">Egwyddorion Cydweithio CLlLC</pnp:DataValue>');
    const rows = xml.match(/<pnp:DataRow>/g) ?? [];
    expect(rows).toHaveLength(SHIPPED_TEMPLATES.length + SHIPPED_TEMPLATES.reduce((n, t) => n + t.questions.length, 0));
  });
});
