import { buildTemplate, formattingFiles } from '../../../src/data/template';
import { COLUMN_FORMATS, LISTS, ROLE_GROUPS } from '../../../src/data/schema';

describe('the PnP provisioning template', () => {
  const xml = buildTemplate();

  it('is deterministic: the same bytes every time', () => {
    expect(buildTemplate()).toBe(xml);
    expect(JSON.stringify(formattingFiles())).toBe(JSON.stringify(formattingFiles()));
  });

  it('is schema 2022-09 with the lists, groups and permissions of the schema', () => {
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n/);
    expect(xml).toContain('xmlns:pnp="http://schemas.dev.office.com/PnP/2022/09/ProvisioningSchema"');
    for (const list of LISTS) {
      expect(xml).toContain(`<pnp:ListInstance Title="${list.title}"`);
      expect(xml).toContain(`Url="Lists/${list.url}"`);
      for (const f of list.fields.filter((x) => x.internalName !== 'Title')) {
        expect(xml).toContain(`Name="${f.internalName}" StaticName="${f.internalName}"`);
      }
    }
    for (const title of Object.values(ROLE_GROUPS)) expect(xml).toContain(`<pnp:SiteGroup Title="${title}"`);
    expect(xml).toContain(
      '<pnp:RoleAssignment Principal="Collaboration Register Officers" RoleDefinition="{roledefinition:Contributor}" />',
    );
    expect(xml).toContain('List="{listid:Partner Organisations}"');
  });

  it('keeps CAML in no namespace', () => {
    const fields = xml.match(/<Field [^>]*>/g) ?? [];
    expect(fields.length).toBeGreaterThan(50);
    for (const f of fields) expect(f).toContain('xmlns=""');
  });

  it('references the column formatting', () => {
    expect(xml).toMatch(
      /Name="Status" [^>]*CustomFormatter="\{&quot;\$schema&quot;:&quot;https:\/\/developer.microsoft.com\/json-schemas\/sp\/v2\/column-formatting.schema.json&quot;/,
    );
    expect(Object.keys(formattingFiles()).sort()).toEqual(['next-review-due.json', 'rag.json', 'status.json']);
  });

  it('never leaves colour as the only signal: every format shows the value as text', () => {
    for (const format of Object.values(COLUMN_FORMATS))
      expect(JSON.stringify(format)).toContain('"txtContent":"@currentField"');
  });
});
