import type { ChannelMapping } from '../../../src/domain';
import { directorateName, directorateToKeep, mappedDirectorates, resolveDirectorate } from '../../../src/domain/panels';

const mapping = (name: string, nameCy: string | undefined, kind: 'directorate' | 'panel'): ChannelMapping => ({
  key: `${kind}-${name}`,
  name,
  ...(nameCy ? { nameCy } : {}),
  kind,
  channelKey: 'c',
  channelName: 'C',
  language: 'both',
});

const directorates = mappedDirectorates([
  mapping('Education', 'Addysg', 'directorate'),
  mapping('Economy and Environment', "Economi a'r Amgylchedd", 'directorate'),
  mapping('Corporate Services', undefined, 'directorate'),
  mapping('Governance and Audit Committee', 'Pwyllgor Llywodraethu ac Archwilio', 'panel'),
]);

describe('directorate names in both languages', () => {
  it('takes only the directorates among the channel settings', () => {
    expect(directorates.map((d) => d.name)).toEqual(['Education', 'Economy and Environment', 'Corporate Services']);
  });

  it('names a stored directorate in Welsh where the governance team gave a Welsh name, else as stored', () => {
    expect(directorateName('Education', directorates, 'cy')).toBe('Addysg');
    expect(directorateName('education ', directorates, 'cy')).toBe('Addysg');
    expect(directorateName('Education', directorates, 'en')).toBe('Education');
    expect(directorateName('Corporate Services', directorates, 'cy')).toBe('Corporate Services');
    expect(directorateName('Housing', directorates, 'cy')).toBe('Housing');
  });

  it('reads a Welsh name, with or without its accents and apostrophe forms, as the directorate it names', () => {
    expect(resolveDirectorate('ECONOMI A’R AMGYLCHEDD', directorates)?.name).toBe('Economy and Environment');
    expect(resolveDirectorate("economi a'r amgylchedd", directorates)?.name).toBe('Economy and Environment');
    expect(directorateToKeep('Addysg', directorates)).toBe('Education');
    // A panel's Welsh name is not a directorate, and an unknown name is kept as typed.
    expect(directorateToKeep('Pwyllgor Llywodraethu ac Archwilio', directorates)).toBe(
      'Pwyllgor Llywodraethu ac Archwilio',
    );
    expect(directorateToKeep('Tai', directorates)).toBe('Tai');
  });
});
