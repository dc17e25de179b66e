import type { OrderNumberStrategy } from "kiosk";
import { nextDisplayId } from "../lib/display-id";

/** The default order number: the next value of the `order_display_id` sequence. */
const sequence: OrderNumberStrategy = {
  next: ({ manager }) => nextDisplayId(manager),
};

export default sequence;
