import { makeStyles, Title2, tokens, typographyStyles } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { usePageTitle } from './usePageTitle';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    justifyContent: 'space-between',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
    marginBottom: tokens.spacingVerticalL,
  },
  titles: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  h1: { margin: 0 },
  // A div, not a <p>: a subtitle may hold badges, which are block elements.
  sub: { ...typographyStyles.body1, color: tokens.colorNeutralForeground3, margin: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
});

export interface PageHeaderProps {
  /** The page's one h1, also the document title. */
  readonly title: string;
  readonly subtitle?: ReactNode;
  readonly actions?: ReactNode;
  /** The h1 is `lang`-tagged when it is user text in another language. */
  readonly lang?: string;
  /** The h1's id, for the page's `aria-labelledby`. */
  readonly id?: string;
}

export function PageHeader({ title, subtitle, actions, lang, id }: PageHeaderProps) {
  const styles = useStyles();
  usePageTitle(title);
  return (
    <div className={styles.root}>
      <div className={styles.titles}>
        <Title2 as="h1" id={id} className={styles.h1} lang={lang}>
          {title}
        </Title2>
        {subtitle ? <div className={styles.sub}>{subtitle}</div> : null}
      </div>
      {actions ? <div className={styles.actions}>{actions}</div> : null}
    </div>
  );
}
