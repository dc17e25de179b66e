import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState, type FormEvent } from "react";
import { Link, useLocation } from "wouter";
import { api, single } from "../api";
import { useEntities, type JsonSchema } from "../entities";
import { Field, fieldError, FormError, SelectField, TextField } from "../ui/form";

/** A property's own schema without its `null` alternative, and whether null is allowed. */
function unwrap(schema: JsonSchema): { schema: JsonSchema; nullable: boolean } {
  const options = schema.anyOf;
  if (options) {
    const rest = options.filter((o) => o.type !== "null");
    return { schema: rest[0] ?? {}, nullable: rest.length < options.length };
  }
  if (Array.isArray(schema.type)) {
    const types = schema.type.filter((t) => t !== "null");
    return { schema: { ...schema, type: types[0] }, nullable: types.length < schema.type.length };
  }
  return { schema, nullable: false };
}

function kindOf(schema: JsonSchema): "enum" | "boolean" | "integer" | "number" | "date" | "json" | "text" {
  if (schema.enum) return "enum";
  if (schema.type === "boolean") return "boolean";
  if (schema.type === "integer") return "integer";
  if (schema.type === "number") return "number";
  if (schema.format === "date-time" || schema.format === "date") return "date";
  if (schema.type === "object" || schema.type === "array") return "json";
  return "text";
}

/** A record's value as the form's text. */
function toText(value: unknown, kind: string): string {
  if (value === null || value === undefined) return "";
  if (kind === "json") return JSON.stringify(value);
  if (kind === "boolean") return value ? "true" : "false";
  return String(value);
}

/** The form's text as the API's value; `undefined` leaves the field out. */
function fromText(text: string, kind: string, nullable: boolean, editing: boolean): unknown {
  if (text === "" && kind !== "boolean") return nullable && editing ? null : undefined;
  switch (kind) {
    case "boolean":
      return text === "true";
    case "integer":
    case "number":
      return /^-?\d+(\.\d+)?$/.test(text.trim()) ? Number(text) : text;
    case "json":
      try {
        return JSON.parse(text);
      } catch {
        return text;
      }
    default:
      return text;
  }
}

/** Create or edit a record of a project entity, one field per property of its create schema. */
export default function EntityForm({ name, id }: { name: string; id?: string }) {
  const entities = useEntities();
  const client = useQueryClient();
  const [, navigate] = useLocation();
  const entity = entities.data?.find((e) => e.name === name);
  const record = useQuery({ queryKey: [entity?.path, id], enabled: Boolean(entity && id), queryFn: async () => single(await api(`${entity!.path}/${id}`)) });
  const [values, setValues] = useState<Record<string, string>>();
  const properties = Object.entries(entity?.schema.properties ?? {}).map(([key, raw]) => {
    const { schema, nullable } = unwrap(raw);
    return { key, schema, nullable, kind: kindOf(schema), required: (entity?.schema.required ?? []).includes(key) };
  });
  useEffect(() => {
    if (!entity || values) return;
    if (!id) setValues(Object.fromEntries(properties.map((p) => [p.key, p.kind === "boolean" ? "false" : p.kind === "enum" ? String(p.schema.enum?.[0] ?? "") : ""])));
    else if (record.data) setValues(Object.fromEntries(properties.map((p) => [p.key, toText((record.data as Record<string, unknown>)[p.key], p.kind)])));
  }, [entity, record.data, id]);
  const save = useMutation({
    mutationFn: (v: Record<string, string>) => {
      const body = Object.fromEntries(properties.map((p) => [p.key, fromText(v[p.key] ?? "", p.kind, p.nullable, Boolean(id))]).filter(([, value]) => value !== undefined));
      return api(id ? `${entity!.path}/${id}` : entity!.path, { body });
    },
    onSuccess: (answer) => {
      void client.invalidateQueries({ queryKey: [entity!.path] });
      const saved = single(answer) as { id: string };
      navigate(`/entities/${name}`);
      client.setQueryData([entity!.path, saved.id], saved);
    },
  });
  const remove = useMutation({
    mutationFn: () => api(`${entity!.path}/${id}`, { method: "DELETE" }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: [entity!.path] });
      navigate(`/entities/${name}`);
    },
  });
  if (entities.error || record.error) return <FormError error={entities.error ?? record.error} />;
  if (entities.data && !entity) return <h1>No entity {name}</h1>;
  if (!entity || !values) return <p className="loading">Loading…</p>;
  const names = properties.map((p) => p.key);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(values);
  };
  const singular = entity.label.replace(/s$/, "");
  return (
    <form onSubmit={submit} className="form" noValidate aria-labelledby="entity-title">
      <p>
        <Link href={`/entities/${name}`}>← {entity.label}</Link>
      </p>
      <h1 id="entity-title">{id ? `Edit ${singular.toLowerCase()}` : `New ${singular.toLowerCase()}`}</h1>
      <FormError error={save.error ?? remove.error} fields={names} />
      {properties.map((p) => {
        const label = p.key.replace(/_/g, " ").replace(/^./, (c) => c.toUpperCase()) + (p.required ? "" : " (optional)");
        const error = fieldError(save.error, p.key, names);
        const set = (value: string) => setValues({ ...values, [p.key]: value });
        if (p.kind === "enum")
          return <SelectField key={p.key} label={label} name={p.key} value={values[p.key]} options={[...(p.required ? [] : [""]), ...(p.schema.enum ?? []).map(String)]} onChange={set} error={error} />;
        if (p.kind === "boolean")
          return (
            <Field key={p.key} label={label} name={p.key} error={error}>
              {(attrs) => <input {...attrs} type="checkbox" checked={values[p.key] === "true"} onChange={(e) => set(String(e.target.checked))} />}
            </Field>
          );
        return (
          <TextField
            key={p.key}
            label={label}
            name={p.key}
            value={values[p.key]}
            onChange={set}
            error={error}
            required={p.required}
            inputMode={p.kind === "integer" ? "numeric" : p.kind === "number" ? "decimal" : undefined}
            hint={p.kind === "date" ? "ISO 8601, such as 2026-03-01T12:00:00Z" : p.kind === "json" ? "JSON" : p.schema.description}
          />
        );
      })}
      <div className="actions">
        <button type="submit" className="primary" disabled={save.isPending}>
          {id ? "Save" : "Create"}
        </button>
        {id && entity.deletable && (
          <button type="button" className="danger" disabled={remove.isPending} onClick={() => window.confirm(`Delete this ${singular.toLowerCase()}?`) && remove.mutate()}>
            Delete
          </button>
        )}
      </div>
    </form>
  );
}
