import ReactMarkdown, { type Components } from "react-markdown";
import { cn } from "~/components/ui/cn";

/**
 * Renders a workshop's story. Markdown only: raw HTML is dropped (`skipHtml`, and no rehype-raw), images
 * are unwrapped to their alt text so a story cannot pull in third-party images, and links leave Bezel
 * with `nofollow`. Only web and mail links stay links: anything else (`javascript:`, `data:`, a bare word,
 * which react-markdown's URL filter empties) becomes its plain text, never a live link to nowhere.
 */
export function isSafeHref(href: string | undefined): href is string {
  return !!href && /^(https?:\/\/|mailto:)/i.test(href.trim());
}

const components: Components = {
  h1: ({ children }) => <h3 className="mt-6 text-lg font-semibold first:mt-0">{children}</h3>,
  h2: ({ children }) => <h3 className="mt-6 text-lg font-semibold first:mt-0">{children}</h3>,
  h3: ({ children }) => <h4 className="mt-5 font-semibold first:mt-0">{children}</h4>,
  h4: ({ children }) => <h4 className="mt-5 font-semibold first:mt-0">{children}</h4>,
  p: ({ children }) => <p className="mt-3 first:mt-0">{children}</p>,
  ul: ({ children }) => <ul className="mt-3 list-disc space-y-1 pl-5 first:mt-0">{children}</ul>,
  ol: ({ children }) => <ol className="mt-3 list-decimal space-y-1 pl-5 first:mt-0">{children}</ol>,
  blockquote: ({ children }) => <blockquote className="mt-3 border-l-2 border-brass-500 pl-4 text-ink-muted italic first:mt-0">{children}</blockquote>,
  a: ({ href, children }) =>
    isSafeHref(href) ? (
      <a href={href} rel="nofollow noopener noreferrer" target="_blank" className="font-medium text-brass-700 underline underline-offset-2">
        {children}
      </a>
    ) : (
      <span>{children}</span>
    ),
  code: ({ children }) => <code className="rounded-sm bg-sunken px-1 py-0.5 font-mono text-[0.9em]">{children}</code>,
  pre: ({ children }) => <pre className="mt-3 overflow-x-auto rounded-md bg-sunken p-3 text-sm first:mt-0">{children}</pre>,
  hr: () => <hr className="my-6 border-line" />,
};

export function Markdown({ children, className }: { children: string; className?: string }) {
  return (
    <div className={cn("leading-relaxed break-words text-ink", className)}>
      <ReactMarkdown skipHtml disallowedElements={["img"]} unwrapDisallowed components={components}>
        {children}
      </ReactMarkdown>
    </div>
  );
}
