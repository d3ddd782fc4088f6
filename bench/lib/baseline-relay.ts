import { createServer } from 'node:http';
import argon2 from 'argon2';
import express from 'express';
import { Server } from 'socket.io';
import twilio from 'twilio';

/**
 * The baseline: the least a digit relay needs. Parse Twilio's form post, check its
 * signature with the SDK, tell one room, answer TwiML. No framework, database or sessions;
 * pending challenges are a Map. A sign-in is one argon2id verification at the same cost.
 * Run in its own process by the bench: PORT, TWILIO_AUTH_TOKEN, PUBLIC_BASE_URL,
 * PASSWORD_HASH (and the argon2 options encoded in it).
 */
const port = Number(process.env.PORT);
const authToken = process.env.TWILIO_AUTH_TOKEN!;
const publicBaseUrl = process.env.PUBLIC_BASE_URL!;
const passwordHash = process.env.PASSWORD_HASH!;

interface Pending {
  room: string;
  code: string;
  entered: number;
}

const pending = new Map<string, Pending>();
const app = express();
const server = createServer(app);
const io = new Server(server, { serveClient: false });
const feed = io.of('/verification');

feed.on('connection', (socket) => {
  const room = socket.handshake.auth.room;
  if (typeof room === 'string') void socket.join(room);
});

app.get('/health', (_request, response) => {
  response.json({ status: 'ok' });
});

app.post('/challenges', express.json(), (request, response) => {
  const { id, room, code } = request.body as { id: string; room: string; code: string };
  pending.set(id, { room, code, entered: 0 });
  response.status(201).end();
});

app.post('/login', express.json(), async (request, response) => {
  const ok = await argon2.verify(passwordHash, String(request.body.password));
  response.status(ok ? 200 : 401).json({ ok });
});

app.post(
  '/voice/:id/digits/:position',
  express.urlencoded({ extended: false }),
  (request, response) => {
    const signature = request.header('x-twilio-signature') ?? '';
    const url = publicBaseUrl + request.originalUrl;
    if (!twilio.validateRequest(authToken, signature, url, request.body)) {
      response.status(403).end();
      return;
    }
    const challenge = pending.get(String(request.params.id));
    const position = Number(request.params.position);
    if (!challenge || position !== challenge.entered) {
      response.type('text/xml').send('<Response><Hangup/></Response>');
      return;
    }
    const correct = challenge.code[position] === request.body.Digits;
    challenge.entered++;
    feed.to(challenge.room).emit('digit', { challengeId: request.params.id, position, correct });
    const done = !correct || challenge.entered === challenge.code.length;
    if (done) pending.delete(String(request.params.id));
    const next = `${publicBaseUrl}/voice/${request.params.id}/digits/${position + 1}`;
    response
      .type('text/xml')
      .send(
        done
          ? '<Response><Say>Goodbye.</Say><Hangup/></Response>'
          : `<Response><Gather numDigits="1" action="${next}"><Say>Next digit.</Say></Gather></Response>`,
      );
  },
);

server.listen(port, '127.0.0.1');
process.on('SIGTERM', () => {
  void io.close();
  server.close(() => process.exit(0));
});
