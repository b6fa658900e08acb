/**
 * The shared date field on its own: an impossible date never reaches the page, and a due date on a
 * weekend or bank holiday is warned of with the working day before it offered.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { fireEvent, render, screen } from '@testing-library/react';
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
  it('keeps a typed year such as 22027 from the page and says the date is not real', () => {
    const seen: (string | undefined)[] = [];
    renderField({ initial: '2026-03-02', seen });
    const input = screen.getByLabelText('Due');
    fireEvent.change(input, { target: { value: '22027-10-03' } });
    expect(screen.getByText('Enter a real date, for example 31 March 2026')).toBeTruthy();
    expect(seen).toEqual([undefined]);
    expect(screen.getByTestId('held').textContent).toBe('none');
    expect(input.getAttribute('aria-invalid')).toBe('true');

    fireEvent.change(input, { target: { value: '2027-10-03' } });
    expect(screen.queryByText('Enter a real date, for example 31 March 2026')).toBeNull();
    expect(seen.at(-1)).toBe('2027-10-03');
  });

  it('says so in Welsh too', () => {
    const seen: (string | undefined)[] = [];
    renderField({ seen }, 'cy-GB');
    fireEvent.change(screen.getByLabelText('Due'), { target: { value: '1850-01-01' } });
    expect(screen.getByText('Rhowch ddyddiad go iawn, er enghraifft 31 Mawrth 2026')).toBeTruthy();
    expect(seen).toEqual([undefined]);
  });

  it('refuses a date after notAfter, and shows it as the input’s max', () => {
    const seen: (string | undefined)[] = [];
    renderField({ seen, notAfter: '2026-03-02' });
    const input = screen.getByLabelText('Due');
    expect(input.getAttribute('max')).toBe('2026-03-02');
    fireEvent.change(input, { target: { value: '2026-03-03' } });
    expect(screen.getByText('The date cannot be after 2 March 2026')).toBeTruthy();
    expect(seen).toEqual([undefined]);
  });

  it('warns of a Saturday due date and moves it to the Friday', async () => {
    const user = userEvent.setup();
    const seen: (string | undefined)[] = [];
    renderField({ seen, dueDate: true });
    fireEvent.change(screen.getByLabelText('Due'), { target: { value: '2026-03-07' } });
    expect(screen.getByText(/Saturday 7 March is a weekend/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Use Friday 6 March instead' }));
    expect(seen).toEqual(['2026-03-07', '2026-03-06']);
    expect(screen.getByTestId('held').textContent).toBe('2026-03-06');
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
