import { useState } from "react";
import type { Query } from "../api";
import { formatMoney } from "../money";
import { formatDate, ResourceList, Status, type Column } from "../ui/list";

export interface OrderRow {
  id: string;
  display_id: number;
  email: string;
  status: string;
  payment_status: string;
  fulfillment_status: string;
  total: number;
  currency_code: string;
  created_at: string;
}

/** The tabs of the orders list: a name and the list filters it sends. */
export const ORDER_VIEWS: [string, Query][] = [
  ["All", {}],
  ["To ship", { status: ["pending"], fulfillment_status: ["not_fulfilled", "partially_fulfilled", "fulfilled", "partially_shipped"] }],
  ["Not paid", { status: ["pending"], payment_status: ["not_paid", "awaiting", "requires_action"] }],
  ["Completed", { status: ["completed"] }],
  ["Canceled", { status: ["canceled"] }],
  ["Archived", { status: ["archived"] }],
];

const COLUMNS: Column<OrderRow>[] = [
  { label: "Order", cell: (o) => `#${o.display_id}`, sort: "display_id" },
  { label: "Date", cell: (o) => formatDate(o.created_at), sort: "created_at" },
  { label: "Customer", cell: (o) => o.email, sort: "email" },
  { label: "Status", cell: (o) => <Status value={o.status} /> },
  { label: "Payment", cell: (o) => <Status value={o.payment_status} /> },
  { label: "Fulfilment", cell: (o) => <Status value={o.fulfillment_status} /> },
  { label: "Total", cell: (o) => formatMoney(o.total, o.currency_code), className: "num" },
];

export default function Orders() {
  const [view, setView] = useState(0);
  return (
    <>
      <h1>Orders</h1>
      <div className="tabs" role="group" aria-label="Order status">
        {ORDER_VIEWS.map(([label], i) => (
          <button key={label} type="button" aria-pressed={view === i} onClick={() => setView(i)}>
            {label}
          </button>
        ))}
      </div>
      <ResourceList<OrderRow>
        label="Orders"
        path="/admin/orders"
        listKey="orders"
        columns={COLUMNS}
        filters={ORDER_VIEWS[view][1]}
        defaultSort="-created_at"
        rowHref={(o) => `/orders/${o.id}`}
      />
    </>
  );
}
