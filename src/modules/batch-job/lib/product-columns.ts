/** Medusa v1's product import/export template: the columns Kiosk reads and writes. */
export const PRODUCT_COLUMNS = {
  handle: "Product Handle",
  title: "Product Title",
  subtitle: "Product Subtitle",
  description: "Product Description",
  status: "Product Status",
  thumbnail: "Product Thumbnail",
  discountable: "Product Discountable",
  variantTitle: "Variant Title",
  sku: "Variant SKU",
  barcode: "Variant Barcode",
  inventory: "Variant Inventory Quantity",
  backorder: "Variant Allow Backorder",
  manageInventory: "Variant Manage Inventory",
} as const;

/** `Price USD`: the variant's price in that currency, in its minor unit. */
export const PRICE_COLUMN = /^Price ([A-Z]{3})$/;
/** `Option 1 Name` / `Option 1 Value`. */
export const OPTION_COLUMN = /^Option (\d+) (Name|Value)$/;

export const PRODUCT_STATUSES = ["draft", "proposed", "published", "rejected"] as const;
