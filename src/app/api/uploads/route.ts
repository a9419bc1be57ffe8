import { z } from "zod";
import { can } from "~/lib/permissions";
import { FILE_PURPOSES, fileUrl, MAX_UPLOAD_BYTES, MAX_UPLOAD_LABEL, type UploadResult } from "~/lib/files";
import { clientIp, getSessionUserId } from "~/server/auth";
import { getDb } from "~/server/db";
import { APP_ERROR_STATUS, AppError } from "~/server/errors";
import { FileTooLargeError, storeUpload } from "~/server/services/files";
import { getMembership } from "~/server/services/organizations";
import { assertStorageRoom, hitRateLimits } from "~/server/services/rate-limit";
import { readCapped } from "~/server/http/body";
import { crossSiteRefusal, isSameOriginRequest } from "~/server/http/origin";

// Room for the multipart boundaries and the other fields around the file itself.
const MAX_BODY_BYTES = MAX_UPLOAD_BYTES + 64 * 1024;

const fieldsSchema = z.object({
  orgId: z.uuid({ error: "Choose the organization to upload for." }),
  purpose: z.enum(FILE_PURPOSES, { error: "Choose what the file is for." }),
});

const fail = (status: number, error: string) => Response.json({ error }, { status, headers: { "Cache-Control": "no-store" } });
const tooLarge = () => fail(413, `The file is larger than ${MAX_UPLOAD_LABEL}.`);

/** POST multipart form-data: orgId, purpose, file; the record that uses the file attaches it when saved. Answers the stored file's URLs. */
export async function POST(req: Request): Promise<Response> {
  if (!isSameOriginRequest(req)) return crossSiteRefusal();
  const userId = await getSessionUserId();
  if (!userId) return fail(401, "Sign in to upload files.");

  const body = await readCapped(req, MAX_BODY_BYTES);
  if (body === "too_large") return tooLarge();
  let form: FormData;
  try {
    form = await new Response(body as BodyInit, { headers: { "content-type": req.headers.get("content-type") ?? "" } }).formData();
  } catch {
    return fail(400, "The upload could not be read. Choose the file again.");
  }

  const parsed = fieldsSchema.safeParse({
    orgId: form.get("orgId") ?? undefined,
    purpose: form.get("purpose") ?? undefined,
  });
  if (!parsed.success) return fail(400, parsed.error.issues[0]?.message ?? "The upload is missing a field.");
  const file = form.get("file");
  if (!(file instanceof File)) return fail(400, "Choose a file to upload.");

  const db = await getDb();
  const access = await getMembership(db, userId, { orgId: parsed.data.orgId });
  if (!access) return fail(404, "Organization was not found.");
  if (!can(access.membership.role, "files.upload")) return fail(403, "Your role does not allow uploading files here.");
  if (file.size > MAX_UPLOAD_BYTES) return fail(413, new FileTooLargeError(file.name).message);

  try {
    await hitRateLimits(db, [
      ["upload.ip", clientIp(req.headers)],
      ["upload.org", access.org.id],
    ]);
    await assertStorageRoom(db, access.org.id, file.size);
    const stored = await storeUpload(db, {
      orgId: access.org.id,
      userId,
      purpose: parsed.data.purpose,
      fileName: file.name,
      bytes: Buffer.from(await file.arrayBuffer()),
    });
    const isImage = stored.width !== null;
    const result: UploadResult = {
      id: stored.id,
      url: fileUrl(stored.id),
      thumbUrl: isImage ? fileUrl(stored.id, "thumb") : null,
      width: stored.width,
      height: stored.height,
      name: stored.originalName,
      contentType: stored.contentType,
    };
    return Response.json(result, { status: 201, headers: { "Cache-Control": "no-store" } });
  } catch (err) {
    if (err instanceof FileTooLargeError) return fail(413, err.message);
    if (err instanceof AppError) return fail(APP_ERROR_STATUS[err.code], err.message);
    console.error("upload failed", err);
    return fail(500, "The file could not be saved. Try again in a moment.");
  }
}
