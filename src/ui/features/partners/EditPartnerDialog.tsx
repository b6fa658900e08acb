import { Field, Input, makeStyles, Select, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalDialog } from '../../components/ModalDialog';
import { PARTNER_SECTORS, type DomainError, type Partner, type PartnerSector, type Stored } from '../../../domain';
import { ConflictDialog, type Side } from '../../components/ConflictDialog';
import { fieldMessages, repoErrorMessage } from '../../components/messages';
import type { SaveResult } from './usePartners';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
});

/** The fields a person edits, in the order the form and the conflict dialog show them. */
const FIELDS = ['name', 'nameCy', 'sector', 'website'] as const;
type EditField = (typeof FIELDS)[number];

/** The Select's value for the sector: a code, `typed:` for a word kept from SharePoint, or '' for none. */
const TYPED = 'typed:';
const sectorValue = (p: Partner): string => p.sector ?? (p.otherSector !== undefined ? `${TYPED}${p.otherSector}` : '');

function withSector(p: Stored<Partner>, value: string): Stored<Partner> {
  const { sector: _sector, otherSector: _other, ...rest } = p;
  if (value === '') return rest;
  if (value.startsWith(TYPED)) return { ...rest, otherSector: value.slice(TYPED.length) };
  return { ...rest, sector: value as PartnerSector };
}

/** One field of a partner as text, for the conflict dialog. */
function useFieldText() {
  const { t } = useTranslation();
  return (p: Partner, field: EditField): string => {
    if (field === 'sector') {
      if (p.sector) return t(`vocab.sector.${p.sector}`);
      if (p.otherSector) return t('tab.partnerRegister.typedSector', { word: p.otherSector });
      return t('tab.partnerRegister.noSector');
    }
    const v = p[field];
    return v === undefined || v === '' ? t('tab.partnerRegister.empty') : v;
  };
}

const differs = (a: Partner, b: Partner, field: EditField): boolean =>
  field === 'sector' ? sectorValue(a) !== sectorValue(b) : (a[field] ?? '') !== (b[field] ?? '');

export interface EditPartnerDialogProps {
  readonly partner: Stored<Partner>;
  readonly onSave: (edited: Stored<Partner>) => Promise<SaveResult>;
  readonly onSaved: (saved: Stored<Partner>) => void;
  readonly onCancel: () => void;
}

/**
 * Editing one partner: name, Welsh name, sector and website, saved with the ETag it was read
 * with. Someone else's save meanwhile opens the conflict dialog, field by field; nothing the
 * person typed is thrown away.
 */
export function EditPartnerDialog({ partner, onSave, onSaved, onCancel }: EditPartnerDialogProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const text = useFieldText();
  const [draft, setDraft] = useState<Stored<Partner>>(partner);
  const [errors, setErrors] = useState<readonly DomainError[]>([]);
  const [failure, setFailure] = useState<string | undefined>();
  const [theirs, setTheirs] = useState<Stored<Partner> | undefined>();
  const [choices, setChoices] = useState<Record<string, Side>>({});
  const [busy, setBusy] = useState(false);
  const messages = fieldMessages(t, errors);

  const set = (field: Exclude<EditField, 'sector'>, value: string) => {
    setDraft((d) => ({ ...d, [field]: value }));
  };

  const save = async (value: Stored<Partner>) => {
    setBusy(true);
    setFailure(undefined);
    const r = await onSave(value);
    setBusy(false);
    switch (r.kind) {
      case 'saved':
        return onSaved(r.partner);
      case 'invalid':
        return setErrors(r.errors);
      case 'conflict': {
        setTheirs(r.theirs);
        const changed = FIELDS.filter((f) => differs(value, r.theirs, f));
        // Mine where this person changed the field, theirs where only they did (as the record's dialog).
        const side = (f: EditField): Side => (differs(value, partner, f) ? 'mine' : 'theirs');
        setChoices(Object.fromEntries(changed.map((f) => [f, side(f)])));
        return;
      }
      case 'error':
        return setFailure(repoErrorMessage(t, r.error));
    }
  };

  const submit = () => {
    setErrors([]);
    void save(draft);
  };

  /** This person's choices on top of the version now stored, saved with its ETag. */
  const mergeOnTheirs = () => {
    if (!theirs) return;
    let merged: Stored<Partner> = { ...theirs };
    for (const field of FIELDS) {
      if (choices[field] !== 'mine') continue;
      if (field === 'sector') merged = withSector(merged, sectorValue(draft));
      else merged = { ...merged, [field]: draft[field] ?? '' };
    }
    setTheirs(undefined);
    setDraft(merged);
    void save(merged);
  };

  if (theirs) {
    const changed = FIELDS.filter((f) => differs(draft, theirs, f));
    return (
      <ConflictDialog
        title={t('tab.partnerRegister.conflict.title')}
        intro={t('tab.partnerRegister.conflict.intro')}
        empty={t('tab.partnerRegister.conflict.noDifference')}
        items={changed.map((f) => ({
          key: f,
          label: t(`tab.partnerRegister.columns.${f}`),
          mine: text(draft, f),
          theirs: text(theirs, f),
        }))}
        mineLabel={t('tab.partnerRegister.conflict.keepMine')}
        theirsLabel={t('tab.partnerRegister.conflict.keepTheirs')}
        choice={{ value: choices, onChange: (key, side) => setChoices((c) => ({ ...c, [key]: side })) }}
        actions={[
          { label: t('tab.partnerRegister.conflict.save'), onClick: mergeOnTheirs, primary: true },
          { label: t('tab.partnerRegister.edit.cancel'), onClick: onCancel },
        ]}
        onDismiss={onCancel}
      />
    );
  }

  const sectorNow = sectorValue(draft);
  const typedWord = partner.otherSector;
  return (
    <ModalDialog
      title={t('tab.partnerRegister.edit.title', { name: partner.name })}
      busy={busy}
      onSubmit={submit}
      primaryLabel={t('tab.partnerRegister.edit.save')}
      cancelLabel={t('tab.partnerRegister.edit.cancel')}
      onCancel={onCancel}
      contentClassName={styles.form}
      failure={failure}
    >
      <Field label={t('tab.partnerRegister.columns.name')} required validationMessage={messages['name']}>
        <Input value={draft.name} onChange={(_e, d) => set('name', d.value)} />
      </Field>
      <Field label={t('tab.partnerRegister.columns.nameCy')} validationMessage={messages['nameCy']}>
        <Input lang="cy" value={draft.nameCy ?? ''} onChange={(_e, d) => set('nameCy', d.value)} />
      </Field>
      <Field label={t('tab.partnerRegister.columns.sector')} validationMessage={messages['sector']}>
        <Select value={sectorNow} onChange={(_e, d) => setDraft((p) => withSector(p, d.value))}>
          <option value="">{t('tab.partnerRegister.noSector')}</option>
          {typedWord !== undefined ? (
            <option value={`${TYPED}${typedWord}`}>{t('tab.partnerRegister.typedSector', { word: typedWord })}</option>
          ) : null}
          {PARTNER_SECTORS.map((s) => (
            <option key={s} value={s}>
              {t(`vocab.sector.${s}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        label={t('tab.partnerRegister.columns.website')}
        hint={t('tab.partnerRegister.edit.websiteHint')}
        validationMessage={messages['website']}
      >
        <Input type="url" value={draft.website ?? ''} onChange={(_e, d) => set('website', d.value)} />
      </Field>
    </ModalDialog>
  );
}
