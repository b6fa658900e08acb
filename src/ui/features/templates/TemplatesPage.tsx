import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { useMe } from '../../components/useRoles';
import { TemplateEditorPage } from './TemplateEditorPage';
import { TemplateList } from './TemplateList';

/**
 * Assessment templates, for the governance team: the list (#/templates) and
 * one template's versions and draft (#/templates/<key>). Anyone else is told
 * plainly that templates are the governance team's; SharePoint's list
 * permissions still refuse their writes whatever the tab shows.
 */
export function TemplatesPage({ templateKey }: { readonly templateKey?: string }) {
  const { t } = useTranslation();
  const me = useMe();
  if (me.loading) return <Loading label={t('templates.loading')} />;
  if (!me.roles.includes('governance')) {
    return (
      <section aria-labelledby="templates-title">
        <PageHeader id="templates-title" title={t('templates.title')} />
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t('templates.governanceOnly.title')}</MessageBarTitle>
            {t('templates.governanceOnly.body')}
          </MessageBarBody>
        </MessageBar>
      </section>
    );
  }
  return templateKey ? <TemplateEditorPage key={templateKey} templateKey={templateKey} /> : <TemplateList />;
}
