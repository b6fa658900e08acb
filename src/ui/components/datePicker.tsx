/**
 * Fluent's date picker, in the tab's language rather than the browser's: the
 * input shows and reads dd/mm/yyyy (and a day typed with its month's name in
 * English or Welsh, as the domain's `parseTypedDate` reads it), the calendar
 * names its months and days from the catalogue and starts its weeks on Monday.
 */
import { DayOfWeek } from '@fluentui/react-calendar-compat';
import {
  renderDatePicker_unstable,
  useDatePicker_unstable,
  useDatePickerStyles_unstable,
  type CalendarStrings,
  type DatePickerProps,
} from '@fluentui/react-datepicker-compat';
import type { TFunction } from 'i18next';
import { makeStyles, tokens } from '@fluentui/react-components';
import { forwardRef, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { IsoDate } from '../../domain';
import { parseTypedDate } from '../../domain/import';
import { localToday } from '../app/context';

const useStyles = makeStyles({
  // Fluent's day view is 196 px wide and cuts a long month's name ("Gorffennaf 20…"): a little less
  // padding and a step smaller type keep "Gorffennaf 2026" and "September 2026" whole.
  calendar: {
    '& .fui-CalendarDay__monthAndYear': {
      padding: '0 2px 0 4px',
      fontSize: tokens.fontSizeBase200,
      textOverflow: 'clip',
    },
  },
});

/** The domain's day as the input shows it, whatever the language: 31/03/2026. */
export function dayMonthYear(iso: IsoDate): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

/** A calendar's Date (local midnight) for the domain's day; `localToday` turns it back. */
export function dateOfIso(iso: IsoDate): Date {
  return new Date(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
}

const TWELVE = Array.from({ length: 12 }, (_, i) => i + 1);
const SEVEN = Array.from({ length: 7 }, (_, i) => i);

function calendarStrings(t: TFunction): CalendarStrings {
  const c = (key: string) => t(`tab.form.date.calendar.${key}`);
  return {
    months: TWELVE.map((m) => t(`tab.months.m${m}`)),
    shortMonths: TWELVE.map((m) => c(`shortMonths.m${m}`)),
    days: SEVEN.map((d) => t(`tab.weekdays.d${d}`)),
    shortDays: SEVEN.map((d) => c(`shortDays.d${d}`)),
    goToToday: c('goToToday'),
    prevMonthAriaLabel: c('prevMonth'),
    nextMonthAriaLabel: c('nextMonth'),
    prevYearAriaLabel: c('prevYear'),
    nextYearAriaLabel: c('nextYear'),
    prevYearRangeAriaLabel: c('prevYearRange'),
    nextYearRangeAriaLabel: c('nextYearRange'),
    closeButtonAriaLabel: c('close'),
    monthPickerHeaderAriaLabel: c('monthPickerHeader'),
    yearPickerHeaderAriaLabel: c('yearPickerHeader'),
    selectedDateFormatString: c('selectedDate'),
    todayDateFormatString: c('todayDate'),
  };
}

/** Day before month, as in both the tab's languages (Fluent's default is "March 31, 2026"). */
const dateTimeFormatter = {
  formatDay: (date: Date) => String(date.getDate()),
  formatYear: (date: Date) => String(date.getFullYear()),
  formatMonth: (date: Date, strings: { months: string[] }) => strings.months[date.getMonth()] ?? '',
  formatMonthYear: (date: Date, strings: { months: string[] }) =>
    `${strings.months[date.getMonth()] ?? ''} ${date.getFullYear()}`,
  formatMonthDayYear: (date: Date, strings: { months: string[] }) =>
    `${date.getDate()} ${strings.months[date.getMonth()] ?? ''} ${date.getFullYear()}`,
};

export type TabDatePickerProps = Omit<
  DatePickerProps,
  'formatDate' | 'parseDateFromString' | 'strings' | 'firstDayOfWeek' | 'allowTextInput' | 'dateTimeFormatter'
> & {
  /** What the input shows: the person's own text while they type it, kept even when it is not a date. */
  readonly text: string;
  /** The field's label, for the calendar button's name. */
  readonly label: string;
};

/**
 * Fluent's DatePicker, recomposed (its documented `use…_unstable` hooks) so that
 * the input shows `text`: Fluent would put back the last good date when a typed
 * one cannot be read, and what the person typed would be lost.
 */
export const TabDatePicker = forwardRef<HTMLInputElement, TabDatePickerProps>(function TabDatePicker(
  { text, label, ...props },
  ref,
) {
  const { t } = useTranslation();
  const strings = useMemo(() => calendarStrings(t), [t]);
  const styles = useStyles();
  const state = useDatePicker_unstable(
    {
      ...props,
      allowTextInput: true,
      // A click in the input places the caret to type; the calendar opens from its button (or the Down key),
      // so it never takes the focus from someone typing a date.
      openOnClick: false,
      firstDayOfWeek: DayOfWeek.Monday,
      strings,
      dateTimeFormatter,
      formatDate: (date) => (date ? dayMonthYear(localToday(date)) : ''),
      parseDateFromString: (typed) => {
        const iso = parseTypedDate(typed);
        return iso ? dateOfIso(iso) : null;
      },
      placeholder: t('tab.form.date.placeholder'),
      calendar: { className: styles.calendar },
      popupSurface: { 'aria-label': t('tab.form.date.calendar.label') },
      contentAfter: { 'aria-label': t('tab.form.date.calendar.open', { label }), 'aria-labelledby': undefined },
    },
    ref,
  );
  state.root.value = text;
  useDatePickerStyles_unstable(state);
  return renderDatePicker_unstable(state);
});
