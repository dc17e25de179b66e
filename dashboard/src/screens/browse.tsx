import { Link } from "wouter";
import { formatDate, ResourceList, type Column } from "../ui/list";

/** The Admin API resources the settings screen lists without screens of their own: path segment, label, list key, whether a row opens. */
export const BROWSABLE: { name: string; label: string; key: string; detail: boolean }[] = [
  { name: "sales-channels", label: "Sales channels", key: "sales_channels", detail: true },
  { name: "publishable-api-keys", label: "Publishable API keys", key: "publishable_api_keys", detail: true },
  { name: "price-lists", label: "Price lists", key: "price_lists", detail: true },
  { name: "collections", label: "Collections", key: "collections", detail: true },
  { name: "product-categories", label: "Categories", key: "product_categories", detail: true },
  { name: "product-tags", label: "Product tags", key: "product_tags", detail: false },
  { name: "product-types", label: "Product types", key: "product_types", detail: false },
  { name: "customer-groups", label: "Customer groups", key: "customer_groups", detail: true },
  { name: "gift-cards", label: "Gift cards", key: "gift_cards", detail: true },
  { name: "draft-orders", label: "Draft orders", key: "draft_orders", detail: true },
  { name: "swaps", label: "Swaps", key: "swaps", detail: true },
  { name: "returns", label: "Returns", key: "returns", detail: false },
  { name: "return-reasons", label: "Return reasons", key: "return_reasons", detail: true },
];

type Row = { id: string } & Record<string, unknown>;
const SKIP = new Set(["id", "created_at", "updated_at", "deleted_at", "metadata", "object"]);

function cell(value: unknown): string {
  if (value === null || value === undefined || value === "") return "–";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "string" && /^\d{4}-\d\d-\d\dT/.test(value)) return formatDate(value);
  return String(value);
}

/** Up to five text, number or yes/no fields of the first row, then its date. */
function columnsOf(rows: Row[]): Column<Row>[] {
  const first = rows[0] ?? {};
  const keys = Object.keys(first).filter((k) => !SKIP.has(k) && ["string", "number", "boolean"].includes(typeof first[k])).slice(0, 5);
  if (!keys.length) keys.push("id");
  return [...keys.map((k) => ({ label: k.replace(/_/g, " "), cell: (r: Row) => cell(r[k]) })), { label: "created", cell: (r: Row) => cell(r.created_at) }];
}

/** Any listed Admin API resource, its columns taken from what the API answers. */
export default function Browse({ name }: { name: string }) {
  const resource = BROWSABLE.find((b) => b.name === name);
  if (!resource) return <h1>Nothing called {name}</h1>;
  return (
    <>
      <p>
        <Link href="/settings">← Settings</Link>
      </p>
      <h1>{resource.label}</h1>
      <ResourceList<Row>
        key={name}
        label={resource.label}
        path={`/admin/${name}`}
        listKey={resource.key}
        columns={columnsOf}
        search={false}
        rowHref={resource.detail ? (r) => `/browse/${name}/${r.id}` : undefined}
      />
    </>
  );
}
