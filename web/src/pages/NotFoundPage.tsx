/** Any path the dashboard does not know. */
import { Link } from "../router.tsx";
import { usePageTitle } from "./title.ts";

export function NotFoundPage({ path }: { path: string }) {
  usePageTitle("Page not found");
  return (
    <>
      <h1>Page not found</h1>
      <p>
        There is no page at <code>{path}</code>. Go to the <Link to="/">market-testing pipeline</Link>.
      </p>
    </>
  );
}
