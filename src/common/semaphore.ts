/** At most `limit` tasks at once; the rest wait their turn in order of arrival. */
export class Semaphore {
  private running = 0;
  private readonly queue: (() => void)[] = [];

  constructor(private readonly limit: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) {
      await new Promise<void>((resolve) => this.queue.push(resolve));
    } else {
      this.running++;
    }
    try {
      return await task();
    } finally {
      // The slot passes straight to the next waiter, so none can be overtaken.
      const next = this.queue.shift();
      if (next) next();
      else this.running--;
    }
  }
}
