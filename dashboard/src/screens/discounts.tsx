import { useQuery } from "@tanstack/react-query";
import { api } from "../api";
import { QuickForm } from "../ui/quick-form";
import { formatDate, ResourceList, type Column } from "../ui/list";

interface DiscountRow {
  id: string;
  code: string;
  is_disabled: boolean;
  usage_count: number;
  usage_limit: number | null;
  ends_at: string | null;
  rule?: { type: string; value: number; allocation?: string | null };
}

const COLUMNS: Column<DiscountRow>[] = [
  { label: "Code", cell: (d) => d.code },
  { label: "Rule", cell: (d) => (d.rule ? (d.rule.type === "percentage" ? `${d.rule.value}%` : `${d.rule.type} ${d.rule.value}`) : "–") },
  { label: "Used", cell: (d) => `${d.usage_count}${d.usage_limit ? ` / ${d.usage_limit}` : ""}`, className: "num" },
  { label: "Ends", cell: (d) => formatDate(d.ends_at) },
  { label: "State", cell: (d) => (d.is_disabled ? "disabled" : "active") },
];

export default function Discounts() {
  const regions = useQuery({ queryKey: ["/admin/regions", "all"], queryFn: () => api<{ regions: { id: string; name: string }[] }>("/admin/regions", { query: { limit: 100 } }) });
  return (
    <>
      <div className="page-head">
        <h1>Discounts</h1>
        {regions.data && (
          <QuickForm
            title="New discount"
            path="/admin/discounts"
            invalidate="/admin/discounts"
            fields={[
              { name: "code", label: "Code" },
              { name: "rule.type", label: "Type", type: "select", options: ["percentage", "fixed", "free_shipping"] },
              { name: "rule.value", label: "Value", type: "number", hint: "Percent, or an amount in minor units (cents)", initial: "10" },
              { name: "regions", label: "Regions", type: "select", options: regions.data.regions.map((r) => ({ value: r.id, label: r.name })) },
            ]}
            toBody={(v) => ({
              code: v.code,
              rule: { type: v["rule.type"], value: Number(v["rule.value"] || 0), allocation: v["rule.type"] === "fixed" ? "total" : undefined },
              regions: v.regions ? [v.regions] : [],
            })}
          />
        )}
      </div>
      <ResourceList<DiscountRow> label="Discounts" path="/admin/discounts" listKey="discounts" columns={COLUMNS} rowHref={(d) => `/discounts/${d.id}`} />
    </>
  );
}
