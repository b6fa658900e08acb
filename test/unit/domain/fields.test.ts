/**
 * The field catalogue: one definition per field, from which the record's shape,
 * the SharePoint columns, the import and the exports derive. Lead member is the
 * proof field: declared once in src/domain/fields.ts with its two labels, it
 * must reach every one of them.
 */
import {
  COLLABORATION_FIELD_KEYS,
  collaborationSchema,
  exportedFields,
  fieldSpec,
  fieldsOfSection,
  fieldValue,
  prepareForSave,
  snapshotFields,
  type Collaboration,
} from '../../../src/domain';
import { importVocabulary, readRow, suggestMapping, IMPORT_FIELDS } from '../../../src/domain/import';
import { COLLABORATIONS, collaborationColumns, columnOf } from '../../../src/data/schema';
import { collaborationMapper } from '../../../src/data/mappers';
import { CATALOGUES, translate } from '../../../src/i18n';
import { compendiumTable } from '../../../src/transfer/compendium';

const vocabulary = importVocabulary([CATALOGUES['en-GB'], CATALOGUES['cy-GB']]);
const councillor = { id: 31, displayName: 'Cllr Siân Pritchard', email: 'sian.pritchard@glanyrafon.gov.uk' };

function record(overrides: Partial<Collaboration> = {}): Collaboration {
  return {
    reference: 'COL-0042',
    title: 'Gwent Regional Partnership Board',
    kind: 'formalPartnership',
    model: 'jointCommittee',
    purpose: 'Integrate health and social care across Gwent.',
    reasons: ['coordinatedServices'],
    basis: 'statutory',
    footprint: 'gwent',
    leadOrganisation: 'Aneurin Bevan University Health Board',
    councilLeads: false,
    partnerIds: [1, 2],
    directorate: 'Social Services',
    status: 'active',
    reviewFrequency: 'annual',
    serviceRisk: 'high',
    ...overrides,
  };
}

describe('the field catalogue', () => {
  it('is the record: every field of the zod schema has an entry, and no entry is missing from it', () => {
    const shape = Object.keys(collaborationSchema.shape).filter((k) => k !== 'id');
    expect(shape.sort()).toEqual([...COLLABORATION_FIELD_KEYS].sort());
  });

  it('has both labels for every field, and no second copy of a label for the import', () => {
    for (const key of COLLABORATION_FIELD_KEYS) {
      expect(translate('en-GB', `fields.${key}`)).not.toBe(`fields.${key}`);
      expect(translate('cy-GB', `fields.${key}`)).not.toBe(`fields.${key}`);
    }
    expect(JSON.stringify(CATALOGUES['en-GB'])).not.toContain('"transfer":{"fields"');
  });

  it('gives every field one column of its kind, the required ones required in SharePoint where SharePoint can', () => {
    const columns = collaborationColumns();
    expect(COLLABORATIONS.fields).toEqual(columns);
    for (const key of COLLABORATION_FIELD_KEYS) {
      const column = columnOf(key);
      expect(columns.filter((c) => c.internalName === column.internalName)).toHaveLength(1);
      if (fieldSpec(key).kind === 'text' || fieldSpec(key).kind === 'note')
        expect(Boolean(column.required)).toBe(fieldSpec(key).required);
    }
  });
});

describe('Lead member, declared once, end to end', () => {
  it('is a person column of the Collaborations list, titled with its English label', () => {
    expect(columnOf('leadMember')).toEqual({ internalName: 'LeadMember', title: 'Lead member', type: 'User' });
  });

  it('is on the record form, in the people section, and in a decided review’s snapshot', () => {
    expect(fieldsOfSection('people')).toContain('leadMember');
    expect(snapshotFields()).toContain('leadMember');
  });

  it('goes to SharePoint and back through the mapper', () => {
    const body = collaborationMapper.toItem(record({ leadMember: councillor }));
    expect(body['LeadMemberId']).toBe(31);
    const back = collaborationMapper.fromItem({
      ...body,
      Id: 42,
      'odata.etag': '"1"',
      LeadMember: { Id: 31, Title: councillor.displayName, EMail: councillor.email },
      LeadOfficer: null,
      HeadOfService: null,
      PartnersId: [1, 2],
    });
    expect(back.ok && back.value.leadMember).toEqual({
      id: 31,
      displayName: councillor.displayName,
      email: councillor.email,
    });
  });

  it.each([['Lead member'], ['Cabinet member'], ['Aelod arweiniol'], ['Lead Member / Aelod Arweiniol']])(
    'the import finds a column headed "%s"',
    (header) => {
      expect(IMPORT_FIELDS).toContain('leadMember');
      expect(suggestMapping(['Name', header], vocabulary)).toEqual(['title', 'leadMember']);
    },
  );

  it('the import reads a councillor by name or e-mail, and names one it does not know', () => {
    const people = [councillor];
    const read = (cell: string) =>
      readRow([cell], 2, ['leadMember'], { vocabulary, partners: [], people, councilName: 'Glan-yr-Afon' });
    expect(read('cllr siân pritchard').values['leadMember']).toEqual(councillor);
    expect(read('SIAN.PRITCHARD@glanyrafon.gov.uk').values['leadMember']).toEqual(councillor);
    expect(read('Cllr Nobody').problems.map((p) => p.code)).toEqual(['personNotFound']);
  });

  it('is exported to the register view and the compendium, by e-mail so the import finds the person again', () => {
    expect(exportedFields('register')).toContain('leadMember');
    const table = compendiumTable(
      { records: [{ ...record({ leadMember: councillor }), id: 42, etag: '"1"' }], partners: [] },
      'both',
      { en: (k) => translate('en-GB', k), cy: (k) => translate('cy-GB', k) },
    );
    const i = table.headings.indexOf('Lead member / Aelod arweiniol');
    expect(i).toBeGreaterThan(0);
    expect(table.rows[0]?.[i]?.value).toBe(councillor.email);
  });

  it('reads as the person’s name in version history and snapshots', () => {
    expect(fieldValue({ leadMember: councillor }, 'leadMember')).toEqual({
      kind: 'person',
      name: councillor.displayName,
      email: councillor.email,
    });
  });
});

describe('prepare for save: one step for every writer', () => {
  it('works out significance and the next review, and removes optional text left blank', () => {
    const prepared = prepareForSave(record({ titleCy: '  ', lastReviewDate: '2026-03-31', annualCost: 2_000_000 }));
    expect(prepared.ok).toBe(true);
    if (!prepared.ok) return;
    expect(prepared.value.titleCy).toBeUndefined();
    expect(prepared.value.nextReviewDue).toBe('2027-03-31');
    expect(prepared.value.significance).toBe('high');
  });

  it('names the council as lead organisation when the council leads, and sees the council lead from the name', () => {
    const council = 'Glan-yr-Afon County Borough Council';
    const led = prepareForSave(record({ councilLeads: true, leadOrganisation: '' }), { councilName: council });
    expect(led.ok && led.value.leadOrganisation).toBe(council);
    const unsaid = { ...record({ leadOrganisation: council }) } as Partial<Collaboration>;
    delete unsaid.councilLeads;
    const seen = prepareForSave(unsaid as Collaboration, { councilName: council });
    expect(seen.ok && seen.value.councilLeads).toBe(true);
  });

  it('keeps a date the panel set when what it depends on did not change', () => {
    const base = record({ lastReviewDate: '2026-03-31', nextReviewDue: '2026-12-01' });
    const prepared = prepareForSave({ ...base, purpose: 'A new purpose.' }, { base });
    expect(prepared.ok && prepared.value.nextReviewDue).toBe('2026-12-01');
  });

  it('refuses what the domain refuses, with every problem at once', () => {
    const prepared = prepareForSave(record({ title: '', annualCost: 10, councilContribution: 20 }));
    expect(prepared.ok).toBe(false);
    if (prepared.ok) return;
    expect(prepared.error.map((e) => `${e.field}:${e.code}`).sort()).toEqual([
      'councilContribution:contributionExceedsCost',
      'title:required',
    ]);
  });
});
