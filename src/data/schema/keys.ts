/**
 * Client-made keys for lists whose domain records have a composite identity.
 * Writers (repositories, demo data) make keys with these; readers accept any
 * key that ends with the version (or starts with the template version key), so
 * data written by other tools still reads.
 */

/** `wlga-principles@v2`: one version of one template (AssessmentTemplates.TemplateVersionKey). */
export function templateVersionKey(templateKey: string, version: number): string {
  return `${templateKey}@v${version}`;
}

/** The template key of a template version key, given its version (`x@v2`, `x-v2`, `x:2` -> `x`). */
export function templateKeyOf(versionKey: string, version: number): string {
  const m = new RegExp(`^(.*?)[@:/_.-]v?${version}$`).exec(versionKey);
  return m?.[1] !== undefined && m[1] !== '' ? m[1] : versionKey;
}

/** `wlga-principles@v2/p1`: a question of a template version (AssessmentQuestions.QuestionKey, unique). */
export function questionItemKey(versionKey: string, questionKey: string): string {
  return `${versionKey}/${questionKey}`;
}

/** The question's own key from its item key (strips the template version prefix when present). */
export function questionKeyOf(itemKey: string, versionKey: string): string {
  for (const sep of ['/', ':', '#', '|', '-', '.']) {
    const prefix = `${versionKey}${sep}`;
    if (itemKey.startsWith(prefix) && itemKey.length > prefix.length) return itemKey.slice(prefix.length);
  }
  return itemKey;
}
