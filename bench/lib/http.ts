import { Agent, request } from 'node:http';
import twilio from 'twilio';
import { readTwiml, type TwimlInstructions } from '../../src/telephony/simulated/twiml-reader.js';

/** A distinct client address per simulated user, as a load balancer would pass it on. */
export function addressFor(index: number): string {
  return `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`;
}

/**
 * Kept-alive connections for the webhooks, as Twilio keeps them. node:http rather than
 * fetch: fetch costs the driver several times more CPU per request, and the driver shares
 * the machine with the servers it measures.
 */
const webhookAgent = new Agent({ keepAlive: true, maxSockets: Infinity });

/** A Twilio webhook: the form signed with the SDK's own helper, the TwiML reply read back. */
export function signedPost(
  authToken: string,
  url: string,
  params: Record<string, string>,
): Promise<{ status: number; twiml?: TwimlInstructions }> {
  const body = new URLSearchParams(params).toString();
  return new Promise((resolve, reject) => {
    const outgoing = request(
      url,
      {
        method: 'POST',
        agent: webhookAgent,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': Buffer.byteLength(body),
          'x-twilio-signature': twilio.getExpectedTwilioSignature(authToken, url, params),
        },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => {
          const isXml = (response.headers['content-type'] ?? '').includes('xml');
          resolve({ status: response.statusCode ?? 0, twiml: isXml ? readTwiml(text) : undefined });
        });
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
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
