import type { Partner } from '../../../src/domain/entities';
import { may, STORE_ACCESS, type Actor } from '../../../src/domain/policy';
import {
  checkPartner,
  mergedPartner,
  partnerMatches,
  partnerUse,
  repointPartners,
  tidyPartner,
} from '../../../src/domain/partners';

const torfaen: Partner = { key: 'torfaen', name: 'Torfaen County Borough Council', sector: 'localAuthority' };

describe('finding a partner by either name', () => {
  it.each([
    ['torfaen', true],
    ['BOROUGH', true],
    ['Cyngor Bwrdeistref', true],
    ['bwrdeistref sirol', true],
    ['torfaen cbc', false],
    ['', true],
  ])('"%s" finds Torfaen: %s', (text, found) => {
    expect(partnerMatches({ ...torfaen, nameCy: 'Cyngor Bwrdeistref Sirol Torfaen' }, text)).toBe(found);
  });

  it('ignores accents and punctuation (Cwmbrân, Cwmbran)', () => {
    expect(partnerMatches({ name: 'Cwmbrân Community Trust' }, 'cwmbran')).toBe(true);
    expect(partnerMatches({ name: "St David's Hospice" }, 'st davids')).toBe(true);
  });
});

describe('checking an edited partner', () => {
  it.each<[string, Partner, string[]]>([
    ['a name is required', { ...torfaen, name: '  ' }, ['name:required']],
    ['a website is an http(s) link', { ...torfaen, website: 'torfaen.gov.uk' }, ['website:invalidUrl']],
    ['a long Welsh name is too long', { ...torfaen, nameCy: 'a'.repeat(256) }, ['nameCy:tooLong']],
    ['a good partner passes', { ...torfaen, website: 'https://www.torfaen.gov.uk' }, []],
    ['no sector is allowed', { key: 'k', name: 'Someone' }, []],
  ])('%s', (_name, partner, expected) => {
    expect(checkPartner(partner).map((e) => `${e.field}:${e.code}`)).toEqual(expected);
  });

  it('tidies blanks away so they are written as empty', () => {
    expect(tidyPartner({ ...torfaen, name: ' Torfaen ', nameCy: ' ', website: '' })).toEqual({
      key: 'torfaen',
      name: 'Torfaen',
      sector: 'localAuthority',
    });
  });
});

describe('merging two partners', () => {
  it.each<[string, readonly number[], number[] | undefined]>([
    ['a record naming only the merged one names the kept one', [5], [1]],
    ['a record naming both names the kept one once, where the first stood', [5, 3, 1], [1, 3]],
    ['the others keep their order', [3, 5, 4], [3, 1, 4]],
    ['a record not naming the merged one is left alone', [1, 3], undefined],
  ])('%s', (_name, ids, expected) => {
    expect(repointPartners(ids, 5, 1)).toEqual(expected);
  });

  it('the kept partner takes the Welsh name, website and sector only where its own are empty', () => {
    const merged: Partner = {
      key: 'tcbc',
      name: 'Torfaen CBC',
      nameCy: 'CBS Torfaen',
      website: 'https://www.torfaen.gov.uk',
      sector: 'other',
    };
    expect(mergedPartner(torfaen, merged)).toEqual({
      ...torfaen,
      nameCy: 'CBS Torfaen',
      website: 'https://www.torfaen.gov.uk',
    });
    expect(mergedPartner({ key: 'k', name: 'K' }, { key: 'm', name: 'M', otherSector: 'Housing' })).toEqual({
      key: 'k',
      name: 'K',
      otherSector: 'Housing',
    });
    expect(mergedPartner({ ...torfaen, nameCy: 'Torfaen', website: 'https://t.example' }, merged)).toBeUndefined();
  });

  it('counts each record once per partner', () => {
    expect(partnerUse([{ partnerIds: [1, 2] }, { partnerIds: [2, 2] }, { partnerIds: [] }])).toEqual(
      new Map([
        [1, 1],
        [2, 2],
      ]),
    );
  });
});

describe('who may manage partners', () => {
  it.each<[string, Actor, boolean]>([
    ['the governance team', { roles: ['governance'], panels: [] }, true],
    ['an officer', { roles: ['officers'], panels: [] }, false],
    ['a panel member', { roles: ['panel'], panels: ['panel-cgrp'] }, false],
    ['someone with no role', { roles: [], panels: [] }, false],
  ])('%s: %s', (_who, actor, allowed) => {
    expect(may(actor, { kind: 'managePartners' })).toBe(allowed);
  });

  it('the Partner Organisations list lets only the governance team change it', () => {
    expect(STORE_ACCESS.partners).toEqual({ governance: 'edit', officers: 'read', panel: 'read' });
  });
});
