/** The reminder job as a use case over ports (docs/reminders.md). */
export * from './job';
export type { DigestCards, DigestPartInfo, DigestRequest, DigestSplitOptions, ReminderRepositories } from './ports';
