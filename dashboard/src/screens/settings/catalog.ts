import type { SettingsForms } from "./types";

/** `""` -> leave out (the API makes a handle from the title or name). */
const handle = (v: Record<string, string>) => (v.handle.trim() ? { handle: v.handle.trim() } : {});

const collectionFields = [
  { name: "title", label: "Title" },
  { name: "handle", label: "Handle", hint: "Left empty, it is made from the title" },
];

/** Collections: create, edit (with their custom fields), delete (`/admin/collections`). */
export const collections: SettingsForms = {
  create: { title: "New collection", fields: collectionFields, toBody: (v) => ({ title: v.title, ...handle(v) }) },
  edit: { fields: collectionFields, values: (c) => ({ title: c.title ?? "", handle: c.handle ?? "" }), toBody: (v) => ({ title: v.title, ...handle(v) }) },
  customFields: "product_collection",
  deletable: true,
};

const categoryFields = [
  { name: "name", label: "Name" },
  { name: "handle", label: "Handle", hint: "Left empty, it is made from the name" },
  { name: "description", label: "Description" },
  { name: "is_active", label: "Active", type: "checkbox" as const, initial: "true" },
  { name: "is_internal", label: "Internal (hidden from the storefront)", type: "checkbox" as const },
];

const categoryBody = (v: Record<string, string>) => ({ name: v.name, ...handle(v), description: v.description, is_active: v.is_active === "true", is_internal: v.is_internal === "true" });

/** Product categories: create, edit (with their custom fields), delete (`/admin/product-categories`). */
export const categories: SettingsForms = {
  create: { title: "New category", fields: categoryFields, toBody: categoryBody },
  edit: {
    fields: categoryFields,
    values: (c) => ({ name: c.name ?? "", handle: c.handle ?? "", description: c.description ?? "", is_active: String(Boolean(c.is_active)), is_internal: String(Boolean(c.is_internal)) }),
    toBody: categoryBody,
  },
  customFields: "product_category",
  deletable: true,
};

/** Customer groups: create, rename, delete (`/admin/customer-groups`). */
export const customerGroups: SettingsForms = {
  create: { title: "New customer group", fields: [{ name: "name", label: "Name" }], toBody: (v) => ({ name: v.name }) },
  edit: { fields: [{ name: "name", label: "Name" }], values: (g) => ({ name: g.name ?? "" }), toBody: (v) => ({ name: v.name }) },
  deletable: true,
};
