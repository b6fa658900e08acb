import { Button, makeStyles, MessageBar, MessageBarBody, Spinner, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { download } from '../../components/download';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const useStyles = makeStyles({
  bar: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
});

export interface ReportToolbarProps {
  /** Builds the workbook's bytes; the toolbar offers them as `fileName`. */
  readonly workbook: () => Promise<ArrayBuffer>;
  readonly fileName: string;
  readonly disabled?: boolean;
}

/** Print (the print stylesheet lays the page out on A4) and "Download Excel workbook". Hidden on paper. */
export function ReportToolbar({ workbook, fileName, disabled }: ReportToolbarProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  const onDownload = async () => {
    setBusy(true);
    setFailed(false);
    try {
      download(await workbook(), fileName, XLSX);
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-print="hide">
      <div role="group" aria-label={t('report.actions.label')} className={styles.bar}>
        <Button onClick={() => window.print()} disabled={disabled}>
          {t('report.actions.print')}
        </Button>
        <Button appearance="primary" onClick={() => void onDownload()} disabled={disabled || busy}>
          {busy ? <Spinner size="tiny" aria-hidden /> : null}
          {t('report.actions.download')}
        </Button>
      </div>
      <div role="status" aria-live="polite">
        {busy ? t('report.actions.downloading') : null}
      </div>
      {failed ? (
        <MessageBar intent="error">
          <MessageBarBody>{t('report.downloadFailed')}</MessageBarBody>
        </MessageBar>
      ) : null}
    </div>
  );
}

/** A file name in the person's language: lower case, words joined by hyphens, Welsh letters kept. */
export function fileSlug(...parts: readonly string[]): string {
  return parts
    .map((p) =>
      p
        .normalize('NFC')
        .toLocaleLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, '-')
        .replace(/^-+|-+$/g, ''),
    )
    .filter((p) => p !== '')
    .join('-');
}
