import { useState, type FormEvent } from "react";
import { formatMoney, moneyInput, parseMoney } from "../money";
import { fieldError, SelectField, TextField } from "../ui/form";
import type { Fulfillment, Order } from "./order-detail";

/** The order actions that take input: shipping a fulfilment, refunding. */
export function ShipForm({ fulfillment, run, busy }: { fulfillment: Fulfillment; run: (path: string, body: unknown) => void; busy: boolean }) {
  const [tracking, setTracking] = useState("");
  const submit = (e: FormEvent) => {
    e.preventDefault();
    run("shipment", { fulfillment_id: fulfillment.id, ...(tracking.trim() ? { tracking_numbers: [tracking.trim()] } : {}) });
  };
  return (
    <form onSubmit={submit} className="inline-form" aria-label="Ship fulfilment">
      <TextField label="Tracking number" name="tracking_numbers" value={tracking} onChange={setTracking} />
      <button type="submit" className="primary" disabled={busy}>
        Mark shipped
      </button>
    </form>
  );
}

const REFUND_FIELDS = ["amount", "reason", "note"];

export function RefundForm({ order, run, error, busy }: { order: Order; run: (path: string, body: unknown) => void; error: unknown; busy: boolean }) {
  const [amount, setAmount] = useState(moneyInput(order.refundable_amount ?? 0, order.currency_code));
  const [reason, setReason] = useState("other");
  const [local, setLocal] = useState<string>();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const minor = parseMoney(amount, order.currency_code);
    if (minor === undefined) return setLocal(`An amount in ${order.currency_code.toUpperCase()}, such as 12.50`);
    setLocal(undefined);
    if (window.confirm(`Refund ${formatMoney(minor, order.currency_code)}?`)) run("refund", { amount: minor, reason });
  };
  return (
    <form onSubmit={submit} className="inline-form" aria-label="Refund">
      <TextField label={`Refund (${order.currency_code.toUpperCase()})`} name="amount" inputMode="decimal" value={amount} onChange={setAmount} error={local ?? fieldError(error, "amount", REFUND_FIELDS)} />
      <SelectField label="Reason" name="reason" value={reason} onChange={setReason} options={["discount", "return", "swap", "claim", "other"]} />
      <button type="submit" disabled={busy}>
        Refund
      </button>
    </form>
  );
}
