import { makeStyles, tokens } from '@fluentui/react-components';

/**
 * The layout a page about one thing (a record, an assessment, a template) shares, so the
 * three look alike: the subtitle's words and badges on one wrapping line, and the notices
 * stacked between the header and the page's body.
 */
export const usePageStyles = makeStyles({
  meta: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
  bars: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    marginBottom: tokens.spacingVerticalM,
  },
  // The save and submit buttons stay in view at the bottom of a long form.
  stickyActions: {
    position: 'sticky',
    bottom: 0,
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalM} 0`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
});
