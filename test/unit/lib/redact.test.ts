import { maskUrl, redact, redactDeep, secretPartsOf } from '../../../src/lib/redact';

const HOOK =
  'https://prod-27.uksouth.logic.azure.com:443/workflows/0f1e2d3c4b5a/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=S3CR3T-SIGNATURE-abc123';
const SIG = 'S3CR3T-SIGNATURE-abc123';

describe('redact', () => {
  it('masks the whole address to its host', () => {
    expect(redact(`posting to ${HOOK} failed`, [HOOK])).toBe(
      'posting to https://prod-27.uksouth.logic.azure.com/… failed',
    );
    expect(maskUrl(HOOK)).toBe('https://prod-27.uksouth.logic.azure.com/…');
  });
  it.each([
    ['the signature alone', `Invalid signature '${SIG}'`],
    ['the signature parameter', `rejected sig=${SIG}.`],
    ['the URL-encoded address', `url=${encodeURIComponent(HOOK)}`],
    ['the doubly encoded address', encodeURIComponent(encodeURIComponent(HOOK))],
    ['the encoded signature', `sig%3D${encodeURIComponent(SIG + '/+=')}`],
    ['the path', 'no flow at /workflows/0f1e2d3c4b5a/triggers/manual/paths/invoke'],
    ['the flow id', 'flow 0f1e2d3c4b5a is disabled'],
    ['the query', 'query api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=S3CR3T-SIGNATURE-abc123'],
  ])('hides %s', (_what, text) => {
    const hook = text.includes('/+=') ? `${HOOK}${encodeURIComponent('/+=')}` : HOOK;
    const out = redact(text, [hook]);
    expect(out).not.toContain(SIG);
    expect(out).not.toContain(encodeURIComponent(SIG));
    expect(out).not.toContain('0f1e2d3c4b5a');
    expect(out).toContain('…');
  });
  it('leaves the words of a route and other text alone', () => {
    expect(redact('the flow failed on triggers/manual', [HOOK])).toBe('the flow failed on triggers/manual');
    expect(secretPartsOf(HOOK)).not.toContain('triggers');
    expect(secretPartsOf(HOOK)).toContain(SIG);
  });
  it('hides every string of a report, keys and nested values alike, without changing its shape', () => {
    const report = { channels: [{ reason: `HTTP 401: bad sig ${SIG}`, n: 3, ok: true, none: null }], [SIG]: 'x' };
    const out = redactDeep(report, [HOOK]);
    expect(JSON.stringify(out)).not.toContain(SIG);
    expect(out.channels[0]).toEqual({ reason: 'HTTP 401: bad sig …', n: 3, ok: true, none: null });
    expect(redactDeep(report, [])).toBe(report);
  });
});
