import {
  Button,
  Dropdown,
  Field,
  makeStyles,
  Option,
  SearchBox,
  tokens,
  type DropdownProps,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DEFAULT_REVIEW_STATE_POLICY,
  MODELS,
  SIGNIFICANCE_TIERS,
  STATUSES,
  type ChannelMapping,
} from '../../../domain';
import { REVIEW_FILTERS, isFiltered, type RegisterView } from './view';
import { ASSURANCE_FILTERS, ASSURANCE_NOT_GIVEN, type AssuranceFilter } from '../../../domain/assuranceStanding';
import { panelName, panelsOf } from '../../../domain/panels';
import { useDirectorateLabel } from '../../components/useLookups';
import { useApp } from '../../app/context';

const useStyles = makeStyles({
  root: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
    alignItems: 'end',
    marginBottom: tokens.spacingVerticalM,
  },
  search: { gridColumn: 'span 2' },
  dropdown: { minWidth: 0, width: '100%' },
});

export interface RegisterFiltersProps {
  readonly view: RegisterView;
  readonly onChange: (view: RegisterView) => void;
  readonly directorates: readonly ChannelMapping[];
  readonly panels: readonly ChannelMapping[];
}

type Select = NonNullable<DropdownProps['onOptionSelect']>;

const ALL = '';

/** The register's filters. Each change goes into the address (RegisterPage), which is what is shown. */
export function RegisterFilters({ view, onChange, directorates, panels }: RegisterFiltersProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const language = useApp().locale === 'cy-GB' ? 'cy' : 'en';
  const directorateLabel = useDirectorateLabel();
  const [search, setSearch] = useState(view.search ?? '');

  // The address is the truth: a link, Back or "clear" updates the box.
  useEffect(() => setSearch(view.search ?? ''), [view.search]);
  // Typing settles for a moment before the server is asked.
  useEffect(() => {
    const trimmed = search.trim();
    if (trimmed === (view.search ?? '')) return;
    const timer = setTimeout(() => {
      const { search: _old, ...rest } = view;
      onChange(trimmed ? { ...rest, search: trimmed } : rest);
    }, 350);
    return () => clearTimeout(timer);
  }, [search, view, onChange]);

  const multi =
    <K extends 'status' | 'model' | 'significance'>(key: K): Select =>
    (_e, data) =>
      onChange({ ...view, [key]: data.selectedOptions });
  // Assurance is in the view only when something is chosen (the address stays as it was without it).
  const onAssurance: Select = (_e, data) => {
    const { assurance: _old, ...rest } = view;
    const chosen = data.selectedOptions as AssuranceFilter[];
    onChange(chosen.length ? { ...rest, assurance: chosen } : rest);
  };
  const assuranceText = (a: AssuranceFilter) =>
    a === ASSURANCE_NOT_GIVEN ? t('assuranceView.notGiven') : t(`vocab.assurance.${a}`);
  const single =
    <K extends 'scope' | 'directorate' | 'panel' | 'review'>(key: K): Select =>
    (_e, data) => {
      const { [key]: _old, ...rest } = view;
      const value = data.optionValue ?? ALL;
      onChange((value === ALL ? rest : { ...rest, [key]: value }) as RegisterView);
    };
  const joined = (labels: string[]) => labels.join(', ');

  const directorateNames = directorates.map((d) => d.name);
  if (view.directorate && !directorateNames.includes(view.directorate)) directorateNames.push(view.directorate);
  // A panel by its name in the person's language (the governance team gives each a Welsh name).
  const panelOptions = panelsOf(panels).map((p) => ({ key: p.key, name: panelName(p, language) }));
  if (view.panel && !panelOptions.some((p) => p.key === view.panel))
    panelOptions.push({ key: view.panel, name: view.panel });

  return (
    <div role="search" className={styles.root} aria-label={t('tab.register.filters.label')}>
      <Field label={t('tab.register.filters.search')} className={styles.search}>
        <SearchBox
          value={search}
          onChange={(_e, data) => setSearch(data.value)}
          placeholder={t('tab.register.filters.searchPlaceholder')}
        />
      </Field>
      <Field label={t('fields.status')}>
        <Dropdown
          className={styles.dropdown}
          multiselect
          selectedOptions={[...view.status]}
          value={joined(view.status.map((s) => t(`vocab.status.${s}`)))}
          placeholder={t('tab.register.filters.any')}
          onOptionSelect={multi('status')}
        >
          {STATUSES.map((s) => (
            <Option key={s} value={s}>
              {t(`vocab.status.${s}`)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label={t('fields.model')}>
        <Dropdown
          className={styles.dropdown}
          multiselect
          selectedOptions={[...view.model]}
          value={joined(view.model.map((m) => t(`vocab.model.${m}`)))}
          placeholder={t('tab.register.filters.any')}
          onOptionSelect={multi('model')}
        >
          {MODELS.map((m) => (
            <Option key={m} value={m}>
              {t(`vocab.model.${m}`)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label={t('tab.register.filters.scope')}>
        <Dropdown
          className={styles.dropdown}
          selectedOptions={[view.scope ?? ALL]}
          value={view.scope ? t(`tab.scope.${view.scope}`) : t('tab.register.filters.any')}
          onOptionSelect={single('scope')}
        >
          <Option value={ALL}>{t('tab.register.filters.any')}</Option>
          <Option value="in">{t('tab.scope.in')}</Option>
          <Option value="out">{t('tab.scope.out')}</Option>
        </Dropdown>
      </Field>
      <Field label={t('fields.directorate')}>
        <Dropdown
          className={styles.dropdown}
          selectedOptions={[view.directorate ?? ALL]}
          value={view.directorate ? directorateLabel(view.directorate) : t('tab.register.filters.any')}
          onOptionSelect={single('directorate')}
        >
          <Option value={ALL}>{t('tab.register.filters.any')}</Option>
          {directorateNames.map((d) => (
            <Option key={d} value={d}>
              {directorateLabel(d)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label={t('fields.significance')}>
        <Dropdown
          className={styles.dropdown}
          multiselect
          selectedOptions={[...view.significance]}
          value={joined(view.significance.map((s) => t(`vocab.significance.${s}`)))}
          placeholder={t('tab.register.filters.any')}
          onOptionSelect={multi('significance')}
        >
          {SIGNIFICANCE_TIERS.map((s) => (
            <Option key={s} value={s}>
              {t(`vocab.significance.${s}`)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label={t('fields.assuranceLevel')}>
        <Dropdown
          className={styles.dropdown}
          multiselect
          selectedOptions={[...(view.assurance ?? [])]}
          value={joined((view.assurance ?? []).map(assuranceText))}
          placeholder={t('tab.register.filters.any')}
          onOptionSelect={onAssurance}
        >
          {ASSURANCE_FILTERS.map((a) => (
            <Option key={a} value={a}>
              {assuranceText(a)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label={t('tab.register.filters.review')}>
        <Dropdown
          className={styles.dropdown}
          selectedOptions={[view.review ?? ALL]}
          value={
            view.review
              ? t(`tab.register.filters.reviewOption.${view.review}`, { days: DEFAULT_REVIEW_STATE_POLICY.dueSoonDays })
              : t('tab.register.filters.any')
          }
          onOptionSelect={single('review')}
        >
          <Option value={ALL}>{t('tab.register.filters.any')}</Option>
          {REVIEW_FILTERS.map((r) => (
            <Option key={r} value={r}>
              {t(`tab.register.filters.reviewOption.${r}`, { days: DEFAULT_REVIEW_STATE_POLICY.dueSoonDays })}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label={t('fields.panel')}>
        <Dropdown
          className={styles.dropdown}
          selectedOptions={[view.panel ?? ALL]}
          value={panelOptions.find((p) => p.key === view.panel)?.name ?? t('tab.register.filters.any')}
          onOptionSelect={single('panel')}
        >
          <Option value={ALL}>{t('tab.register.filters.any')}</Option>
          {panelOptions.map((p) => (
            <Option key={p.key} value={p.key}>
              {p.name}
            </Option>
          ))}
        </Dropdown>
      </Field>
      {isFiltered(view) ? (
        <div>
          <Button
            onClick={() => {
              setSearch('');
              onChange({ status: [], model: [], significance: [], sort: view.sort });
            }}
          >
            {t('tab.register.filters.clear')}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
