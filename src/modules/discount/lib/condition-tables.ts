import type { DiscountConditionType } from "../models/discount-condition";
import { DiscountConditionCustomerGroup } from "../models/discount-condition-customer-group";
import { DiscountConditionProduct } from "../models/discount-condition-product";
import { DiscountConditionProductCollection } from "../models/discount-condition-product-collection";
import { DiscountConditionProductTag } from "../models/discount-condition-product-tag";
import { DiscountConditionProductType } from "../models/discount-condition-product-type";

/** Each condition type's join table (entity) and the column holding the other module's id. */
export const CONDITION_TABLES = {
  products: { entity: DiscountConditionProduct, column: "product_id" },
  product_types: { entity: DiscountConditionProductType, column: "product_type_id" },
  product_collections: { entity: DiscountConditionProductCollection, column: "product_collection_id" },
  product_tags: { entity: DiscountConditionProductTag, column: "product_tag_id" },
  customer_groups: { entity: DiscountConditionCustomerGroup, column: "customer_group_id" },
} as const satisfies Record<DiscountConditionType, { entity: unknown; column: string }>;
