import twilio from 'twilio';
import { readTwiml, type TwimlInstructions } from '../../src/telephony/simulated/twiml-reader.js';

/** A distinct client address per simulated user, as a load balancer would pass it on. */
export function addressFor(index: number): string {
  return `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`;
}

/** `name=value` of every cookie a response set, ready for a Cookie header. */
export function cookiesOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .join('; ');
}

/** A Twilio webhook: the form signed with the SDK's own helper, the TwiML reply read back. */
export async function signedPost(
  authToken: string,
  url: string,
  params: Record<string, string>,
): Promise<{ status: number; twiml?: TwimlInstructions }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': twilio.getExpectedTwilioSignature(authToken, url, params),
    },
    body: new URLSearchParams(params),
  });
  const body = await response.text();
  const isXml = (response.headers.get('content-type') ?? '').includes('xml');
  return { status: response.status, twiml: isXml ? readTwiml(body) : undefined };
}

export async function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}
