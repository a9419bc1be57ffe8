/** The request header in which src/proxy.ts passes a page's path (and query) on to layouts. */
export const PATH_HEADER = "x-bezel-path";

/**
 * The same page under an organization's new address: `path` with its first `prefix` replaced by `target`.
 * Falls back to `target` alone when the path is missing or is not under `prefix` (the header is only
 * advisory), and never yields anything but a path on this site.
 */
export function renamedPath(path: string | null, prefix: string, target: string): string {
  if (path && path.startsWith("/") && !path.startsWith("//") && !path.includes("\\")) {
    const rest = path.slice(prefix.length);
    if (path.startsWith(prefix) && (rest === "" || rest.startsWith("/") || rest.startsWith("?"))) return `${target}${rest}`;
  }
  return target;
}
