import { checkDate, dueDateWarning } from '../../../src/domain';

describe('checkDate', () => {
  it('accepts a real date within 1900-2100', () => {
    expect(checkDate('2026-03-02')).toBeUndefined();
    expect(checkDate('1900-01-01')).toBeUndefined();
    expect(checkDate('2100-12-31')).toBeUndefined();
    expect(checkDate('2024-02-29')).toBeUndefined();
  });

  it('calls anything that is not a real date, or a year outside 1900-2100, invalid', () => {
    for (const value of [
      '',
      '2023-02-29',
      '2026-13-01',
      '2026-04-31',
      '22027-10-03',
      '1899-12-31',
      '2101-01-01',
      '0002-01-01',
      '03/10/2027',
      undefined,
      20260302,
    ]) {
      expect(checkDate(value)).toBe('invalid');
    }
  });

  it('checks the limits, inclusive', () => {
    expect(checkDate('2026-03-02', { notAfter: '2026-03-02' })).toBeUndefined();
    expect(checkDate('2026-03-03', { notAfter: '2026-03-02' })).toBe('afterLimit');
    expect(checkDate('2026-03-01', { notBefore: '2026-03-02' })).toBe('beforeLimit');
    expect(checkDate('2026-03-02', { notBefore: '2026-03-02', notAfter: '2026-03-02' })).toBeUndefined();
  });

  it('says invalid before it compares with a limit', () => {
    expect(checkDate('22027-10-03', { notBefore: '2026-01-01' })).toBe('invalid');
  });
});

describe('dueDateWarning', () => {
  it('is undefined for a working day', () => {
    expect(dueDateWarning('2026-03-02')).toBeUndefined();
    expect(dueDateWarning('2026-12-24')).toBeUndefined();
  });

  it('warns of a weekend and offers the Friday before', () => {
    expect(dueDateWarning('2026-03-07')).toEqual({ kind: 'weekend', workingDayBefore: '2026-03-06' });
    expect(dueDateWarning('2026-03-08')).toEqual({ kind: 'weekend', workingDayBefore: '2026-03-06' });
  });

  it('names a bank holiday and offers the working day before it', () => {
    expect(dueDateWarning('2026-12-25')).toEqual({
      kind: 'bankHoliday',
      name: 'Christmas Day',
      workingDayBefore: '2026-12-24',
    });
    // Easter Monday: back past the weekend and Good Friday to the Thursday
    expect(dueDateWarning('2026-04-06')).toEqual({
      kind: 'bankHoliday',
      name: 'Easter Monday',
      workingDayBefore: '2026-04-02',
    });
    // Boxing Day's substitute day, the Monday after Christmas on a Friday
    expect(dueDateWarning('2026-12-28')).toEqual({
      kind: 'bankHoliday',
      name: 'Boxing Day (substitute day)',
      workingDayBefore: '2026-12-24',
    });
  });

  it('calls a holiday falling on a weekend a weekend', () => {
    expect(dueDateWarning('2026-12-26')?.kind).toBe('weekend');
  });

  it('is undefined for something that is not a date', () => {
    expect(dueDateWarning('22027-10-03')).toBeUndefined();
  });
});
