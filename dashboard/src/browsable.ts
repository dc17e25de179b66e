/** The Admin API resources the settings screen lists without screens of their own: path segment, label, list key, whether a row opens. */
export const BROWSABLE: { name: string; label: string; key: string; detail: boolean }[] = [
  { name: "sales-channels", label: "Sales channels", key: "sales_channels", detail: true },
  { name: "publishable-api-keys", label: "Publishable API keys", key: "publishable_api_keys", detail: true },
  { name: "price-lists", label: "Price lists", key: "price_lists", detail: true },
  { name: "collections", label: "Collections", key: "collections", detail: true },
  { name: "product-categories", label: "Categories", key: "product_categories", detail: true },
  { name: "product-tags", label: "Product tags", key: "product_tags", detail: false },
  { name: "product-types", label: "Product types", key: "product_types", detail: false },
  { name: "customer-groups", label: "Customer groups", key: "customer_groups", detail: true },
  { name: "gift-cards", label: "Gift cards", key: "gift_cards", detail: true },
  { name: "draft-orders", label: "Draft orders", key: "draft_orders", detail: true },
  { name: "swaps", label: "Swaps", key: "swaps", detail: true },
  { name: "returns", label: "Returns", key: "returns", detail: false },
  { name: "return-reasons", label: "Return reasons", key: "return_reasons", detail: true },
];
