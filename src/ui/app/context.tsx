import { createContext, useContext, useMemo } from 'react';
import { dayNumberOf, type IsoDate } from '../../domain';
import { formatCurrency, formatDate, formatNumber, translate, type Locale } from '../../i18n';
import type { Host, TeamsSdk, ThemeName } from '../../teams/host';
import type { DevUser, Services } from './services';

/** What every page may use: the ports, the host, the person's language and theme, and today. */
export interface AppState {
  readonly services: Services;
  readonly host: Host;
  readonly locale: Locale;
  readonly setLocale: (locale: Locale) => void;
  readonly theme: ThemeName;
  readonly setTheme: (theme: ThemeName) => void;
  /** The person's calendar day (the domain never reads the clock). */
  readonly today: IsoDate;
  /** Dev mode: the demo users, and the one the tab acts as. */
  readonly devUsers: readonly DevUser[];
  readonly devUser?: string;
  readonly setDevUser: (key: string) => void;
  /** The Teams SDK for the configuration page; tests put a fake host here. Default: teams-js, loaded lazily. */
  readonly teamsSdk?: TeamsSdk;
}

export const AppContext = createContext<AppState | null>(null);

export function useApp(): AppState {
  const app = useContext(AppContext);
  if (!app) throw new Error('useApp outside <AppContext.Provider>');
  return app;
}

export function useServices(): Services {
  return useApp().services;
}

export interface Formatters {
  readonly locale: Locale;
  /** A calendar day: 31 March 2026 / 31 Mawrth 2026. */
  date(iso: string | undefined): string;
  /** A day named with its weekday, without the year: Thursday 24 December / dydd Iau 24 Rhagfyr. */
  weekdayDate(iso: string | undefined): string;
  /** An instant (version history): date and time in the person's language. */
  dateTime(iso: string | undefined): string;
  currency(amount: number | undefined): string;
  number(value: number): string;
}

/**
 * True when this browser's Intl knows the locale's month names. Some builds of Chromium ship ICU
 * without Welsh and write 17 October 2026 as "2026 M10 17"; the tab then writes dates itself,
 * with the month names of its own catalogue.
 */
function intlWritesMonthsOf(locale: Locale): boolean {
  try {
    const january = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' }).format(
      new Date(Date.UTC(2020, 0, 15)),
    );
    return january === translate(locale, 'tab.months.m1');
  } catch {
    return false;
  }
}

function ownDate(iso: string, locale: Locale): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  if (!y || !m || !d) return iso;
  return `${d} ${translate(locale, `tab.months.m${m}`)} ${y}`;
}

/** The weekday, day and month from the catalogue (weekday names do not depend on the browser's ICU). */
function weekdayDate(iso: string | undefined, locale: Locale): string {
  if (!iso) return '';
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  if (!y || !m || !d) return iso;
  const weekday = (((dayNumberOf(y, m, d) + 4) % 7) + 7) % 7;
  return `${translate(locale, `tab.weekdays.d${weekday}`)} ${d} ${translate(locale, `tab.months.m${m}`)}`;
}

export function formattersFor(locale: Locale): Formatters {
  const intl = intlWritesMonthsOf(locale);
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hour12: false });
  return {
    locale,
    date: (iso) => (!iso ? '' : intl ? formatDate(iso.slice(0, 10), locale) : ownDate(iso, locale)),
    weekdayDate: (iso) => weekdayDate(iso, locale),
    dateTime: (iso) => {
      if (!iso) return '';
      const at = Date.parse(iso);
      if (Number.isNaN(at)) return iso;
      if (intl) return dateTime.format(new Date(at));
      const local = new Date(at);
      const day = `${local.getFullYear()}-${String(local.getMonth() + 1).padStart(2, '0')}-${String(local.getDate()).padStart(2, '0')}`;
      return `${ownDate(day, locale)}, ${time.format(local)}`;
    },
    currency: (amount) => (amount === undefined ? '' : formatCurrency(amount, locale)),
    number: (value) => formatNumber(value, locale),
  };
}

export function useFormat(): Formatters {
  const { locale } = useApp();
  return useMemo(() => formattersFor(locale), [locale]);
}

/** Today in the person's time zone, as the domain's ISO date. */
export function localToday(now: Date = new Date()): IsoDate {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}
