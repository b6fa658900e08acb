import { Button, Link, makeStyles, Select, Text, tokens, useId } from '@fluentui/react-components';
import { lazy, Suspense, useEffect, useRef, type ChangeEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { may } from '../../domain/policy';
import type { ThemeName } from '../../teams/host';
import { Loading } from '../components/Loading';
import { focusPage } from '../components/focus';
import { useMe } from '../components/useRoles';
import { useApp } from './context';
import { paths, useRoute, type Route } from './router';
import { THEME_NAMES } from './theme';

const HomePage = lazy(() => import('../features/home/HomePage').then((m) => ({ default: m.HomePage })));
const RegisterPage = lazy(() => import('../features/register/RegisterPage').then((m) => ({ default: m.RegisterPage })));
const RecordPage = lazy(() => import('./RecordRoute').then((m) => ({ default: m.RecordRoute })));
const NewCollaborationPage = lazy(() =>
  import('../features/newCollaboration/NewCollaborationPage').then((m) => ({ default: m.NewCollaborationPage })),
);
const ConfigPage = lazy(() => import('../features/config/ConfigPage').then((m) => ({ default: m.ConfigPage })));
const AssessmentPage = lazy(() =>
  import('../features/assessment/AssessmentPage').then((m) => ({ default: m.AssessmentPage })),
);
const TemplatesPage = lazy(() =>
  import('../features/templates/TemplatesPage').then((m) => ({ default: m.TemplatesPage })),
);
const ReviewPage = lazy(() => import('../features/review/ReviewPage').then((m) => ({ default: m.ReviewPage })));
const ActionPlanPage = lazy(() =>
  import('../features/actionPlan/ActionPlanPage').then((m) => ({ default: m.ActionPlanPage })),
);
const ReportsPage = lazy(() => import('../features/reports/ReportsPage').then((m) => ({ default: m.ReportsPage })));
const ImportPage = lazy(() => import('../features/import/ImportPage').then((m) => ({ default: m.ImportPage })));
const CompendiumPage = lazy(() =>
  import('../features/compendium/CompendiumPage').then((m) => ({ default: m.CompendiumPage })),
);
const PartnersPage = lazy(() => import('../features/partners/PartnersPage').then((m) => ({ default: m.PartnersPage })));
const StatementsPage = lazy(() =>
  import('../features/statements/StatementsPage').then((m) => ({ default: m.StatementsPage })),
);
const PolicyPage = lazy(() => import('../features/policy/PolicyPage').then((m) => ({ default: m.PolicyPage })));
const NotFoundPage = lazy(() => import('./NotFoundPage').then((m) => ({ default: m.NotFoundPage })));

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    minHeight: '100vh',
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
  },
  skip: {
    position: 'absolute',
    left: tokens.spacingHorizontalS,
    top: '-100px',
    zIndex: 1000,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorBrandForegroundLink,
    border: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
    borderRadius: tokens.borderRadiusMedium,
    ':focus': { top: tokens.spacingVerticalS },
  },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalXL,
    rowGap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  brand: { display: 'flex', flexDirection: 'column' },
  council: { color: tokens.colorNeutralForeground3 },
  nav: { display: 'flex', columnGap: tokens.spacingHorizontalL, flexWrap: 'wrap', minWidth: 0 },
  // The links wrap onto more lines where the header is narrow (Teams on a phone), never past its edge.
  navList: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    listStyleType: 'none',
    margin: 0,
    padding: 0,
  },
  current: { fontWeight: tokens.fontWeightSemibold, textDecorationLine: 'underline' },
  tools: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    marginLeft: 'auto',
  },
  tool: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalXS },
  main: {
    flexGrow: 1,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
    ':focus': { outlineStyle: 'none' },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
});

function Page({ route }: { readonly route: Route }) {
  switch (route.name) {
    case 'home':
      return <HomePage />;
    case 'register':
      return <RegisterPage />;
    case 'record':
      return <RecordPage reference={route.reference ?? ''} />;
    case 'new':
      return <NewCollaborationPage />;
    case 'config':
      return <ConfigPage />;
    case 'assessment':
      return <AssessmentPage assessmentKey={route.reference ?? ''} />;
    case 'templates':
      return <TemplatesPage {...(route.reference ? { templateKey: route.reference } : {})} />;
    case 'review':
      return <ReviewPage reviewKey={route.reference ?? ''} />;
    case 'actionPlan':
      return <ActionPlanPage />;
    case 'reports':
      return <ReportsPage {...(route.reference ? { kind: route.reference } : {})} />;
    case 'import':
      return <ImportPage />;
    case 'compendium':
      return <CompendiumPage />;
    case 'partners':
      return <PartnersPage />;
    case 'statements':
      return <StatementsPage />;
    case 'policy':
      return <PolicyPage />;
    default:
      return <NotFoundPage />;
  }
}

/** Landmarks (banner, navigation, main), a skip link, the language, theme and demo-user switches. */
export function Shell() {
  const styles = useStyles();
  const { t } = useTranslation();
  const app = useApp();
  const route = useRoute();
  // Opening on Home, who-am-I rides in Home's one $batch.
  const me = useMe({ joinPageBatch: route.name === 'home' });
  const mainRef = useRef<HTMLElement>(null);
  const firstRoute = useRef(true);
  const themeId = useId('theme');
  const userId = useId('dev-user');

  // After a navigation, focus moves to the new page (screen readers hear it); not on the first load.
  const pageKey = `${route.name}:${route.reference ?? ''}`;
  useEffect(() => {
    if (firstRoute.current) {
      firstRoute.current = false;
      return;
    }
    focusPage(mainRef.current);
  }, [pageKey]);

  const skip = (e: MouseEvent<HTMLAnchorElement>) => {
    e.preventDefault();
    mainRef.current?.focus();
  };

  const governance = me.roles.includes('governance');
  const navItems: readonly { to: string; label: string; active: boolean }[] = [
    { to: paths.home(), label: t('tab.nav.home'), active: route.name === 'home' },
    {
      to: paths.register(),
      label: t('tab.nav.register'),
      active: ['register', 'record', 'assessment', 'review'].includes(route.name),
    },
    { to: paths.actionPlan(), label: t('tab.nav.actionPlan'), active: route.name === 'actionPlan' },
    {
      to: paths.reports(),
      label: t('tab.nav.reports'),
      active: route.name === 'reports' || route.name === 'compendium',
    },
    // Panel members who are not officers may not register one: the nav offers it to those who may.
    ...(may(me.actor, { kind: 'register' })
      ? [{ to: paths.newCollaboration(), label: t('tab.nav.new'), active: route.name === 'new' }]
      : []),
    ...(governance
      ? [
          { to: paths.templates(), label: t('tab.nav.templates'), active: route.name === 'templates' },
          { to: paths.import(), label: t('tab.nav.import'), active: route.name === 'import' },
        ]
      : []),
    // Others may open #/partners read-only; the nav offers it to those who may manage partners.
    ...(may(me.actor, { kind: 'managePartners' })
      ? [{ to: paths.partners(), label: t('tab.nav.partners'), active: route.name === 'partners' }]
      : []),
    // Others may open #/policy read-only; the nav offers it to those who may publish a version.
    ...(may(me.actor, { kind: 'editGovernancePolicy' })
      ? [{ to: paths.policy(), label: t('policyEditor.nav'), active: route.name === 'policy' }]
      : []),
    // Everyone may read who has confirmed; Heads of Service and the governance team confirm there.
    { to: paths.statements(), label: t('tab.nav.statements'), active: route.name === 'statements' },
  ];
  const otherLocale = app.locale === 'cy-GB' ? 'en-GB' : 'cy-GB';

  return (
    <div className={styles.root}>
      <a className={styles.skip} href="#main" onClick={skip}>
        {t('tab.skipToMain')}
      </a>
      <header className={styles.header}>
        <div className={styles.brand}>
          <Text weight="semibold" size={400}>
            {t('app.name')}
          </Text>
          <Text size={200} className={styles.council}>
            {t('app.council')}
          </Text>
        </div>
        <nav aria-label={t('tab.nav.label')} className={styles.nav}>
          <ul className={styles.navList}>
            {navItems.map((item) => (
              <li key={item.to}>
                <Link
                  href={item.to}
                  aria-current={item.active ? 'page' : undefined}
                  className={item.active ? styles.current : undefined}
                >
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className={styles.tools}>
          <Button
            appearance="subtle"
            lang={otherLocale}
            onClick={() => app.setLocale(otherLocale)}
            title={t('tab.language.switchHint')}
          >
            {t(`tab.language.name.${otherLocale === 'cy-GB' ? 'cy' : 'en'}`)}
          </Button>
          {!app.host.context.inTeams ? (
            <div className={styles.tool}>
              <label htmlFor={themeId}>
                <Text size={200}>{t('tab.theme.label')}</Text>
              </label>
              <Select
                id={themeId}
                size="small"
                value={app.theme}
                onChange={(e: ChangeEvent<HTMLSelectElement>) => app.setTheme(e.target.value as ThemeName)}
              >
                {THEME_NAMES.map((name) => (
                  <option key={name} value={name}>
                    {t(`tab.theme.${name}`)}
                  </option>
                ))}
              </Select>
            </div>
          ) : null}
          {app.services.config.dev ? (
            <div className={styles.tool}>
              <label htmlFor={userId}>
                <Text size={200}>{t('tab.devUser.label')}</Text>
              </label>
              <Select
                id={userId}
                size="small"
                value={app.devUser ?? ''}
                onChange={(e: ChangeEvent<HTMLSelectElement>) => app.setDevUser(e.target.value)}
              >
                {app.devUsers.length === 0 ? <option value={app.devUser ?? ''}>{app.devUser}</option> : null}
                {app.devUsers.map((u) => (
                  <option key={u.key} value={u.key}>
                    {u.displayName}
                  </option>
                ))}
              </Select>
            </div>
          ) : null}
        </div>
      </header>
      <main id="main" ref={mainRef} tabIndex={-1} className={styles.main}>
        <Suspense fallback={<Loading />}>
          <Page route={route} />
        </Suspense>
      </main>
    </div>
  );
}
