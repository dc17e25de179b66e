import { formatDate, ResourceList, type Column } from "../ui/list";
import { QuickForm } from "../ui/quick-form";

interface CustomerRow {
  id: string;
  email: string;
  first_name?: string | null;
  last_name?: string | null;
  has_account: boolean;
  created_at: string;
}

const COLUMNS: Column<CustomerRow>[] = [
  { label: "Email", cell: (c) => c.email, sort: "email" },
  { label: "Name", cell: (c) => [c.first_name, c.last_name].filter(Boolean).join(" ") || "–", sort: "last_name" },
  { label: "Account", cell: (c) => (c.has_account ? "yes" : "guest") },
  { label: "Since", cell: (c) => formatDate(c.created_at), sort: "created_at" },
];

export default function Customers() {
  return (
    <>
      <div className="page-head">
        <h1>Customers</h1>
        <QuickForm
          title="New customer"
          path="/admin/customers"
          invalidate="/admin/customers"
          fields={[
            { name: "email", label: "Email", type: "email" },
            { name: "first_name", label: "First name" },
            { name: "last_name", label: "Last name" },
            { name: "password", label: "Password", type: "password", hint: "The customer signs in to the storefront with it" },
          ]}
          toBody={(v) => ({ email: v.email, first_name: v.first_name, last_name: v.last_name, password: v.password })}
        />
      </div>
      <ResourceList<CustomerRow> label="Customers" path="/admin/customers" listKey="customers" columns={COLUMNS} defaultSort="-created_at" rowHref={(c) => `/customers/${c.id}`} />
    </>
  );
}
