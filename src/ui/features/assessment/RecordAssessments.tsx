import { Button, Field, makeStyles, Select, Text, Title3, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  previousSubmitted,
  type Assessment,
  type AssessmentTemplate,
  type Collaboration,
  type RepoError,
  type Stored,
} from '../../../domain';
import { useApp, useFormat, useServices } from '../../app/context';
import { navigate, paths } from '../../app/router';
import { ErrorState } from '../../components/ErrorState';
import { Loading } from '../../components/Loading';
import { RouterLink } from '../../components/RouterLink';
import { SimpleTable } from '../../components/SimpleTable';
import { useMe } from '../../components/useRoles';
import { may } from '../../../domain/policy';
import { RagBadge } from '../../components/RagBadge';
import { templateTitle } from './text';
import { assessmentTitle } from '../../components/recordText';

const useStyles = makeStyles({
  start: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
    marginBottom: tokens.spacingVerticalL,
  },
  links: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalM },
  heading: { marginTop: 0 },
});

interface Loaded {
  readonly assessments: readonly Stored<Assessment>[];
  readonly templates: readonly AssessmentTemplate[];
}

/** The record's assessments: each with its template, version, status, RAG and score; start, continue, open, compare. */
export function RecordAssessments({ collaboration }: { readonly collaboration: Stored<Collaboration> }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const { locale } = useApp();
  const format = useFormat();
  const { stores } = useServices();
  const me = useMe();
  const [data, setData] = useState<Loaded | undefined>();
  const [error, setError] = useState<RepoError | undefined>();
  const [attempt, setAttempt] = useState(0);
  const [chosen, setChosen] = useState('');

  useEffect(() => {
    let live = true;
    setError(undefined);
    void Promise.all([stores.assessments.forCollaboration(collaboration.id), stores.templates.published()]).then(
      ([a, tpl]) => {
        if (!live) return;
        if (!a.ok) return setError(a.error);
        setData({ assessments: a.value, templates: tpl.ok ? tpl.value : [] });
      },
    );
    return () => {
      live = false;
    };
  }, [stores, collaboration.id, attempt]);

  /** The latest published version of each template, by title. */
  const startable = useMemo(() => {
    const latest = new Map<string, AssessmentTemplate>();
    for (const tpl of data?.templates ?? []) {
      const seen = latest.get(tpl.key);
      if (!seen || seen.version < tpl.version) latest.set(tpl.key, tpl);
    }
    return [...latest.values()].sort((a, b) =>
      templateTitle(a, locale).localeCompare(templateTitle(b, locale), locale),
    );
  }, [data, locale]);

  if (error)
    return <ErrorState error={error} title={t('assess.record.loadFailed')} onRetry={() => setAttempt((n) => n + 1)} />;
  if (!data) return <Loading label={t('assess.loading')} />;

  const canStart = me.loading || may(me.actor, { kind: 'startAssessment' });
  const titleOf = (a: Assessment) => assessmentTitle(a, data.templates, locale);
  const statusOf = (a: Assessment) => t(`assess.status.${a.status}`);
  const rows = [...data.assessments].sort(
    (a, b) => (b.submittedOn ?? '\uffff').localeCompare(a.submittedOn ?? '\uffff') || b.id - a.id,
  );
  const selected = chosen || startable[0]?.key || '';

  return (
    <section aria-labelledby="record-assessments">
      <Title3 as="h2" id="record-assessments" className={styles.heading}>
        {t('assess.record.heading')}
      </Title3>
      {canStart ? (
        startable.length === 0 ? (
          <Text as="p">{t('assess.record.noTemplates')}</Text>
        ) : (
          <div className={styles.start}>
            <Field label={t('assess.record.chooseTemplate')}>
              <Select value={selected} onChange={(_e, d) => setChosen(d.value)}>
                {startable.map((tpl) => (
                  <option key={tpl.key} value={tpl.key}>
                    {templateTitle(tpl, locale)}
                  </option>
                ))}
              </Select>
            </Field>
            <Button
              appearance="primary"
              onClick={() =>
                navigate(
                  paths.assessment(
                    'new',
                    new URLSearchParams({ collaboration: collaboration.reference, template: selected }),
                  ),
                )
              }
            >
              {t('assess.record.start')}
            </Button>
          </div>
        )
      ) : null}
      {rows.length === 0 ? (
        <Text as="p">{t('assess.record.empty')}</Text>
      ) : (
        <SimpleTable
          label={t('assess.record.tableLabel')}
          rows={rows}
          rowKey={(a) => a.key}
          rowProps={(a) => ({ 'data-assessment': a.key })}
          columns={[
            { heading: t('assess.record.template'), cell: titleOf },
            { heading: t('assess.record.version'), cell: (a) => format.number(a.templateVersion) },
            { heading: t('assess.record.status'), cell: statusOf },
            {
              heading: t('assess.record.rag'),
              cell: (a) =>
                a.status === 'submitted' ? (
                  <RagBadge {...(a.overallRag ? { rag: a.overallRag } : {})} size="small" />
                ) : (
                  ''
                ),
            },
            {
              heading: t('assess.record.score'),
              cell: (a) =>
                a.score !== undefined ? t('assess.readOnly.scoreValue', { score: format.number(a.score) }) : '',
            },
            { heading: t('assess.record.submittedOn'), cell: (a) => format.dateTime(a.submittedOn) },
            { heading: t('assess.record.submittedBy'), cell: (a) => a.submittedBy?.displayName ?? '' },
            {
              heading: t('assess.record.actions'),
              cell: (a) => {
                const previous = previousSubmitted(data.assessments, a);
                const action = a.status === 'draft' ? t('assess.record.continue') : t('assess.record.open');
                return (
                  <span className={styles.links}>
                    <RouterLink
                      to={paths.assessment(a.key)}
                      aria-label={t('assess.record.openLabel', { action, template: titleOf(a), status: statusOf(a) })}
                    >
                      {action}
                    </RouterLink>
                    {previous ? (
                      <RouterLink to={paths.assessment(a.key, new URLSearchParams({ compare: previous.key }))}>
                        {t('assess.record.compare')}
                      </RouterLink>
                    ) : null}
                  </span>
                );
              },
            },
          ]}
        />
      )}
    </section>
  );
}
