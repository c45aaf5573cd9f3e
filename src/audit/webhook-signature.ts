import { createHmac } from 'node:crypto';

export const SIGNATURE_HEADER = 'X-Apio-Signature';
export const TIMESTAMP_HEADER = 'X-Apio-Timestamp';
export const EVENT_ID_HEADER = 'X-Apio-Event-Id';

/**
 * The signature of a delivery: HMAC-SHA256 with the subscription's secret over
 * `<timestamp>.<body>` (the timestamp header, a dot, the raw body), hex, as `sha256=<hex>`.
 * Signing the timestamp lets a receiver refuse replays of an old delivery.
 */
export function signatureOf(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}
