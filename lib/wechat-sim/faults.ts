import { z } from "zod";

const rate = z.number().min(0).max(1).default(0);

/**
 * Injected faults. Rates are probabilities per request (0–1). quotaRate, errorRate5xx, busyRate and timeoutRate apply
 * to template sends; slowMs to every API answer; duplicateCallbacks to every delivery to the app's callback.
 */
export const FaultsSchema = z.object({
  /** Answer 45009 (daily quota reached). */
  quotaRate: rate,
  /** Answer HTTP 503 before doing anything. */
  errorRate5xx: rate,
  /** Answer errcode -1 (system busy) before doing anything. */
  busyRate: rate,
  /**
   * Do the work, then never answer (the client times out). The nasty case on purpose: the message was sent, so only
   * client_msg_id keeps the client's retry from sending it twice.
   */
  timeoutRate: rate,
  /** Delay every API answer by this much. */
  slowMs: z.number().int().min(0).max(60_000).default(0),
  /** Deliver a callback twice, concurrently, as WeChat does when it retries a delivery. */
  duplicateCallbacks: rate,
});

export type SimFaults = z.infer<typeof FaultsSchema>;

export const FaultsInputSchema = FaultsSchema.partial().extend({
  /** An action, not a state: every access_token issued so far expires now (API calls answer 42001). */
  expireTokens: z.boolean().optional(),
});

export type SimFaultsInput = z.input<typeof FaultsInputSchema>;

export const NO_FAULTS: SimFaults = FaultsSchema.parse({});
