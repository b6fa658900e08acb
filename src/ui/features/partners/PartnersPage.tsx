/**
 * #/partners: the partner register for the governance team. Every partner organisation with
 * its Welsh name, sector, website and how many collaborations name it; a search by name in
 * either language; and, for those the role policy lets manage partners, editing one and
 * merging near-duplicates (imports of councils' registers make them). Everyone else sees the
 * list read-only.
 */
import {
  Button,
  Field,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  SearchBox,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Partner, Stored } from '../../../domain';
import { isHttpUrl, partnerMatches } from '../../../domain/partners';
import { may } from '../../../domain/policy';
import { ErrorState } from '../../components/ErrorState';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { SimpleTable } from '../../components/SimpleTable';
import { useMe } from '../../components/useRoles';
import { EditPartnerDialog } from './EditPartnerDialog';
import { MergePartnerDialog } from './MergePartnerDialog';
import { usePartners, type PartnerRow } from './usePartners';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  search: { maxWidth: '28rem' },
  website: { overflowWrap: 'anywhere' },
  buttons: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalXS },
});

export function PartnersPage() {
  const { t } = useTranslation();
  const styles = useStyles();
  const me = useMe();
  const { state, reload, save, merge } = usePartners();
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<Stored<Partner> | undefined>();
  const [merging, setMerging] = useState<PartnerRow | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  const manage = !me.loading && may(me.actor, { kind: 'managePartners' });

  const rows = state.kind === 'ready' ? state.rows : [];
  const shown = useMemo(() => rows.filter((r) => partnerMatches(r.partner, search)), [rows, search]);

  const sectorText = (p: Partner) =>
    p.sector
      ? t(`vocab.sector.${p.sector}`)
      : p.otherSector
        ? t('tab.partnerRegister.typedSector', { word: p.otherSector })
        : t('tab.partnerRegister.noSector');

  return (
    <div className={styles.root}>
      <PageHeader id="partners-title" title={t('tab.partnerRegister.title')} />
      <Text as="p">{t('tab.partnerRegister.intro')}</Text>
      {!me.loading && !manage ? <Text as="p">{t('tab.partnerRegister.readOnly')}</Text> : null}
      {notice ? (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      ) : null}
      {state.kind === 'loading' ? <Loading label={t('tab.partnerRegister.loading')} /> : null}
      {state.kind === 'error' ? (
        <ErrorState error={state.error} title={t('tab.partnerRegister.loadFailed')} onRetry={reload} />
      ) : null}
      {state.kind === 'ready' && state.unreadable.length > 0 ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t('tab.partnerRegister.unreadable.title')}</MessageBarTitle>
            <ul>
              {state.unreadable.map((e, i) => (
                <li key={`${e.itemId ?? 'x'}-${i}`}>
                  {t('tab.partnerRegister.unreadable.item', {
                    id: e.itemId ?? '?',
                    column: e.field ?? '?',
                  })}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {state.kind === 'ready' ? (
        <>
          <Field label={t('tab.partnerRegister.search')} className={styles.search}>
            <SearchBox value={search} onChange={(_e, d) => setSearch(d.value)} />
          </Field>
          <Text role="status" aria-live="polite">
            {t('tab.partnerRegister.shown', { shown: shown.length, total: rows.length })}
          </Text>
          <SimpleTable
            labelledBy="partners-title"
            size="small"
            rows={shown}
            rowKey={(r) => r.partner.id}
            rowProps={(r) => ({ 'data-partner': String(r.partner.id) })}
            empty={t('tab.partnerRegister.none')}
            columns={[
              { heading: t('tab.partnerRegister.columns.name'), cell: (r) => r.partner.name },
              {
                heading: t('tab.partnerRegister.columns.nameCy'),
                cell: (r) => (r.partner.nameCy ? <span lang="cy">{r.partner.nameCy}</span> : null),
              },
              { heading: t('tab.partnerRegister.columns.sector'), cell: (r) => sectorText(r.partner) },
              {
                heading: t('tab.partnerRegister.columns.website'),
                className: styles.website,
                cell: (r) =>
                  r.partner.website === undefined ? null : isHttpUrl(r.partner.website) ? (
                    <Link href={r.partner.website} target="_blank" rel="noopener noreferrer">
                      {r.partner.website}
                    </Link>
                  ) : (
                    r.partner.website
                  ),
              },
              {
                heading: t('tab.partnerRegister.columns.records'),
                cell: (r) => r.records,
                testId: 'partner-records',
              },
              manage && {
                heading: t('tab.partnerRegister.columns.actions'),
                cell: (r) => (
                  <div className={styles.buttons}>
                    <Button
                      size="small"
                      aria-label={t('tab.partnerRegister.edit.label', { name: r.partner.name })}
                      onClick={() => {
                        setNotice(undefined);
                        setEditing(r.partner);
                      }}
                    >
                      {t('tab.partnerRegister.edit.button')}
                    </Button>
                    <Button
                      size="small"
                      aria-label={t('tab.partnerRegister.merge.label', { name: r.partner.name })}
                      onClick={() => {
                        setNotice(undefined);
                        setMerging(r);
                      }}
                    >
                      {t('tab.partnerRegister.merge.button')}
                    </Button>
                  </div>
                ),
              },
            ]}
          />
        </>
      ) : null}
      {editing ? (
        <EditPartnerDialog
          partner={editing}
          onSave={save}
          onSaved={(saved) => {
            setEditing(undefined);
            setNotice(t('tab.partnerRegister.edit.saved', { name: saved.name }));
            reload();
          }}
          onCancel={() => setEditing(undefined)}
        />
      ) : null}
      {merging ? (
        <MergePartnerDialog
          row={merging}
          rows={rows}
          onMerge={merge}
          onMerged={(kept, merged, summary) => {
            setMerging(undefined);
            setNotice(
              t('tab.partnerRegister.merge.done', {
                kept: kept.name,
                merged: merged.name,
                count: summary.recordsChanged,
              }),
            );
            reload();
          }}
          onCancel={() => setMerging(undefined)}
        />
      ) : null}
    </div>
  );
}
