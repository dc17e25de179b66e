import { listOf, QuickForm } from "../ui/quick-form";
import { ResourceList, type Column } from "../ui/list";

interface RegionRow {
  id: string;
  name: string;
  currency_code: string;
  tax_rate: number;
  countries?: { iso_2: string }[];
}

const COLUMNS: Column<RegionRow>[] = [
  { label: "Region", cell: (r) => r.name },
  { label: "Currency", cell: (r) => r.currency_code.toUpperCase() },
  { label: "Tax rate", cell: (r) => `${r.tax_rate}%`, className: "num" },
  { label: "Countries", cell: (r) => (r.countries ?? []).map((c) => c.iso_2.toUpperCase()).join(", ") },
];

export default function Regions() {
  return (
    <>
      <div className="page-head">
        <h1>Regions</h1>
        <QuickForm
          title="New region"
          path="/admin/regions"
          invalidate="/admin/regions"
          fields={[
            { name: "name", label: "Name" },
            { name: "currency_code", label: "Currency", hint: "3 letters, such as eur" },
            { name: "countries", label: "Countries", hint: "2-letter codes, comma separated" },
            { name: "tax_rate", label: "Tax rate (%)", type: "number", initial: "0" },
          ]}
          toBody={(v) => ({ name: v.name, currency_code: v.currency_code.trim().toLowerCase(), countries: listOf(v.countries), tax_rate: Number(v.tax_rate || 0), payment_providers: ["manual"], fulfillment_providers: ["manual"] })}
        />
      </div>
      <ResourceList<RegionRow> label="Regions" path="/admin/regions" listKey="regions" columns={COLUMNS} search={false} rowHref={(r) => `/regions/${r.id}`} />
    </>
  );
}
