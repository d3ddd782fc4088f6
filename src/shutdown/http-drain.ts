import type { Server } from 'node:http';

/**
 * Counts the requests an HTTP server is answering, so a shutdown can stop taking new
 * connections and still let every request under way (a carrier's webhook, say) finish.
 */
export class HttpDrain {
  private inFlight = 0;
  private draining = false;
  private onIdle?: () => void;

  constructor(private readonly server: Server) {
    server.on('request', (request, response) => {
      this.inFlight++;
      // Whatever arrives on a kept-alive connection now is answered, then that connection closes.
      if (this.draining) response.setHeader('Connection', 'close');
      response.once('close', () => {
        this.inFlight--;
        if (this.inFlight === 0) this.onIdle?.();
      });
    });
  }

  get requestsInFlight(): number {
    return this.inFlight;
  }

  /** Stops accepting connections and drops idle kept-alive ones; requests under way go on. */
  stopAccepting(): void {
    this.draining = true;
    this.server.close();
    this.server.closeIdleConnections();
  }

  /**
   * Waits for the requests under way, at most `timeoutMs`, then closes every connection.
   * Resolves with how many requests were cut off (0 when all finished).
   */
  async finish(timeoutMs: number): Promise<number> {
    if (this.inFlight > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, timeoutMs);
        this.onIdle = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
    const cutOff = this.inFlight;
    this.server.closeAllConnections();
    return cutOff;
  }
}
