/**
 * A summary of terms and values (a `<dl>`): the assessment's summary, the assurance a check or
 * the record holds. Terms in a column as wide as the longest, values wrapping (long words too),
 * line breaks kept. A value's data attributes (for tests and print styles) go on its `<dd>`.
 */
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { Fragment, type ReactNode } from 'react';

const useStyles = makeStyles({
  list: {
    display: 'grid',
    gridTemplateColumns: 'minmax(10rem, max-content) 1fr',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
    margin: `0 0 ${tokens.spacingVerticalL}`,
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  value: { margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
});

export interface SummaryItem {
  readonly key: string;
  readonly term: ReactNode;
  readonly value: ReactNode;
  readonly data?: Readonly<Record<`data-${string}`, string>>;
}

export function Summary({
  items,
  className,
}: {
  readonly items: readonly (SummaryItem | false | undefined)[];
  readonly className?: string;
}) {
  const styles = useStyles();
  return (
    <dl className={mergeClasses(styles.list, className)}>
      {items.map((item) =>
        item ? (
          <Fragment key={item.key}>
            <dt className={styles.term}>{item.term}</dt>
            <dd className={styles.value} {...item.data}>
              {item.value}
            </dd>
          </Fragment>
        ) : null,
      )}
    </dl>
  );
}
