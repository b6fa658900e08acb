import { makeStyles, tokens } from '@fluentui/react-components';

/** The look of Home's own sections ("My actions", "Reviews awaiting my panel") and of its lists, the bar charts' too. */
export const useSectionStyles = makeStyles({
  panel: {
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalL,
    marginBottom: tokens.spacingVerticalXL,
  },
  h2: { marginTop: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  items: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
  },
  /** Items each with a form of their own: more room between them. */
  roomy: { rowGap: tokens.spacingVerticalL },
  head: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalM, alignItems: 'baseline' },
  muted: { color: tokens.colorNeutralForeground3 },
});
