/**
 * i18next over the product's catalogues (src/i18n): the same en-GB and cy-GB
 * data the reminder cards and the CLI use. Every string the tab shows comes
 * from here; dates, numbers and pounds are written by src/i18n's formatters.
 */
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { i18nOptions, resolveLocale, type Locale } from '../../i18n';

/** The tab's instance: the product's one i18next setup (src/i18n), with react-i18next on top. */
export function createI18n(locale: Locale): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init(i18nOptions(locale));
  return instance;
}

const LOCALE_KEY = 'collaboration-register:locale';

/** The person's own choice of language, remembered on this device. */
export function storedLocale(storage: Storage | undefined = safeStorage()): Locale | undefined {
  const v = storage?.getItem(LOCALE_KEY);
  return v === 'en-GB' || v === 'cy-GB' ? v : undefined;
}

export function rememberLocale(locale: Locale, storage: Storage | undefined = safeStorage()): void {
  try {
    storage?.setItem(LOCALE_KEY, locale);
  } catch {
    // storage full or blocked: the choice lasts for this visit only
  }
}

/** The remembered choice, else the Teams (or browser) locale. */
export function initialLocale(hostLocale: string | undefined): Locale {
  return storedLocale() ?? resolveLocale(hostLocale);
}

export function safeStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}
