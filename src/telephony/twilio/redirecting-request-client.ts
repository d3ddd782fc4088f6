import twilio from 'twilio';
import type TwilioRequestClient from 'twilio/lib/base/RequestClient.js';

/**
 * The SDK's own HTTP client, with every request's origin swapped for another one: a
 * Twilio-compatible carrier or the test suite's emulator. The SDK has no base-URL setting,
 * so this is its documented seam (the `httpClient` option).
 */
export class RedirectingRequestClient extends twilio.RequestClient {
  constructor(private readonly targetOrigin: string) {
    super({ keepAlive: true });
  }

  override request<TData>(opts: TwilioRequestClient.RequestOptions<TData>) {
    const original = new URL(opts.uri);
    const target = new URL(original.pathname + original.search, this.targetOrigin);
    return super.request<TData>({ ...opts, uri: target.toString() });
  }
}
