/** `/flags/indicators/:code`: one red-flag indicator explained: definition, method, risk, settings. */
import { flagsApi } from "../api-flags.ts";
import { FlagsNotice, FlagsStyles } from "../components/FlagsExplain.tsx";
import { Facts } from "../components/Facts.tsx";
import { ErrorPanel, Loading } from "../components/Status.tsx";
import { Link } from "../router.tsx";
import { useApi } from "../useApi.ts";
import { usePageTitle } from "./title.ts";

export function FlagsIndicatorPage({ code }: { code: string }) {
  const { data, error, loading } = useApi(() => flagsApi.indicator(code), `flag-indicator-${code}`);
  usePageTitle(data ? `${data.indicator.code} ${data.indicator.name}` : "Red-flag indicator");
  if (error) return <ErrorPanel error={error} />;
  if (loading || !data) return <Loading what="Loading the indicator" />;
  const m = data.indicator;
  return (
    <>
      <FlagsStyles />
      <p className="breadcrumb">
        <Link to="/flags">Red flags</Link>
      </p>
      <h1>
        {m.code} {m.name}
      </h1>
      <p className="lead">{m.definition}</p>
      <FlagsNotice />
      <Facts
        label={`${m.code} explained`}
        facts={[
          { label: "How it is calculated", value: m.methodology },
          { label: "Why it is a risk", value: m.risk },
          { label: "What the value means", value: m.output },
          { label: "Flags", value: m.groups.join(", ") },
          {
            label: "Settings read",
            value: m.settings.length ? m.settings.map((s) => <code key={s}>{`${s} `}</code>) : "none",
          },
        ]}
      />
    </>
  );
}
