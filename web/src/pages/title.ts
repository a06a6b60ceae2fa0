/** Sets the browser tab's title for a page. */
import { useEffect } from "react";

export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · nous` : "nous";
  }, [title]);
}
