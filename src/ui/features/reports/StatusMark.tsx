import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { Tone } from './workbook';

const useStyles = makeStyles({
  root: { display: 'inline-flex', alignItems: 'center', columnGap: tokens.spacingHorizontalXS },
  icon: { flexShrink: 0, width: '12px', height: '12px' },
  danger: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  success: { color: tokens.colorPaletteGreenForeground1 },
  neutral: { color: tokens.colorNeutralForeground3 },
});

/**
 * A status in words with a shape beside it: a triangle for danger, a diamond
 * for warning, a circle for good, a ring for neutral. The shape differs as
 * well as the colour, so the mark reads in black and white and to a person
 * who does not see colour; the words carry the meaning (the shape is hidden
 * from screen readers).
 */
export function StatusMark({ tone, children }: { readonly tone: Tone; readonly children: string }) {
  const styles = useStyles();
  return (
    <span className={styles.root} data-tone={tone}>
      <svg className={mergeClasses(styles.icon, styles[tone])} viewBox="0 0 12 12" aria-hidden="true" focusable="false">
        {tone === 'danger' ? (
          <path d="M6 1 L11.5 11 L0.5 11 Z" fill="currentColor" />
        ) : tone === 'warning' ? (
          <path d="M6 0.5 L11.5 6 L6 11.5 L0.5 6 Z" fill="currentColor" />
        ) : tone === 'success' ? (
          <circle cx="6" cy="6" r="5" fill="currentColor" />
        ) : (
          <circle cx="6" cy="6" r="4.25" fill="none" stroke="currentColor" strokeWidth="1.5" />
        )}
      </svg>
      <span>{children}</span>
    </span>
  );
}
