import {
  ASSESSMENTS,
  COLLABORATIONS,
  fieldId,
  fieldXml,
  LISTS,
  parseFieldXml,
  sha1Hex,
  uuidV5,
  viewXml,
  xmlEscape,
  xmlUnescape,
  type FieldDef,
} from '../../../src/data/schema';

const byName = (name: string): FieldDef => {
  const f = COLLABORATIONS.fields.find((x) => x.internalName === name);
  if (!f) throw new Error(name);
  return f;
};
const xml = (name: string) => fieldXml(COLLABORATIONS, byName(name), { lookupList: (key) => `{listid:${key}}` });

describe('stable ids', () => {
  it('computes SHA-1 and UUIDv5 like the references', () => {
    expect(sha1Hex('abc')).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
    expect(sha1Hex('a'.repeat(1000))).toBe('291e9a6c66994949b57ba5e650361e98fc36b1ba');
    // RFC 4122 DNS namespace example, as Python's uuid.uuid5 gives it.
    expect(uuidV5('python.org', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('886313e1-3b8a-5372-9b90-0c9aee199e5d');
    expect(uuidV5('Llŷr ŵ')).toBe('177a41ea-9793-5262-8fd9-bdbf597039ec');
    expect(fieldId('collaborations', 'Reference')).toBe('a75df544-25f4-5c3a-b851-1708b323df28');
  });

  it('gives every column of every list a different id', () => {
    const ids = LISTS.flatMap((l) => l.fields.map((f) => fieldId(l.key, f.internalName)));
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('CAML <Field> from the schema', () => {
  it('a unique key: indexed, unique, required, 255 characters', () => {
    expect(xml('Reference')).toBe(
      `<Field Type="Text" ID="{${fieldId('collaborations', 'Reference')}}" Name="Reference" StaticName="Reference" DisplayName="Reference" Required="TRUE" Indexed="TRUE" EnforceUniqueValues="TRUE" MaxLength="255" />`,
    );
  });

  it('a choice with its default and its words', () => {
    const x = xml('Status');
    expect(x).toContain('Type="Choice"');
    expect(x).toContain('Format="Dropdown" FillInChoice="FALSE"');
    expect(x).toContain('<Default>Proposed</Default><CHOICES><CHOICE>Proposed</CHOICE><CHOICE>Active</CHOICE>');
    expect(x).toContain('CustomFormatter="{&quot;$schema&quot;');
  });

  it('a multi-choice, a date-only column, a person, a multi-lookup, currency, note and yes/no', () => {
    expect(xml('Reasons')).toMatch(/^<Field Type="MultiChoice" .* FillInChoice="FALSE"><CHOICES>/);
    expect(xml('NextReviewDue')).toContain('Type="DateTime"');
    expect(xml('NextReviewDue')).toContain('Format="DateOnly"');
    expect(xml('LeadOfficer')).toContain('Type="User"');
    expect(xml('LeadOfficer')).toContain('Indexed="TRUE" UserSelectionMode="PeopleOnly" UserSelectionScope="0"');
    expect(xml('LeadOfficer')).not.toContain('List=');
    expect(xml('Partners')).toContain('Type="LookupMulti"');
    expect(xml('Partners')).toContain('List="{listid:partners}" ShowField="Title" Mult="TRUE"');
    expect(xml('AnnualCost')).toContain('Type="Currency"');
    expect(xml('AnnualCost')).toContain('LCID="2057"');
    expect(xml('Purpose')).toContain('RichText="FALSE"');
    expect(xml('InScope')).toBe(
      `<Field Type="Boolean" ID="{${fieldId('collaborations', 'InScope')}}" Name="InScope" StaticName="InScope" DisplayName="In scope of the protocol" Required="FALSE" Indexed="TRUE"><Default>1</Default></Field>`,
    );
  });

  it('a lookup that keeps the target row when it is deleted', () => {
    const collaboration = ASSESSMENTS.fields.find((f) => f.internalName === 'Collaboration') as FieldDef;
    expect(
      fieldXml(ASSESSMENTS, collaboration, { lookupList: () => '{6b8f0d4e-0000-4000-8000-000000000000}' }),
    ).toContain('List="{6b8f0d4e-0000-4000-8000-000000000000}" ShowField="Title" RelationshipDeleteBehavior="None"');
  });

  it('escapes what XML needs escaped', () => {
    expect(xmlEscape(`a<b>&"c'`)).toBe('a&lt;b&gt;&amp;&quot;c&apos;');
    expect(xmlUnescape('a&lt;b&gt;&amp;&quot;c&apos;&#10;&#x175;')).toBe(`a<b>&"c'\nŵ`);
  });

  it('parses SharePoint SchemaXml back (attributes, choices, default)', () => {
    for (const f of COLLABORATIONS.fields) {
      const parsed = parseFieldXml(fieldXml(COLLABORATIONS, f, { lookupList: () => '{x}' }));
      expect(parsed.attributes['Name']).toBe(f.internalName);
      expect(parsed.attributes['DisplayName']).toBe(f.title);
      if (f.choices) expect(parsed.choices).toEqual(f.choices.map((c) => c.value));
      expect(parsed.defaultValue).toBe(f.defaultValue);
    }
  });

  it('a view', () => {
    const view = COLLABORATIONS.views[1];
    expect(view && viewXml(COLLABORATIONS, view)).toMatch(
      /^<View Name="\{[0-9A-F-]{36}\}" MobileView="TRUE" Type="HTML" DisplayName="Reviews due" .*<Query><Where><IsNotNull><FieldRef Name="NextReviewDue"\/><\/IsNotNull><\/Where>.*<ViewFields><FieldRef Name="Reference" \/>.*<RowLimit Paged="TRUE">100<\/RowLimit><\/View>$/,
    );
  });
});
