import { moneyInput, parseMoney } from "../money";
import type { RecordEdit } from "./record";

/** `""` -> leave out; anything else as typed. */
const text = (value: string) => (value.trim() ? value.trim() : undefined);

export const customerEdit: RecordEdit = {
  fields: [
    { name: "first_name", label: "First name" },
    { name: "last_name", label: "Last name" },
    { name: "phone", label: "Phone" },
  ],
  values: (c) => ({ first_name: c.first_name ?? "", last_name: c.last_name ?? "", phone: c.phone ?? "" }),
  toBody: (v) => ({ first_name: text(v.first_name), last_name: text(v.last_name), phone: v.phone.trim() || null }),
};

export const regionEdit: RecordEdit = {
  fields: [
    { name: "name", label: "Name" },
    { name: "tax_rate", label: "Tax rate (%)", type: "number" },
  ],
  values: (r) => ({ name: r.name ?? "", tax_rate: String(r.tax_rate ?? 0) }),
  toBody: (v) => ({ name: v.name, tax_rate: Number(v.tax_rate || 0) }),
};

export const shippingOptionEdit: RecordEdit = {
  fields: [
    { name: "name", label: "Name" },
    { name: "amount", label: "Price", hint: "In the region's currency, such as 4.95" },
    { name: "admin_only", label: "Admin only", type: "checkbox" },
  ],
  values: (o) => ({ name: o.name ?? "", amount: o.amount === null || o.amount === undefined ? "" : moneyInput(Number(o.amount), o.region?.currency_code ?? "usd"), admin_only: String(Boolean(o.admin_only)) }),
  toBody: (v, o) => {
    const currency = o.region?.currency_code ?? "usd";
    const amount = v.amount.trim() ? (parseMoney(v.amount, currency) ?? v.amount) : undefined;
    return { name: v.name, admin_only: v.admin_only === "true", ...(o.price_type === "flat_rate" && amount !== undefined ? { amount } : {}) };
  },
};

export const discountEdit: RecordEdit = {
  fields: [
    { name: "code", label: "Code" },
    { name: "is_disabled", label: "Disabled", type: "checkbox" },
    { name: "usage_limit", label: "Usage limit", type: "number", hint: "Empty: no limit" },
  ],
  values: (d) => ({ code: d.code ?? "", is_disabled: String(Boolean(d.is_disabled)), usage_limit: d.usage_limit === null || d.usage_limit === undefined ? "" : String(d.usage_limit) }),
  toBody: (v) => ({ code: v.code, is_disabled: v.is_disabled === "true", usage_limit: v.usage_limit.trim() ? Number(v.usage_limit) : null }),
};


/** A user's name and role, and a new password (left empty, it stays; set, it signs that user out everywhere). */
export const userEdit: RecordEdit = {
  fields: [
    { name: "first_name", label: "First name" },
    { name: "last_name", label: "Last name" },
    { name: "role", label: "Role", type: "select", options: ["admin", "member", "developer"] },
    { name: "password", label: "New password", type: "password", hint: "Empty: unchanged. Set: 8 characters or more, and the user signs in again" },
  ],
  values: (u) => ({ first_name: u.first_name ?? "", last_name: u.last_name ?? "", role: u.role ?? "member", password: "" }),
  toBody: (v) => ({ first_name: v.first_name.trim() || null, last_name: v.last_name.trim() || null, role: v.role, ...(v.password ? { password: v.password } : {}) }),
};
