import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState, type FormEvent } from "react";
import { Link, useLocation } from "wouter";
import { api, single } from "../api";
import { useEntities } from "../entities";
import { fieldError, FormError } from "../ui/form";
import { bodyOf, emptyValues, propertiesOf, SchemaField, valuesOf } from "../ui/schema-field";

/** Create or edit a record of a project entity, one field per property of its create schema. */
export default function EntityForm({ name, id }: { name: string; id?: string }) {
  const entities = useEntities();
  const client = useQueryClient();
  const [, navigate] = useLocation();
  const entity = entities.data?.find((e) => e.name === name);
  const record = useQuery({ queryKey: [entity?.path, id], enabled: Boolean(entity && id), queryFn: async () => single(await api(`${entity!.path}/${id}`)) });
  const [values, setValues] = useState<Record<string, string>>();
  const properties = propertiesOf(entity?.schema);
  useEffect(() => {
    if (!entity || values) return;
    if (!id) setValues(emptyValues(properties));
    else if (record.data) setValues(valuesOf(properties, record.data as Record<string, unknown>));
  }, [entity, record.data, id]);
  const save = useMutation({
    mutationFn: (v: Record<string, string>) => {
      const body = bodyOf(properties, v, Boolean(id));
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
      {properties.map((p) => (
        <SchemaField key={p.key} property={p} name={p.key} value={values[p.key]} onChange={(value) => setValues({ ...values, [p.key]: value })} error={fieldError(save.error, p.key, names)} />
      ))}
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
