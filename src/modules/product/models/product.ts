import type { SalesChannel } from "kiosk";
import { Column, Customizable, Entity, Index, JoinColumn, JoinTable, KioskEntity, ManyToMany, ManyToOne, OneToMany } from "kiosk";
import type { Image } from "./image";
import type { ProductCategory } from "./product-category";
import type { ProductCollection } from "./product-collection";
import type { ProductOption } from "./product-option";
import type { ProductTag } from "./product-tag";
import type { ProductType } from "./product-type";
import type { ProductVariant } from "./product-variant";

export const PRODUCT_STATUSES = ["draft", "proposed", "published", "rejected"] as const;
export type ProductStatus = (typeof PRODUCT_STATUSES)[number];

/** A saleable item (or a gift card): its options, variants, images, tags and categories. */
@Customizable("product")
@Entity("product")
export class Product extends KioskEntity {
  static idPrefix = "prod";

  @Column({ type: "varchar" })
  title: string;

  @Column({ type: "varchar", nullable: true })
  subtitle: string | null;

  @Column({ type: "text", nullable: true })
  description: string | null;

  @Column({ type: "varchar", unique: true })
  handle: string;

  @Column({ type: "boolean" })
  is_giftcard: boolean;

  @Column({ type: "varchar", default: "draft" })
  status: ProductStatus;

  @Column({ type: "varchar", nullable: true })
  thumbnail: string | null;

  @Index()
  @Column({ type: "varchar", nullable: true })
  collection_id: string | null;

  @ManyToOne("ProductCollection", { onDelete: "SET NULL" })
  @JoinColumn({ name: "collection_id" })
  collection?: ProductCollection | null;

  @Column({ type: "boolean" })
  discountable: boolean;

  /** The product's type (no foreign key: types are only soft-deleted); `type` when expanded. */
  @Index()
  @Column({ type: "varchar", nullable: true })
  type_id: string | null;

  type?: ProductType | null;

  @Column({ type: "integer", nullable: true })
  weight: number | null;

  @Column({ type: "integer", nullable: true })
  length: number | null;

  @Column({ type: "integer", nullable: true })
  height: number | null;

  @Column({ type: "integer", nullable: true })
  width: number | null;

  @Column({ type: "varchar", nullable: true })
  hs_code: string | null;

  @Column({ type: "varchar", nullable: true })
  origin_country: string | null;

  @Column({ type: "varchar", nullable: true })
  mid_code: string | null;

  @Column({ type: "varchar", nullable: true })
  material: string | null;

  @Column({ type: "jsonb", nullable: true })
  metadata: Record<string, unknown> | null;

  @OneToMany("ProductOption", "product")
  options?: ProductOption[];

  @OneToMany("ProductVariant", "product")
  variants?: ProductVariant[];

  @OneToMany("Image", "product")
  images?: Image[];

  @ManyToMany("ProductTag")
  @JoinTable({
    name: "product_tags",
    joinColumn: { name: "product_id", referencedColumnName: "id" },
    inverseJoinColumn: { name: "product_tag_id", referencedColumnName: "id" },
  })
  tags?: ProductTag[];

  @ManyToMany("ProductCategory", "products")
  @JoinTable({
    name: "product_category_product",
    joinColumn: { name: "product_id", referencedColumnName: "id" },
    inverseJoinColumn: { name: "product_category_id", referencedColumnName: "id" },
  })
  categories?: ProductCategory[];

  /** The channels it is sold in (the sales-channel module's rows), when `sales_channels` is expanded. */
  sales_channels?: SalesChannel[];
}
