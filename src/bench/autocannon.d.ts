// autocannon ships no types; this covers the part of its programmatic API the benchmark uses.
declare module "autocannon" {
  import type { EventEmitter } from "node:events";

  type AutocannonRequest = { method?: string; path?: string; headers?: Record<string, string>; setupRequest?: (req: AutocannonRequest, context: object) => AutocannonRequest };
  type Options = { url: string; connections?: number; duration?: number; amount?: number; timeout?: number; requests?: AutocannonRequest[] };
  type Histogram = { average: number; p50: number; p90: number; p97_5: number; p99: number; max: number };
  export type Result = {
    latency: Histogram;
    requests: { average: number; total: number };
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
  };
  type Instance = EventEmitter & PromiseLike<Result> & { stop(): void };

  function autocannon(opts: Options): Instance;
  export default autocannon;
}
