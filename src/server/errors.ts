/**
 * The one application error. Services throw it with a message written for people; the tRPC layer maps
 * `code` to its own codes and HTTP statuses in one place.
 */
/**
 * The one map from an application error to its HTTP status. The codes are tRPC's own, so tRPC answers
 * with the same status; routes outside tRPC (uploads, files) read this map.
 */
export const APP_ERROR_STATUS = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_MANY_REQUESTS: 429,
} as const;

export type AppErrorCode = keyof typeof APP_ERROR_STATUS;

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    /** The form field the message belongs next to, when there is one. */
    readonly field?: string,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const notFound = (what = "That page") => new AppError("NOT_FOUND", `${what} was not found.`);
