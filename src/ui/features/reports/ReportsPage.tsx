import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { paths } from '../../app/router';
import { NotFoundPage } from '../../app/NotFoundPage';
import { PageHeader } from '../../components/PageHeader';
import { RouterLink } from '../../components/RouterLink';
import { AnnualReport } from './AnnualReport';
import { QuarterlyReport } from './QuarterlyReport';

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    rowGap: tokens.spacingVerticalL,
    maxWidth: '60rem',
  },
  item: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalM,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  link: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  intro: { display: 'block', maxWidth: '60rem', marginBottom: tokens.spacingVerticalL },
});

function ReportsIndex() {
  const styles = useStyles();
  const { t } = useTranslation();
  const reports = [
    { to: paths.reports('quarterly'), title: t('report.index.quarterlyTitle'), text: t('report.index.quarterlyText') },
    { to: paths.reports('annual'), title: t('report.index.annualTitle'), text: t('report.index.annualText') },
    { to: paths.compendium(), title: t('report.index.compendiumTitle'), text: t('report.index.compendiumText') },
  ];
  return (
    <section aria-labelledby="report-title">
      <PageHeader id="report-title" title={t('report.title')} />
      <Text as="p" className={styles.intro}>
        {t('report.intro')}
      </Text>
      <ul className={styles.list}>
        {reports.map((r) => (
          <li key={r.to} className={styles.item}>
            <RouterLink to={r.to} className={styles.link}>
              {r.title}
            </RouterLink>
            <Text>{r.text}</Text>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The governance reports: `#/reports` (the index), `#/reports/quarterly`, `#/reports/annual`. */
export function ReportsPage({ kind }: { readonly kind?: string }) {
  if (kind === undefined) return <ReportsIndex />;
  if (kind === 'quarterly') return <QuarterlyReport />;
  if (kind === 'annual') return <AnnualReport />;
  return <NotFoundPage />;
}
