import { useQuery } from "@tanstack/react-query";
import { api } from "../api";
import { formatMoney, parseMoney } from "../money";
import { QuickForm } from "../ui/quick-form";
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
  const regions = useQuery({ queryKey: ["/admin/regions", "all"], queryFn: () => api<{ regions: { id: string; name: string; currency_code: string }[] }>("/admin/regions", { query: { limit: 100 } }) });
  return (
    <>
      <div className="page-head">
        <h1>Shipping options</h1>
        {regions.data && (
          <QuickForm
            title="New shipping option"
            path="/admin/shipping-options"
            invalidate="/admin/shipping-options"
            fields={[
              { name: "name", label: "Name" },
              { name: "region_id", label: "Region", type: "select", options: regions.data.regions.map((r) => ({ value: r.id, label: `${r.name} (${r.currency_code.toUpperCase()})` })) },
              { name: "amount", label: "Price", hint: "In the region's currency, such as 4.95" },
              { name: "is_return", label: "Return shipping", type: "checkbox" },
            ]}
            toBody={(v) => {
              const currency = regions.data.regions.find((r) => r.id === v.region_id)?.currency_code ?? "usd";
              return {
                name: v.name,
                region_id: v.region_id,
                provider_id: "manual",
                price_type: "flat_rate",
                amount: parseMoney(v.amount, currency) ?? v.amount,
                is_return: v.is_return === "true",
              };
            }}
          />
        )}
      </div>
      <ResourceList<OptionRow> label="Shipping options" path="/admin/shipping-options" listKey="shipping_options" columns={COLUMNS} search={false} rowHref={(o) => `/shipping-options/${o.id}`} />
    </>
  );
}
