import { In, IsNull, UnauthorizedError, signPurposeToken, verifyPurposeToken, type KioskServices } from "kiosk";
import { Order } from "../models/order";
import { ORDER_CLAIM_PURPOSE, ORDER_CLAIM_TTL } from "../lib/constants";

/** The one answer to a wrong or expired claim token, or one whose customer is gone: a 401. */
function invalidClaimToken(): UnauthorizedError {
  return new UnauthorizedError("Invalid or expired order claim token", "invalid_claim_token");
}

/**
 * A signed-in customer takes over guest orders (Medusa v1's order claim): asking
 * sends a token to each email the orders were placed with (`order-update-token.created`,
 * for a notification provider); whoever reads that mailbox confirms with it, and
 * the orders move to the customer. Only guest orders (no customer) move, and only
 * while they still have the email the token was sent to.
 */
export default class OrderClaimingService {
  constructor(private readonly cradle: KioskServices) {}

  /**
   * Raises one `order-update-token.created` per email among the guest orders of
   * `orderIds` (unknown ids and orders of a customer are left out, as Medusa v1
   * leaves out unknown ones), each with a token for that email's orders that
   * expires after 15 minutes. A customer without an account is a 401.
   */
  async request(customerId: string, orderIds: string[]): Promise<void> {
    const customer = await this.cradle.customerService.retrieve(customerId);
    if (!customer.has_account) throw new UnauthorizedError("Customer does not have an account", "customer_without_account");
    const { jwtSecret } = this.cradle.config.http;
    await this.cradle.unitOfWork.run(async (tx) => {
      const orders = await tx.manager.find(Order, {
        select: { id: true, email: true },
        where: { id: In([...new Set(orderIds)]), customer_id: IsNull() },
        order: { created_at: "ASC", id: "ASC" },
      });
      const byEmail = new Map<string, string[]>();
      for (const order of orders) {
        if (order.email) byEmail.set(order.email, [...(byEmail.get(order.email) ?? []), order.id]);
      }
      for (const [email, ids] of byEmail) {
        const token = signPurposeToken(ORDER_CLAIM_PURPOSE, customerId, { old_email: email, orders: ids }, jwtSecret, ORDER_CLAIM_TTL);
        tx.emit("order-update-token.created", { old_email: email, new_customer_id: customerId, orders: ids, token });
      }
    });
  }

  /**
   * Moves the orders a valid token names to its customer, with the customer's
   * email (Medusa v1), raising `order.updated` for each. An order moves only if
   * it is still a guest order with the email the token was sent to: each is one
   * conditional UPDATE, so two confirmations racing move it once, and a token
   * used again moves nothing more (it is not spent: confirming twice is harmless).
   * A wrong or expired token, or one whose customer is gone, is a 401.
   */
  async confirm(token: string): Promise<{ moved: string[] }> {
    const claim = verifyPurposeToken(ORDER_CLAIM_PURPOSE, token, this.cradle.config.http.jwtSecret);
    const orderIds = claim?.orders;
    const oldEmail = claim?.old_email;
    if (!claim || !Array.isArray(orderIds) || typeof oldEmail !== "string") throw invalidClaimToken();
    const customer = await this.cradle.customerService.retrieve(claim.sub).catch(() => undefined);
    if (!customer?.has_account) throw invalidClaimToken();
    return this.cradle.unitOfWork.run(async (tx) => {
      const moved: string[] = [];
      for (const id of orderIds.filter((id): id is string => typeof id === "string")) {
        const { affected } = await tx.manager.update(
          Order,
          { id, customer_id: IsNull(), email: oldEmail },
          { customer_id: customer.id, email: customer.email, updated_at: new Date() } as never,
        );
        if (!affected) continue;
        moved.push(id);
        tx.emit("order.updated", { id });
      }
      return { moved };
    });
  }
}
