import { formatDate, ResourceList, type Column } from "../ui/list";
import { QuickForm } from "../ui/quick-form";

interface UserRow {
  id: string;
  email: string;
  first_name?: string | null;
  last_name?: string | null;
  role: string;
  created_at: string;
}

const COLUMNS: Column<UserRow>[] = [
  { label: "Email", cell: (u) => u.email },
  { label: "Name", cell: (u) => [u.first_name, u.last_name].filter(Boolean).join(" ") || "–" },
  { label: "Role", cell: (u) => u.role },
  { label: "Since", cell: (u) => formatDate(u.created_at) },
];

export default function Users() {
  return (
    <>
      <div className="page-head">
        <h1>Users</h1>
        <QuickForm
          title="New user"
          path="/admin/users"
          invalidate="/admin/users"
          fields={[
            { name: "email", label: "Email", type: "email" },
            { name: "password", label: "Password", type: "password", hint: "8 characters or more" },
            { name: "first_name", label: "First name" },
            { name: "last_name", label: "Last name" },
            { name: "role", label: "Role", type: "select", options: ["admin", "member", "developer"] },
          ]}
          toBody={(v) => ({ email: v.email, password: v.password, role: v.role, ...(v.first_name ? { first_name: v.first_name } : {}), ...(v.last_name ? { last_name: v.last_name } : {}) })}
        />
      </div>
      <ResourceList<UserRow> label="Users" path="/admin/users" listKey="users" columns={COLUMNS} search={false} rowHref={(u) => `/users/${u.id}`} />
    </>
  );
}
