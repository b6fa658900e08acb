import { makeStyles, Title2, tokens, typographyStyles } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { RouterLink } from './RouterLink';
import { usePageTitle } from './usePageTitle';

const useStyles = makeStyles({
  back: { marginBottom: tokens.spacingVerticalS, display: 'inline-block' },
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
  /** A page about one thing: the link back to where it was chosen, above the title. */
  readonly back?: { readonly to: string; readonly label: string };
}

export function PageHeader({ title, subtitle, actions, lang, id, back }: PageHeaderProps) {
  const styles = useStyles();
  usePageTitle(title);
  const header = (
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
  if (!back) return header;
  return (
    <>
      <RouterLink to={back.to} className={styles.back}>
        {back.label}
      </RouterLink>
      {header}
    </>
  );
}
