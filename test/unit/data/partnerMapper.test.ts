import { partnerMapper } from '../../../src/data/mappers';
import type { Partner } from '../../../src/domain/entities';

describe('the partner mapper reads what SharePoint allows', () => {
  const item = (extra: Record<string, unknown>) => ({
    Id: 4,
    'odata.etag': '"2"',
    PartnerKey: 'k',
    Title: 'Torfaen CBC',
    ...extra,
  });

  it.each<[string, unknown, Partial<Partner>]>([
    ['a blank Sector', null, {}],
    ['an empty Sector', '', {}],
    ['a choice', 'Health', { sector: 'health' }],
    ['a word typed by hand', 'Housing association', { otherSector: 'Housing association' }],
  ])('%s', (_name, sector, expected) => {
    const r = partnerMapper.fromItem(item({ Sector: sector }));
    expect(r).toEqual({ ok: true, value: { key: 'k', name: 'Torfaen CBC', id: 4, etag: '"2"', ...expected } });
  });

  it('writes a hand-typed word back as it was, and a chosen sector as its word', () => {
    expect(partnerMapper.toItem({ key: 'k', name: 'N', otherSector: 'Housing association' })['Sector']).toBe(
      'Housing association',
    );
    expect(partnerMapper.toItem({ key: 'k', name: 'N', sector: 'health' })['Sector']).toBe('Health');
    expect(partnerMapper.toItem({ key: 'k', name: 'N' })['Sector']).toBeNull();
  });

  it('names the item and column it cannot use (no name)', () => {
    const r = partnerMapper.fromItem(item({ Title: null }));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatchObject({ code: 'invalid', itemId: 4, field: 'Title' });
  });
});
