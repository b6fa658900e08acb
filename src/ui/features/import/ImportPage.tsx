/**
 * #/import (governance): bring an existing register in. Choose or drop a
 * file; check the suggested match of its columns to the register's fields;
 * preview every row as it will be saved with its problems by row and column;
 * fix a cell or skip a row; import, with progress and a summary. Nothing is
 * written before Import, and a rerun of the same file creates nothing twice.
 */
import {
  Button,
  Checkbox,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Select,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useId, useMemo, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { IMPORT_FIELDS, importFieldLabelKey, type ImportField, type PlanEntry } from '../../../domain/import';
import { paths } from '../../app/router';
import { Loading } from '../../components/Loading';
import { repoErrorMessage } from '../../components/messages';
import { PageHeader } from '../../components/PageHeader';
import { SimpleTable } from '../../components/SimpleTable';
import { problemText, unreadableText } from '../../../transfer/problems';
import { RouterLink } from '../../components/RouterLink';
import { useMe } from '../../components/useRoles';
import { AbsentFields } from './AbsentFields';
import { HeaderRowChooser } from './HeaderRowChooser';
import { PartnerSuggestions } from './PartnerSuggestions';
import { useImport, type ImportModel } from './useImport';
import { ValueMeanings } from './ValueMeanings';

const PAGE_SIZE = 50;

const useStyles = makeStyles({
  section: {
    marginBottom: tokens.spacingVerticalXL,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
  },
  drop: {
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingVerticalL,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
  },
  dropActive: { border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}` },
  scroll: { overflowX: 'auto' },
  problems: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  fix: { display: 'flex', columnGap: tokens.spacingHorizontalS, alignItems: 'end', flexWrap: 'wrap' },
  pager: { display: 'flex', columnGap: tokens.spacingHorizontalS, alignItems: 'center' },
  error: { color: tokens.colorPaletteRedForeground1 },
});

export function ImportPage() {
  const { t } = useTranslation();
  const me = useMe();
  if (me.loading) return <Loading />;
  if (!me.roles.includes('governance'))
    return (
      <>
        <PageHeader id="transfer-title" title={t('transfer.title')} />
        <MessageBar intent="info">
          <MessageBarBody>{t('transfer.governanceOnly')}</MessageBarBody>
        </MessageBar>
      </>
    );
  return <ImportScreen />;
}

function ImportScreen() {
  const { t } = useTranslation();
  const styles = useStyles();
  const model = useImport();
  const fileId = useId();
  const [dragging, setDragging] = useState(false);

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files[0];
    if (file) void model.chooseFile(file);
  };

  return (
    <>
      <PageHeader id="transfer-title" title={t('transfer.title')} subtitle={t('transfer.import.intro')} />
      <section className={styles.section}>
        <div
          className={dragging ? `${styles.drop} ${styles.dropActive}` : styles.drop}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <label id={`${fileId}-label`} htmlFor={fileId}>
            <Text weight="semibold">{t('transfer.import.chooseFile')}</Text>
          </label>
          <input
            id={fileId}
            type="file"
            accept=".csv,.txt,.xlsx,.json,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void model.chooseFile(file);
            }}
          />
          <Text>{t('transfer.import.dropHere')}</Text>
        </div>
        {model.reading ? <Loading label={t('transfer.import.reading')} /> : null}
        {model.fileError ? (
          <MessageBar intent="error" role="alert">
            <MessageBarBody>
              {t(`errors.${model.fileError.code}`, 'params' in model.fileError ? model.fileError.params : {})}
            </MessageBarBody>
          </MessageBar>
        ) : null}
        {model.table && model.fileName ? (
          <Text>{t('transfer.import.fileRead', { name: model.fileName, rows: model.table.rows.length })}</Text>
        ) : null}
        {model.table && model.table.sheets.length > 1 ? <SheetChoice model={model} /> : null}
        {model.table && model.table.format !== 'json' ? (
          <HeaderRowChooser
            headerRow={model.table.headerRow}
            busy={model.reading}
            onChoose={(row) => void model.chooseHeaderRow(row)}
            {...(model.headerRowError ? { error: model.headerRowError } : {})}
          />
        ) : null}
      </section>
      {model.table && model.mapping.length > 0 ? <MappingSection model={model} /> : null}
      <Failure model={model} />
      {model.preview ? <PreviewSection model={model} /> : null}
      {model.running ? (
        <Field
          label={t('transfer.import.progress', { done: model.progress?.done ?? 0, total: model.progress?.total ?? 0 })}
        >
          <ProgressBar
            value={model.progress && model.progress.total > 0 ? model.progress.done / model.progress.total : undefined}
          />
        </Field>
      ) : null}
      {model.summary ? (
        <MessageBar intent="success" role="status">
          <MessageBarBody>
            <MessageBarTitle>{t('transfer.summary.heading')}</MessageBarTitle>
            {t('transfer.summary.text', { ...model.summary, failures: undefined })}{' '}
            {model.summary.partnersCreated > 0
              ? t('transfer.summary.partners', { count: model.summary.partnersCreated })
              : null}
            {model.summary.historyNotWritten > 0
              ? t('transfer.summary.historyNotWritten', { count: model.summary.historyNotWritten })
              : null}
            {model.summary.failures.map((f) => (
              <div key={f.row}>{t('transfer.summary.failure', { row: f.row, code: f.code })}</div>
            ))}{' '}
            <RouterLink to={paths.register()}>{t('transfer.summary.openRegister')}</RouterLink>
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </>
  );
}

function SheetChoice({ model }: { model: ImportModel }) {
  const { t } = useTranslation();
  return (
    <Field label={t('transfer.import.sheet')}>
      <Select
        value={model.table?.sheet ?? ''}
        onChange={(_e, d) => {
          const input = document.querySelector<HTMLInputElement>('input[type=file]');
          const file = input?.files?.[0];
          if (file) void model.chooseFile(file, d.value);
        }}
      >
        {model.table?.sheets.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </Select>
    </Field>
  );
}

function Failure({ model }: { model: ImportModel }) {
  const { t } = useTranslation();
  if (!model.failure) return null;
  const message =
    model.failure === 'fileNoColumns'
      ? t('errors.fileNoColumns')
      : model.failure === 'blocked'
        ? t('transfer.import.blockedHint', { count: model.preview?.summary.blocked ?? 0 })
        : t('transfer.import.failed', { message: repoErrorMessage(t, { code: model.failure as never }) });
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>{message}</MessageBarBody>
    </MessageBar>
  );
}

function MappingSection({ model }: { model: ImportModel }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const headingId = useId();
  const headers = model.table?.headers ?? [];
  const first = model.rows[0]?.cells ?? [];
  const options = useMemo(
    () => [...IMPORT_FIELDS].sort((a, b) => t(importFieldLabelKey(a)).localeCompare(t(importFieldLabelKey(b)))),
    [t],
  );
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <Text as="h2" size={500} weight="semibold" id={headingId}>
        {t('transfer.import.mappingHeading')}
      </Text>
      <Text>{t('transfer.import.mappingHint')}</Text>
      {model.remembered ? <Text>{t('transfer.import.mappingRemembered')}</Text> : null}
      <div className={styles.scroll}>
        <SimpleTable
          labelledBy={headingId}
          size="small"
          rows={headers.map((h, i) => ({ h, i }))}
          rowKey={({ i }) => i}
          columns={[
            { heading: t('transfer.import.column'), cell: ({ h, i }) => h || `#${i + 1}` },
            { heading: t('transfer.import.example'), cell: ({ i }) => String(first[i] ?? '').slice(0, 60) },
            {
              heading: t('transfer.import.field'),
              cell: ({ h, i }) => (
                <Select
                  aria-label={t('transfer.import.fieldFor', { column: h || `#${i + 1}` })}
                  value={model.mapping[i] ?? ''}
                  onChange={(_e, d) => model.setField(i, d.value === '' ? null : (d.value as ImportField))}
                >
                  <option value="">{t('transfer.import.notImported')}</option>
                  {options.map((f) => (
                    <option key={f} value={f}>
                      {t(importFieldLabelKey(f))}
                    </option>
                  ))}
                </Select>
              ),
            },
          ]}
        />
      </div>
      <div>
        <Button
          appearance="primary"
          disabled={model.previewing || model.mapping.every((m) => m === null)}
          onClick={() => void model.makePreview()}
        >
          {t('transfer.import.preview')}
        </Button>
      </div>
      {model.previewing ? <Loading /> : null}
    </section>
  );
}

function PreviewSection({ model }: { model: ImportModel }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const headingId = useId();
  const preview = model.preview;
  const [onlyProblems, setOnlyProblems] = useState(false);
  const [page, setPage] = useState(0);
  const entries = useMemo(
    () => (preview ? preview.plan.filter((e) => !onlyProblems || e.problems.length > 0 || e.action === 'skip') : []),
    [preview, onlyProblems],
  );
  if (!preview) return null;
  const pages = Math.max(1, Math.ceil(entries.length / PAGE_SIZE));
  const current = Math.min(page, pages - 1);
  const shown = entries.slice(current * PAGE_SIZE, current * PAGE_SIZE + PAGE_SIZE);
  const s = preview.summary;
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <Text as="h2" size={500} weight="semibold" id={headingId}>
        {t('transfer.preview.heading')}
      </Text>
      <Text role="status">{t('transfer.preview.plan', { ...s })}</Text>
      {model.restored ? <Text>{t('transfer.fixesKept')}</Text> : null}
      {preview.unreadable.length > 0 ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{unreadableText(t, preview.unreadable)}</MessageBarBody>
        </MessageBar>
      ) : null}
      <AbsentFields model={model} />
      <ValueMeanings model={model} />
      {preview.newPartners.length > 0 ? (
        <Text>{t('transfer.preview.newPartners', { names: preview.newPartners.join('; ') })}</Text>
      ) : null}
      <PartnerSuggestions
        suggestions={preview.partnerSuggestions}
        choices={model.partnerChoices}
        onChoose={(n, c) => void model.choosePartner(n, c)}
        splitOffers={preview.splitOffers}
        splits={model.partnerSplits}
        onSplit={(o, several) => void model.splitPartner(o, several)}
        disabled={model.running}
      />
      <Checkbox
        label={t('transfer.preview.onlyProblems')}
        checked={onlyProblems}
        onChange={(_e, d) => {
          setOnlyProblems(d.checked === true);
          setPage(0);
        }}
      />
      <div className={styles.scroll}>
        <SimpleTable
          labelledBy={headingId}
          size="small"
          rows={shown}
          rowKey={(e) => e.row}
          empty={t('transfer.preview.none')}
          columns={[
            { heading: t('transfer.preview.col.row'), cell: (e) => e.row },
            {
              heading: t('transfer.preview.col.action'),
              cell: (e) => (
                <Text
                  weight={e.action === 'blocked' ? 'semibold' : 'regular'}
                  className={e.action === 'blocked' ? styles.error : undefined}
                >
                  {t(`transfer.preview.action.${e.action}`)}
                </Text>
              ),
            },
            {
              heading: t('transfer.preview.col.reference'),
              cell: (e) => (e.action === 'skip' ? '' : e.record.reference),
            },
            { heading: t('transfer.preview.col.title'), cell: (e) => e.record.title },
            {
              heading: t('transfer.preview.col.model'),
              cell: (e) => (e.record.model ? t(`vocab.model.${e.record.model}`) : ''),
            },
            {
              heading: t('transfer.preview.col.status'),
              cell: (e) => (e.record.status ? t(`vocab.status.${e.record.status}`) : ''),
            },
            { heading: t('transfer.preview.col.lead'), cell: (e) => e.record.leadOrganisation },
            {
              heading: t('transfer.preview.col.partners'),
              cell: (e) =>
                preview.drafts
                  .find((d) => d.row === e.row)
                  ?.partners?.map((p) => p.name)
                  .join('; ') ?? '',
            },
            { heading: t('transfer.preview.col.nextReview'), cell: (e) => e.record.nextReviewDue ?? '' },
            { heading: t('transfer.preview.col.problems'), cell: (e) => <ProblemsCell entry={e} model={model} /> },
          ]}
        />
      </div>
      {pages > 1 ? (
        <nav className={styles.pager} aria-label={t('transfer.preview.page', { page: current + 1, pages })}>
          <Button disabled={current === 0} onClick={() => setPage(current - 1)}>
            {t('transfer.preview.previous')}
          </Button>
          <Text>{t('transfer.preview.page', { page: current + 1, pages })}</Text>
          <Button disabled={current >= pages - 1} onClick={() => setPage(current + 1)}>
            {t('transfer.preview.next')}
          </Button>
        </nav>
      ) : null}
      {s.blocked > 0 ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t('transfer.import.blockedHint', { count: s.blocked })}</MessageBarBody>
          <MessageBarActions>
            <Button disabled={model.previewing} onClick={() => void model.skipBlocked()}>
              {t('transfer.skipAll')}
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}
      <div>
        <Button
          appearance="primary"
          disabled={s.blocked > 0 || model.running || model.previewing}
          onClick={() => void model.run()}
        >
          {t('transfer.import.start')}
        </Button>
      </div>
    </section>
  );
}

/** A preview row's problems, a fix for each cell in error, and "skip this row" where it cannot be imported as it is. */
function ProblemsCell({ entry, model }: { entry: PlanEntry; model: ImportModel }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const headers = model.table?.headers ?? [];
  const fixable = entry.problems.filter(
    (p, i, all) =>
      p.column !== null &&
      p.severity === 'error' &&
      all.findIndex((q) => q.column === p.column && q.severity === 'error') === i,
  );
  const cells = model.rows.find((x) => x.row === entry.row)?.cells ?? [];
  return (
    <>
      {entry.problems.length > 0 ? (
        <ul className={styles.problems}>
          {entry.problems.map((p, i) => (
            <li key={i}>
              {p.severity === 'warning' ? `${t('transfer.preview.warning')}: ` : ''}
              {problemText(t, headers, p)}
            </li>
          ))}
        </ul>
      ) : null}
      {fixable.map((p) => (
        <FixCell
          key={`${p.column ?? ''}-${p.code}`}
          row={entry.row}
          column={p.column as number}
          label={t('transfer.preview.fix', { column: headers[p.column as number] ?? '', row: entry.row })}
          value={String(cells[p.column as number] ?? '')}
          onFix={(v) => void model.fix(entry.row, p.column as number, v)}
        />
      ))}
      {entry.nameMatch ? (
        <div>
          <Button
            size="small"
            disabled={model.previewing}
            onClick={() =>
              void model.chooseMatch(entry.row, entry.nameMatch?.update ? 'new' : (entry.nameMatch?.reference ?? 'new'))
            }
          >
            {entry.nameMatch.update
              ? t('transfer.nameMatch.createNew', { reference: entry.nameMatch.reference })
              : t('transfer.nameMatch.updateIt', { reference: entry.nameMatch.reference })}
          </Button>
        </div>
      ) : null}
      {entry.action === 'blocked' || entry.action === 'skip' ? (
        <Checkbox
          label={t('transfer.preview.skip', { row: entry.row })}
          checked={model.skip.has(entry.row)}
          onChange={() => void model.toggleSkip(entry.row)}
        />
      ) : null}
    </>
  );
}

function FixCell(props: { row: number; column: number; label: string; value: string; onFix: (value: string) => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const [value, setValue] = useState(props.value);
  return (
    <form
      className={styles.fix}
      onSubmit={(e) => {
        e.preventDefault();
        props.onFix(value);
      }}
    >
      <Field label={props.label}>
        <Input value={value} onChange={(_e, d) => setValue(d.value)} />
      </Field>
      <Button type="submit">{t('transfer.preview.apply')}</Button>
    </form>
  );
}
