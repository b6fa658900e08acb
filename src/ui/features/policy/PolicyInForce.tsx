/**
 * The governance policy as everyone reads it: the version in force (who published it, when and
 * why), its numbers, and the list of published versions.
 */
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { ASSURANCE_LEVELS, type Band, type GovernancePolicy } from '../../../domain';
import { useFormat } from '../../app/context';
import { SimpleTable, type SimpleTableProps } from '../../components/SimpleTable';
import { POINT_CODES, POINT_VOCAB, type PointSet } from './policyDraft';

const useStyles = makeStyles({
  facts: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS, margin: 0 },
  note: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  numbers: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(280px, 1fr))',
    columnGap: tokens.spacingHorizontalXL,
    rowGap: tokens.spacingVerticalL,
  },
  h3: { marginBottom: tokens.spacingVerticalXS },
});

/** "Version 3", or the shipped numbers' own name for version 0. */
export function useVersionName() {
  const { t } = useTranslation();
  return (version: number) =>
    version === 0 ? t('policyEditor.version.shipped') : t('policyEditor.version.name', { version });
}

/** The version in force: its name, who published it and when, and its change note. */
export function PolicyInForce({ policy }: { readonly policy: GovernancePolicy }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const format = useFormat();
  const versionName = useVersionName();
  return (
    <div className={styles.facts} data-testid="policy-in-force">
      <Text weight="semibold">{versionName(policy.version)}</Text>
      {policy.version === 0 ? (
        <Text>{t('policyEditor.inForce.shippedNote')}</Text>
      ) : (
        <>
          <Text>
            {t('policyEditor.inForce.published', {
              name: policy.publishedBy?.displayName ?? t('policyEditor.inForce.unknownPerson'),
              date: policy.publishedOn ? format.date(policy.publishedOn) : t('policyEditor.inForce.unknownDate'),
            })}
          </Text>
          {policy.note ? (
            <Text className={styles.note}>
              {t('policyEditor.inForce.note')} {policy.note}
            </Text>
          ) : null}
        </>
      )}
    </div>
  );
}

/** One table of the policy's numbers, named by the heading above it. */
function NumbersTable<R>({
  id,
  title,
  ...table
}: { readonly id: string; readonly title: string } & Omit<SimpleTableProps<R>, 'label' | 'labelledBy' | 'size'>) {
  const styles = useStyles();
  return (
    <div>
      <h3 id={id} className={styles.h3}>
        {title}
      </h3>
      <SimpleTable labelledBy={id} size="small" {...table} />
    </div>
  );
}

/** The policy's numbers, read-only (officers and panel members see these instead of the form). */
export function PolicyNumbers({ policy }: { readonly policy: GovernancePolicy }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const format = useFormat();
  const s = policy.significance;
  const bands = (id: string, title: string, rows: readonly Band[], from: (b: Band) => string) => (
    <NumbersTable
      id={id}
      title={title}
      rows={rows}
      rowKey={(_b, i) => i}
      empty={t('policyEditor.numbers.noBands')}
      columns={[
        { heading: t('policyEditor.numbers.from'), cell: from },
        { heading: t('policyEditor.numbers.points'), cell: (b) => format.number(b.points) },
      ]}
    />
  );
  const points = (set: PointSet) => {
    const values = s[set] as Readonly<Record<string, number>>;
    return (
      <NumbersTable
        id={`policy-numbers-${set}`}
        title={t(`policyEditor.form.${set}.legend`)}
        rows={POINT_CODES[set]}
        rowKey={(code) => code}
        columns={[
          { heading: t('policyEditor.numbers.value'), cell: (code) => t(`vocab.${POINT_VOCAB[set]}.${code}`) },
          { heading: t('policyEditor.numbers.points'), cell: (code) => format.number(values[code] ?? 0) },
        ]}
      />
    );
  };
  return (
    <div className={styles.numbers}>
      <NumbersTable
        id="policy-numbers-tiers"
        title={t('policyEditor.form.tiers.legend')}
        rows={['medium', 'high'] as const}
        rowKey={(tier) => tier}
        columns={[
          { heading: t('policyEditor.numbers.tier'), cell: (tier) => t(`vocab.significance.${tier}`) },
          { heading: t('policyEditor.numbers.fromPoints'), cell: (tier) => format.number(s.tiers[tier]) },
        ]}
      />
      {bands('policy-numbers-annualCost', t('policyEditor.form.annualCost.legend'), s.annualCost, (b) =>
        format.currency(b.from),
      )}
      {bands('policy-numbers-partners', t('policyEditor.form.partners.legend'), s.partners, (b) =>
        format.number(b.from),
      )}
      {points('basis')}
      {points('footprint')}
      {points('serviceRisk')}
      <NumbersTable
        id="policy-numbers-cadence"
        title={t('policyEditor.form.cadence.legend')}
        rows={ASSURANCE_LEVELS}
        rowKey={(level) => level}
        columns={[
          { heading: t('policyEditor.numbers.level'), cell: (level) => t(`vocab.assurance.${level}`) },
          {
            heading: t('policyEditor.numbers.nextReview'),
            cell: (level) => {
              const months = policy.assuranceCadence[level];
              return months === null
                ? t('policyEditor.numbers.ownFrequency')
                : t('policyEditor.numbers.months', { count: months });
            },
          },
        ]}
      />
    </div>
  );
}

/** Every published version, newest first. */
export function VersionList({
  versions,
  labelledBy,
}: {
  readonly versions: readonly GovernancePolicy[];
  readonly labelledBy: string;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const format = useFormat();
  const versionName = useVersionName();
  return (
    <SimpleTable
      labelledBy={labelledBy}
      size="small"
      rows={versions}
      rowKey={(p) => p.version}
      rowProps={(p) => ({ 'data-version': String(p.version) })}
      empty={t('policyEditor.versions.none')}
      columns={[
        { heading: t('policyEditor.versions.version'), cell: (p) => versionName(p.version) },
        {
          heading: t('policyEditor.versions.publishedOn'),
          cell: (p) => (p.publishedOn ? format.date(p.publishedOn) : ''),
        },
        { heading: t('policyEditor.versions.publishedBy'), cell: (p) => p.publishedBy?.displayName ?? '' },
        {
          heading: t('policyEditor.versions.tiers'),
          cell: (p) =>
            t('policyEditor.versions.tierSummary', {
              medium: p.significance.tiers.medium,
              high: p.significance.tiers.high,
            }),
        },
        { heading: t('policyEditor.versions.note'), className: styles.note, cell: (p) => p.note ?? '' },
      ]}
    />
  );
}
