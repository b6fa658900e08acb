/**
 * The data layer's public surface: the one PnPjs set-up and the stores of
 * domain/ports.ts. The only part of the product that knows SharePoint.
 * Provisioning and the PnP template are separate entry points
 * (src/data/provisioning, src/data/template) used by the command line.
 */
export { createSp, toRepoError, DEFAULT_USER_AGENT, type SpConfig, type RetryInfo } from './sp';
export { createRepositories, type Repositories } from './repositories';
