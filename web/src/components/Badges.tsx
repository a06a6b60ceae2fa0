/** Small status badges: core / non-core, unpublished (seen by staff only), warnings. */
import type { ReactNode } from "react";

export function ClassificationBadge({ classification }: { classification: "core" | "non-core" }) {
  return (
    <span className={`tag ${classification === "core" ? "tag--core" : "tag--noncore"}`}>
      {classification === "core" ? "Core" : "Non-core"}
    </span>
  );
}

/** Staff see unpublished records; this says so on each one. */
export function UnpublishedTag({ published }: { published: boolean }) {
  return published ? null : (
    <span className="tag tag--unpublished" title="Not published: only signed-in staff can see this">
      Unpublished
    </span>
  );
}

export function WarningBadge({ children, title }: { children: ReactNode; title?: string }) {
  return (
    <span className="tag tag--warning" title={title}>
      <span aria-hidden="true">⚠ </span>
      {children}
    </span>
  );
}
