/**
 * A stand-in for Telegram's side of a webhook: it POSTs each update to the replicas in turn
 * (round-robin, as a load balancer would spread them) and, like Telegram, delivers it again —
 * to the next replica — after any answer that is not 2xx, a refused connection or a timeout,
 * until one replica answers 2xx. Every attempt is recorded, so a test can see the 503s.
 */
export interface Delivery {
  updateId: number;
  replica: number;
  /** HTTP status, or "error" for a refused connection, "timeout" for no answer in time. */
  outcome: number | "error" | "timeout";
  at: number;
}

export interface TestTelegramOptions {
  /** Webhook URLs of the replicas (http://127.0.0.1:PORT/webhook). */
  replicas: string[];
  secret: string;
  /** How long a delivery may take before it counts as failed and is repeated (Telegram waits about a minute). */
  timeoutMs?: number;
  /** Pause before a repeated delivery (Telegram backs off; tests want it short). */
  retryDelayMs?: number;
  /** Give up on an update after this long (Telegram keeps one for 24 hours). */
  giveUpAfterMs?: number;
}

export class TestTelegram {
  readonly deliveries: Delivery[] = [];
  private next = 0;
  /** Deliveries under way per replica: what a kill cuts off. */
  private readonly underWay = new Map<number, Set<number>>();
  /** Replicas taken out of the rotation, as a load balancer does with one that failed its health check. */
  private readonly out = new Set<number>();

  constructor(private readonly options: TestTelegramOptions) {}

  /** A replica started later joins the rotation. */
  addReplica(url: string): void {
    this.options.replicas.push(url);
  }

  /** Sets which replicas get deliveries; a stopped replica is simply one that refuses connections. */
  remove(replica: number): void {
    this.out.add(replica);
  }

  /** Delivers one update until a replica answers 2xx; resolves with the replica that took it. */
  async deliver(update: { update_id: number }, startAt?: number): Promise<number> {
    const { timeoutMs = 10_000, retryDelayMs = 100, giveUpAfterMs = 60_000 } = this.options;
    const deadline = Date.now() + giveUpAfterMs;
    let replica = startAt ?? this.pick();
    for (;;) {
      const mine = this.underWay.get(replica) ?? new Set<number>();
      this.underWay.set(replica, mine.add(update.update_id));
      const outcome = await this.post(this.options.replicas[replica]!, update, timeoutMs);
      mine.delete(update.update_id);
      this.deliveries.push({ updateId: update.update_id, replica, outcome, at: Date.now() });
      if (typeof outcome === "number" && outcome >= 200 && outcome < 300) return replica;
      if (Date.now() > deadline) throw new Error(`update ${update.update_id} was not accepted within ${giveUpAfterMs} ms; last outcome ${outcome}`);
      await new Promise((resolve) => setTimeout(resolve, retryDelayMs));
      replica = this.pick();
    }
  }

  /** The updates being delivered to a replica right now. */
  inFlight(replica: number): number[] {
    return [...(this.underWay.get(replica) ?? [])];
  }

  /** The attempts of one update, in order. */
  attempts(updateId: number): Delivery[] {
    return this.deliveries.filter((delivery) => delivery.updateId === updateId);
  }

  private pick(): number {
    const count = this.options.replicas.length;
    for (let i = 0; i < count; i++) {
      const replica = this.next++ % count;
      if (!this.out.has(replica)) return replica;
    }
    throw new Error("every replica was removed from the rotation");
  }

  private async post(url: string, update: object, timeoutMs: number): Promise<number | "error" | "timeout"> {
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": this.options.secret },
        body: JSON.stringify(update),
        signal: AbortSignal.timeout(timeoutMs),
      });
      await response.arrayBuffer();
      return response.status;
    } catch (error) {
      return error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError") ? "timeout" : "error";
    }
  }
}
