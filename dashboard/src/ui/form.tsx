import { useId, type ReactNode } from "react";
import { ApiError } from "../api";

/**
 * Which field a server error belongs to: the error's `field` (`variants.0.prices.0.amount`), else the
 * first of `fields` its message names. Undefined when it names none (the form shows it at the top).
 */
export function errorField(error: unknown, fields: string[]): string | undefined {
  if (!(error instanceof ApiError) || error.status >= 500) return undefined;
  if (error.field) {
    if (fields.includes(error.field)) return error.field;
    // `options.0` when only `options.0.value` is on screen, and the other way round.
    const near = fields.find((f) => f.startsWith(`${error.field}.`) || error.field!.startsWith(`${f}.`));
    if (near) return near;
  }
  const words = new Set(error.message.toLowerCase().split(/[^a-z0-9_.]+/));
  return [...fields].sort((a, b) => b.length - a.length).find((f) => words.has(f.toLowerCase()));
}

/** The server's message for `name`, when the error belongs to it. */
export function fieldError(error: unknown, name: string, fields: string[]): string | undefined {
  return errorField(error, fields) === name ? (error as ApiError).message : undefined;
}

/** An error that belongs to no field on screen, shown above the form. */
export function FormError({ error, fields = [] }: { error: unknown; fields?: string[] }) {
  if (!error || errorField(error, fields)) return null;
  const message = error instanceof Error ? error.message : String(error);
  return (
    <p className="form-error" role="alert">
      {message}
    </p>
  );
}

/** A labelled control with its hint and its server error (`aria-invalid`, `aria-describedby`). */
export function Field(props: {
  label: string;
  name: string;
  error?: string;
  hint?: string;
  children: (input: { id: string; name: string; "aria-invalid"?: boolean; "aria-describedby"?: string }) => ReactNode;
}) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [props.error ? errorId : "", props.hint ? hintId : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div className={props.error ? "field field-invalid" : "field"} data-field={props.name}>
      <label htmlFor={id}>{props.label}</label>
      {props.children({ id, name: props.name, "aria-invalid": props.error ? true : undefined, "aria-describedby": describedBy })}
      {props.hint && (
        <small id={hintId} className="hint">
          {props.hint}
        </small>
      )}
      {props.error && (
        <small id={errorId} className="field-error" role="alert">
          {props.error}
        </small>
      )}
    </div>
  );
}

/** A text input bound to `value`. */
export function TextField(props: {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  hint?: string;
  type?: string;
  required?: boolean;
  inputMode?: "numeric" | "decimal" | "text" | "email";
  autoComplete?: string;
}) {
  return (
    <Field label={props.label} name={props.name} error={props.error} hint={props.hint}>
      {(attrs) => (
        <input
          {...attrs}
          type={props.type ?? "text"}
          value={props.value}
          required={props.required}
          inputMode={props.inputMode}
          autoComplete={props.autoComplete}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

/** A select bound to `value`. */
export function SelectField(props: {
  label: string;
  name: string;
  value: string;
  options: (string | { value: string; label: string })[];
  onChange: (value: string) => void;
  error?: string;
}) {
  return (
    <Field label={props.label} name={props.name} error={props.error}>
      {(attrs) => (
        <select {...attrs} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
          {props.options.map((o) => {
            const { value, label } = typeof o === "string" ? { value: o, label: o } : o;
            return (
              <option key={value} value={value}>
                {label}
              </option>
            );
          })}
        </select>
      )}
    </Field>
  );
}
