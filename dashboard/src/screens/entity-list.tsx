import { Link } from "wouter";
import { useEntities } from "../entities";
import { FormError } from "../ui/form";
import { formatDate, ResourceList, type Column } from "../ui/list";

type Row = { id: string } & Record<string, unknown>;

function cell(value: unknown): string {
  if (value === null || value === undefined) return "–";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "string" && /^\d{4}-\d\d-\d\dT/.test(value)) return formatDate(value);
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

/** The list of a project entity, its columns from its create schema (`GET /admin/dashboard/schema`). */
export default function EntityList({ name }: { name: string }) {
  const entities = useEntities();
  if (entities.error) return <FormError error={entities.error} />;
  if (!entities.data) return <p className="loading">Loading…</p>;
  const entity = entities.data.find((e) => e.name === name);
  if (!entity) return <h1>No entity {name}</h1>;
  const fields = Object.keys(entity.schema.properties ?? {}).slice(0, 6);
  const columns: Column<Row>[] = [
    ...fields.map((f) => ({ label: f.replace(/_/g, " "), cell: (r: Row) => cell(r[f]) })),
    { label: "created", cell: (r: Row) => cell(r.created_at) },
  ];
  if (!fields.length) columns.unshift({ label: "id", cell: (r: Row) => r.id });
  return (
    <>
      <div className="page-head">
        <h1>{entity.label}</h1>
        <Link href={`/entities/${name}/new`} className="button primary">
          New {entity.label.toLowerCase().replace(/s$/, "")}
        </Link>
      </div>
      <ResourceList<Row> label={entity.label} path={entity.path} listKey={entity.list_key} columns={columns} search={false} rowHref={(r) => `/entities/${name}/${r.id}`} />
    </>
  );
}
