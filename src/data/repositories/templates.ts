import type { SPFI } from '@pnp/sp';
import type { AssessmentTemplate } from '../../domain/entities';
import type { RepoResult, Stored, TemplateStore } from '../../domain/ports';
import {
  assembleTemplate,
  questionMapper,
  templateMapper,
  unstored,
  type StoredQuestion,
  type TemplateHeader,
} from '../mappers';
import { and } from '../odata';
import { choiceValue, templateVersionKey } from '../schema';
import { fail, ListRepository, ok, plain } from './base';

class QuestionRepository extends ListRepository<StoredQuestion> {
  constructor(sp: SPFI) {
    super(sp, questionMapper);
  }

  forVersions(versionKeys: readonly string[]): Promise<RepoResult<Stored<StoredQuestion>[]>> {
    if (versionKeys.length === 0) return Promise.resolve(ok([]));
    return this.readAll({ filter: this.f.anyOf('TemplateVersionKey', versionKeys) });
  }

  recycleItem(id: number): Promise<RepoResult<void>> {
    return this.recycle(id);
  }
}

/**
 * Assessment templates: one item per template version in Assessment
 * Templates, its questions in Assessment Questions (joined on the indexed
 * TemplateVersionKey).
 */
export class TemplateRepository extends ListRepository<TemplateHeader> implements TemplateStore {
  private readonly questions: QuestionRepository;

  constructor(sp: SPFI) {
    super(sp, templateMapper);
    this.questions = new QuestionRepository(sp);
  }

  private async withQuestions(headers: readonly Stored<TemplateHeader>[]): Promise<RepoResult<AssessmentTemplate[]>> {
    const keys = headers.map((h) => templateVersionKey(h.key, h.version));
    const questions = await this.questions.forVersions(keys);
    if (!questions.ok) return questions;
    const out: AssessmentTemplate[] = [];
    for (const header of headers) {
      const key = templateVersionKey(header.key, header.version);
      const mine = questions.value.filter((q) => q.templateVersionKey === key);
      const t = assembleTemplate(
        { ok: true, value: header },
        mine.map((q) => ({ ok: true as const, value: q })),
      );
      if (!t.ok) return t;
      const { id: _id, etag: _etag, modified: _modified, ...template } = t.value;
      out.push(template);
    }
    return ok(out);
  }

  async published(): Promise<RepoResult<AssessmentTemplate[]>> {
    const headers = await this.readAll({
      filter: this.f.eq('TemplateStatus', choiceValue('templateStatus', 'published')),
      orderBy: [['TemplateKey', true]],
    });
    if (!headers.ok) return headers;
    return this.withQuestions(headers.value);
  }

  async version(key: string, version: number): Promise<RepoResult<AssessmentTemplate>> {
    const headers = await this.readAll({
      filter: and(this.f.eq('TemplateKey', key), this.f.eq('TemplateVersion', version)),
    });
    if (!headers.ok) return headers;
    const header = headers.value[0];
    if (!header) return fail({ code: 'notFound', detail: `no template ${key} version ${version}` });
    const t = await this.withQuestions([header]);
    if (!t.ok) return t;
    return ok(t.value[0] as AssessmentTemplate);
  }

  /**
   * Writes a template version: its item (created or updated on
   * TemplateVersionKey) and its questions (created, updated when changed, and
   * questions no longer in the version moved to the recycle bin).
   */
  async save(template: AssessmentTemplate): Promise<RepoResult<AssessmentTemplate>> {
    const { questions, ...header } = template;
    const versionKey = templateVersionKey(template.key, template.version);
    const existing = await this.findByKey(versionKey);
    if (!existing.ok) return existing;
    const saved = existing.value
      ? await this.update({ ...header, id: existing.value.id, etag: existing.value.etag })
      : await this.create(header);
    if (!saved.ok) return fail(plain(saved.error));

    const current = await this.questions.forVersions([versionKey]);
    if (!current.ok) return current;
    const byKey = new Map(current.value.map((q) => [q.key, q]));
    const toCreate: StoredQuestion[] = [];
    for (const question of questions) {
      const value: StoredQuestion = { ...question, templateVersionKey: versionKey };
      const found = byKey.get(question.key);
      byKey.delete(question.key);
      if (!found) {
        toCreate.push(value);
        continue;
      }
      const same =
        JSON.stringify(questionMapper.toItem(unstored(found))) === JSON.stringify(questionMapper.toItem(value));
      if (!same) {
        const u = await this.questions.update({ ...value, id: found.id, etag: found.etag });
        if (!u.ok) return fail(plain(u.error));
      }
    }
    for (const r of await this.questions.createMany(toCreate)) if (!r.ok) return r;
    for (const stale of byKey.values()) {
      const r = await this.questions.recycleItem(stale.id);
      if (!r.ok) return r;
    }
    return this.version(template.key, template.version);
  }
}
