import { makeStyles, Text, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

/** The box and title of a group of fields, for forms that lay out their groups' insides themselves. */
export const useFieldsetStyles = makeStyles({
  fieldset: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    margin: 0,
    minWidth: 0,
  },
  legend: {
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase400,
    padding: `0 ${tokens.spacingHorizontalXS}`,
  },
});

const useStyles = makeStyles({
  guide: { color: tokens.colorNeutralForeground2, display: 'block', marginBottom: tokens.spacingVerticalM },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalM,
  },
});

/** A titled group of a record's fields (a section of the record form, a step of New collaboration). */
export function FieldGroup({
  legend,
  guide,
  children,
}: {
  readonly legend: string;
  readonly guide?: string;
  readonly children: ReactNode;
}) {
  const styles = useStyles();
  const box = useFieldsetStyles();
  return (
    <fieldset className={box.fieldset}>
      <legend className={box.legend}>{legend}</legend>
      {guide ? <Text className={styles.guide}>{guide}</Text> : null}
      <div className={styles.grid}>{children}</div>
    </fieldset>
  );
}
