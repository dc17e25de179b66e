import { useMutation, useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { api, upload } from "../api";
import { Field, FormError } from "../ui/form";

/** The product's images: upload through `POST /admin/uploads`, remove, and pick the thumbnail among them. */
export function ImagesField(props: { images: string[]; thumbnail: string; onChange: (patch: { images?: string[]; thumbnail?: string }) => void; error?: string }) {
  const { images, thumbnail, onChange } = props;
  const send = useMutation({
    mutationFn: upload,
    onSuccess: (urls) => onChange({ images: [...images, ...urls], ...(thumbnail ? {} : { thumbnail: urls[0] }) }),
  });
  const remove = (url: string) => onChange({ images: images.filter((u) => u !== url), ...(thumbnail === url ? { thumbnail: images.find((u) => u !== url) ?? "" } : {}) });
  return (
    <fieldset>
      <legend>Images</legend>
      {images.length > 0 && (
        <ul className="images">
          {images.map((url, i) => (
            <li key={url}>
              <img src={url} alt={`Image ${i + 1}`} width={96} height={96} />
              <label>
                <input type="radio" name="thumbnail-pick" checked={thumbnail === url} onChange={() => onChange({ thumbnail: url })} /> Thumbnail
              </label>
              <button type="button" onClick={() => remove(url)}>
                Remove image {i + 1}
              </button>
            </li>
          ))}
        </ul>
      )}
      <Field label="Add images" name="images" error={props.error} hint={send.isPending ? "Uploading…" : "PNG, JPEG, WebP or GIF; saved with the product"}>
        {(attrs) => (
          <input
            {...attrs}
            type="file"
            accept="image/*"
            multiple
            onChange={(e) => {
              const files = [...(e.target.files ?? [])];
              e.target.value = "";
              if (files.length) send.mutate(files);
            }}
          />
        )}
      </Field>
      <FormError error={send.error} />
    </fieldset>
  );
}

/** The product's categories: a checkbox per category of the store. */
export function CategoriesField(props: { value: string[]; onChange: (ids: string[]) => void; error?: string }) {
  const id = useId();
  const categories = useQuery({
    queryKey: ["/admin/product-categories", "all"],
    queryFn: () => api<{ product_categories: { id: string; name: string; parent_category_id?: string | null }[] }>("/admin/product-categories", { query: { limit: 500 } }),
  });
  const rows = categories.data?.product_categories ?? [];
  return (
    <fieldset aria-describedby={props.error ? `${id}-error` : undefined} data-field="categories">
      <legend>Categories</legend>
      {!rows.length && <p className="hint">{categories.isLoading ? "Loading…" : "No categories yet (Settings → Categories)."}</p>}
      <div className="checks">
        {rows.map((c) => (
          <label key={c.id}>
            <input
              type="checkbox"
              checked={props.value.includes(c.id)}
              onChange={(e) => props.onChange(e.target.checked ? [...props.value, c.id] : props.value.filter((v) => v !== c.id))}
            />{" "}
            {c.name}
          </label>
        ))}
      </div>
      {props.error && (
        <small id={`${id}-error`} className="field-error" role="alert">
          {props.error}
        </small>
      )}
    </fieldset>
  );
}
