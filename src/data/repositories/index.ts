import type { SPFI } from '@pnp/sp';
import type {
  ActionStore,
  AssessmentStore,
  AssuranceStatementStore,
  ChannelMappingStore,
  CollaborationStore,
  HistoryStore,
  PolicyStore,
  PartnerStore,
  ReminderLogStore,
  ReportNarrativeStore,
  ReviewStore,
  TemplateStore,
} from '../../domain/ports';
import { ActionRepository } from './actions';
import { AssessmentRepository } from './assessments';
import { AssuranceStatementRepository } from './assuranceStatements';
import { ChannelMappingRepository } from './channelMappings';
import { CollaborationRepository } from './collaborations';
import { HistoryRepository } from './history';
import { PolicyRepository } from './policies';
import { PartnerRepository } from './partners';
import { ReminderLogRepository } from './reminderLog';
import { ReportNarrativeRepository } from './reportNarratives';
import { ReviewRepository } from './reviews';
import { TemplateRepository } from './templates';

export interface Repositories {
  readonly collaborations: CollaborationStore;
  readonly partners: PartnerStore;
  readonly reviews: ReviewStore;
  readonly actions: ActionStore;
  readonly assessments: AssessmentStore;
  readonly templates: TemplateStore;
  readonly channelMappings: ChannelMappingStore;
  readonly reminderLog: ReminderLogStore;
  readonly reportNarratives: ReportNarrativeStore;
  readonly assuranceStatements: AssuranceStatementStore;
  readonly history: HistoryStore;
  readonly policies: PolicyStore;
}

/** Every store of ports.ts over one SPFI (from createSp). The tab sees only these ports. */
export function createRepositories(sp: SPFI): Repositories {
  return {
    collaborations: new CollaborationRepository(sp),
    partners: new PartnerRepository(sp),
    reviews: new ReviewRepository(sp),
    actions: new ActionRepository(sp),
    assessments: new AssessmentRepository(sp),
    templates: new TemplateRepository(sp),
    channelMappings: new ChannelMappingRepository(sp),
    reminderLog: new ReminderLogRepository(sp),
    reportNarratives: new ReportNarrativeRepository(sp),
    assuranceStatements: new AssuranceStatementRepository(sp),
    history: new HistoryRepository(sp),
    policies: new PolicyRepository(sp),
  };
}

export {
  ActionRepository,
  AssessmentRepository,
  AssuranceStatementRepository,
  ChannelMappingRepository,
  CollaborationRepository,
  HistoryRepository,
  PolicyRepository,
  PartnerRepository,
  ReminderLogRepository,
  ReportNarrativeRepository,
  ReviewRepository,
  TemplateRepository,
};
