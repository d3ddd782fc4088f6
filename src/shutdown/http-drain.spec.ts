import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpDrain } from './http-drain.js';

describe('HttpDrain', () => {
  let server: Server;
  let drain: HttpDrain;
  let port: number;
  let release: () => void;

  beforeEach(async () => {
    server = createServer();
    drain = new HttpDrain(server);
    const held = new Promise<void>((resolve) => (release = resolve));
    server.on('request', (incoming, response) => {
      if (incoming.url === '/slow') void held.then(() => response.end('finished'));
      else response.end('quick');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterEach(() => {
    server.closeAllConnections();
    server.close();
  });

  function get(path: string): Promise<string> {
    return new Promise((resolve, reject) => {
      request({ host: '127.0.0.1', port, path }, (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => resolve(body));
      })
        .on('error', reject)
        .end();
    });
  }

  it('lets a request under way finish, while refusing new connections', async () => {
    const slow = get('/slow');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(drain.requestsInFlight).toBe(1);

    drain.stopAccepting();
    await expect(get('/quick')).rejects.toThrow(/ECONNREFUSED/);
    const finished = drain.finish(5000);
    release();
    expect(await slow).toBe('finished');
    expect(await finished).toBe(0);
    expect(drain.requestsInFlight).toBe(0);
  });

  it('cuts off what is still running after the deadline, and says how much', async () => {
    const slow = get('/slow').catch((error: Error) => error.message);
    await new Promise((resolve) => setTimeout(resolve, 50));
    drain.stopAccepting();
    expect(await drain.finish(100)).toBe(1);
    expect(await slow).toMatch(/socket hang up|ECONNRESET/);
  });
});
