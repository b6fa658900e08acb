import {
  Dropdown,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Option,
  Radio,
  RadioGroup,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as HostModule from '../../../teams/host';
import type { SaveConfigurationResult, TabView } from '../../../teams/host';
import { useApp } from '../../app/context';
import { ErrorState } from '../../components/ErrorState';
import { PageHeader } from '../../components/PageHeader';
import { RouterLink } from '../../components/RouterLink';
import { panelLabel } from '../../components/recordText';
import { mappingsOfKind, useDirectorateLabel, useLookup } from '../../components/useLookups';
import { panelsOf } from '../../../domain/panels';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL, maxWidth: '640px' },
  preview: { marginTop: tokens.spacingVerticalM },
});

type Kind = TabView['kind'];

/** The tab's own address (folder of index.html), where Teams loads the chosen view from. */
function tabOrigin(): string {
  return new URL('.', location.href).href.replace(/\/$/, '');
}

/**
 * The configuration page of a channel tab: which view the channel shows (the
 * whole register, one directorate's collaborations, or one panel's reviews).
 * In Teams the choice is saved with `pages.config` when the person presses
 * Save on Teams' dialog; in a browser the page shows where each choice leads.
 */
export function ConfigPage() {
  const styles = useStyles();
  const { t } = useTranslation();
  const app = useApp();
  const mappings = useLookup('channelMappings');
  const [kind, setKind] = useState<Kind>('register');
  const [directorate, setDirectorate] = useState<string>('');
  const [panel, setPanel] = useState<string>('');
  const [support, setSupport] = useState<SaveConfigurationResult | undefined>();
  const [saved, setSaved] = useState<SaveConfigurationResult | undefined>();
  const directorates = mappingsOfKind(mappings.value, 'directorate');
  const panels = mappingsOfKind(mappings.value, 'panel');

  const view: TabView | undefined = useMemo(() => {
    if (kind === 'register') return { kind };
    if (kind === 'directorate') return directorate ? { kind, name: directorate } : undefined;
    return panel ? { kind, name: panel } : undefined;
  }, [kind, directorate, panel]);
  const viewRef = useRef(view);
  viewRef.current = view;

  // Directorates and panels by their names in the person's language (the view keeps the English name or key).
  const directorateNamed = useDirectorateLabel();
  const panelList = useMemo(() => panelsOf(mappings.value ?? []), [mappings.value]);
  const panelNamed = (key: string) => panelLabel(key, panelList, app.locale);
  const displayName = (v: TabView): string =>
    v.kind === 'register'
      ? t('tab.config.names.register')
      : v.kind === 'directorate'
        ? t('tab.config.names.directorate', { name: directorateNamed(v.name) })
        : t('tab.config.names.panel', { name: panelNamed(v.name) });
  const displayNameRef = useRef(displayName);
  displayNameRef.current = displayName;

  const inTeams = app.host.context.inTeams;
  const channelType = app.host.context.channelType;
  const hostModule = useRef<typeof HostModule | undefined>(undefined);
  const sdkRef = useRef<HostModule.TeamsSdk | undefined>(undefined);
  useEffect(() => {
    if (!inTeams) return;
    let live = true;
    void import('../../../teams/host').then((host) => {
      if (!live) return;
      hostModule.current = host;
      const sdk = app.teamsSdk ?? host.teamsSdk;
      sdkRef.current = sdk;
      const result = host.registerConfiguration(
        sdk,
        {
          origin: tabOrigin(),
          getView: () => viewRef.current ?? { kind: 'register' },
          displayName: (v) => displayNameRef.current(v),
        },
        setSaved,
      );
      setSupport(result);
    });
    return () => {
      live = false;
    };
  }, [inTeams, app.teamsSdk]);

  // Teams' Save button is only enabled when the choice is complete.
  useEffect(() => {
    if (sdkRef.current && support?.ok) sdkRef.current.config.setValidityState(view !== undefined);
  }, [view, support]);

  const previewHash = view
    ? view.kind === 'register'
      ? '#/register'
      : `#/register?${view.kind}=${encodeURIComponent(view.name)}`
    : undefined;

  return (
    <section aria-labelledby="config-title">
      <PageHeader id="config-title" title={t('tab.config.title')} subtitle={t('tab.config.subtitle')} />
      {mappings.error ? <ErrorState error={mappings.error} title={t('tab.config.loadFailed')} /> : null}
      {support && !support.ok ? (
        <MessageBar intent="warning">
          <MessageBarBody>{t('tab.config.notSupported')}</MessageBarBody>
        </MessageBar>
      ) : null}
      {channelType === 'private' || channelType === 'shared' ? (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t(`tab.config.channelKind.${channelType}`)}</MessageBarBody>
        </MessageBar>
      ) : null}
      {saved && !saved.ok ? (
        <MessageBar intent="error">
          <MessageBarBody>{t('tab.config.saveFailed')}</MessageBarBody>
        </MessageBar>
      ) : null}
      <div className={styles.form}>
        <Field label={t('tab.config.show')}>
          <RadioGroup value={kind} onChange={(_e, d) => setKind(d.value as Kind)}>
            <Radio value="register" label={t('tab.config.kinds.register')} />
            <Radio value="directorate" label={t('tab.config.kinds.directorate')} />
            <Radio value="panel" label={t('tab.config.kinds.panel')} />
          </RadioGroup>
        </Field>
        {kind === 'directorate' ? (
          <Field label={t('fields.directorate')} required>
            <Dropdown
              selectedOptions={directorate ? [directorate] : []}
              value={directorate ? directorateNamed(directorate) : ''}
              placeholder={t('tab.new.choose')}
              onOptionSelect={(_e, d) => setDirectorate(d.optionValue ?? '')}
            >
              {directorates.map((m) => (
                <Option key={m.key} value={m.name} text={directorateNamed(m.name)}>
                  {directorateNamed(m.name)}
                </Option>
              ))}
            </Dropdown>
          </Field>
        ) : null}
        {kind === 'panel' ? (
          <Field label={t('fields.panel')} required>
            <Dropdown
              selectedOptions={panel ? [panel] : []}
              value={panel ? panelNamed(panel) : ''}
              placeholder={t('tab.new.choose')}
              onOptionSelect={(_e, d) => setPanel(d.optionValue ?? '')}
            >
              {panels.map((m) => (
                <Option key={m.key} value={m.key} text={panelNamed(m.key)}>
                  {panelNamed(m.key)}
                </Option>
              ))}
            </Dropdown>
          </Field>
        ) : null}
        {view ? (
          <Text as="p">{t('tab.config.willBeNamed', { name: displayName(view) })}</Text>
        ) : (
          <Text as="p">{t('tab.config.chooseOne')}</Text>
        )}
        <Text as="p">{inTeams ? t('tab.config.teamsSave') : t('tab.config.browserNote')}</Text>
        {previewHash ? (
          <div className={styles.preview}>
            <RouterLink to={previewHash}>{t('tab.config.preview')}</RouterLink>
          </div>
        ) : null}
      </div>
    </section>
  );
}
