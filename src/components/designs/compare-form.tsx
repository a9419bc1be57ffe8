"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { POST_ONLY } from "~/components/forms/post-only";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { Select } from "~/components/ui/input";

/** Two revisions to compare; opens the comparison page for them. */
export function CompareForm({ base, numbers, from, to }: { base: string; numbers: number[]; from: number; to: number }) {
  const router = useRouter();
  const [a, setA] = useState(String(from));
  const [b, setB] = useState(String(to));
  const same = a === b;
  return (
    <form
      {...POST_ONLY}
      className="flex flex-wrap items-end gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        if (!same) router.push(`${base}?from=${a}&to=${b}`);
      }}
    >
      <Field label="From" error={same ? "Choose two different revisions." : undefined}>
        <Select value={a} onChange={(e) => setA(e.target.value)}>
          {numbers.map((n) => (
            <option key={n} value={n}>
              Revision {n}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="To">
        <Select value={b} onChange={(e) => setB(e.target.value)}>
          {numbers.map((n) => (
            <option key={n} value={n}>
              Revision {n}
            </option>
          ))}
        </Select>
      </Field>
      <Button type="submit" variant="secondary" disabled={same}>
        Compare
      </Button>
    </form>
  );
}
