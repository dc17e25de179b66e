import { useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { api } from "../api";
import { formatMoney, parseMoney } from "../money";
import { fieldError, SelectField, TextField } from "../ui/form";
import { formatDate, Status } from "../ui/list";
import type { Order } from "./order-detail";

type Run = (path: string, body?: unknown) => void;
type Returnable = { id: string; title: string; returnable_quantity?: number };
interface AfterSaleOrder extends Order {
  returnable_items?: Returnable[];
  returns?: { id: string; status: string; created_at: string; refund_amount?: number | null; items: { item_id: string; quantity: number; received_quantity?: number | null }[] }[];
  claims?: { id: string; type: string; payment_status: string; fulfillment_status: string; created_at: string; refund_amount?: number | null; canceled_at?: string | null; claim_items?: { item_id: string; quantity: number }[] }[];
  swaps?: { id: string; fulfillment_status: string; payment_status: string; created_at: string; canceled_at?: string | null }[];
}

const CLAIM_REASONS = ["missing_item", "wrong_item", "production_failure", "other"];

/** A quantity per returnable line, and the lines with more than none as the API takes them. */
function useQuantities(items: Returnable[]) {
  const [quantities, setQuantities] = useState<Record<string, string>>({});
  const chosen = items.map((i) => ({ item_id: i.id, quantity: Number(quantities[i.id] || 0) })).filter((i) => Number.isInteger(i.quantity) && i.quantity > 0);
  const inputs = (prefix: string) =>
    items.map((i) => (
      <TextField
        key={i.id}
        label={`${prefix}: ${i.title} (up to ${i.returnable_quantity})`}
        name={`${prefix.toLowerCase()}.${i.id}`}
        inputMode="numeric"
        value={quantities[i.id] ?? ""}
        onChange={(q) => setQuantities({ ...quantities, [i.id]: q })}
      />
    ));
  return { chosen, inputs, reset: () => setQuantities({}) };
}

/** Request a return of shipped units (`POST /admin/orders/:id/return`). */
function ReturnForm({ items, run, busy }: { items: Returnable[]; run: Run; busy: boolean }) {
  const q = useQuantities(items);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (q.chosen.length) run("return", { items: q.chosen });
    q.reset();
  };
  return (
    <form onSubmit={submit} className="form" aria-label="Request a return" noValidate>
      <h3>Request a return</h3>
      {q.inputs("Return")}
      <button type="submit" disabled={busy || !q.chosen.length}>
        Request return
      </button>
    </form>
  );
}

/** A refund claim (`POST /admin/orders/:id/claims`, `type: "refund"`): units, a reason and the amount. */
function ClaimForm({ order, items, run, busy, error }: { order: Order; items: Returnable[]; run: Run; busy: boolean; error: unknown }) {
  const q = useQuantities(items);
  const [reason, setReason] = useState("production_failure");
  const [amount, setAmount] = useState("");
  const [local, setLocal] = useState<string>();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const minor = amount.trim() ? parseMoney(amount, order.currency_code) : undefined;
    if (amount.trim() && minor === undefined) return setLocal(`An amount in ${order.currency_code.toUpperCase()}, such as 12.50`);
    setLocal(undefined);
    if (!q.chosen.length) return;
    run("claims", { type: "refund", claim_items: q.chosen.map((i) => ({ ...i, reason })), ...(minor !== undefined ? { refund_amount: minor } : {}) });
    q.reset();
  };
  return (
    <form onSubmit={submit} className="form" aria-label="Create a claim" noValidate>
      <h3>Create a refund claim</h3>
      {q.inputs("Claim")}
      <SelectField label="Claim reason" name="reason" value={reason} onChange={setReason} options={CLAIM_REASONS.map((r) => ({ value: r, label: r.replace(/_/g, " ") }))} />
      <TextField
        label={`Claim amount (${order.currency_code.toUpperCase()})`}
        name="refund_amount"
        inputMode="decimal"
        hint="Empty: the claimed lines' total"
        value={amount}
        onChange={setAmount}
        error={local ?? fieldError(error, "refund_amount", ["refund_amount", "claim_items"])}
      />
      <button type="submit" disabled={busy || !q.chosen.length}>
        Create claim
      </button>
    </form>
  );
}

/** The order's returns, claims, swaps and edits, with receiving a requested return, and the forms asking for more. */
export function AfterSale({ order, run, busy, error }: { order: AfterSaleOrder; run: Run; busy: boolean; error: unknown }) {
  const edits = useQuery({
    queryKey: ["/admin/order-edits", order.id],
    queryFn: () => api<{ order_edits: { id: string; status: string; created_at: string; internal_note?: string | null }[] }>("/admin/order-edits", { query: { order_id: order.id } }),
  });
  const money = (n: number | null | undefined) => formatMoney(n ?? 0, order.currency_code);
  const title = (itemId: string) => order.items.find((i) => i.id === itemId)?.title ?? itemId;
  const returnable = (order.returnable_items ?? []).filter((i) => (i.returnable_quantity ?? 0) > 0);
  const open = order.status !== "canceled" && order.status !== "archived";
  const returns = order.returns ?? [];
  const claims = order.claims ?? [];
  const swaps = order.swaps ?? [];
  const orderEdits = edits.data?.order_edits ?? [];
  return (
    <section aria-labelledby="after-sale-title" className="card wide">
      <h2 id="after-sale-title">Returns, claims, swaps and edits</h2>
      <ul className="plain" data-testid="after-sale">
        {returns.map((r) => (
          <li key={r.id} data-return={r.id}>
            Return {formatDate(r.created_at)} · <Status value={r.status} /> · {r.items.map((i) => `${i.quantity} × ${title(i.item_id)}`).join(", ")}
            {r.refund_amount ? ` · refund ${money(r.refund_amount)}` : ""}{" "}
            {open && r.status === "requested" && (
              <button type="button" disabled={busy} onClick={() => run(`returns/${r.id}/receive`, { items: r.items.map((i) => ({ item_id: i.item_id, quantity: i.quantity })) })}>
                Receive return
              </button>
            )}
          </li>
        ))}
        {claims.map((c) => (
          <li key={c.id} data-claim={c.id}>
            Claim ({c.type}) {formatDate(c.created_at)} · <Status value={c.canceled_at ? "canceled" : c.payment_status} />
            {c.claim_items?.length ? ` · ${c.claim_items.map((i) => `${i.quantity} × ${title(i.item_id)}`).join(", ")}` : ""}
            {c.refund_amount ? ` · refund ${money(c.refund_amount)}` : ""}
          </li>
        ))}
        {swaps.map((s) => (
          <li key={s.id} data-swap={s.id}>
            Swap {formatDate(s.created_at)} · <Status value={s.canceled_at ? "canceled" : s.fulfillment_status} /> · payment <Status value={s.payment_status} />
          </li>
        ))}
        {orderEdits.map((e) => (
          <li key={e.id} data-order-edit={e.id}>
            Edit {formatDate(e.created_at)} · <Status value={e.status} />
            {e.internal_note ? ` · ${e.internal_note}` : ""}
          </li>
        ))}
        {!returns.length && !claims.length && !swaps.length && !orderEdits.length && <li>None yet.</li>}
      </ul>
      {open && returnable.length > 0 && (
        <div className="grid">
          <ReturnForm items={returnable} run={run} busy={busy} />
          <ClaimForm order={order} items={returnable} run={run} busy={busy} error={error} />
        </div>
      )}
    </section>
  );
}
