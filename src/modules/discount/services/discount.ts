import {
  customFieldValues,
  containsPattern,
  ConflictError,
  In,
  InvalidDataError,
  NotFoundError,
  UnprocessableError,
  type EntityManager,
  type KioskServices,
  type UnitOfWork,
} from "kiosk";
import { insertAll, type JsonBatch, type Sql } from "kiosk/sql";
import { Discount } from "../models/discount";
import { DiscountRegion } from "../models/discount-region";
import { DiscountRule, type DiscountAllocation, type DiscountRuleType } from "../models/discount-rule";
import { readDiscountParts, type DiscountWithRule } from "../lib/discount-reads";
import { replacedBy, type Combinable } from "../lib/combination";
import type { ConditionInput } from "../lib/condition-input";
import type { DiscountConditionView } from "../lib/condition-view";
import { assertApplicable, assertValidForLines, discountableLines, type DiscountableLine } from "../lib/applicability";
import { discountViews, type DiscountView } from "../lib/discount-view";
import { createDynamicCode, deleteDynamicCode, type DynamicCodeInput } from "../lib/dynamic-codes";

export interface DiscountRuleInput {
  type: DiscountRuleType;
  value: number;
  allocation?: DiscountAllocation;
  description?: string | null;
  metadata?: Record<string, unknown> | null;
}

export interface CreateDiscountInput {
  code: string;
  rule: DiscountRuleInput & { conditions?: ConditionInput[] };
  regions: string[];
  is_dynamic?: boolean;
  valid_duration?: string | null;
  is_disabled?: boolean;
  starts_at?: Date;
  ends_at?: Date | null;
  usage_limit?: number | null;
  metadata?: Record<string, unknown> | null;
}

export interface UpdateDiscountInput {
  code?: string;
  rule?: { value?: number; allocation?: DiscountAllocation; description?: string | null; metadata?: Record<string, unknown> | null };
  regions?: string[];
  is_disabled?: boolean;
  starts_at?: Date;
  ends_at?: Date | null;
  usage_limit?: number | null;
  valid_duration?: string | null;
  metadata?: Record<string, unknown> | null;
}

export interface DiscountListQuery {
  q?: string;
  is_disabled?: boolean;
  is_dynamic?: boolean;
  offset: number;
  limit: number;
}

export type { DiscountView, DiscountableLine };

/**
 * Discount codes: the admin's CRUD, and for carts the checks that a code can be
 * used (`assertApplicable`), which codes combine on one cart (`replacedBy`),
 * and their consumption at completion (`consume`, a conditional update that
 * never passes `usage_limit`).
 */
export default class DiscountService {
  constructor(private readonly cradle: KioskServices) {}

  private get unitOfWork(): UnitOfWork {
    return this.cradle.unitOfWork;
  }

  list(query: DiscountListQuery): Promise<[DiscountView[], number]> {
    return this.unitOfWork.run(async (tx) => {
      const qb = tx.manager
        .createQueryBuilder(Discount, "discount")
        .leftJoinAndSelect("discount.rule", "rule")
        .leftJoinAndSelect("discount.discount_regions", "dr");
      if (query.q) qb.andWhere(`discount.code LIKE :q ESCAPE '\\'`, { q: containsPattern(query.q.toUpperCase()) });
      if (query.is_disabled !== undefined) qb.andWhere("discount.is_disabled = :disabled", { disabled: query.is_disabled });
      if (query.is_dynamic !== undefined) qb.andWhere("discount.is_dynamic = :dynamic", { dynamic: query.is_dynamic });
      const [rows, count] = await qb
        .orderBy("discount.created_at", "DESC")
        .addOrderBy("discount.id", "DESC")
        .skip(query.offset)
        .take(query.limit)
        .getManyAndCount();
      return [await discountViews(this.cradle, rows), count];
    });
  }

  retrieve(id: string): Promise<DiscountView> {
    return this.unitOfWork.run(async (tx) => (await discountViews(this.cradle, [await this.load(tx.manager, { id })]))[0]);
  }

  /** A discount by code (any case); unknown is a 404 `discount_not_found`. */
  retrieveByCode(code: string): Promise<DiscountView> {
    return this.unitOfWork.run(
      async (tx) => (await discountViews(this.cradle, [await this.load(tx.manager, { code: code.trim().toUpperCase() })]))[0],
    );
  }

  /**
   * Read part (see `JsonBatch`): adds to the caller's batch the discounts picked
   * by `discountIds`, a subquery over the caller's own join table
   * (`sql\`SELECT "discount_id" FROM "order_discounts" WHERE "order_id" IN (${ids})\``),
   * with their rules. Call `batch.run()`, then the function returned for the
   * discounts by id (in the order read).
   */
  readDiscounts(batch: JsonBatch, discountIds: Sql): () => Map<string, DiscountWithRule> {
    return readDiscountParts(batch, discountIds);
  }

  /** Discounts by id with their rules (for carts and orders); unknown ids are left out. */
  listByIds(ids: string[]): Promise<DiscountView[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.unitOfWork.run(async (tx) =>
      discountViews(this.cradle, await tx.manager.find(Discount, { where: { id: In(ids) }, relations: { rule: true, discount_regions: true } })),
    );
  }

  create(input: CreateDiscountInput): Promise<DiscountView> {
    const rule = this.checkRule(input.rule);
    const regions = [...new Set(input.regions)];
    this.checkRegionCount(rule.type, regions);
    if (input.valid_duration && !input.is_dynamic) {
      throw new InvalidDataError("valid_duration is for dynamic discounts only", { field: "valid_duration" });
    }
    const startsAt = input.starts_at ?? new Date();
    this.checkDates(startsAt, input.ends_at ?? null);
    return this.unitOfWork.run(async (tx) => {
      const code = input.code.trim().toUpperCase();
      await this.assertFreeCode(tx.manager, code);
      await this.assertRegions(regions);
      const savedRule = await tx.manager.save(
        tx.manager.create(DiscountRule, {
          type: rule.type,
          value: rule.value,
          allocation: rule.allocation,
          description: rule.description ?? null,
          metadata: rule.metadata ?? null,
        }),
      );
      const discount = await tx.manager.save(
        tx.manager.create(Discount, {
          code,
          is_dynamic: input.is_dynamic ?? false,
          valid_duration: input.valid_duration ?? null,
          parent_discount_id: null,
          rule_id: savedRule.id,
          is_disabled: input.is_disabled ?? false,
          starts_at: startsAt,
          ends_at: input.ends_at ?? null,
          usage_limit: input.usage_limit ?? null,
          usage_count: 0,
          metadata: input.metadata ?? null,
          ...customFieldValues("discount", input),
        }),
      );
      await this.writeRegions(tx.manager, discount.id, regions);
      await this.cradle.discountConditionService.writeForRule(tx.manager, savedRule.id, input.rule.conditions ?? []);
      tx.emit("discount.created", { id: discount.id });
      return this.retrieve(discount.id);
    });
  }

  update(id: string, input: UpdateDiscountInput): Promise<DiscountView> {
    return this.unitOfWork.run(async (tx) => {
      const discount = await this.load(tx.manager, { id });
      const rule = discount.rule!;
      if (input.code !== undefined) {
        const code = input.code.trim().toUpperCase();
        if (code !== discount.code) await this.assertFreeCode(tx.manager, code);
        discount.code = code;
      }
      if (input.rule) {
        const next = this.checkRule({
          type: rule.type,
          value: input.rule.value ?? rule.value,
          allocation: input.rule.allocation ?? rule.allocation ?? undefined,
          description: input.rule.description === undefined ? rule.description : input.rule.description,
          metadata: input.rule.metadata === undefined ? rule.metadata : input.rule.metadata,
        });
        Object.assign(rule, { value: next.value, allocation: next.allocation, description: next.description, metadata: next.metadata });
        await tx.manager.save(rule);
      }
      const regions = input.regions ? [...new Set(input.regions)] : (discount.discount_regions ?? []).map((r) => r.region_id);
      this.checkRegionCount(rule.type, regions);
      if (input.regions) await this.assertRegions(regions);
      if (input.valid_duration !== undefined && !discount.is_dynamic) {
        throw new InvalidDataError("valid_duration is for dynamic discounts only", { field: "valid_duration" });
      }
      for (const key of ["is_disabled", "starts_at", "ends_at", "usage_limit", "valid_duration", "metadata"] as const) {
        if (input[key] !== undefined) (discount as any)[key] = input[key];
      }
      Object.assign(discount, customFieldValues("discount", input));
      this.checkDates(discount.starts_at, discount.ends_at);
      if (discount.usage_limit !== null && discount.usage_limit < discount.usage_count) {
        throw new InvalidDataError(`usage_limit cannot be below the ${discount.usage_count} uses already made`, { field: "usage_limit" });
      }
      delete discount.rule;
      delete discount.discount_regions;
      await tx.manager.save(discount);
      if (input.regions) {
        await tx.manager.delete(DiscountRegion, { discount_id: id });
        await this.writeRegions(tx.manager, id, regions);
      }
      tx.emit("discount.updated", { id });
      return this.retrieve(id);
    });
  }

  delete(id: string): Promise<void> {
    return this.unitOfWork.run(async (tx) => {
      const discount = await this.load(tx.manager, { id });
      // A dynamic code shares its parent's rule; a parent takes its codes with it.
      const children = await tx.manager.findBy(Discount, { parent_discount_id: id });
      if (children.length) await tx.manager.delete(Discount, { id: In(children.map((c) => c.id)) });
      await tx.manager.delete(Discount, { id });
      if (!discount.parent_discount_id) await tx.manager.delete(DiscountRule, { id: discount.rule_id });
      for (const child of children) tx.emit("discount.deleted", { id: child.id });
      tx.emit("discount.deleted", { id });
    });
  }

  addRegion(id: string, regionId: string): Promise<DiscountView> {
    return this.unitOfWork.run(async (tx) => {
      const discount = await this.load(tx.manager, { id });
      const regions = (discount.discount_regions ?? []).map((r) => r.region_id);
      if (!regions.includes(regionId)) {
        this.checkRegionCount(discount.rule!.type, [...regions, regionId]);
        await this.assertRegions([regionId]);
        await this.writeRegions(tx.manager, id, [regionId]);
        tx.emit("discount.updated", { id });
      }
      return this.retrieve(id);
    });
  }

  removeRegion(id: string, regionId: string): Promise<DiscountView> {
    return this.unitOfWork.run(async (tx) => {
      await this.load(tx.manager, { id });
      const { affected } = await tx.manager.delete(DiscountRegion, { discount_id: id, region_id: regionId });
      if (!affected) throw new NotFoundError(`Discount ${id} is not valid in region ${regionId}`);
      tx.emit("discount.updated", { id });
      return this.retrieve(id);
    });
  }

  /** `POST /admin/discounts/:id/dynamic-codes`: a dynamic code of a dynamic discount (`lib/dynamic-codes.ts`); answers the code. */
  createDynamicCode(id: string, input: DynamicCodeInput): Promise<DiscountView> {
    return this.unitOfWork.run(async (tx) => this.retrieve(await createDynamicCode(tx, id, input)));
  }

  /** `DELETE /admin/discounts/:id/dynamic-codes/:code`: answers the parent. */
  deleteDynamicCode(id: string, code: string): Promise<DiscountView> {
    return this.unitOfWork.run(async (tx) => {
      await deleteDynamicCode(tx, id, code);
      return this.retrieve(id);
    });
  }

  /**
   * The ids of the lines a discount may take from: those for which every
   * condition of its rule holds (all lines when it has none). A line's facts
   * come from the product module (`CatalogVariant.product`) and the cart's customer.
   */
  discountableLines(discount: { rule: { conditions?: DiscountConditionView[] } | null }, lines: DiscountableLine[]): string[] {
    return discountableLines(discount, lines);
  }

  /**
   * A code with conditions must hold for one of the cart's lines when it is
   * applied: otherwise a 400 `discount_not_valid_for_items` (Medusa v1's
   * "Discount is not valid for any item").
   */
  assertValidForLines(discount: DiscountView, lines: DiscountableLine[]): void {
    assertValidForLines(discount, lines);
  }

  /**
   * The discounts among those on a cart (`current`, with their rules) that
   * `added` replaces there: a cart holds one amount discount and one free
   * shipping discount (`lib/combination.ts`).
   */
  replacedBy(added: Combinable, current: Combinable[]): string[] {
    return replacedBy(added, current);
  }

  /**
   * Throws the reason a code cannot be used on a cart in this region now (422
   * with a stable code), as Medusa v1 refuses it.
   */
  assertApplicable(discount: DiscountView, regionId: string, now = new Date()): void {
    assertApplicable(discount, regionId, now);
  }

  /**
   * Counts one use of each discount, inside the caller's transaction: one
   * conditional UPDATE per discount, so concurrent completions never pass
   * `usage_limit`. A code used up meanwhile is a 422 and the caller rolls back.
   */
  consume(ids: string[]): Promise<void> {
    return this.unitOfWork.run(async (tx) => {
      for (const id of [...new Set(ids)].sort()) {
        const { affected } = await tx.manager
          .createQueryBuilder()
          .update(Discount)
          .set({ usage_count: () => "usage_count + 1", updated_at: new Date() })
          .where("id = :id", { id })
          .andWhere("(usage_limit IS NULL OR usage_count < usage_limit)")
          .execute();
        if (!affected) {
          const discount = await tx.manager.findOneBy(Discount, { id });
          throw new UnprocessableError(
            `The discount code ${discount?.code ?? id} has been used the maximum allowed times`,
            "discount_used_up",
            "code",
          );
        }
      }
    });
  }

  /** Gives back one use of each discount `consume` counted (a completion that made no order). */
  release(ids: string[]): Promise<void> {
    return this.unitOfWork.run(async (tx) => {
      for (const id of [...new Set(ids)].sort()) {
        await tx.manager
          .createQueryBuilder()
          .update(Discount)
          .set({ usage_count: () => "usage_count - 1", updated_at: new Date() })
          .where("id = :id AND usage_count > 0", { id })
          .execute();
      }
    });
  }

  private async load(manager: EntityManager, where: { id: string } | { code: string }): Promise<Discount> {
    const discount = await manager.findOne(Discount, { where, relations: { rule: true, discount_regions: true } });
    if (!discount) {
      const message = "code" in where ? `Discount with code ${where.code} was not found` : `Discount with id ${where.id} was not found`;
      throw new NotFoundError(message, "discount_not_found");
    }
    return discount;
  }

  private checkRule(rule: DiscountRuleInput): Required<Omit<DiscountRuleInput, "metadata" | "description">> & DiscountRuleInput {
    const allocation = rule.allocation ?? "total";
    if (rule.type === "percentage" && (rule.value < 1 || rule.value > 100)) {
      throw new InvalidDataError("rule.value: a percentage is from 1 to 100", { field: "rule.value" });
    }
    if (rule.type === "fixed" && rule.value < 1) {
      throw new InvalidDataError("rule.value: a fixed amount is at least 1 (minor units)", { field: "rule.value" });
    }
    return { ...rule, value: rule.type === "free_shipping" ? 0 : rule.value, allocation };
  }

  /** As in Medusa v1: a fixed amount is in one currency, so it belongs to one region. */
  private checkRegionCount(type: DiscountRuleType, regions: string[]): void {
    if (!regions.length) throw new InvalidDataError("regions: a discount needs at least one region", { field: "regions" });
    if (type === "fixed" && regions.length > 1) {
      throw new InvalidDataError("regions: a fixed discount can have one region only", { field: "regions" });
    }
  }

  private checkDates(startsAt: Date, endsAt: Date | null): void {
    if (endsAt && endsAt.getTime() <= new Date(startsAt).getTime()) {
      throw new InvalidDataError("ends_at must be after starts_at", { field: "ends_at" });
    }
  }

  private async assertFreeCode(manager: EntityManager, code: string): Promise<void> {
    if (await manager.existsBy(Discount, { code })) {
      throw new ConflictError(`A discount with the code ${code} already exists`, "duplicate_error");
    }
  }

  private async assertRegions(ids: string[]): Promise<void> {
    const regions = this.cradle.regionService;
    if (!regions) throw new InvalidDataError("Regions are not available in this project", { field: "regions" });
    const found = new Set((await regions.listByIds(ids)).map((r) => r.id));
    const missing = ids.find((id) => !found.has(id));
    if (missing) throw new NotFoundError(`Region with id ${missing} was not found`, "region_not_found");
  }

  private async writeRegions(manager: EntityManager, discountId: string, regionIds: string[]): Promise<void> {
    await insertAll(manager, DiscountRegion, regionIds.map((region_id) => ({ discount_id: discountId, region_id })));
  }
}
