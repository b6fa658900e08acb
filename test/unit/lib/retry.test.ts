import {
  classifyError,
  classifyStatus,
  httpVerdict,
  isRetryable,
  parseRetryAfter,
  retryDelayMs,
  retrying,
  type RetryPolicy,
} from '../../../src/lib/retry';

const policy: RetryPolicy = { retries: 4, baseMs: 500, maxDelayMs: 60_000 };
const NOW = Date.parse('Wed, 21 Oct 2026 07:28:00 GMT');

function fetchFailure(code: string): TypeError {
  return new TypeError('fetch failed', { cause: Object.assign(new Error(`connect ${code}`), { code }) });
}

describe('Retry-After', () => {
  it('reads delta-seconds', () => {
    expect(parseRetryAfter('3', NOW)).toBe(3000);
    expect(parseRetryAfter(' 0 ', NOW)).toBe(0);
    expect(parseRetryAfter('1.5', NOW)).toBe(1500);
  });
  it('reads an HTTP date against now', () => {
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:28:10 GMT', NOW)).toBe(10_000);
  });
  it('reads a date in the past as no wait', () => {
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:00:00 GMT', NOW)).toBe(0);
  });
  it('ignores an absent or garbage header', () => {
    expect(parseRetryAfter(null, NOW)).toBeUndefined();
    expect(parseRetryAfter(undefined, NOW)).toBeUndefined();
    expect(parseRetryAfter('', NOW)).toBeUndefined();
    expect(parseRetryAfter('nonsense', NOW)).toBeUndefined();
    expect(parseRetryAfter('-5', NOW)).toBeUndefined();
    expect(parseRetryAfter('12abc', NOW)).toBeUndefined();
  });
});

describe('the delay before a retry', () => {
  it('waits what Retry-After asks plus a little jitter (seconds or HTTP date)', () => {
    expect(retryDelayMs(policy, { attempt: 1, retryAfter: '2', nowMs: NOW, random: 0.5 })).toBe(2050);
    expect(retryDelayMs(policy, { attempt: 1, retryAfter: '2', nowMs: NOW, random: 0 })).toBe(2000);
    expect(
      retryDelayMs(policy, { attempt: 2, retryAfter: 'Wed, 21 Oct 2026 07:28:10 GMT', nowMs: NOW, random: 0 }),
    ).toBe(10_000);
    expect(
      retryDelayMs(policy, { attempt: 2, retryAfter: 'Wed, 21 Oct 2026 07:00:00 GMT', nowMs: NOW, random: 0 }),
    ).toBe(0);
  });
  it('caps every wait, a Retry-After included', () => {
    expect(retryDelayMs(policy, { attempt: 1, retryAfter: '600', nowMs: NOW, random: 0.5 })).toBe(60_000);
    expect(retryDelayMs({ ...policy, maxDelayMs: 4000 }, { attempt: 20, nowMs: NOW, random: 1 })).toBe(4000);
    expect(retryDelayMs({ ...policy, maxDelayMs: 4000 }, { attempt: 1000, nowMs: NOW, random: 1 })).toBe(4000);
  });
  it('backs off exponentially when there is no usable Retry-After', () => {
    expect(retryDelayMs(policy, { attempt: 1, nowMs: NOW, random: 1 })).toBe(500);
    expect(retryDelayMs(policy, { attempt: 2, nowMs: NOW, random: 1 })).toBe(1000);
    expect(retryDelayMs(policy, { attempt: 3, nowMs: NOW, random: 0 })).toBe(1000);
    expect(retryDelayMs(policy, { attempt: 3, retryAfter: 'garbage', nowMs: NOW, random: 1 })).toBe(2000);
  });
  it('keeps the jitter within its bounds', () => {
    for (let attempt = 1; attempt <= 8; attempt += 1) {
      const ceiling = Math.min(policy.maxDelayMs, policy.baseMs * 2 ** (attempt - 1));
      for (const random of [0, 0.001, 0.25, 0.5, 0.999, 1, -1, 2]) {
        const d = retryDelayMs(policy, { attempt, nowMs: NOW, random });
        expect(d).toBeGreaterThanOrEqual(Math.floor(ceiling / 2));
        expect(d).toBeLessThanOrEqual(ceiling);
        const withHeader = retryDelayMs(policy, { attempt, retryAfter: '1', nowMs: NOW, random });
        expect(withHeader).toBeGreaterThanOrEqual(1000);
        expect(withHeader).toBeLessThanOrEqual(1100);
      }
    }
  });
});

describe('what is worth another try', () => {
  it('reads statuses: 429 refused, 503/504 may have been acted on, the rest final', () => {
    expect(classifyStatus(429)).toBe('refused');
    expect(classifyStatus(503)).toBe('maybeSent');
    expect(classifyStatus(504)).toBe('maybeSent');
    for (const s of [200, 400, 401, 404, 412, 500, 502]) expect(classifyStatus(s)).toBe('final');
  });
  it('reads network faults: never sent, maybe sent, timed out, or not the network at all', () => {
    expect(classifyError(fetchFailure('ECONNREFUSED'))).toBe('notSent');
    expect(classifyError(fetchFailure('ENOTFOUND'))).toBe('notSent');
    expect(classifyError(fetchFailure('EAI_AGAIN'))).toBe('notSent');
    expect(classifyError(fetchFailure('ECONNRESET'))).toBe('maybeSent');
    expect(classifyError(fetchFailure('UND_ERR_SOCKET'))).toBe('maybeSent');
    expect(classifyError(new TypeError('fetch failed'))).toBe('maybeSent');
    expect(classifyError(new DOMException('timed out', 'TimeoutError'))).toBe('timeout');
    expect(classifyError(new DOMException('aborted', 'AbortError'))).toBe('timeout');
    expect(classifyError(new RangeError('bug'))).toBe('final');
    expect(classifyError('a string')).toBe('final');
  });
  it('retries what may have been acted on only when the request is safe to repeat', () => {
    expect(isRetryable('refused', false)).toBe(true);
    expect(isRetryable('notSent', false)).toBe(true);
    expect(isRetryable('maybeSent', false)).toBe(false);
    expect(isRetryable('maybeSent', true)).toBe(true);
    expect(isRetryable('timeout', true)).toBe(false);
    expect(isRetryable('final', true)).toBe(false);
  });
  it('gives the verdict for a fetch outcome, with the Retry-After to honour', () => {
    const r = (status: number, headers: Record<string, string> = {}) => ({
      value: new Response(null, { status, headers }),
    });
    expect(httpVerdict(r(429, { 'Retry-After': '7' }), false)).toEqual({
      retry: true,
      retryAfter: '7',
      reason: 'HTTP 429',
    });
    expect(httpVerdict(r(504), false)).toEqual({ retry: false });
    expect(httpVerdict(r(504), true)).toEqual({ retry: true, retryAfter: null, reason: 'HTTP 504' });
    expect(httpVerdict(r(500), true)).toEqual({ retry: false });
    expect(httpVerdict({ error: fetchFailure('ECONNREFUSED') }, false)).toMatchObject({ retry: true });
    expect(httpVerdict({ error: fetchFailure('ECONNRESET') }, false)).toEqual({ retry: false });
  });
});

describe('retrying', () => {
  const quick = { retries: 3, baseMs: 10, maxDelayMs: 40 };
  it('stops at the first success, having slept what the policy says', async () => {
    const waits: number[] = [];
    let calls = 0;
    const result = await retrying(
      () => {
        calls += 1;
        return Promise.resolve(calls < 3 ? 'busy' : 'done');
      },
      {
        policy: quick,
        decide: (o) => ('value' in o && o.value === 'busy' ? { retry: true, reason: 'busy' } : { retry: false }),
        sleep: (ms) => {
          waits.push(ms);
          return Promise.resolve();
        },
        random: () => 1,
      },
    );
    expect(result).toEqual({ value: 'done', attempts: 3 });
    expect(waits).toEqual([10, 20]);
  });
  it('returns the last outcome when the attempts are exhausted, never more than 1 + retries', async () => {
    let calls = 0;
    const events: number[] = [];
    const failure = new Error('still down');
    const result = await retrying(
      () => {
        calls += 1;
        return Promise.reject(failure);
      },
      {
        policy: quick,
        decide: () => ({ retry: true, reason: 'down' }),
        onRetry: (e) => void events.push(e.attempt),
        sleep: () => Promise.resolve(),
      },
    );
    expect(calls).toBe(4);
    expect(events).toEqual([1, 2, 3]);
    expect(result).toEqual({ error: failure, attempts: 4 });
  });
  it('passes the server’s Retry-After and the clock to the delay', async () => {
    const waits: number[] = [];
    let calls = 0;
    await retrying(() => Promise.resolve((calls += 1)), {
      policy: { retries: 1, baseMs: 10, maxDelayMs: 60_000 },
      decide: (o) =>
        'value' in o && o.value === 1
          ? { retry: true, retryAfter: 'Wed, 21 Oct 2026 07:28:05 GMT', reason: '429' }
          : { retry: false },
      now: () => NOW,
      random: () => 0,
      sleep: (ms) => {
        waits.push(ms);
        return Promise.resolve();
      },
    });
    expect(waits).toEqual([5000]);
  });
});
