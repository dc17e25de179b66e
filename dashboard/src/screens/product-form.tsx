import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useState, type FormEvent } from "react";
import { Link, useLocation } from "wouter";
import { api } from "../api";
import { draftOf, emptyDraft, emptyVariant, productBody, STATUSES, underVariant, variantBody, type CustomFields, type Draft, type VariantDraft } from "./product-draft";
import { CategoriesField, ImagesField } from "./product-media";
import { useCustomFields } from "../entities";
import { propertiesOf, SchemaField } from "../ui/schema-field";
import { fieldError, FormError, SelectField, TextField } from "../ui/form";
import { Widgets } from "../extensions";

/** Create (no `id`) or edit a product: its fields, options, and variants with stock and a price per currency. */
export default function ProductForm({ id }: { id?: string }) {
  const client = useQueryClient();
  const [, navigate] = useLocation();
  const regions = useQuery({ queryKey: ["/admin/regions", "currencies"], queryFn: () => api<{ regions: { currency_code: string }[] }>("/admin/regions", { query: { limit: 100 } }) });
  const currencies = useMemo(() => [...new Set((regions.data?.regions ?? []).map((r) => r.currency_code))].sort(), [regions.data]);
  const collections = useQuery({ queryKey: ["/admin/collections", "all"], queryFn: () => api<{ collections: { id: string; title: string }[] }>("/admin/collections", { query: { limit: 200 } }) });
  const customQuery = useCustomFields();
  const custom: CustomFields = useMemo(() => ({ product: propertiesOf(customQuery.data?.product), variant: propertiesOf(customQuery.data?.product_variant) }), [customQuery.data]);
  const product = useQuery({ queryKey: ["product", id], enabled: Boolean(id), queryFn: async () => (await api(`/admin/products/${id}`)).product });
  const [draft, setDraft] = useState<Draft>();
  const [local, setLocal] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (!regions.data || customQuery.isPending) return;
    if (id && product.data) setDraft(draftOf(product.data, currencies, custom));
    if (!id) setDraft((d) => d ?? emptyDraft(currencies, custom));
  }, [id, product.data, regions.data, currencies, custom, customQuery.data]);

  const save = useMutation({
    mutationFn: async (d: Draft) => {
      const errors: Record<string, string> = {};
      const variants = d.variants.map((v, i) => ({ ...variantBody(v, `variants.${i}`, errors, custom.variant, Boolean(id)), options: v.options }));
      setLocal(errors);
      if (Object.keys(errors).length) throw new Error("Some fields need fixing");
      const fields = productBody(d, custom, Boolean(id));
      if (!id) {
        const body = {
          ...fields,
          options: d.options.map((o) => ({ title: o.title })),
          variants: variants.map(({ options, ...v }) => ({ ...v, options: options.map((value) => ({ value })) })),
        };
        return (await api("/admin/products", { body })).product;
      }
      await api(`/admin/products/${id}`, { body: fields });
      for (const [i, v] of variants.entries()) {
        const { options, ...body } = v;
        const existing = d.variants[i].id;
        try {
          if (existing) await api(`/admin/products/${id}/variants/${existing}`, { body });
          else await api(`/admin/products/${id}/variants`, { body: { ...body, options: d.options.map((o, j) => ({ option_id: o.id, value: options[j] })) } });
        } catch (error) {
          throw underVariant(error, i);
        }
      }
      return (await api(`/admin/products/${id}`)).product;
    },
    onSuccess: (saved) => {
      void client.invalidateQueries({ queryKey: ["/admin/products"] });
      client.setQueryData(["product", saved.id], saved);
      setSaved(true);
      if (!id) navigate(`/products/${saved.id}`);
      else setDraft(draftOf(saved, currencies, custom));
    },
  });

  if (product.error) return <FormError error={product.error} />;
  if (!draft) return <p className="loading">Loading…</p>;

  const names = [
    "title",
    "handle",
    "description",
    "status",
    "thumbnail",
    "collection_id",
    "tags",
    "images",
    "categories",
    ...custom.product.map((p) => p.key),
    ...draft.options.map((_, j) => `options.${j}.title`),
    ...draft.variants.flatMap((v, i) => [
      `variants.${i}.title`,
      `variants.${i}.sku`,
      `variants.${i}.inventory_quantity`,
      ...custom.variant.map((p) => `variants.${i}.${p.key}`),
      ...v.options.map((_, j) => `variants.${i}.options.${j}.value`),
      ...v.prices.flatMap((_, k) => [`variants.${i}.prices.${k}.amount`, `variants.${i}.prices.${k}.currency_code`]),
    ]),
  ];
  const err = (name: string) => local[name] ?? fieldError(save.error, name, names);
  const set = (patch: Partial<Draft>) => {
    setSaved(false);
    setDraft({ ...draft, ...patch });
  };
  const setVariant = (i: number, patch: Partial<VariantDraft>) => set({ variants: draft.variants.map((v, j) => (j === i ? { ...v, ...patch } : v)) });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(draft);
  };

  return (
    <form onSubmit={submit} className="form" noValidate aria-labelledby="product-title">
      <p>
        <Link href="/products">← Products</Link>
      </p>
      <h1 id="product-title">{id ? `Edit ${product.data?.title ?? "product"}` : "New product"}</h1>
      {save.error && !Object.keys(local).length ? <FormError error={save.error} fields={names} /> : null}
      {saved && !save.isPending && (
        <p className="notice" role="status">
          Saved.
        </p>
      )}
      <fieldset>
        <legend>Product</legend>
        <TextField label="Title" name="title" value={draft.title} onChange={(title) => set({ title })} error={err("title")} required />
        <TextField label="Handle" name="handle" value={draft.handle} onChange={(handle) => set({ handle })} error={err("handle")} hint="Left empty, it is made from the title" />
        <TextField label="Description" name="description" value={draft.description} onChange={(description) => set({ description })} error={err("description")} />
        <SelectField label="Status" name="status" value={draft.status} options={STATUSES} onChange={(status) => set({ status })} error={err("status")} />
        <TextField label="Thumbnail URL" name="thumbnail" type="url" value={draft.thumbnail} onChange={(thumbnail) => set({ thumbnail })} error={err("thumbnail")} />
        <SelectField
          label="Collection"
          name="collection_id"
          value={draft.collection_id}
          options={[{ value: "", label: "none" }, ...(collections.data?.collections ?? []).map((c) => ({ value: c.id, label: c.title }))]}
          onChange={(collection_id) => set({ collection_id })}
          error={err("collection_id")}
        />
        <TextField label="Tags" name="tags" value={draft.tags} onChange={(tags) => set({ tags })} error={err("tags")} hint="Comma separated, such as summer, linen" />
        {custom.product.map((p) => (
          <SchemaField key={p.key} property={p} name={p.key} value={draft.custom[p.key] ?? ""} onChange={(value) => set({ custom: { ...draft.custom, [p.key]: value } })} error={err(p.key)} />
        ))}
      </fieldset>
      <ImagesField images={draft.images} thumbnail={draft.thumbnail} onChange={(patch) => set(patch)} error={err("images")} />
      <CategoriesField value={draft.categories} onChange={(categories) => set({ categories })} error={err("categories")} />
      <fieldset>
        <legend>Options</legend>
        {draft.options.map((o, j) => (
          <div className="row" key={j}>
            {id ? (
              <p>{o.title}</p>
            ) : (
              <TextField label={`Option ${j + 1}`} name={`options.${j}.title`} value={o.title} error={err(`options.${j}.title`)} onChange={(title) => set({ options: draft.options.map((x, k) => (k === j ? { title } : x)) })} />
            )}
            {!id && (
              <button type="button" onClick={() => set({ options: draft.options.filter((_, k) => k !== j), variants: draft.variants.map((v) => ({ ...v, options: v.options.filter((_, k) => k !== j) })) })}>
                Remove option {j + 1}
              </button>
            )}
          </div>
        ))}
        {!id && (
          <button type="button" onClick={() => set({ options: [...draft.options, { title: "" }], variants: draft.variants.map((v) => ({ ...v, options: [...v.options, ""] })) })}>
            Add option
          </button>
        )}
      </fieldset>
      {draft.variants.map((v, i) => (
        <fieldset key={v.id ?? `new-${i}`} className="variant">
          <legend>Variant {i + 1}</legend>
          <div className="row">
            <TextField label="Variant title" name={`variants.${i}.title`} value={v.title} onChange={(title) => setVariant(i, { title })} error={err(`variants.${i}.title`)} required />
            <TextField label="SKU" name={`variants.${i}.sku`} value={v.sku} onChange={(sku) => setVariant(i, { sku })} error={err(`variants.${i}.sku`)} />
            <TextField label="Stock" name={`variants.${i}.inventory_quantity`} inputMode="numeric" value={v.inventory_quantity} onChange={(inventory_quantity) => setVariant(i, { inventory_quantity })} error={err(`variants.${i}.inventory_quantity`)} />
          </div>
          {custom.variant.length > 0 && (
            <div className="row">
              {custom.variant.map((p) => (
                <SchemaField key={p.key} property={p} name={`variants.${i}.${p.key}`} value={v.custom[p.key] ?? ""} onChange={(value) => setVariant(i, { custom: { ...v.custom, [p.key]: value } })} error={err(`variants.${i}.${p.key}`)} />
              ))}
            </div>
          )}
          <div className="row">
            {draft.options.map((o, j) => (
              <TextField
                key={j}
                label={o.title || `Option ${j + 1}`}
                name={`variants.${i}.options.${j}.value`}
                value={v.options[j] ?? ""}
                error={err(`variants.${i}.options.${j}.value`)}
                onChange={(value) => setVariant(i, { options: v.options.map((x, k) => (k === j ? value : x)) })}
              />
            ))}
          </div>
          <div className="row">
            {v.prices.map((p, k) => (
              <TextField
                key={p.currency_code}
                label={`Price ${p.currency_code.toUpperCase()}`}
                name={`variants.${i}.prices.${k}.amount`}
                inputMode="decimal"
                value={p.amount}
                error={err(`variants.${i}.prices.${k}.amount`) ?? err(`variants.${i}.prices.${k}.currency_code`)}
                onChange={(amount) => setVariant(i, { prices: v.prices.map((x, m) => (m === k ? { ...x, amount } : x)) })}
              />
            ))}
            {!v.prices.length && <p className="hint">Add a region first: prices are per currency of a region.</p>}
          </div>
          {!v.id && draft.variants.length > 1 && (
            <button type="button" onClick={() => set({ variants: draft.variants.filter((_, k) => k !== i) })}>
              Remove variant {i + 1}
            </button>
          )}
        </fieldset>
      ))}
      <div className="actions">
        <button type="button" onClick={() => set({ variants: [...draft.variants, emptyVariant(draft.options.length, currencies, custom)] })}>
          Add variant
        </button>
        <button type="submit" className="primary" disabled={save.isPending}>
          {save.isPending ? "Saving…" : id ? "Save product" : "Create product"}
        </button>
      </div>
      {id && product.data && <Widgets zone="product.details" props={{ product: product.data }} />}
    </form>
  );
}
