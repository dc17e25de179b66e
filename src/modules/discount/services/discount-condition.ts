import { In, InvalidDataError, NotFoundError, type EntityManager, type KioskServices, type UnitOfWork } from "kiosk";
import { insertAll, JsonBatch, lockRow, sql } from "kiosk/sql";
import { Discount } from "../models/discount";
import { DISCOUNT_CONDITION_TYPES, DiscountCondition } from "../models/discount-condition";
import { conditionTarget, type ConditionInput } from "../lib/condition-input";
import { readConditionParts } from "../lib/condition-reads";
import { CONDITION_TABLES } from "../lib/condition-tables";
import type { DiscountConditionView } from "../lib/condition-view";

/**
 * A discount rule's conditions (Medusa v1's `discountConditionService`): made,
 * changed and read through their discount (a dynamic code shares its parent's
 * rule, so its conditions too). The ids a condition names belong to other
 * modules and are not checked: an unknown id never matches.
 */
export default class DiscountConditionService {
  constructor(private readonly cradle: KioskServices) {}

  private get unitOfWork(): UnitOfWork {
    return this.cradle.unitOfWork;
  }

  /** Writes conditions for a rule, inside the caller's transaction (a discount's creation). */
  async writeForRule(manager: EntityManager, ruleId: string, inputs: ConditionInput[]): Promise<void> {
    for (const input of inputs) {
      const { type, ids } = conditionTarget(input);
      const condition = await manager.save(
        manager.create(DiscountCondition, { type, operator: input.operator ?? "in", discount_rule_id: ruleId, metadata: input.metadata ?? null }),
      );
      await this.insertIds(manager, condition, ids);
    }
  }

  /** `POST /admin/discounts/:id/conditions`: a new condition on the discount's rule. */
  create(discountId: string, input: ConditionInput): Promise<void> {
    return this.unitOfWork.run(async (tx) => {
      const discount = await this.discount(tx.manager, discountId);
      await this.writeForRule(tx.manager, discount.rule_id, [input]);
      tx.emit("discount.updated", { id: discountId });
    });
  }

  /** A condition of the discount, with the ids it names; one of another discount is a 404. */
  retrieve(discountId: string, conditionId: string): Promise<DiscountConditionView> {
    return this.unitOfWork.read(async (manager) => {
      const discount = await this.discount(manager, discountId);
      const batch = new JsonBatch(manager);
      const conditions = readConditionParts(batch, sql`${discount.rule_id}`);
      await batch.run();
      const found = (conditions().get(discount.rule_id) ?? []).find((c) => c.id === conditionId);
      if (!found) throw this.notFound(discountId, conditionId);
      return found;
    });
  }

  /**
   * `POST …/conditions/:condition_id`: replaces the ids the condition names (a
   * list of another type is a 400) and its metadata when given.
   */
  update(discountId: string, conditionId: string, input: Omit<ConditionInput, "operator">): Promise<void> {
    return this.unitOfWork.run(async (tx) => {
      const condition = await this.lockCondition(tx.manager, discountId, conditionId);
      const other = DISCOUNT_CONDITION_TYPES.find((t) => t !== condition.type && input[t] !== undefined);
      if (other) throw new InvalidDataError(`This condition names ${condition.type}, not ${other}`, { code: "invalid_condition", field: other });
      const ids = input[condition.type];
      if (ids) await this.writeIds(tx.manager, condition, ids, "replace");
      if (input.metadata !== undefined) await tx.manager.update(DiscountCondition, { id: conditionId }, { metadata: input.metadata as never });
      tx.emit("discount.updated", { id: discountId });
    });
  }

  /** `POST|DELETE …/conditions/:condition_id/batch`: adds or takes off some of the ids the condition names. */
  changeIds(discountId: string, conditionId: string, ids: string[], mode: "add" | "remove"): Promise<void> {
    return this.unitOfWork.run(async (tx) => {
      const condition = await this.lockCondition(tx.manager, discountId, conditionId);
      await this.writeIds(tx.manager, condition, ids, mode);
      tx.emit("discount.updated", { id: discountId });
    });
  }

  /** Deletes a condition of the discount; one already gone changes nothing (as in Medusa v1). */
  delete(discountId: string, conditionId: string): Promise<void> {
    return this.unitOfWork.run(async (tx) => {
      const discount = await this.discount(tx.manager, discountId);
      const condition = await tx.manager.findOneBy(DiscountCondition, { id: conditionId });
      if (!condition) return;
      if (condition.discount_rule_id !== discount.rule_id) throw this.notFound(discountId, conditionId);
      await tx.manager.delete(DiscountCondition, { id: conditionId });
      tx.emit("discount.updated", { id: discountId });
    });
  }

  /** Sets, adds or removes ids of a condition whose row the caller has locked (so concurrent changes take turns). */
  private async writeIds(manager: EntityManager, condition: DiscountCondition, ids: string[], mode: "replace" | "add" | "remove"): Promise<void> {
    const { entity, column } = CONDITION_TABLES[condition.type];
    const unique = [...new Set(ids)];
    if (mode === "replace") await manager.delete(entity, { condition_id: condition.id });
    if (mode === "remove") {
      if (unique.length) await manager.delete(entity, { condition_id: condition.id, [column]: In(unique) });
      return;
    }
    const rows = mode === "add" ? await manager.findBy(entity, { condition_id: condition.id } as never) : [];
    const existing = new Set(rows.map((r) => (r as unknown as Record<string, string>)[column]));
    await this.insertIds(manager, condition, unique.filter((id) => !existing.has(id)));
  }

  private async insertIds(manager: EntityManager, condition: DiscountCondition, ids: string[]): Promise<void> {
    const { entity, column } = CONDITION_TABLES[condition.type];
    await insertAll(manager, entity as never, ids.map((id) => ({ condition_id: condition.id, [column]: id })));
  }

  private async lockCondition(manager: EntityManager, discountId: string, conditionId: string): Promise<DiscountCondition> {
    const discount = await this.discount(manager, discountId);
    const condition = await lockRow(manager, DiscountCondition, conditionId);
    if (!condition || condition.discount_rule_id !== discount.rule_id) throw this.notFound(discountId, conditionId);
    return condition;
  }

  private async discount(manager: EntityManager, id: string): Promise<Discount> {
    const discount = await manager.findOneBy(Discount, { id });
    if (!discount) throw new NotFoundError(`Discount with id ${id} was not found`, "discount_not_found");
    return discount;
  }

  private notFound(discountId: string, conditionId: string): NotFoundError {
    return new NotFoundError(`Condition with id ${conditionId} does not belong to Discount with id ${discountId}`, "discount_condition_not_found");
  }
}
