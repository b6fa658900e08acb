/**
 * The preview's questions about partner names. A name close to a partner the
 * register has ("Torfaen Council" → Torfaen County Borough Council): "Use
 * <partner>" or "Add as a new partner". A new name with "and" in it, part of
 * which is a known partner ("Torfaen CBC and Cardiff Met"): one partner or
 * several. Nothing is chosen for the person: a name left unanswered is added
 * whole and new, as the preview says. The answers go into the import's
 * `partnerChoices` and `partnerSplits`, so the preview and the write both
 * follow them. The matching itself is the domain's (partners.ts).
 */
import { Field, makeStyles, Radio, RadioGroup, Text, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NameSuggestion, SplitOffer } from '../../../domain/import';

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
  /** New names that may be several partners (the preview's `splitOffers`). */
  readonly splitOffers?: readonly SplitOffer[];
  /** The names the person said are several partners (no longer in the preview's offers: they were cut). */
  readonly splits?: ReadonlyMap<string, SplitOffer>;
  readonly onSplit?: (offer: SplitOffer, several: boolean) => void;
  readonly disabled?: boolean;
}

export function PartnerSuggestions(props: PartnerSuggestionsProps) {
  const { suggestions, choices, onChoose, disabled } = props;
  const { t } = useTranslation();
  const styles = useStyles();
  const headingId = useId();
  // "One partner" changes nothing in the import (whole is what it does unasked); it is remembered here only to show the answer.
  const [kept, setKept] = useState<ReadonlySet<string>>(new Set());
  const splits = props.splits ?? new Map<string, SplitOffer>();
  const offers = [...(props.splitOffers ?? []).filter((o) => !splits.has(o.folded)), ...splits.values()];
  if (suggestions.length === 0 && offers.length === 0) return null;
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <Text as="h3" size={400} weight="semibold" id={headingId}>
        {t('transfer.partnerChoice.heading')}
      </Text>
      {suggestions.length > 0 ? <Text>{t('transfer.partnerChoice.hint')}</Text> : null}
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
      {offers.length > 0 ? <Text>{t('transfer.partnerChoice.splitHint')}</Text> : null}
      <ul className={styles.list}>
        {offers.map((o) => (
          <li key={o.folded}>
            <Field label={t('transfer.partnerChoice.group', { name: o.name })}>
              <RadioGroup
                value={splits.has(o.folded) ? 'several' : kept.has(o.folded) ? 'one' : ''}
                disabled={disabled}
                onChange={(_e, d) => {
                  setKept((k) =>
                    d.value === 'one' ? new Set(k).add(o.folded) : new Set([...k].filter((f) => f !== o.folded)),
                  );
                  props.onSplit?.(o, d.value === 'several');
                }}
              >
                <Radio value="one" label={t('transfer.partnerChoice.keepWhole', { name: o.name })} />
                <Radio value="several" label={t('transfer.partnerChoice.split', { names: o.parts.join('; ') })} />
              </RadioGroup>
            </Field>
          </li>
        ))}
      </ul>
    </section>
  );
}
