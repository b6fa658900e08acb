/**
 * The preview's question about partner names that are close to a partner the
 * register has ("Torfaen Council" → Torfaen County Borough Council): for each
 * name, "Use <partner>" or "Add as a new partner". Nothing is chosen for the
 * person: a name left unanswered is added as new, as the preview says. The
 * choice goes into the import's `partnerChoices`, so the preview and the
 * write both follow it. The matching itself is the domain's (partners.ts).
 */
import { Field, makeStyles, Radio, RadioGroup, Text, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { NameSuggestion } from '../../../domain/import';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  list: {
    margin: 0,
    padding: 0,
    listStyleType: 'none',
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
  },
});

export interface PartnerSuggestionsProps {
  /** The names with a suggested partner, once each (the preview's `partnerSuggestions`). */
  readonly suggestions: readonly NameSuggestion[];
  /** The person's answers so far, by folded name. */
  readonly choices: ReadonlyMap<string, number | 'new'>;
  /** The person answers for one name. */
  readonly onChoose: (folded: string, choice: number | 'new') => void;
  readonly disabled?: boolean;
}

export function PartnerSuggestions({ suggestions, choices, onChoose, disabled }: PartnerSuggestionsProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const headingId = useId();
  if (suggestions.length === 0) return null;
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <Text as="h3" size={400} weight="semibold" id={headingId}>
        {t('transfer.partnerChoice.heading')}
      </Text>
      <Text>{t('transfer.partnerChoice.hint')}</Text>
      <ul className={styles.list}>
        {suggestions.map((s) => {
          const choice = choices.get(s.folded);
          return (
            <li key={s.folded}>
              <Field label={t('transfer.partnerChoice.group', { name: s.name })}>
                <RadioGroup
                  value={choice === undefined ? '' : String(choice)}
                  disabled={disabled}
                  onChange={(_e, d) => onChoose(s.folded, d.value === 'new' ? 'new' : Number(d.value))}
                >
                  <Radio
                    value={String(s.suggestion.id)}
                    label={t('transfer.partnerChoice.use', { partner: s.suggestion.name })}
                  />
                  <Radio value="new" label={t('transfer.partnerChoice.addNew')} />
                </RadioGroup>
              </Field>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
