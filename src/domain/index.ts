/**
 * The domain's public surface: types, validation and every rule of the
 * register. Pure: no I/O, no clock, no React (DESIGN.md, "Architecture").
 */
export * from './vocabulary';
export * from './result';
export * from './dates';
export * from './calendar';
export * from './reference';
export * from './scope';
export * from './collaboration';
export * from './prepare';
export {
  CHOICE_SETS,
  COLLABORATION_FIELDS,
  COLLABORATION_FIELD_KEYS,
  exportedFields,
  fieldSpec,
  fieldsOfKind,
  fieldsOfSection,
  fieldValue,
  snapshotFields,
  isoDateSchema,
  type ChoiceSetName,
  type CollaborationField,
  type FieldKind,
  type FieldSource,
  type FieldSpec,
  type FieldValue,
  type FormSection,
} from './fields';
export * from './entities';
export * from './annualReport';
export * from './assuranceStatement';
export * from './lifecycle';
export * from './significance';
export * from './governancePolicy';
export * from './history';
export * from './reviewCycle';
export * from './reviews';
export * from './actions';
export * from './actionPlan';
export * from './assessment';
export * from './shippedTemplates';
export * from './reminders';
export * from './compendium';
export * from './reports';
export type * from './ports';
