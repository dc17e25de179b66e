import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from "kiosk";
import type { PriceList } from "./price-list";

/** A customer group a price list is for (groups live in the customer module: no foreign key). */
@Entity("price_list_customer_groups")
export class PriceListCustomerGroup {
  @Index()
  @PrimaryColumn({ type: "varchar" })
  price_list_id: string;

  @Index()
  @PrimaryColumn({ type: "varchar" })
  customer_group_id: string;

  @ManyToOne("PriceList", { onDelete: "CASCADE" })
  @JoinColumn({ name: "price_list_id" })
  price_list?: PriceList;
}
