/**
 * An update that must not be handled now and must not be lost either: another replica is handling
 * it, or a shared service it needs (Redis, PostgreSQL) is out of reach. The webhook answers it with
 * 503, and Telegram delivers the update again later; the features' error boundary lets it through.
 */
export class RetryLaterError extends Error {
  constructor(
    message: string,
    /** Why, for the log: "busy" (another replica has it) or "unavailable" (a service is down). */
    readonly reason: "busy" | "unavailable",
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "RetryLaterError";
  }
}

/** Runs a call to a shared service, turning its failure into a RetryLaterError (the update is retried, not dropped). */
export async function orRetryLater<T>(service: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof RetryLaterError) throw error;
    throw new RetryLaterError(`${service} is unavailable: ${error instanceof Error ? error.message : String(error)}`, "unavailable", { cause: error });
  }
}
