/** True for an address a secret-bearing POST may go to: https, or http on the loopback (local development). */
export function isWebhookUrl(value: string | undefined): boolean {
  if (value === undefined) return false;
  try {
    const u = new URL(value.trim());
    if (u.protocol === 'https:') return u.hostname !== '';
    return u.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname);
  } catch {
    return false;
  }
}
