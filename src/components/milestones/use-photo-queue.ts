"use client";

import { useEffect, useRef, useState } from "react";
import { uploadFile } from "~/lib/files";
import { MILESTONE_PHOTOS_MAX } from "~/lib/milestone-schemas";
import { compressPhoto } from "./compress-photo";

export type QueuedPhoto = { key: string; file: File; preview: string; fileId: string | null };

/**
 * Work-in-progress photos waiting to go with a milestone report: shrunk in the browser as they are added,
 * uploaded when the report is sent, and each remembered once uploaded, so trying again after a dropped
 * connection sends only what did not arrive.
 */
export function usePhotoQueue(orgId: string) {
  const [photos, setPhotos] = useState<QueuedPhoto[]>([]);
  const [preparing, setPreparing] = useState(false);
  const all = useRef(photos);
  useEffect(() => {
    all.current = photos;
  }, [photos]);
  useEffect(() => () => all.current.forEach((p) => URL.revokeObjectURL(p.preview)), []);

  const add = async (files: FileList | null) => {
    if (!files || files.length === 0) return;
    setPreparing(true);
    try {
      const added: QueuedPhoto[] = [];
      for (const file of Array.from(files)) {
        const small = await compressPhoto(file);
        added.push({ key: `${file.name}-${file.lastModified}-${Math.random()}`, file: small, preview: URL.createObjectURL(small), fileId: null });
      }
      setPhotos((p) => [...p, ...added].slice(0, MILESTONE_PHOTOS_MAX));
    } finally {
      setPreparing(false);
    }
  };

  const remove = (key: string) =>
    setPhotos((list) => {
      const gone = list.find((p) => p.key === key);
      if (gone) URL.revokeObjectURL(gone.preview);
      return list.filter((p) => p.key !== key);
    });

  /** Uploads what is not uploaded yet and returns every photo's file id, in order; throws on a failure. */
  const upload = async (): Promise<string[]> => {
    const ids: string[] = [];
    for (const p of all.current) {
      if (p.fileId) {
        ids.push(p.fileId);
        continue;
      }
      const result = await uploadFile({ orgId, purpose: "milestone_photo", file: p.file });
      ids.push(result.id);
      setPhotos((list) => list.map((x) => (x.key === p.key ? { ...x, fileId: result.id } : x)));
    }
    return ids;
  };

  const clear = () =>
    setPhotos((list) => {
      list.forEach((p) => URL.revokeObjectURL(p.preview));
      return [];
    });

  return { photos, preparing, add, remove, upload, clear };
}
