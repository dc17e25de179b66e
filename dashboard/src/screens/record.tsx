import { useQuery } from "@tanstack/react-query";
import { Link } from "wouter";
import { api, single } from "../api";
import { FormError } from "../ui/form";
import { QuickForm, type QuickField } from "../ui/quick-form";

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "–";
  if (typeof value === "object") return JSON.stringify(value, null, 1);
  return String(value);
}

/** What of a record its screen lets the admin change: the fields, their values from the record, and the update body. */
export interface RecordEdit {
  fields: QuickField[];
  values: (record: any) => Record<string, string>;
  toBody: (values: Record<string, string>, record: any) => unknown;
}

/** Any record of the Admin API, field by field (customers, regions, shipping options, discounts), with an edit form when given one. */
export default function RecordView({ title, path, back, edit }: { title: string; path: string; back: string; edit?: RecordEdit }) {
  const record = useQuery({ queryKey: [path], queryFn: async () => single(await api(path)) });
  if (record.error) return <FormError error={record.error} />;
  if (!record.data) return <p className="loading">Loading…</p>;
  const data = record.data as Record<string, unknown>;
  return (
    <>
      <p>
        <Link href={back}>← Back</Link>
      </p>
      <h1>
        {title} {show(data.name ?? data.code ?? data.email ?? data.id)}
      </h1>
      {edit && (
        <QuickForm
          key={String(data.id ?? path)}
          title={`Edit ${title.toLowerCase()}`}
          path={path}
          fields={edit.fields}
          values={edit.values(data)}
          toBody={(values) => edit.toBody(values, data)}
          invalidate={path}
        />
      )}
      <dl className="record card">
        {Object.entries(data).map(([key, value]) => (
          <div key={key}>
            <dt>{key}</dt>
            <dd>{typeof value === "object" && value !== null ? <pre>{show(value)}</pre> : show(value)}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}
