"use client";

import { Pencil } from "lucide-react";
import { useState } from "react";
import { Button } from "~/components/ui/button";
import { CollectionForm } from "./collection-form";

type Initial = { name: string; season: string; description: string; priceMin: string; priceMax: string; currency: string };

/** The collection's details with an "Edit" that turns them into the form in place. */
export function CollectionDetails({ orgId, slug, collectionId, initial, canEdit, children }: { orgId: string; slug: string; collectionId: string; initial: Initial; canEdit: boolean; children: React.ReactNode }) {
  const [editing, setEditing] = useState(false);
  if (editing) return <CollectionForm orgId={orgId} slug={slug} collectionId={collectionId} initial={initial} onDone={() => setEditing(false)} />;
  return (
    <div className="flex flex-col gap-3">
      {children}
      {canEdit && (
        <div>
          <Button variant="secondary" size="sm" onClick={() => setEditing(true)}>
            <Pencil aria-hidden /> Edit details
          </Button>
        </div>
      )}
    </div>
  );
}
