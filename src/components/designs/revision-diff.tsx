import { Minus, Plus, RefreshCw } from "lucide-react";
import { Badge } from "~/components/ui/badge";
import { attachmentKindLabel, type FieldChange, type ItemChange, type RevisionDiff } from "~/lib/design-diff";

/**
 * The changes between two revisions, grouped as a reader scans them: fields, metals, stones, sizes,
 * files. Each change says before and after in words; additions and removals carry a sign as well as a
 * colour so they read without colour too.
 */
export function RevisionDiffView({ diff, beforeLabel, afterLabel }: { diff: RevisionDiff; beforeLabel: string; afterLabel: string }) {
  if (diff.same) {
    return (
      <p className="rounded-lg border border-line bg-sunken px-4 py-3 text-sm text-ink-muted" role="status">
        {beforeLabel} and {afterLabel} hold the same spec and files.
      </p>
    );
  }
  const { sizes, files } = diff;
  const sizesChanged = sizes.systemBefore !== null || sizes.added.length > 0 || sizes.removed.length > 0;
  const filesChanged = files.added.length + files.removed.length + files.rekinded.length > 0;
  return (
    <div className="space-y-6" aria-label={`Changes from ${beforeLabel} to ${afterLabel}`}>
      {diff.fields.length > 0 && (
        <Section title="Spec">
          <FieldTable changes={diff.fields} beforeLabel={beforeLabel} afterLabel={afterLabel} />
        </Section>
      )}
      {diff.metals.length > 0 && (
        <Section title="Metal options">
          <ItemList items={diff.metals} beforeLabel={beforeLabel} afterLabel={afterLabel} />
        </Section>
      )}
      {diff.gemstones.length > 0 && (
        <Section title="Gemstones">
          <ItemList items={diff.gemstones} beforeLabel={beforeLabel} afterLabel={afterLabel} />
        </Section>
      )}
      {sizesChanged && (
        <Section title="Sizes">
          <div className="space-y-2 text-sm">
            {sizes.systemBefore !== null && (
              <p>
                Size system: <del className="text-ink-muted">{sizes.systemBefore}</del> → <ins className="no-underline font-medium">{sizes.systemAfter}</ins>
              </p>
            )}
            {sizes.added.length > 0 && <SizeLine sign="added" sizes={sizes.added} />}
            {sizes.removed.length > 0 && <SizeLine sign="removed" sizes={sizes.removed} />}
          </div>
        </Section>
      )}
      {filesChanged && (
        <Section title="Files">
          <ul className="space-y-1.5 text-sm">
            {files.added.map((f) => (
              <li key={`a-${f.fileId}`} className="flex flex-wrap items-center gap-2">
                <ChangeBadge change="added" /> <span className="break-all">{f.name}</span>
                <span className="text-ink-muted">({attachmentKindLabel(f.kind)})</span>
              </li>
            ))}
            {files.removed.map((f) => (
              <li key={`r-${f.fileId}`} className="flex flex-wrap items-center gap-2">
                <ChangeBadge change="removed" /> <span className="break-all line-through decoration-1">{f.name}</span>
                <span className="text-ink-muted">({attachmentKindLabel(f.kind)})</span>
              </li>
            ))}
            {files.rekinded.map(({ file, before }) => (
              <li key={`k-${file.fileId}`} className="flex flex-wrap items-center gap-2">
                <ChangeBadge change="changed" /> <span className="break-all">{file.name}</span>
                <span className="text-ink-muted">
                  {attachmentKindLabel(before)} → {attachmentKindLabel(file.kind)}
                </span>
              </li>
            ))}
          </ul>
        </Section>
      )}
    </div>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section>
      <h3 className="mb-2 text-sm font-semibold text-ink">{title}</h3>
      {children}
    </section>
  );
}

const CHANGE_LABEL = { added: "Added", removed: "Removed", changed: "Changed" } as const;

function ChangeBadge({ change }: { change: ItemChange["change"] }) {
  const tone = change === "added" ? "success" : change === "removed" ? "danger" : "info";
  const Icon = change === "added" ? Plus : change === "removed" ? Minus : RefreshCw;
  return (
    <Badge tone={tone}>
      <Icon aria-hidden className="size-3" />
      {CHANGE_LABEL[change]}
    </Badge>
  );
}

function FieldTable({ changes, beforeLabel, afterLabel }: { changes: FieldChange[]; beforeLabel: string; afterLabel: string }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-line">
      <table className="w-full min-w-[28rem] text-left text-sm">
        <thead className="bg-sunken text-xs text-ink-muted">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">
              Field
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              {beforeLabel}
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              {afterLabel}
            </th>
          </tr>
        </thead>
        <tbody>
          {changes.map((c) => (
            <tr key={c.field} className="border-t border-line align-top">
              <th scope="row" className="px-3 py-2 font-medium">
                {c.label}
              </th>
              <td className="whitespace-pre-wrap break-words px-3 py-2 text-ink-muted">{c.before}</td>
              <td className="whitespace-pre-wrap break-words px-3 py-2">{c.after}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ItemList({ items, beforeLabel, afterLabel }: { items: ItemChange[]; beforeLabel: string; afterLabel: string }) {
  return (
    <ul className="space-y-3">
      {items.map((item) => (
        <li key={item.id} className="space-y-2">
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <ChangeBadge change={item.change} />
            <span className={item.change === "removed" ? "line-through decoration-1" : undefined}>{item.label}</span>
          </div>
          {item.fields.length > 0 && <FieldTable changes={item.fields} beforeLabel={beforeLabel} afterLabel={afterLabel} />}
        </li>
      ))}
    </ul>
  );
}

function SizeLine({ sign, sizes }: { sign: "added" | "removed"; sizes: string[] }) {
  return (
    <p className="flex flex-wrap items-center gap-2">
      <ChangeBadge change={sign} />
      {sizes.map((s) => (
        <span key={s} className={`rounded border border-line px-1.5 py-0.5 tabular-nums ${sign === "removed" ? "line-through decoration-1" : ""}`}>
          {s}
        </span>
      ))}
    </p>
  );
}
