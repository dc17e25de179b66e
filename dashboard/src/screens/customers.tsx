import { formatDate, ResourceList, type Column } from "../ui/list";

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
      <h1>Customers</h1>
      <ResourceList<CustomerRow> label="Customers" path="/admin/customers" listKey="customers" columns={COLUMNS} defaultSort="-created_at" rowHref={(c) => `/customers/${c.id}`} />
    </>
  );
}
