import { Field } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import type { FieldBase } from './form';

/** The Field around a picker (partners, people): its label, validation message, hint and class. */
export function PickerField({ field, children }: { readonly field: FieldBase; readonly children: ReactElement }) {
  return (
    <Field
      label={field.label}
      {...(field.error ? { validationMessage: field.error, validationState: 'error' as const } : {})}
      {...(field.hint ? { hint: field.hint } : {})}
      {...(field.className ? { className: field.className } : {})}
    >
      {children}
    </Field>
  );
}
