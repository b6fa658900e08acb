import { Badge, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SHIPPED_TEMPLATE_KEYS, type AssessmentTemplate, type RepoError, type TemplateStore } from '../../../domain';
import { useApp, useFormat } from '../../app/context';
import { paths } from '../../app/router';
import { ErrorState } from '../../components/ErrorState';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { RouterLink } from '../../components/RouterLink';
import { SimpleTable } from '../../components/SimpleTable';

const useStyles = makeStyles({
  intro: { display: 'block', marginBottom: tokens.spacingVerticalM, maxWidth: '70ch' },
  status: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
});

interface Row {
  readonly latest: AssessmentTemplate;
  /** The draft of the next version, when one is saved. */
  readonly draft?: AssessmentTemplate;
}

function useTemplateRows(store: TemplateStore) {
  const [rows, setRows] = useState<Row[]>();
  const [error, setError] = useState<RepoError>();
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    setError(undefined);
    void (async () => {
      const all = await store.published();
      if (!live) return;
      if (!all.ok) {
        setError(all.error);
        return;
      }
      const latest = new Map<string, AssessmentTemplate>();
      for (const t of all.value) {
        const seen = latest.get(t.key);
        if (!seen || t.version > seen.version) latest.set(t.key, t);
      }
      // A saved draft is the next version of its key; reading it tells the team work is under way.
      const out = await Promise.all(
        [...latest.values()].map(async (t): Promise<Row> => {
          const next = await store.version(t.key, t.version + 1);
          return next.ok && next.value.status === 'draft' ? { latest: t, draft: next.value } : { latest: t };
        }),
      );
      // The shipped templates in their agreed order (as the issue numbers them), then the team's own by key.
      const rank = (key: string) => {
        const i = (SHIPPED_TEMPLATE_KEYS as readonly string[]).indexOf(key);
        return i < 0 ? SHIPPED_TEMPLATE_KEYS.length : i;
      };
      out.sort((a, b) => rank(a.latest.key) - rank(b.latest.key) || a.latest.key.localeCompare(b.latest.key));
      if (live) setRows(out);
    })();
    return () => {
      live = false;
    };
  }, [store, attempt]);
  return { rows, error, reload: useCallback(() => setAttempt((n) => n + 1), []) };
}

/** Every template's latest published version, in the person's language, with its question count. */
export function TemplateList() {
  const styles = useStyles();
  const { t } = useTranslation();
  const app = useApp();
  const format = useFormat();
  const { rows, error, reload } = useTemplateRows(app.services.stores.templates);
  const cy = app.locale === 'cy-GB';

  return (
    <section aria-labelledby="templates-title">
      <PageHeader id="templates-title" title={t('templates.title')} />
      <Text as="p" className={styles.intro}>
        {t('templates.intro')}
      </Text>
      {error ? <ErrorState error={error} title={t('templates.loadFailed')} onRetry={reload} /> : null}
      {!rows && !error ? <Loading label={t('templates.loading')} /> : null}
      {rows && rows.length === 0 ? <Text as="p">{t('templates.list.none')}</Text> : null}
      {rows && rows.length > 0 ? (
        <SimpleTable
          label={t('templates.list.caption')}
          rows={rows}
          rowKey={(r) => r.latest.key}
          columns={[
            {
              heading: t('templates.list.name'),
              cell: ({ latest }) => (
                <RouterLink to={paths.templates(latest.key)}>
                  {(cy ? latest.titleCy : latest.titleEn) || latest.titleEn}
                </RouterLink>
              ),
            },
            { heading: t('templates.list.version'), cell: ({ latest }) => format.number(latest.version) },
            {
              heading: t('templates.list.status'),
              cell: ({ latest, draft }) => (
                <span className={styles.status}>
                  <Badge appearance="outline" color="success">
                    {t(`templates.status.${latest.status}`)}
                  </Badge>
                  {draft ? (
                    <Badge appearance="outline" color="warning">
                      {t('templates.list.draftOf', { version: format.number(draft.version) })}
                    </Badge>
                  ) : null}
                </span>
              ),
            },
            { heading: t('templates.list.questions'), cell: ({ latest }) => format.number(latest.questions.length) },
          ]}
        />
      ) : null}
    </section>
  );
}
