import type { SettingsForms } from "./types";

const fields = [
  { name: "name", label: "Name" },
  { name: "description", label: "Description" },
  { name: "is_disabled", label: "Disabled", type: "checkbox" as const },
];

const body = (v: Record<string, string>) => ({ name: v.name, description: v.description.trim() || null, is_disabled: v.is_disabled === "true" });

/** Sales channels: create, rename, disable, delete (`/admin/sales-channels`). */
export const salesChannels: SettingsForms = {
  create: { title: "New sales channel", fields, toBody: body },
  edit: { fields, values: (c) => ({ name: c.name ?? "", description: c.description ?? "", is_disabled: String(Boolean(c.is_disabled)) }), toBody: body },
  deletable: true,
};
