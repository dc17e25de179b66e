import { formatMoney } from "../money";
import { ResourceList, type Column } from "../ui/list";

interface OptionRow {
  id: string;
  name: string;
  amount: number | null;
  price_type: string;
  is_return: boolean;
  admin_only: boolean;
  provider_id: string;
  region?: { name: string; currency_code: string } | null;
  region_id: string;
}

const COLUMNS: Column<OptionRow>[] = [
  { label: "Option", cell: (o) => o.name },
  { label: "Region", cell: (o) => o.region?.name ?? o.region_id },
  { label: "Price", cell: (o) => (o.price_type === "flat_rate" ? formatMoney(o.amount, o.region?.currency_code) : o.price_type), className: "num" },
  { label: "Provider", cell: (o) => o.provider_id },
  { label: "Kind", cell: (o) => [o.is_return ? "return" : "outbound", o.admin_only ? "admin only" : ""].filter(Boolean).join(", ") },
];

export default function ShippingOptions() {
  return (
    <>
      <h1>Shipping options</h1>
      <ResourceList<OptionRow> label="Shipping options" path="/admin/shipping-options" listKey="shipping_options" columns={COLUMNS} search={false} rowHref={(o) => `/shipping-options/${o.id}`} />
    </>
  );
}
