import { Button, makeStyles, MessageBar, MessageBarBody, Spinner, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { download } from '../../components/download';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const useStyles = makeStyles({
  bar: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
});

export interface ReportToolbarProps {
  /** Builds the workbook's bytes; the toolbar offers them as `fileName`. */
  readonly workbook: () => Promise<ArrayBuffer>;
  readonly fileName: string;
  readonly disabled?: boolean;
  /** A Word document of the same report ("Download Word document", beside the workbook's button). */
  readonly word?: {
    readonly build: () => Promise<ArrayBuffer>;
    readonly fileName: string;
    /** Not yet: what goes into it is still loading. */
    readonly disabled?: boolean;
  };
}

/**
 * Print (the print stylesheet lays the page out on A4), "Download Excel workbook" and, where the
 * report has one, "Download Word document". Hidden on paper.
 */
export function ReportToolbar({ workbook, fileName, disabled, word }: ReportToolbarProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const [busyWith, setBusyWith] = useState<'workbook' | 'word' | undefined>();
  const [failed, setFailed] = useState<'workbook' | 'word' | undefined>();
  const busy = busyWith !== undefined;

  const make = async (what: 'workbook' | 'word', build: () => Promise<ArrayBuffer>, name: string, type: string) => {
    setBusyWith(what);
    setFailed(undefined);
    try {
      download(await build(), name, type);
    } catch {
      setFailed(what);
    } finally {
      setBusyWith(undefined);
    }
  };
  const onDownload = () => make('workbook', workbook, fileName, XLSX);

  return (
    <div data-print="hide">
      <div role="group" aria-label={t('report.actions.label')} className={styles.bar}>
        <Button onClick={() => window.print()} disabled={disabled}>
          {t('report.actions.print')}
        </Button>
        <Button appearance="primary" onClick={() => void onDownload()} disabled={disabled || busy}>
          {busyWith === 'workbook' ? <Spinner size="tiny" aria-hidden /> : null}
          {t('report.actions.download')}
        </Button>
        {word ? (
          <Button
            onClick={() => void make('word', word.build, word.fileName, DOCX)}
            disabled={disabled || busy || word.disabled}
          >
            {busyWith === 'word' ? <Spinner size="tiny" aria-hidden /> : null}
            {t('report.word.download')}
          </Button>
        ) : null}
      </div>
      <div role="status" aria-live="polite">
        {busyWith === 'workbook' ? t('report.actions.downloading') : null}
        {busyWith === 'word' ? t('report.word.downloading') : null}
      </div>
      {failed ? (
        <MessageBar intent="error">
          <MessageBarBody>{t(failed === 'word' ? 'report.word.failed' : 'report.downloadFailed')}</MessageBarBody>
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
