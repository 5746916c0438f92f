import type { Redis } from "ioredis";
import type { Pool } from "./postgres.js";

export interface Readiness {
  ready: boolean;
  draining: boolean;
  redis: boolean;
  postgres: boolean;
}

export interface FleetHealth {
  /** Whether both services answered their last check: while not, updates are answered 503. */
  servicesUp(): boolean;
  /** The body of /readyz; `ready` false while draining or while a service is down. */
  readiness(): Readiness;
  /** Shutdown has begun: /readyz fails from now on so the load balancer sends no more. */
  drain(): void;
  stop(): void;
}

/**
 * Pings Redis and PostgreSQL every `periodMs` and keeps the answers, so /readyz and the update gate
 * cost nothing per request. A service that fails is checked again on the next period and counts as
 * up as soon as it answers.
 */
export function startHealthChecks(redis: Redis, pool: Pool, periodMs = 1_000): FleetHealth {
  let redisUp = true;
  let postgresUp = true;
  let draining = false;
  const check = async (): Promise<void> => {
    [redisUp, postgresUp] = await Promise.all([
      redis.ping().then(
        () => true,
        () => false,
      ),
      pool.query("SELECT 1").then(
        () => true,
        () => false,
      ),
    ]);
  };
  const timer = setInterval(() => void check(), periodMs);
  timer.unref();
  void check();
  return {
    servicesUp: () => redisUp && postgresUp,
    readiness: () => ({ ready: !draining && redisUp && postgresUp, draining, redis: redisUp, postgres: postgresUp }),
    drain() {
      draining = true;
    },
    stop: () => clearInterval(timer),
  };
}
