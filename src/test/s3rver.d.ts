// s3rver ships no types; the test uses this much of it.
declare module "s3rver" {
  import type { AddressInfo } from "node:net";
  type Options = { port?: number; address?: string; silent?: boolean; directory: string; configureBuckets?: { name: string; configs: unknown[] }[] };
  export default class S3rver {
    constructor(options: Options);
    run(): Promise<AddressInfo>;
    close(): Promise<void>;
  }
}
