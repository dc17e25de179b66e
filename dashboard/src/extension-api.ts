/** What `import { … } from "kiosk/admin"` gives a project's dashboard extension (see README: extensions). */
export const ADMIN_EXPORTS = [
  "api",
  "ApiError",
  "list",
  "formatMoney",
  "formatDate",
  "ResourceList",
  "Status",
  "Field",
  "TextField",
  "SelectField",
  "FormError",
  "useQuery",
  "useMutation",
  "useQueryClient",
  "Link",
  "useLocation",
] as const;
