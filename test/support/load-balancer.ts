import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  request as httpRequest,
  type Server,
  type ServerResponse,
} from 'node:http';
import { connect, type Socket } from 'node:net';
import { freePort } from './free-port.js';

/** One instance behind the balancer. */
export interface Backend {
  name: string;
  port: number;
}

export interface RoutedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  upgrade: boolean;
}

/** Backends to try for a request, best first; the next is tried when one refuses. */
export type RoutingRule = (request: RoutedRequest) => Backend[];

/**
 * A small HTTP and WebSocket load balancer for the cluster suite: every request and every
 * socket upgrade goes where the test's rule says, and falls over to the next backend when
 * one is gone (refused connection), as a real balancer's health check would arrange.
 */
export class LoadBalancer {
  /** Where each request went, in order (path without query). */
  readonly routed: { path: string; backend: string; upgrade: boolean }[] = [];
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    readonly port: number,
    private rule: RoutingRule,
  ) {
    server.on('request', (request, response) => void this.forward(request, response));
    server.on('upgrade', (request, socket: Socket, head) => this.tunnel(request, socket, head));
  }

  static async start(rule: RoutingRule): Promise<LoadBalancer> {
    const port = await freePort();
    // Outlive the clients' keep-alive (as Callgate itself does), so none ever sends a request
    // on a connection this end is closing: under load that race resets requests.
    const server = createServer({ keepAliveTimeout: 65_000 });
    const balancer = new LoadBalancer(server, port, rule);
    await new Promise<void>((resolve) => balancer.server.listen(port, '127.0.0.1', resolve));
    return balancer;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  setRule(rule: RoutingRule): void {
    this.rule = rule;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private targets(request: IncomingMessage, upgrade: boolean): Backend[] {
    const path = (request.url ?? '/').split('?')[0];
    return this.rule({ method: request.method ?? 'GET', path, headers: request.headers, upgrade });
  }

  private async forward(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await readAll(request);
    for (const backend of this.targets(request, false)) {
      const answered = await this.tryForward(backend, request, body, response);
      if (answered) {
        this.routed.push({ path: pathOf(request), backend: backend.name, upgrade: false });
        return;
      }
    }
    response.writeHead(502).end('no backend available');
  }

  /** False when the backend refused the connection (so another may be tried). */
  private tryForward(
    backend: Backend,
    request: IncomingMessage,
    body: Buffer,
    response: ServerResponse,
  ): Promise<boolean> {
    return new Promise((resolve) => {
      const outgoing = httpRequest(
        {
          host: '127.0.0.1',
          port: backend.port,
          method: request.method,
          path: request.url,
          headers: endToEnd(request.headers),
          agent: false,
        },
        (reply) => {
          response.writeHead(reply.statusCode ?? 502, endToEnd(reply.headers));
          reply.pipe(response);
          reply.once('end', () => resolve(true));
          reply.once('error', () => resolve(true));
        },
      );
      outgoing.once('error', (error: NodeJS.ErrnoException) => {
        if (!response.headersSent && error.code === 'ECONNREFUSED') return resolve(false);
        if (response.headersSent) response.destroy();
        else response.writeHead(502).end('backend failed');
        resolve(true);
      });
      outgoing.end(body);
    });
  }

  private tunnel(request: IncomingMessage, client: Socket, head: Buffer): void {
    this.sockets.add(client);
    client.once('close', () => this.sockets.delete(client));
    client.on('error', () => client.destroy());
    const tryNext = (backends: Backend[]) => {
      const [backend, ...rest] = backends;
      if (!backend) return client.destroy();
      const upstream = connect(backend.port, '127.0.0.1');
      let connected = false;
      upstream.once('error', () => {
        upstream.destroy();
        if (connected) client.destroy();
        else tryNext(rest);
      });
      upstream.once('connect', () => {
        connected = true;
        this.routed.push({ path: pathOf(request), backend: backend.name, upgrade: true });
        this.sockets.add(upstream);
        upstream.once('close', () => {
          this.sockets.delete(upstream);
          client.destroy();
        });
        client.once('close', () => upstream.destroy());
        upstream.write(requestHead(request));
        if (head.length > 0) upstream.write(head);
        upstream.pipe(client).pipe(upstream);
      });
    };
    tryNext(this.targets(request, true));
  }
}

/** Hop-by-hop headers describe one connection; a proxy never passes them on (RFC 9110 §7.6.1). */
const HOP_BY_HOP = ['connection', 'keep-alive', 'transfer-encoding', 'te', 'trailer', 'upgrade'];

function endToEnd(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  return Object.fromEntries(
    Object.entries(headers).filter(([name]) => !HOP_BY_HOP.includes(name.toLowerCase())),
  );
}

function pathOf(request: IncomingMessage): string {
  return (request.url ?? '/').split('?')[0];
}

function requestHead(request: IncomingMessage): string {
  const lines = [`${request.method} ${request.url} HTTP/1.1`];
  for (let i = 0; i < request.rawHeaders.length; i += 2) {
    lines.push(`${request.rawHeaders[i]}: ${request.rawHeaders[i + 1]}`);
  }
  return `${lines.join('\r\n')}\r\n\r\n`;
}

function readAll(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}
