import { draftFrom, publishTemplate, scoreAssessment, SCORED_KINDS } from '../../../src/domain/assessment';
import { templateSchema, type AssessmentTemplate } from '../../../src/domain/entities';
import { SHIPPED_TEMPLATE_KEYS, SHIPPED_TEMPLATES } from '../../../src/domain/shippedTemplates';
import * as domain from '../../../src/domain';

const byKey = (key: string): AssessmentTemplate => {
  const t = SHIPPED_TEMPLATES.find((x) => x.key === key);
  if (!t) throw new Error(`no shipped template ${key}`);
  return t;
};

/** Every person-facing text of a template, as [where, English, Welsh]. */
function texts(t: AssessmentTemplate): [string, string | undefined, string | undefined][] {
  return [
    ['title', t.titleEn, t.titleCy],
    ['description', t.descriptionEn, t.descriptionCy],
    ...t.sections.map((s): [string, string, string] => [`section ${s.key}`, s.titleEn, s.titleCy]),
    ...t.questions.map((q): [string, string, string] => [`question ${q.key}`, q.textEn, q.textCy]),
    ...t.questions
      .filter((q) => q.guidanceEn !== undefined || q.guidanceCy !== undefined)
      .map((q): [string, string | undefined, string | undefined] => [`guidance ${q.key}`, q.guidanceEn, q.guidanceCy]),
  ];
}

describe('the templates that ship', () => {
  it('are the four agreed templates, in order, exported from the domain', () => {
    expect(SHIPPED_TEMPLATES.map((t) => t.key)).toEqual([
      'wlga-principles',
      'governance-arrangements',
      'critical-success-factors',
      'five-ways-of-working',
    ]);
    expect(SHIPPED_TEMPLATE_KEYS).toEqual(SHIPPED_TEMPLATES.map((t) => t.key));
    expect(domain.SHIPPED_TEMPLATES).toBe(SHIPPED_TEMPLATES);
  });

  describe.each(SHIPPED_TEMPLATES.map((t) => [t.key, t] as const))('%s', (_key, template) => {
    it('is version 1, published, valid against the template schema, and names its source', () => {
      expect(template.version).toBe(1);
      expect(template.status).toBe('published');
      expect(templateSchema.safeParse(template).success).toBe(true);
      expect(template.source?.trim()).toBeTruthy();
    });

    it('has sections, each with questions, and every question in a section it has', () => {
      expect(template.sections.length).toBeGreaterThan(0);
      const sectionKeys = template.sections.map((s) => s.key);
      for (const s of sectionKeys) expect(template.questions.some((q) => q.sectionKey === s)).toBe(true);
      for (const q of template.questions) expect(sectionKeys).toContain(q.sectionKey);
    });

    it('uses each section and question key once, and numbers questions in order', () => {
      const sectionKeys = template.sections.map((s) => s.key);
      const questionKeys = template.questions.map((q) => q.key);
      expect(new Set(sectionKeys).size).toBe(sectionKeys.length);
      expect(new Set(questionKeys).size).toBe(questionKeys.length);
      for (const key of questionKeys) expect(key).toMatch(/^[A-Za-z][A-Za-z0-9]*$/);
      const orders = template.questions.map((q) => q.order);
      expect(orders).toEqual([...orders].sort((a, b) => a - b));
      expect(new Set(orders).size).toBe(orders.length);
    });

    it('has every text in English and in Welsh, the Welsh not a copy of the English', () => {
      for (const [where, en, cy] of texts(template)) {
        expect([where, en?.trim()]).not.toEqual([where, '']);
        expect([where, cy?.trim() ?? '']).not.toEqual([where, '']);
        expect([where, cy]).not.toEqual([where, en]);
      }
    });

    it('fits SharePoint: question titles within the Title column after shortening, no control characters', () => {
      for (const [where, en, cy] of texts(template)) {
        // eslint-disable-next-line no-control-regex
        expect([where, /[\u0000-\u001f]/.test(`${en ?? ''}${cy ?? ''}`)]).toEqual([where, false]);
      }
      expect(template.titleEn.length).toBeLessThanOrEqual(255);
      expect(template.titleCy.length).toBeLessThanOrEqual(255);
      expect((template.source ?? '').length).toBeLessThanOrEqual(255);
    });

    it('has a rated question in every section, each required and weighted, and sane thresholds', () => {
      const scored = template.questions.filter((q) => SCORED_KINDS.includes(q.kind));
      for (const s of template.sections)
        expect([s.key, scored.some((q) => q.sectionKey === s.key)]).toEqual([s.key, true]);
      for (const q of scored) {
        expect([q.key, q.required, q.weight > 0]).toEqual([q.key, true, true]);
      }
      for (const q of template.questions.filter((x) => !SCORED_KINDS.includes(x.kind))) {
        expect([q.key, q.required]).toEqual([q.key, false]);
      }
      expect(template.thresholds.amber).toBeLessThanOrEqual(template.thresholds.green);
    });

    it('scores all-green answers as 100 and green, all-red as 0 and red', () => {
      const best = Object.fromEntries(
        template.questions.map((q) => [
          q.key,
          q.kind === 'rag'
            ? { kind: 'rag' as const, value: 'green' as const }
            : q.kind === 'yesPartialNo'
              ? { kind: 'yesPartialNo' as const, value: 'yes' as const }
              : q.kind === 'score'
                ? { kind: 'score' as const, value: 5 }
                : undefined,
        ]),
      );
      const worst = Object.fromEntries(
        template.questions.map((q) => [
          q.key,
          q.kind === 'rag'
            ? { kind: 'rag' as const, value: 'red' as const }
            : q.kind === 'yesPartialNo'
              ? { kind: 'yesPartialNo' as const, value: 'no' as const }
              : q.kind === 'score'
                ? { kind: 'score' as const, value: 1 }
                : undefined,
        ]),
      );
      expect(scoreAssessment(template, best).overall).toMatchObject({ score: 100, rag: 'green' });
      expect(scoreAssessment(template, worst).overall).toMatchObject({ score: 0, rag: 'red' });
    });

    it('can be drafted and published as version 2', () => {
      const published = publishTemplate(draftFrom(template), [template]);
      expect(published.ok).toBe(true);
      expect(published.ok && published.value.version).toBe(2);
    });
  });
});

describe('what each template asks, faithful to its source', () => {
  it('WLGA Collaboration Principles: every principle of seed 000, with WLGA Council’s date as source', () => {
    const t = byKey('wlga-principles');
    expect(t.source).toContain('30 November 2018');
    expect(t.titleCy).toContain('CLlLC');
    const all = t.questions.map((q) => q.textEn).join(' ');
    for (const phrase of [
      'locally driven',
      'local democratic direction',
      'business case',
      'mutual benefit',
      'shared costs',
      'better public service outcomes',
      'citizens and communities',
      'City Deals, Growth Deals',
      'engagement with service users and stakeholders',
      'integration of front-line services',
      'transparent and flexible governance',
      'scrutiny arrangements',
      'value for money',
      'Prosperity for All',
      'five ways of working',
    ]) {
      expect([phrase, all.includes(phrase)]).toEqual([phrase, true]);
    }
    expect(t.questions.some((q) => q.kind === 'evidence')).toBe(true);
    expect(t.questions.some((q) => q.kind === 'text')).toBe(true);
  });

  it('governance-arrangements check: the eight essential components of seed 002, one section each', () => {
    const t = byKey('governance-arrangements');
    expect(t.sections).toHaveLength(8);
    expect(t.source).toContain('Caerphilly');
    const component = (sectionKey: string) =>
      t.questions
        .filter((q) => q.sectionKey === sectionKey)
        .map((q) => `${q.textEn} ${q.guidanceEn ?? ''}`)
        .join(' ');
    const expected: [string, string][] = [
      ['purpose', 'purpose and benefits'],
      ['outcomes', 'realistic plan and timetable'],
      ['risk', 'positively managing risk'],
      ['valueForMoney', 'value for money'],
      ['accountability', 'lines of accountability and scrutiny'],
      ['commitment', 'dispute resolution'],
      ['monitoring', 'monitor, review, assessment and audit'],
      ['exit', 'exit strategy'],
    ];
    expect(t.sections.map((s) => s.key)).toEqual(expected.map(([k]) => k));
    for (const [key, phrase] of expected) expect([key, component(key).includes(phrase)]).toEqual([key, true]);
    expect(t.sections.map((s) => s.titleEn.slice(0, 2))).toEqual(['1.', '2.', '3.', '4.', '5.', '6.', '7.', '8.']);
  });

  it('critical success factors: the ten factors of seed 001, five to do and five to avoid', () => {
    const t = byKey('critical-success-factors');
    expect(t.questions).toHaveLength(10);
    expect(t.questions.every((q) => q.kind === 'score')).toBe(true);
    expect(t.questions.filter((q) => q.sectionKey === 'do')).toHaveLength(5);
    expect(t.questions.filter((q) => q.sectionKey === 'avoid')).toHaveLength(5);
    const guidance = t.questions.map((q) => q.guidanceEn ?? '');
    for (const [i, phrase] of [
      'Invest heavily in clarity of goals and roles',
      'collaborative professionals',
      'Match passion with politics',
      'Build new loyalties',
      'Keep selling the vision',
      "Don't collaborate for collaboration's sake",
      "Don't strive to involve everyone",
      "Don't threaten professional identity",
      "Don't shy away from conflict",
      "Don't rush in with over-ambitious goals",
    ].entries()) {
      expect([i, guidance[i]?.includes(phrase)]).toEqual([i, true]);
    }
  });

  it('five ways of working: long term, prevention, integration, collaboration, involvement, in the agreed Welsh', () => {
    const t = byKey('five-ways-of-working');
    expect(t.sections.map((s) => [s.key, s.titleEn, s.titleCy])).toEqual([
      ['longTerm', 'Long term', 'Hirdymor'],
      ['prevention', 'Prevention', 'Atal'],
      ['integration', 'Integration', 'Integreiddio'],
      ['collaboration', 'Collaboration', 'Cydweithio'],
      ['involvement', 'Involvement', 'Cynnwys'],
    ]);
    expect(t.source).toContain('Well-being of Future Generations (Wales) Act 2015');
    expect(t.descriptionCy).toContain("Deddf Llesiant Cenedlaethau'r Dyfodol (Cymru) 2015");
    for (const s of t.sections) {
      expect(t.questions.some((q) => q.sectionKey === s.key && q.kind === 'rag')).toBe(true);
    }
  });

  it('uses the glossary’s Welsh terms', () => {
    const cy = SHIPPED_TEMPLATES.flatMap((t) => texts(t).map(([, , c]) => c ?? '')).join(' ');
    for (const term of ['cydweithrediad', 'partneriaeth', 'craffu', 'amherthnasol', 'coch', 'ambr', 'cydweithio']) {
      expect([term, cy.includes(term)]).toEqual([term, true]);
    }
  });
});
