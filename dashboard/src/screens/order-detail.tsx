import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "wouter";
import { api } from "../api";
import { formatMoney } from "../money";
import { RefundForm, ShipForm } from "./order-actions";
import { AfterSale } from "./order-after-sale";
import { FormError } from "../ui/form";
import { formatDate, Status } from "../ui/list";
import { Widgets } from "../extensions";

interface Item {
  id: string;
  title: string;
  variant?: { title?: string; sku?: string | null } | null;
  quantity: number;
  unit_price: number;
  total: number;
  fulfilled_quantity?: number | null;
  shipped_quantity?: number | null;
}
export interface Fulfillment {
  id: string;
  items?: { item_id: string; quantity: number }[];
  shipped_at?: string | null;
  canceled_at?: string | null;
  tracking_numbers?: string[];
  created_at: string;
}
interface Payment {
  id: string;
  amount: number;
  amount_refunded?: number;
  provider_id: string;
  captured_at?: string | null;
  canceled_at?: string | null;
  currency_code: string;
}
export interface Order {
  id: string;
  display_id: number;
  email: string;
  status: string;
  payment_status: string;
  fulfillment_status: string;
  currency_code: string;
  created_at: string;
  items: Item[];
  payments: Payment[];
  fulfillments: Fulfillment[];
  shipping_address?: Record<string, string | null> | null;
  subtotal: number;
  discount_total: number;
  shipping_total: number;
  tax_total: number;
  total: number;
  paid_total?: number;
  refunded_total?: number;
  refundable_amount?: number;
}

const CAPTURABLE = new Set(["not_paid", "awaiting", "requires_action"]);

export default function OrderDetail({ id }: { id: string }) {
  const client = useQueryClient();
  const key = ["order", id];
  const order = useQuery({ queryKey: key, queryFn: async () => (await api<{ order: Order }>(`/admin/orders/${id}`)).order });
  const action = useMutation({
    mutationFn: ({ path, body }: { path: string; body?: unknown }) => api<{ order: Order }>(`/admin/orders/${id}/${path}`, { body: body ?? {} }),
    onSuccess: (data) => {
      client.setQueryData(key, data.order);
      void client.invalidateQueries({ queryKey: ["/admin/orders"] });
      void client.invalidateQueries({ queryKey: ["/admin/order-edits", id] });
    },
  });
  if (order.error) return <FormError error={order.error} />;
  if (!order.data) return <p className="loading">Loading…</p>;
  const o = order.data;
  const money = (n: number | undefined) => formatMoney(n ?? 0, o.currency_code);
  const open = o.status !== "canceled" && o.status !== "archived";
  const unfulfilled = o.items
    .map((i) => ({ item_id: i.id, quantity: i.quantity - (i.fulfilled_quantity ?? 0) }))
    .filter((i) => i.quantity > 0);
  const toShip = o.fulfillments.filter((f) => !f.shipped_at && !f.canceled_at);
  const run = (path: string, body?: unknown) => action.mutate({ path, body });
  return (
    <>
      <p>
        <Link href="/orders">← Orders</Link>
      </p>
      <h1>Order #{o.display_id}</h1>
      <p className="meta">
        {formatDate(o.created_at)} · {o.email} · <span data-testid="order-status"><Status value={o.status} /></span>{" "}
        <span data-testid="payment-status"><Status value={o.payment_status} /></span>{" "}
        <span data-testid="fulfillment-status"><Status value={o.fulfillment_status} /></span>
      </p>
      <FormError error={action.error} />
      <div className="actions" role="group" aria-label="Order actions">
        {open && CAPTURABLE.has(o.payment_status) && (
          <button type="button" className="primary" disabled={action.isPending} onClick={() => run("capture")}>
            Capture payment
          </button>
        )}
        {open && unfulfilled.length > 0 && (
          <button type="button" className="primary" disabled={action.isPending} onClick={() => run("fulfillment", { items: unfulfilled })}>
            Fulfil items
          </button>
        )}
        {open && o.status === "pending" && (
          <button
            type="button"
            className="danger"
            disabled={action.isPending}
            onClick={() => window.confirm(`Cancel order #${o.display_id}?`) && run("cancel")}
          >
            Cancel order
          </button>
        )}
      </div>

      <div className="grid">
        <section aria-labelledby="items-title" className="card wide">
          <h2 id="items-title">Items</h2>
          <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Item</th>
                <th scope="col" className="num">Qty</th>
                <th scope="col" className="num">Fulfilled</th>
                <th scope="col" className="num">Shipped</th>
                <th scope="col" className="num">Total</th>
              </tr>
            </thead>
            <tbody>
              {o.items.map((i) => (
                <tr key={i.id}>
                  <td>
                    {i.title}
                    {i.variant?.title ? <small> · {i.variant.title}</small> : null}
                  </td>
                  <td className="num">{i.quantity}</td>
                  <td className="num">{i.fulfilled_quantity ?? 0}</td>
                  <td className="num">{i.shipped_quantity ?? 0}</td>
                  <td className="num">{money(i.total)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          </div>
          <dl className="totals">
            <dt>Subtotal</dt>
            <dd>{money(o.subtotal)}</dd>
            <dt>Discount</dt>
            <dd>{money(o.discount_total)}</dd>
            <dt>Shipping</dt>
            <dd>{money(o.shipping_total)}</dd>
            <dt>Tax</dt>
            <dd>{money(o.tax_total)}</dd>
            <dt>Total</dt>
            <dd data-testid="order-total">{money(o.total)}</dd>
            <dt>Paid</dt>
            <dd>{money(o.paid_total)}</dd>
            <dt>Refunded</dt>
            <dd>{money(o.refunded_total)}</dd>
          </dl>
        </section>

        <section aria-labelledby="payments-title" className="card">
          <h2 id="payments-title">Payments</h2>
          <ul className="plain">
            {o.payments.map((p) => (
              <li key={p.id}>
                {money(p.amount)} via {p.provider_id} · {p.captured_at ? `captured ${formatDate(p.captured_at)}` : p.canceled_at ? "canceled" : "authorized"}
                {p.amount_refunded ? ` · refunded ${money(p.amount_refunded)}` : ""}
              </li>
            ))}
            {!o.payments.length && <li>No payment.</li>}
          </ul>
          {!!o.refundable_amount && o.refundable_amount > 0 && <RefundForm order={o} run={run} error={action.error} busy={action.isPending} />}
        </section>

        <section aria-labelledby="fulfilments-title" className="card">
          <h2 id="fulfilments-title">Fulfilments</h2>
          <ul className="plain">
            {o.fulfillments.map((f) => (
              <li key={f.id} data-fulfillment={f.id}>
                {formatDate(f.created_at)} · {(f.items ?? []).reduce((n, i) => n + i.quantity, 0)} item(s) ·{" "}
                {f.canceled_at ? "canceled" : f.shipped_at ? `shipped ${formatDate(f.shipped_at)}` : "not shipped"}
                {f.tracking_numbers?.length ? ` · tracking ${f.tracking_numbers.join(", ")}` : ""}
              </li>
            ))}
            {!o.fulfillments.length && <li>Nothing fulfilled yet.</li>}
          </ul>
          {open && toShip.map((f) => <ShipForm key={f.id} fulfillment={f} run={run} busy={action.isPending} />)}
        </section>

        <AfterSale order={o} run={run} busy={action.isPending} error={action.error} />

        {o.shipping_address && (
          <section aria-labelledby="address-title" className="card">
            <h2 id="address-title">Shipping address</h2>
            <address>
              {[o.shipping_address.first_name, o.shipping_address.last_name].filter(Boolean).join(" ")}
              <br />
              {o.shipping_address.address_1}
              <br />
              {[o.shipping_address.postal_code, o.shipping_address.city].filter(Boolean).join(" ")}
              <br />
              {o.shipping_address.country_code?.toUpperCase()}
            </address>
          </section>
        )}
      </div>
      <Widgets zone="order.details" props={{ order: o }} />
    </>
  );
}
