import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { api } from "../api";
import { Field, fieldError, FormError, SelectField, TextField } from "./form";

export interface QuickField {
  name: string;
  label: string;
  type?: "text" | "email" | "password" | "number" | "select" | "checkbox";
  options?: (string | { value: string; label: string })[];
  hint?: string;
  initial?: string;
}

/**
 * A small create form: text values in, `toBody` turns them into the request body, `POST path`.
 * Server errors show next to the field they name.
 */
export function QuickForm(props: {
  title: string;
  path: string;
  fields: QuickField[];
  toBody: (values: Record<string, string>) => unknown;
  /** The list queries to refresh after a create (their first key). */
  invalidate: string;
  onDone?: (answer: any) => void;
  /** An edit form: always open, starting from these values. */
  values?: Record<string, string>;
}) {
  const client = useQueryClient();
  const initial =
    props.values ??
    Object.fromEntries(props.fields.map((f) => [f.name, f.initial ?? (f.type === "select" ? String(typeof f.options?.[0] === "string" ? f.options[0] : (f.options?.[0]?.value ?? "")) : "")]));
  const editing = props.values !== undefined;
  const [values, setValues] = useState<Record<string, string>>(initial);
  const [open, setOpen] = useState(editing);
  const [saved, setSaved] = useState(false);
  const names = props.fields.map((f) => f.name);
  const create = useMutation({
    mutationFn: () => api(props.path, { body: props.toBody(values) }),
    onSuccess: (answer) => {
      void client.invalidateQueries({ queryKey: [props.invalidate] });
      if (editing) {
        setSaved(true);
        // A password is sent once: it does not stay in the form for the next save.
        setValues((v) => ({ ...v, ...Object.fromEntries(props.fields.filter((f) => f.type === "password").map((f) => [f.name, ""])) }));
      }
      else {
        setValues(initial);
        setOpen(false);
      }
      props.onDone?.(answer);
    },
  });
  if (!open)
    return (
      <button type="button" className="primary" onClick={() => setOpen(true)}>
        {props.title}
      </button>
    );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  const set = (name: string) => (value: string) => {
    setSaved(false);
    setValues({ ...values, [name]: value });
  };
  return (
    <form onSubmit={submit} className="card form" aria-label={props.title} noValidate>
      <h2>{props.title}</h2>
      <FormError error={create.error} fields={names} />
      {saved && (
        <p className="notice" role="status">
          Saved.
        </p>
      )}
      {props.fields.map((f) =>
        f.type === "select" ? (
          <SelectField key={f.name} label={f.label} name={f.name} value={values[f.name]} options={f.options ?? []} onChange={set(f.name)} error={fieldError(create.error, f.name, names)} />
        ) : f.type === "checkbox" ? (
          <Field key={f.name} label={f.label} name={f.name} error={fieldError(create.error, f.name, names)}>
            {(attrs) => <input {...attrs} type="checkbox" checked={values[f.name] === "true"} onChange={(e) => set(f.name)(String(e.target.checked))} />}
          </Field>
        ) : (
          <TextField key={f.name} label={f.label} name={f.name} type={f.type} hint={f.hint} value={values[f.name]} onChange={set(f.name)} error={fieldError(create.error, f.name, names)} />
        ),
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={create.isPending}>
          Save
        </button>
        {!editing && (
          <button type="button" onClick={() => setOpen(false)}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}

/** "de, FR ,it" -> ["de", "fr", "it"]. */
export const listOf = (text: string) => text.split(",").map((s) => s.trim().toLowerCase()).filter(Boolean);
