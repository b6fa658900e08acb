import { teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme, type Theme } from '@fluentui/react-components';
import type { ThemeName } from '../../teams/host';
import { safeStorage } from './i18n';

/** Teams' three themes, as Fluent UI v9 themes: colours come from tokens only, so each is complete. */
export const THEMES: Readonly<Record<ThemeName, Theme>> = {
  light: teamsLightTheme,
  dark: teamsDarkTheme,
  contrast: teamsHighContrastTheme,
};

export const THEME_NAMES: readonly ThemeName[] = ['light', 'dark', 'contrast'];

const THEME_KEY = 'collaboration-register:theme';

/** Outside Teams, a theme chosen with the switch is remembered on this device. */
export function storedTheme(storage: Storage | undefined = safeStorage()): ThemeName | undefined {
  const v = storage?.getItem(THEME_KEY);
  return v === 'light' || v === 'dark' || v === 'contrast' ? v : undefined;
}

export function rememberTheme(theme: ThemeName, storage: Storage | undefined = safeStorage()): void {
  try {
    storage?.setItem(THEME_KEY, theme);
  } catch {
    // blocked storage: the choice lasts for this visit
  }
}
