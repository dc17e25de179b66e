import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Link, useLocation } from "wouter";
import { api, single } from "../api";
import { FormError } from "../ui/form";
import { QuickForm, type QuickField } from "../ui/quick-form";
import { useCustomFields } from "../entities";
import { bodyOf, labelOf, propertiesOf, valuesOf, type SchemaProperty } from "../ui/schema-field";

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

/** An edit form with an input per custom field of the record's entity (config `customFields`) after its own. */
function withCustomFields(edit: RecordEdit | undefined, properties: SchemaProperty[]): RecordEdit | undefined {
  if (!edit || !properties.length) return edit;
  const fields: QuickField[] = properties.map((p) => ({
    name: p.key,
    label: labelOf(p.key) + (p.required ? "" : " (optional)"),
    type: p.kind === "enum" ? "select" : p.kind === "boolean" ? "checkbox" : "text",
    options: p.kind === "enum" ? [...(p.required ? [] : [""]), ...(p.schema.enum ?? []).map(String)] : undefined,
    hint: p.kind === "date" ? "ISO 8601, such as 2026-03-01T12:00:00Z" : p.kind === "json" ? "JSON" : undefined,
  }));
  return {
    fields: [...edit.fields, ...fields],
    values: (record) => ({ ...edit.values(record), ...valuesOf(properties, record) }),
    toBody: (values, record) => ({ ...(edit.toBody(values, record) as object), ...bodyOf(properties, values, true) }),
  };
}

/**
 * Any record of the Admin API, field by field (customers, regions, shipping options, discounts, the
 * settings' resources), with an edit form, a Delete button (`DELETE path`, then back to the list) and
 * more panels (`extra`) when given them.
 */
export default function RecordView(props: {
  title: string;
  path: string;
  back: string;
  edit?: RecordEdit;
  /** The entity's name in `customFields` (`customer`, `region`…): its custom fields join the edit form. */
  customFields?: string;
  deletable?: boolean;
  extra?: (record: any) => ReactNode;
}) {
  const { title, path, back } = props;
  const custom = useCustomFields();
  const edit = withCustomFields(props.edit, props.customFields ? propertiesOf(custom.data?.[props.customFields]) : []);
  const client = useQueryClient();
  const [, navigate] = useLocation();
  const record = useQuery({ queryKey: [path], queryFn: async () => single(await api(path)) });
  const remove = useMutation({
    mutationFn: () => api(path, { method: "DELETE" }),
    onSuccess: () => {
      client.removeQueries({ queryKey: [path] });
      void client.invalidateQueries({ queryKey: [back.replace(/^\/browse\//, "/admin/")] });
      navigate(back);
    },
  });
  if (record.error) return <FormError error={record.error} />;
  if (!record.data || (props.customFields && custom.isPending)) return <p className="loading">Loading…</p>;
  const data = record.data as Record<string, unknown>;
  return (
    <>
      <p>
        <Link href={back}>← Back</Link>
      </p>
      <h1>
        {title} {show(data.name ?? data.title ?? data.code ?? data.email ?? data.id)}
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
      {props.extra?.(data)}
      {props.deletable && (
        <div className="actions">
          <FormError error={remove.error} />
          <button type="button" className="danger" disabled={remove.isPending} onClick={() => window.confirm(`Delete this ${title.toLowerCase()}?`) && remove.mutate()}>
            Delete {title.toLowerCase()}
          </button>
        </div>
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
