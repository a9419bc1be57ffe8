import "server-only";
import { env } from "~/env";
import { LocalStorage } from "./local";
import { S3Storage } from "./s3";

export { assertSafeKey, isSafeKey } from "./keys";

export type StoredObject = { body: Buffer | ReadableStream<Uint8Array>; contentType?: string };

/**
 * Where uploaded bytes live. One interface for local disk (development, single server) and S3-compatible
 * object storage (production, several app servers); the database row says who may read a key.
 */
export interface Storage {
  put(key: string, bytes: Buffer, contentType: string): Promise<void>;
  /** Null when nothing is stored under the key. */
  get(key: string): Promise<StoredObject | null>;
  /** Removing a key that does not exist is not an error. */
  delete(key: string): Promise<void>;
}

export function createStorage(): Storage {
  if (env.S3_BUCKET) {
    return new S3Storage({
      bucket: env.S3_BUCKET,
      region: env.S3_REGION,
      endpoint: env.S3_ENDPOINT,
      forcePathStyle: env.S3_FORCE_PATH_STYLE ?? false,
      credentials:
        env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY
          ? { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY }
          : undefined,
    });
  }
  return new LocalStorage(env.UPLOADS_DIR);
}

let storage: Storage | undefined;

/** The app's storage, chosen once from the environment. */
export function getStorage(): Storage {
  storage ??= createStorage();
  return storage;
}
