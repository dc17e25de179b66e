import {
  ConflictError,
  In,
  InvalidDataError,
  IsNull,
  mergeMetadata,
  NotFoundError,
  type EntityManager,
  type KioskServices,
  type UnitOfWork,
} from "kiosk";
import { insertAll } from "kiosk/sql";
import { ReturnReason } from "../models/return-reason";
import { loadReturnReasons } from "../lib/load-return-reasons";
import type { ReturnReasonView } from "../lib/return-reason-view";

export interface ReturnReasonInput {
  value: string;
  label: string;
  description?: string | null;
  parent_return_reason_id?: string | null;
  metadata?: Record<string, unknown> | null;
}

export type ReturnReasonUpdate = Partial<Pick<ReturnReasonInput, "label" | "description" | "metadata">>;

/** Return reasons, as Medusa v1 keeps them: unique values, one level of children, soft deletion. */
export default class ReturnReasonService {
  private readonly unitOfWork: UnitOfWork;

  constructor({ unitOfWork }: KioskServices) {
    this.unitOfWork = unitOfWork;
  }

  /** Every live top-level reason, newest first, with its children. */
  list(): Promise<ReturnReasonView[]> {
    return this.unitOfWork.read((manager) => loadReturnReasons(manager));
  }

  retrieve(id: string): Promise<ReturnReasonView> {
    return this.unitOfWork.read((manager) => this.load(manager, id));
  }

  create(input: ReturnReasonInput): Promise<ReturnReasonView> {
    return this.unitOfWork.run(async (tx) => {
      const parentId = input.parent_return_reason_id || null;
      if (parentId) await this.requireParent(tx.manager, parentId);
      if (await tx.manager.existsBy(ReturnReason, { value: input.value, deleted_at: IsNull() })) {
        throw new ConflictError(`A return reason with the value ${input.value} already exists`, "duplicate_error");
      }
      const reason = tx.manager.create(ReturnReason, {
        description: null,
        metadata: null,
        deleted_at: null,
        ...input,
        parent_return_reason_id: parentId,
      });
      // A concurrent create of the same value fails here on the partial unique index (409 duplicate_error).
      await insertAll(tx.manager, ReturnReason, [reason]);
      tx.emit("return-reason.created", { id: reason.id });
      return this.load(tx.manager, reason.id);
    });
  }

  update(id: string, input: ReturnReasonUpdate): Promise<ReturnReasonView> {
    return this.unitOfWork.run(async (tx) => {
      const reason = await this.live(tx.manager, id);
      const { metadata, ...fields } = input;
      await tx.manager.save(Object.assign(reason, fields, { metadata: mergeMetadata(reason.metadata, metadata) }));
      tx.emit("return-reason.updated", { id });
      return this.load(tx.manager, id);
    });
  }

  /** Soft-deletes a reason and its children (as Medusa v1's cascade does); each raises `return-reason.deleted`. */
  delete(id: string): Promise<void> {
    return this.unitOfWork.run(async (tx) => {
      await this.live(tx.manager, id);
      const children = await tx.manager.find(ReturnReason, { where: { parent_return_reason_id: id, deleted_at: IsNull() }, select: { id: true } });
      const ids = [id, ...children.map((c) => c.id)];
      const now = new Date();
      await tx.manager.update(ReturnReason, { id: In(ids), deleted_at: IsNull() }, { deleted_at: now, updated_at: now });
      for (const deleted of ids) tx.emit("return-reason.deleted", { id: deleted });
    });
  }

  private async load(manager: EntityManager, id: string): Promise<ReturnReasonView> {
    const [reason] = await loadReturnReasons(manager, [id]);
    if (!reason) throw new NotFoundError(`Return reason with id ${id} was not found`);
    return reason;
  }

  private async live(manager: EntityManager, id: string): Promise<ReturnReason> {
    const reason = await manager.findOneBy(ReturnReason, { id, deleted_at: IsNull() });
    if (!reason) throw new NotFoundError(`Return reason with id ${id} was not found`);
    return reason;
  }

  /** A parent must exist, not be deleted, and be top-level itself: Medusa v1 refuses a doubly nested reason. */
  private async requireParent(manager: EntityManager, parentId: string): Promise<void> {
    const parent = await manager.findOneBy(ReturnReason, { id: parentId, deleted_at: IsNull() });
    if (!parent) {
      throw new NotFoundError(`Return reason with id ${parentId} was not found`, "parent_return_reason_not_found");
    }
    if (parent.parent_return_reason_id) {
      throw new InvalidDataError(`Return reason ${parentId} is a child reason: doubly nested return reasons are not supported`, {
        code: "return_reason_too_deep",
        field: "parent_return_reason_id",
      });
    }
  }
}
