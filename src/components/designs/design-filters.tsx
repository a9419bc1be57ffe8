"use client";

import { Search } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { POST_ONLY } from "~/components/forms/post-only";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { Input, Select } from "~/components/ui/input";
import { DESIGN_REVISION_STATUS_LABELS, DESIGN_REVISION_STATUSES, DESIGN_SORT_LABELS, DESIGN_SORTS } from "~/lib/design-schemas";
import { DESIGN_CATEGORIES } from "~/lib/design-spec";

type Params = { q: string; collection: string; category: string; status: string; sort: string };

/** Search, filters and sort of the design list; each lives in the URL, so a filtered list can be shared. */
export function DesignFilters({ base, params, collections }: { base: string; params: Params; collections: { id: string; name: string }[] }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const go = (form: HTMLFormElement) => {
    const data = new FormData(form);
    const q = new URLSearchParams();
    for (const key of ["q", "collection", "category", "status", "sort"] as const) {
      const raw = data.get(key);
      const v = typeof raw === "string" ? raw.trim() : "";
      if (v && !(key === "sort" && v === "updated")) q.set(key, v);
    }
    const s = q.toString();
    startTransition(() => router.push(s ? `${base}?${s}` : base));
  };
  return (
    <form
      {...POST_ONLY}
      key={JSON.stringify(params)}
      role="search"
      aria-label="Search designs"
      className="mb-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-[1fr_auto_auto_auto_auto]"
      onSubmit={(e) => {
        e.preventDefault();
        go(e.currentTarget);
      }}
      onChange={(e) => {
        if ((e.target as HTMLElement).tagName === "SELECT") go(e.currentTarget);
      }}
    >
      <Field label="Search">
        <Input type="search" name="q" defaultValue={params.q} placeholder="SKU or name" autoComplete="off" />
      </Field>
      <Field label="Collection">
        <Select name="collection" defaultValue={params.collection}>
          <option value="">All collections</option>
          {collections.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Category">
        <Select name="category" defaultValue={params.category}>
          <option value="">All categories</option>
          {DESIGN_CATEGORIES.keys.map((k) => (
            <option key={k} value={k}>
              {DESIGN_CATEGORIES.labels[k]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Status">
        <Select name="status" defaultValue={params.status}>
          <option value="">Any status</option>
          {DESIGN_REVISION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {s === "draft" ? "Draft in progress" : `${DESIGN_REVISION_STATUS_LABELS[s]}, no draft open`}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Sort">
        <Select name="sort" defaultValue={params.sort || "updated"}>
          {DESIGN_SORTS.map((s) => (
            <option key={s} value={s}>
              {DESIGN_SORT_LABELS[s]}
            </option>
          ))}
        </Select>
      </Field>
      <div className="sm:col-span-2 lg:col-span-5">
        <Button type="submit" variant="secondary" size="sm" loading={pending}>
          <Search aria-hidden /> Search
        </Button>
      </div>
    </form>
  );
}
