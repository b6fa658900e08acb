import { makeStyles, tokens } from '@fluentui/react-components';
import { RouterLink } from '../../components/RouterLink';
import { useSectionStyles } from './styles';

const useStyles = makeStyles({
  row: {
    display: 'grid',
    gridTemplateColumns: 'minmax(140px, 14rem) 1fr 3rem',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalM,
  },
  track: { height: '14px', backgroundColor: tokens.colorNeutralBackground4, borderRadius: tokens.borderRadiusSmall },
  bar: {
    height: '100%',
    minWidth: '2px',
    backgroundColor: tokens.colorBrandBackground,
    borderRadius: tokens.borderRadiusSmall,
    // High contrast: the bar keeps a visible edge when backgrounds are replaced.
    outline: `${tokens.strokeWidthThin} solid transparent`,
  },
  value: { textAlign: 'end', fontVariantNumeric: 'tabular-nums' },
});

export interface Bar {
  readonly key: string;
  readonly label: string;
  readonly value: number;
  /** The register filtered to this bar. */
  readonly to: string;
  readonly valueText: string;
}

/**
 * A bar chart that is also a list of links: each bar's label opens the
 * register filtered to it, and its number is text, so nothing depends on seeing
 * the bar.
 */
export function BarChart({ bars, label }: { readonly bars: readonly Bar[]; readonly label: string }) {
  const styles = useStyles();
  const section = useSectionStyles();
  const max = Math.max(1, ...bars.map((b) => b.value));
  return (
    <ul className={section.items} aria-label={label}>
      {bars.map((b) => (
        <li key={b.key} className={styles.row}>
          <RouterLink to={b.to}>{b.label}</RouterLink>
          <div className={styles.track} aria-hidden>
            <div className={styles.bar} style={{ width: `${(b.value / max) * 100}%` }} />
          </div>
          <span className={styles.value}>{b.valueText}</span>
        </li>
      ))}
    </ul>
  );
}
