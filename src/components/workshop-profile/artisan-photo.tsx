import { UserRound } from "lucide-react";
import { fileUrl } from "~/lib/files";

/** An artisan's round portrait, or their initial when there is no photo. */
export function ArtisanPhoto({ fileId, name, className = "size-14" }: { fileId: string | null; name: string; className?: string }) {
  if (!fileId) {
    return (
      <span aria-hidden className={`flex shrink-0 items-center justify-center rounded-full bg-brass-50 font-medium text-brass-700 ${className}`}>
        {name.trim().charAt(0).toUpperCase() || <UserRound className="size-5" />}
      </span>
    );
  }
  // A plain img: /api/files checks access itself, and the image optimizer would not forward the session.
  return <img src={fileUrl(fileId, "thumb")} alt="" className={`shrink-0 rounded-full bg-sunken object-cover ${className}`} loading="lazy" />;
}
