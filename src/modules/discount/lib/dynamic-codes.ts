import { ConflictError, InvalidDataError, NotFoundError, UnprocessableError, type TransactionContext } from "kiosk";
import { insertAll, lockRow } from "kiosk/sql";
import { Discount } from "../models/discount";
import { DiscountRegion } from "../models/discount-region";
import { addDuration } from "./valid-duration";

export interface DynamicCodeInput {
  code: string;
  usage_limit?: number | null;
  metadata?: Record<string, unknown> | null;
}

/**
 * Makes a dynamic code of a dynamic discount (Medusa v1's `createDynamicCode`):
 * a child discount sharing the parent's rule (so its conditions), valid in the
 * parent's regions from now until `valid_duration` after now (no end without
 * one), usable `usage_limit` times (1 unless given). The parent's row is locked,
 * so a concurrent deletion of the parent waits. Returns the child's id.
 */
export async function createDynamicCode(tx: TransactionContext, parentId: string, input: DynamicCodeInput): Promise<string> {
  const parent = await lockRow(tx.manager, Discount, parentId);
  if (!parent) throw new NotFoundError(`Discount with id ${parentId} was not found`, "discount_not_found");
  if (!parent.is_dynamic || parent.parent_discount_id) {
    throw new UnprocessableError("Discount must be set to dynamic", "discount_not_dynamic");
  }
  const code = input.code.trim().toUpperCase();
  if (!code) throw new InvalidDataError("Discount must have a code", { field: "code" });
  if (await tx.manager.existsBy(Discount, { code })) throw new ConflictError(`A discount with the code ${code} already exists`, "duplicate_error");
  const now = new Date();
  const child = await tx.manager.save(
    tx.manager.create(Discount, {
      code,
      is_dynamic: true,
      rule_id: parent.rule_id,
      parent_discount_id: parent.id,
      valid_duration: null,
      is_disabled: false,
      starts_at: now,
      ends_at: parent.valid_duration ? addDuration(now, parent.valid_duration) : null,
      usage_limit: input.usage_limit === undefined ? 1 : input.usage_limit,
      usage_count: 0,
      metadata: input.metadata ?? null,
    }),
  );
  const regions = await tx.manager.findBy(DiscountRegion, { discount_id: parent.id });
  await insertAll(tx.manager, DiscountRegion, regions.map((r) => ({ discount_id: child.id, region_id: r.region_id })));
  tx.emit("discount.created", { id: child.id });
  return child.id;
}

/** Deletes a dynamic code of the discount; an unknown code changes nothing (as in Medusa v1). */
export async function deleteDynamicCode(tx: TransactionContext, parentId: string, code: string): Promise<void> {
  if (!(await tx.manager.existsBy(Discount, { id: parentId }))) throw new NotFoundError(`Discount with id ${parentId} was not found`, "discount_not_found");
  const child = await tx.manager.findOneBy(Discount, { parent_discount_id: parentId, code: code.trim().toUpperCase() });
  if (!child) return;
  await tx.manager.delete(Discount, { id: child.id });
  tx.emit("discount.deleted", { id: child.id });
}
