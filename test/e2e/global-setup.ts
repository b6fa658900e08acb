/**
 * Builds the tab once, before any end-to-end file starts (jest runs this in its main process).
 * Without it, the first file's rig built the tab while every other worker waited on the build
 * lock inside its own beforeAll; each rig still calls `ensureTabBuilt('auto')`, which now finds
 * dist/tab fresh and returns at once.
 */
import { existsSync } from 'node:fs';
import { ensureTabBuilt } from '../../src/cli/start';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default async function globalSetup(): Promise<void> {
  // With no browser the journeys skip (or fail under CI) on their own: no build is needed for that.
  if (!existsSync(CHROMIUM) && process.env.CI !== 'true' && process.env.CI !== '1') return;
  await ensureTabBuilt('auto', (line) => console.log(`[e2e] ${line}`));
}
