import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reposAs, startServer } from './helpers';
import { collaboration } from './fixtures';

describe('restarting the server on the same data file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lists-restart-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('loses nothing', async () => {
    const dataFile = join(dir, 'site.db');
    const first = await startServer({ demo: true, dataFile });
    const repos = reposAs(first, 'officer');
    const next = await repos.collaborations.nextReference();
    if (!next.ok) throw new Error(next.error.code);
    const created = await repos.collaborations.create(collaboration(next.value, { title: 'Survives a restart — ŵ' }));
    if (!created.ok) throw new Error(created.error.code);
    const updated = await repos.collaborations.update({ ...created.value, status: 'underReview' });
    if (!updated.ok) throw new Error(updated.error.code);
    const before = await repos.collaborations.all({});
    await first.close();

    const second = await startServer({ demo: true, dataFile });
    try {
      const again = reposAs(second, 'officer');
      const read = await again.collaborations.getByReference(next.value);
      expect(read.ok && read.value).toMatchObject({
        title: 'Survives a restart — ŵ',
        status: 'underReview',
        etag: updated.value.etag,
      });
      const after = await again.collaborations.all({});
      expect(after.ok && after.value.length).toBe(before.ok && before.value.length);
      const versions = await again.collaborations.versions(created.value.id);
      expect(versions.ok && versions.value.length).toBeGreaterThanOrEqual(2);
    } finally {
      await second.close();
    }
  }, 60_000);
});
