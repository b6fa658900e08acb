/**
 * The shared date field on its own: an impossible date never reaches the page, and a due date on a
 * weekend or bank holiday is warned of with the working day before it offered.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { Locale } from '../../src/i18n';
import { AppContext, type AppState } from '../../src/ui/app/context';
import { createI18n } from '../../src/ui/app/i18n';
import { DateField } from '../../src/ui/components/form';

function Harness(props: {
  readonly initial?: string;
  readonly seen: (string | undefined)[];
  readonly notAfter?: string;
  readonly dueDate?: boolean;
}) {
  const [value, setValue] = useState<string | undefined>(props.initial);
  return (
    <>
      <DateField
        name="due"
        label="Due"
        value={value}
        onChange={(v) => {
          props.seen.push(v);
          setValue(v);
        }}
        {...(props.notAfter !== undefined ? { notAfter: props.notAfter } : {})}
        {...(props.dueDate ? { dueDate: true } : {})}
      />
      <output data-testid="held">{value ?? 'none'}</output>
    </>
  );
}

function renderField(props: Parameters<typeof Harness>[0], locale: Locale = 'en-GB') {
  const state = { locale, today: '2026-03-02' } as unknown as AppState;
  return render(
    <FluentProvider theme={webLightTheme}>
      <I18nextProvider i18n={createI18n(locale)}>
        <AppContext.Provider value={state}>
          <Harness {...props} />
        </AppContext.Provider>
      </I18nextProvider>
    </FluentProvider>,
  );
}

describe('DateField', () => {
  it('shows the day as dd/mm/yyyy and reads a typed one day before month, whatever the browser’s locale', async () => {
    const user = userEvent.setup();
    const seen: (string | undefined)[] = [];
    renderField({ initial: '2026-03-02', seen });
    const input = screen.getByLabelText<HTMLInputElement>('Due');
    expect(input.value).toBe('02/03/2026');
    await user.clear(input);
    // 3/4 is the third of April here, not the fourth of March an American browser would make it.
    await user.type(input, '3/4/2026');
    expect(seen.at(-1)).toBe('2026-04-03');
    // The person's own text stays while they are in the field, and is tidied when they leave it.
    expect(input.value).toBe('3/4/2026');
    await user.tab();
    expect(input.value).toBe('03/04/2026');
    expect(screen.getByTestId('held').textContent).toBe('2026-04-03');
  });

  it('reads a month typed in full, in English or in Welsh', async () => {
    const user = userEvent.setup();
    const seen: (string | undefined)[] = [];
    renderField({ seen }, 'cy-GB');
    const input = screen.getByLabelText<HTMLInputElement>('Due');
    expect(input.placeholder).toBe('dd/mm/bbbb');
    await user.type(input, '30 Ebrill 2026');
    expect(seen.at(-1)).toBe('2026-04-30');
    await user.clear(input);
    await user.type(input, '1 September 2026');
    expect(seen.at(-1)).toBe('2026-09-01');
    await user.tab();
    expect(input.value).toBe('01/09/2026');
  });

  it('keeps a text that is not a date, says so once the person leaves it, and gives the page nothing', async () => {
    const user = userEvent.setup();
    const seen: (string | undefined)[] = [];
    renderField({ initial: '2026-03-02', seen });
    const input = screen.getByLabelText<HTMLInputElement>('Due');
    await user.clear(input);
    await user.type(input, '31/02/2026');
    // Nothing is said while they type: "31/0" is on its way to a date.
    expect(screen.queryByText('Enter a real date, for example 31/03/2026 or 31 March 2026')).toBeNull();
    await user.tab();
    expect(screen.getByText('Enter a real date, for example 31/03/2026 or 31 March 2026')).toBeTruthy();
    expect(input.value).toBe('31/02/2026');
    expect(seen.at(-1)).toBeUndefined();
    expect(screen.getByTestId('held').textContent).toBe('none');
    expect(input.getAttribute('aria-invalid')).toBe('true');

    await user.clear(input);
    await user.type(input, '28/02/2026');
    expect(screen.queryByText(/Enter a real date/)).toBeNull();
    expect(seen.at(-1)).toBe('2026-02-28');
  });

  it('says at once that a whole day with a year such as 1850 is not real, in Welsh too', async () => {
    const user = userEvent.setup();
    const seen: (string | undefined)[] = [];
    renderField({ seen }, 'cy-GB');
    await user.type(screen.getByLabelText('Due'), '01/01/1850');
    expect(screen.getByText('Rhowch ddyddiad go iawn, er enghraifft 31/03/2026 neu 31 Mawrth 2026')).toBeTruthy();
    // On the way, "01/01/18" was a day of 2018; the year typed in full is not.
    expect(seen.at(-1)).toBeUndefined();
  });

  it('refuses a date after notAfter, typed or picked, and the calendar offers no day after it', async () => {
    const user = userEvent.setup();
    const seen: (string | undefined)[] = [];
    renderField({ seen, notAfter: '2026-03-02' });
    const input = screen.getByLabelText<HTMLInputElement>('Due');
    await user.type(input, '03/03/2026');
    expect(screen.getByText('The date cannot be after 2 March 2026')).toBeTruthy();
    expect(seen.at(-1)).toBeUndefined();

    await user.clear(input);
    await user.click(screen.getByRole('button', { name: 'Choose Due from a calendar' }));
    const calendar = await screen.findByRole('dialog', { name: 'Calendar' });
    expect(within(calendar).getByText('March 2026')).toBeTruthy();
    // Fluent names each day "3, March, 2026", day first, in the catalogue's month names.
    const third = within(calendar).getByRole('button', { name: '3, March, 2026' });
    expect(third.closest('td')?.getAttribute('aria-disabled')).toBe('true');
    expect(
      within(calendar).getByRole('button', { name: '2, March, 2026' }).closest('td')?.getAttribute('aria-disabled'),
    ).toBe('false');
    await user.click(within(calendar).getByRole('button', { name: '1, March, 2026' }));
    expect(seen.at(-1)).toBe('2026-03-01');
    expect(input.value).toBe('01/03/2026');
  });

  it('names the calendar’s months and days in Welsh, weeks from Monday', async () => {
    const user = userEvent.setup();
    renderField({ seen: [], initial: '2026-03-02' }, 'cy-GB');
    await user.click(screen.getByRole('button', { name: 'Dewis Due o galendr' }));
    const calendar = await screen.findByRole('dialog', { name: 'Calendr' });
    expect(within(calendar).getByText('Mawrth 2026')).toBeTruthy();
    const headings = within(calendar)
      .getAllByRole('columnheader')
      .map((h) => h.getAttribute('title') ?? h.textContent);
    expect(headings.slice(0, 2)).toEqual(['dydd Llun', 'dydd Mawrth']);
    expect(within(calendar).getByRole('button', { name: 'Mynd i heddiw' })).toBeTruthy();
  });

  it('warns of a Saturday due date and moves it to the Friday', async () => {
    const user = userEvent.setup();
    const seen: (string | undefined)[] = [];
    renderField({ seen, dueDate: true });
    const input = screen.getByLabelText<HTMLInputElement>('Due');
    await user.type(input, '07/03/2026');
    await user.tab();
    expect(screen.getByText(/Saturday 7 March is a weekend/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Use Friday 6 March instead' }));
    expect(seen.filter((v) => v !== undefined).slice(-2)).toEqual(['2026-03-07', '2026-03-06']);
    expect(screen.getByTestId('held').textContent).toBe('2026-03-06');
    expect(input.value).toBe('06/03/2026');
    expect(screen.queryByText(/is a weekend/)).toBeNull();
  });

  it('names a bank holiday, in Welsh as well', () => {
    renderField({ seen: [], dueDate: true, initial: '2026-12-25' }, 'cy-GB');
    expect(screen.getByText(/Mae Dydd Nadolig yn ŵyl banc/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Defnyddio dydd Iau 24 Rhagfyr yn lle hynny' })).toBeTruthy();
  });

  it('names Christmas Day in English', () => {
    renderField({ seen: [], dueDate: true, initial: '2026-12-25' });
    expect(screen.getByText(/Christmas Day is a bank holiday/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Use Thursday 24 December instead' })).toBeTruthy();
  });

  it('says nothing of a weekend when the date is not a due date', () => {
    renderField({ seen: [], initial: '2026-03-07' });
    expect(screen.queryByText(/is a weekend/)).toBeNull();
  });
});
