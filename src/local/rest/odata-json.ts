/**
 * The three JSON shapes SharePoint's REST service answers in, chosen by the
 * request's Accept header: odata=nometadata, odata=minimalmetadata (the
 * default for `application/json`) and odata=verbose.
 */
export type MetadataMode = 'verbose' | 'minimal' | 'none';

export function metadataMode(accept: string | undefined): MetadataMode {
  const a = (accept ?? '').toLowerCase();
  if (a.includes('odata=verbose')) return 'verbose';
  if (a.includes('odata=nometadata')) return 'none';
  return 'minimal';
}

export function contentType(mode: MetadataMode): string {
  const m = mode === 'verbose' ? 'verbose' : mode === 'none' ? 'nometadata' : 'minimalmetadata';
  return `application/json;odata=${m};streaming=true;charset=utf-8`;
}

/** A collection of primitives (`Collection(Edm.Int32)`...): `{results:[...]}` under verbose. */
export class Coll {
  constructor(
    readonly type: string,
    readonly values: readonly (string | number)[],
  ) {}
}

/** A complex value such as SP.FieldUrlValue or SP.BasePermissions. */
export class Complex {
  constructor(
    readonly type: string,
    readonly props: Readonly<Record<string, string | number | boolean | null>>,
  ) {}
}

export type Value = null | string | number | boolean | Coll | Complex | Entity | EntityList;

/** An entity: a list, field, user, item... with its OData identity. */
export class Entity {
  constructor(
    readonly type: string,
    /** odata.id (minimal) / __metadata.id (verbose). */
    readonly id: string,
    /** Absolute URI (__metadata.uri). */
    readonly uri: string,
    readonly props: Record<string, Value>,
    /** Relative edit link such as Web/Lists(guid'...')/Items(3). */
    readonly editLink?: string,
    readonly etag?: string,
  ) {}
}

export class EntityList {
  constructor(readonly items: readonly Entity[]) {}
}

export function serializeValue(v: Value, mode: MetadataMode): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (v instanceof Coll) {
    return mode === 'verbose' ? { __metadata: { type: v.type }, results: [...v.values] } : [...v.values];
  }
  if (v instanceof Complex) return mode === 'verbose' ? { __metadata: { type: v.type }, ...v.props } : { ...v.props };
  if (v instanceof EntityList) {
    const items = v.items.map((e) => entityObject(e, mode));
    return mode === 'verbose' ? { results: items } : items;
  }
  return entityObject(v, mode);
}

export function entityObject(e: Entity, mode: MetadataMode): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (mode === 'minimal') {
    out['odata.type'] = e.type;
    out['odata.id'] = e.id;
    if (e.etag !== undefined) out['odata.etag'] = e.etag;
    if (e.editLink !== undefined) out['odata.editLink'] = e.editLink;
  } else if (mode === 'verbose') {
    const meta: Record<string, string> = { id: e.id, uri: e.uri };
    if (e.etag !== undefined) meta.etag = e.etag;
    meta.type = e.type;
    out.__metadata = meta;
  }
  for (const [k, v] of Object.entries(e.props)) out[k] = serializeValue(v, mode);
  return out;
}

/** The body of a single entity response. */
export function singleBody(e: Entity, mode: MetadataMode, metadataUrl: string): unknown {
  if (mode === 'verbose') return { d: entityObject(e, mode) };
  if (mode === 'none') return entityObject(e, mode);
  return { 'odata.metadata': metadataUrl, ...entityObject(e, mode) };
}

/** The body of a collection response, with the next page's link when there is one. */
export function collectionBody(
  items: readonly Entity[],
  mode: MetadataMode,
  metadataUrl: string,
  next?: string,
): unknown {
  const values = items.map((e) => entityObject(e, mode));
  if (mode === 'verbose') return { d: next ? { results: values, __next: next } : { results: values } };
  const body: Record<string, unknown> = mode === 'minimal' ? { 'odata.metadata': metadataUrl } : {};
  body.value = values;
  if (next) body['odata.nextLink'] = next;
  return body;
}

/** A single property value (such as EffectiveBasePermissions) as its own response. */
export function propertyBody(name: string, value: Value, mode: MetadataMode, metadataUrl: string): unknown {
  const v = serializeValue(value, mode);
  if (mode === 'verbose') return { d: { [name]: v } };
  if (value instanceof Complex) return mode === 'minimal' ? { 'odata.metadata': metadataUrl, ...(v as object) } : v;
  return mode === 'minimal' ? { 'odata.metadata': metadataUrl, value: v } : { value: v };
}

export function errorBody(code: string, message: string, mode: MetadataMode): unknown {
  const error = { code, message: { lang: 'en-US', value: message } };
  return mode === 'verbose' ? { error } : { 'odata.error': error };
}
