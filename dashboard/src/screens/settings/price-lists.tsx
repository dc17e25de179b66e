import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState, type FormEvent } from "react";
import { api } from "../../api";
import { formatMoney, parseMoney } from "../../money";
import { fieldError, FormError, SelectField, TextField } from "../../ui/form";
import type { SettingsForms } from "./types";

type Price = { id: string; variant_id: string; currency_code: string; amount: number; min_quantity?: number | null };
type Variant = { id: string; title: string; sku?: string | null; product?: { title: string } };

const variantLabel = (v: Variant) => `${v.product?.title ? `${v.product.title} – ` : ""}${v.title}${v.sku ? ` (${v.sku})` : ""}`;

/** The list's prices, one row per variant and currency, and a form adding or changing one. */
function PricesPanel({ list }: { list: { id: string; prices?: Price[] } }) {
  const client = useQueryClient();
  const base = `/admin/price-lists/${list.id}`;
  const variants = useQuery({ queryKey: ["/admin/variants", "price-list"], queryFn: () => api<{ variants: Variant[] }>("/admin/variants", { query: { limit: 200 } }) });
  const regions = useQuery({ queryKey: ["/admin/regions", "currencies"], queryFn: () => api<{ regions: { currency_code: string }[] }>("/admin/regions", { query: { limit: 100 } }) });
  const currencies = useMemo(() => [...new Set((regions.data?.regions ?? []).map((r) => r.currency_code))].sort(), [regions.data]);
  const [draft, setDraft] = useState({ variant_id: "", currency_code: "", amount: "" });
  const [local, setLocal] = useState<string>();
  const byId = new Map((variants.data?.variants ?? []).map((v) => [v.id, v]));
  const refresh = () => client.invalidateQueries({ queryKey: [base] });
  const add = useMutation({
    mutationFn: (price: { variant_id: string; currency_code: string; amount: number }) => {
      const existing = list.prices?.find((p) => p.variant_id === price.variant_id && p.currency_code === price.currency_code && !p.min_quantity);
      return api(`${base}/prices/batch`, { body: { prices: [{ ...(existing ? { id: existing.id } : {}), ...price }] } });
    },
    onSuccess: () => {
      setDraft({ ...draft, amount: "" });
      void refresh();
    },
  });
  const remove = useMutation({ mutationFn: (id: string) => api(`${base}/prices/batch`, { method: "DELETE", body: { price_ids: [id] } }), onSuccess: refresh });
  const currency = draft.currency_code || currencies[0] || "";
  const variantId = draft.variant_id || variants.data?.variants[0]?.id || "";
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const amount = parseMoney(draft.amount, currency);
    setLocal(amount === undefined ? `An amount in ${currency.toUpperCase()}, such as 9.95` : undefined);
    if (amount !== undefined) add.mutate({ variant_id: variantId, currency_code: currency, amount });
  };
  const names = ["variant_id", "currency_code", "amount"];
  return (
    <section className="card" aria-labelledby="list-prices">
      <h2 id="list-prices">Prices</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">Variant</th>
            <th scope="col">Price</th>
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {(list.prices ?? []).map((p) => {
            const v = byId.get(p.variant_id);
            return (
              <tr key={p.id} data-id={p.id}>
                <td>{v ? variantLabel(v) : p.variant_id}</td>
                <td>
                  {formatMoney(p.amount, p.currency_code)}
                  {p.min_quantity ? ` from ${p.min_quantity}` : ""}
                </td>
                <td>
                  <button type="button" disabled={remove.isPending} onClick={() => remove.mutate(p.id)}>
                    Remove price of {v?.title ?? p.variant_id} {p.currency_code.toUpperCase()}
                  </button>
                </td>
              </tr>
            );
          })}
          {!list.prices?.length && (
            <tr>
              <td colSpan={3}>No prices yet.</td>
            </tr>
          )}
        </tbody>
      </table>
      <form onSubmit={submit} className="form" aria-label="Set a price" noValidate>
        <FormError error={add.error ?? remove.error ?? variants.error} fields={names} />
        <div className="row">
          <SelectField label="Variant" name="variant_id" value={variantId} options={(variants.data?.variants ?? []).map((v) => ({ value: v.id, label: variantLabel(v) }))} onChange={(variant_id) => setDraft({ ...draft, variant_id })} error={fieldError(add.error, "variant_id", names)} />
          <SelectField label="Currency" name="currency_code" value={currency} options={currencies.map((c) => ({ value: c, label: c.toUpperCase() }))} onChange={(currency_code) => setDraft({ ...draft, currency_code })} error={fieldError(add.error, "currency_code", names)} />
          <TextField label="List price" name="amount" inputMode="decimal" value={draft.amount} onChange={(amount) => setDraft({ ...draft, amount })} error={local ?? fieldError(add.error, "amount", names)} />
        </div>
        <div className="actions">
          <button type="submit" className="primary" disabled={add.isPending || !variantId}>
            Set price
          </button>
        </div>
      </form>
    </section>
  );
}

const fields = [
  { name: "name", label: "Name" },
  { name: "description", label: "Description" },
  { name: "type", label: "Type", type: "select" as const, options: [{ value: "sale", label: "sale (shown as a discount)" }, { value: "override", label: "override" }] },
  { name: "status", label: "Status", type: "select" as const, options: ["active", "draft"] },
  { name: "starts_at", label: "Starts at", hint: "ISO 8601, such as 2026-03-01T00:00:00Z; empty: now" },
  { name: "ends_at", label: "Ends at", hint: "Empty: no end" },
];

const body = (v: Record<string, string>) => ({
  name: v.name,
  description: v.description,
  type: v.type,
  status: v.status,
  starts_at: v.starts_at.trim() || null,
  ends_at: v.ends_at.trim() || null,
});

/** Price lists: create (then add prices on the list's screen), edit, delete, and their prices per variant. */
export const priceLists: SettingsForms = {
  create: { title: "New price list", fields, toBody: (v) => ({ ...body(v), prices: [] }) },
  edit: {
    fields,
    values: (l) => ({ name: l.name ?? "", description: l.description ?? "", type: l.type ?? "sale", status: l.status ?? "draft", starts_at: l.starts_at ?? "", ends_at: l.ends_at ?? "" }),
    toBody: body,
  },
  deletable: true,
  extra: (list) => <PricesPanel list={list} />,
};
