import { useState } from "react";
import { Link } from "wouter";
import { ResourceList, Status, type Column } from "../ui/list";

interface ProductRow {
  id: string;
  title: string;
  handle: string;
  status: string;
  thumbnail?: string | null;
  variants?: { id: string; inventory_quantity: number }[];
}

const COLUMNS: Column<ProductRow>[] = [
  { label: "Product", cell: (p) => p.title },
  { label: "Handle", cell: (p) => p.handle },
  { label: "Status", cell: (p) => <Status value={p.status} /> },
  { label: "Variants", cell: (p) => p.variants?.length ?? 0, className: "num" },
  { label: "Stock", cell: (p) => (p.variants ?? []).reduce((n, v) => n + (v.inventory_quantity ?? 0), 0), className: "num" },
];

const STATUSES = ["", "draft", "proposed", "published", "rejected"];

export default function Products() {
  const [status, setStatus] = useState("");
  return (
    <>
      <div className="page-head">
        <h1>Products</h1>
        <Link href="/products/new" className="button primary">
          New product
        </Link>
      </div>
      <ResourceList<ProductRow>
        label="Products"
        path="/admin/products"
        listKey="products"
        columns={COLUMNS}
        filters={status ? { status: [status] } : {}}
        rowHref={(p) => `/products/${p.id}`}
        toolbar={
          <label className="filter">
            Status{" "}
            <select value={status} onChange={(e) => setStatus(e.target.value)}>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {s || "any"}
                </option>
              ))}
            </select>
          </label>
        }
      />
    </>
  );
}
