import { Link, useLocation } from "wouter";
import { single } from "../api";
import { BROWSABLE } from "../browsable";
import { QuickForm } from "../ui/quick-form";
import { SETTINGS_FORMS } from "./settings/index";
import { formatDate, ResourceList, type Column } from "../ui/list";


type Row = { id: string } & Record<string, unknown>;
const SKIP = new Set(["id", "created_at", "updated_at", "deleted_at", "metadata", "object"]);

function cell(value: unknown): string {
  if (value === null || value === undefined || value === "") return "–";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "string" && /^\d{4}-\d\d-\d\dT/.test(value)) return formatDate(value);
  return String(value);
}

/** Up to five text, number or yes/no fields of the first row, then its date. */
function columnsOf(rows: Row[]): Column<Row>[] {
  const first = rows[0] ?? {};
  const keys = Object.keys(first).filter((k) => !SKIP.has(k) && ["string", "number", "boolean"].includes(typeof first[k])).slice(0, 5);
  if (!keys.length) keys.push("id");
  return [...keys.map((k) => ({ label: k.replace(/_/g, " "), cell: (r: Row) => cell(r[k]) })), { label: "created", cell: (r: Row) => cell(r.created_at) }];
}

/** Any listed Admin API resource, its columns taken from what the API answers. */
export default function Browse({ name }: { name: string }) {
  const resource = BROWSABLE.find((b) => b.name === name);
  const [, navigate] = useLocation();
  if (!resource) return <h1>Nothing called {name}</h1>;
  const create = SETTINGS_FORMS[name]?.create;
  return (
    <>
      <p>
        <Link href="/settings">← Settings</Link>
      </p>
      <h1>{resource.label}</h1>
      {create && (
        <QuickForm
          key={name}
          title={create.title}
          path={`/admin/${name}`}
          invalidate={`/admin/${name}`}
          fields={create.fields}
          toBody={create.toBody}
          onDone={(answer) => navigate(`/browse/${name}/${single(answer).id}`)}
        />
      )}
      <ResourceList<Row>
        key={name}
        label={resource.label}
        path={`/admin/${name}`}
        listKey={resource.key}
        columns={columnsOf}
        search={false}
        rowHref={resource.detail ? (r) => `/browse/${name}/${r.id}` : undefined}
      />
    </>
  );
}
