import { JsonBatch, sql, type Sql } from "kiosk/sql";
import { Payment } from "../models/payment";
import { PaymentSession } from "../models/payment-session";
import { Refund } from "../models/refund";

/**
 * Read part (see `JsonBatch`): adds to the caller's batch the payment sessions
 * of the carts `cartIds` picks (a subquery, `sql.list(ids)` or one bound value);
 * the function returned gives them, in the order read, once the batch has run.
 */
export function readSessionParts(batch: JsonBatch, cartIds: Sql): () => PaymentSession[] {
  const sessions = batch.rows<PaymentSession>(PaymentSession, sql`t."cart_id" IN (${cartIds})`);
  return () => sessions.rows;
}

/** Read part: the payments and refunds of the orders `orderIds` picks (group them by `order_id`). */
export function readOrderPaymentParts(batch: JsonBatch, orderIds: Sql): () => { payments: Payment[]; refunds: Refund[] } {
  const payments = batch.rows<Payment>(Payment, sql`t."order_id" IN (${orderIds})`);
  const refunds = batch.rows<Refund>(Refund, sql`t."order_id" IN (${orderIds})`);
  return () => ({ payments: payments.rows, refunds: refunds.rows });
}
