/** What an uploaded file is for; who may read it follows from this and the record that uses it. */
export const FILE_PURPOSES = ["artisan_photo", "portfolio_photo", "sample_request_attachment", "design_attachment", "collection_style_file", "rfq_attachment", "quote_attachment", "rfq_message_attachment", "milestone_photo", "preorder_image"] as const;
export type FilePurpose = (typeof FILE_PURPOSES)[number];

export const FILE_VARIANTS = ["thumb", "display", "original"] as const;
export type FileVariantName = (typeof FILE_VARIANTS)[number];

/** The largest upload accepted, images and PDFs alike. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
export const MAX_IMAGE_BYTES = MAX_UPLOAD_BYTES;
export const MAX_UPLOAD_LABEL = "10 MB";

/** Photos a portfolio piece may carry. */
export const MAX_PORTFOLIO_PHOTOS = 8;

/** Resized widths (at most) of image variants, in pixels. */
export const VARIANT_WIDTHS = { thumb: 320, display: 1280 } as const;

export const IMAGE_CONTENT_TYPES = ["image/jpeg", "image/png", "image/webp"] as const;

/** Purposes that also accept PDF documents besides images. */
export function acceptsPdf(purpose: FilePurpose): boolean {
  return purpose === "sample_request_attachment" || purpose === "design_attachment" || purpose === "collection_style_file" || purpose === "rfq_attachment" || purpose === "quote_attachment" || purpose === "rfq_message_attachment";
}

/**
 * Purposes that also accept CAD and drawing files (`.3dm .stl .step .stp .obj .glb .dxf`). These have no
 * image magic: they are accepted by their name's ending and a check of their content where the format has
 * one (see `sniffModel` in services/files.ts). The 10 MB limit holds for them too.
 */
export function acceptsCad(purpose: FilePurpose): boolean {
  return purpose === "design_attachment";
}

/** CAD and drawing endings accepted for design attachments (lower case, with the dot). */
export const CAD_FILE_EXTENSIONS = [".3dm", ".stl", ".step", ".stp", ".obj", ".glb", ".dxf"] as const;

/** The `accept` attribute of a file input for a purpose; a hint for the picker, the server checks content. */
export function acceptAttribute(purpose: FilePurpose): string {
  const images = ".jpg,.jpeg,.png,.webp,image/jpeg,image/png,image/webp";
  if (acceptsCad(purpose)) return `${images},.pdf,application/pdf,${CAD_FILE_EXTENSIONS.join(",")}`;
  return acceptsPdf(purpose) ? `${images},.pdf,application/pdf` : images;
}

/** Where a page loads a file (or one of its resized variants) from. */
export function fileUrl(id: string, variant: FileVariantName = "original"): string {
  return variant === "original" ? `/api/files/${id}` : `/api/files/${id}?variant=${variant}`;
}

export type UploadResult = {
  id: string;
  url: string;
  /** Null for files that are not images (PDF). */
  thumbUrl: string | null;
  width: number | null;
  height: number | null;
  name: string;
  contentType: string;
};

export class UploadError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = "UploadError";
  }
}

/**
 * Sends one file to /api/uploads from the browser. XMLHttpRequest rather than fetch, because only it
 * reports upload progress. Rejects with an UploadError carrying the server's message.
 */
export function uploadFile(input: {
  orgId: string;
  purpose: FilePurpose;
  subjectId?: string;
  file: File;
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}): Promise<UploadResult> {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    form.set("orgId", input.orgId);
    form.set("purpose", input.purpose);
    if (input.subjectId) form.set("subjectId", input.subjectId);
    form.set("file", input.file);

    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/uploads");
    xhr.responseType = "json";
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) input.onProgress?.(e.loaded / e.total);
    };
    xhr.onload = () => {
      const body = xhr.response as (UploadResult & { error?: string }) | null;
      if (xhr.status >= 200 && xhr.status < 300 && body?.id) resolve(body);
      else reject(new UploadError(body?.error ?? `The upload failed (${xhr.status}). Try again.`, xhr.status));
    };
    xhr.onerror = () => reject(new UploadError("The upload was interrupted. Check your connection and try again.", 0));
    xhr.onabort = () => reject(new UploadError("The upload was cancelled.", 0));
    input.signal?.addEventListener("abort", () => xhr.abort(), { once: true });
    xhr.send(form);
  });
}
