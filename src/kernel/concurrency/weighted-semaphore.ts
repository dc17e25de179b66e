/**
 * Admits work by weight, first come first served: work whose weight would take
 * the total in flight past `capacity` waits until enough has finished. Work
 * heavier than the capacity runs alone. Used to bound how much of the process
 * large pages may take at once (a bulkhead), so small requests keep flowing.
 */
export class WeightedSemaphore {
  private inFlight = 0;
  private readonly waiting: { weight: number; start: () => void }[] = [];

  constructor(readonly capacity: number) {}

  async run<T>(weight: number, work: () => Promise<T>): Promise<T> {
    const w = Math.min(Math.max(weight, 0), this.capacity);
    if (this.waiting.length || this.inFlight + w > this.capacity) {
      await new Promise<void>((start) => this.waiting.push({ weight: w, start }));
    } else {
      this.inFlight += w;
    }
    try {
      return await work();
    } finally {
      this.inFlight -= w;
      this.admit();
    }
  }

  /** Starts waiting work, in order, while it fits. */
  private admit(): void {
    while (this.waiting.length && this.inFlight + this.waiting[0].weight <= this.capacity) {
      const next = this.waiting.shift()!;
      this.inFlight += next.weight;
      next.start();
    }
  }
}
