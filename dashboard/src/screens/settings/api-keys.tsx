import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "../../api";
import { FormError } from "../../ui/form";
import type { SettingsForms } from "./types";

type Channel = { id: string; name: string };

/** A key's revocation and its sales channels (a checkbox per channel of the store). */
function KeyPanel({ apiKey }: { apiKey: { id: string; revoked_at?: string | null } }) {
  const client = useQueryClient();
  const base = `/admin/publishable-api-keys/${apiKey.id}`;
  const all = useQuery({ queryKey: ["/admin/sales-channels", "all"], queryFn: () => api<{ sales_channels: Channel[] }>("/admin/sales-channels", { query: { limit: 200 } }) });
  const linked = useQuery({ queryKey: [base, "sales-channels"], queryFn: () => api<{ sales_channels: Channel[] }>(`${base}/sales-channels`) });
  // A ticked box shows at once; the answer (or an error) settles it.
  const [ticked, setTicked] = useState<Record<string, boolean>>({});
  const toggle = useMutation({
    mutationFn: ({ id, on }: { id: string; on: boolean }) => api(`${base}/sales-channels/batch`, { method: on ? "POST" : "DELETE", body: { sales_channel_ids: [{ id }] } }),
    onSettled: async () => {
      await client.invalidateQueries({ queryKey: [base] });
      setTicked({});
    },
  });
  const revoke = useMutation({
    mutationFn: () => api(`${base}/revoke`, { method: "POST" }),
    onSuccess: () => client.invalidateQueries({ queryKey: [base] }),
  });
  const ids = new Set((linked.data?.sales_channels ?? []).map((c) => c.id));
  return (
    <section className="card" aria-labelledby="key-channels">
      <h2 id="key-channels">Sales channels of this key</h2>
      <FormError error={all.error ?? linked.error ?? toggle.error ?? revoke.error} />
      <div className="checks">
        {(all.data?.sales_channels ?? []).map((c) => (
          <label key={c.id}>
            <input type="checkbox" checked={ticked[c.id] ?? ids.has(c.id)}
              disabled={!linked.data || toggle.isPending}
              onChange={(e) => {
                setTicked({ ...ticked, [c.id]: e.target.checked });
                toggle.mutate({ id: c.id, on: e.target.checked });
              }} /> {c.name}
          </label>
        ))}
      </div>
      <p className="hint">A storefront sending this key sees the products of these channels (all channels when none is ticked).</p>
      <div className="actions">
        {apiKey.revoked_at ? (
          <p data-testid="key-revoked">Revoked</p>
        ) : (
          <button type="button" className="danger" disabled={revoke.isPending} onClick={() => window.confirm("Revoke this key? Storefronts using it stop working.") && revoke.mutate()}>
            Revoke key
          </button>
        )}
      </div>
    </section>
  );
}

/** Publishable API keys: create, rename, revoke, link to sales channels, delete. */
export const apiKeys: SettingsForms = {
  create: { title: "New API key", fields: [{ name: "title", label: "Title" }], toBody: (v) => ({ title: v.title }) },
  edit: { fields: [{ name: "title", label: "Title" }], values: (k) => ({ title: k.title ?? "" }), toBody: (v) => ({ title: v.title }) },
  deletable: true,
  extra: (key) => <KeyPanel apiKey={key} />,
};
