import { useQuery } from "@tanstack/react-query";
import { Link } from "wouter";
import { api } from "../api";
import { FormError } from "../ui/form";
import { QuickForm } from "../ui/quick-form";
import { BROWSABLE } from "../browsable";

/** The store's own settings (`/admin/store`), and the other resources of the Admin API. */
export default function Settings() {
  const store = useQuery({ queryKey: ["/admin/store"], queryFn: async () => (await api("/admin/store")).store });
  return (
    <>
      <h1>Settings</h1>
      <FormError error={store.error} />
      {store.data && (
        <QuickForm
          title="Store"
          path="/admin/store"
          invalidate="/admin/store"
          values={{ name: store.data.name ?? "", default_currency_code: store.data.default_currency_code ?? "" }}
          fields={[
            { name: "name", label: "Store name" },
            {
              name: "default_currency_code",
              label: "Default currency",
              type: "select",
              options: (store.data.currencies ?? []).map((c: { code: string }) => ({ value: c.code, label: c.code.toUpperCase() })),
            },
          ]}
          toBody={(v) => ({ name: v.name, ...(v.default_currency_code ? { default_currency_code: v.default_currency_code } : {}) })}
        />
      )}
      <section className="card" aria-labelledby="more-title">
        <h2 id="more-title">More of the store</h2>
        <ul className="links">
          {BROWSABLE.map((b) => (
            <li key={b.name}>
              <Link href={`/browse/${b.name}`}>{b.label}</Link>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
