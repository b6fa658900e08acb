import { makeStyles, tokens } from '@fluentui/react-components';

/**
 * The look shared by every "someone else saved this meanwhile" dialog (the record, an
 * assessment's answers, a review's outcome): one bordered item per changed thing, theirs and
 * mine side by side, long text wrapped rather than cut.
 */
export const useConflictStyles = makeStyles({
  surface: { maxWidth: '760px', width: '95vw' },
  list: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, margin: 0, padding: 0 },
  item: {
    listStyleType: 'none',
    padding: tokens.spacingVerticalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  values: { display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: tokens.spacingHorizontalM },
  value: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', color: tokens.colorNeutralForeground2, margin: 0 },
});
