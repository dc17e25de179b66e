import { ConflictError, In, IsNull, mergeMetadata, Not, NotFoundError, type EntityManager, type KioskServices, type UnitOfWork } from "kiosk";
import { insertAll, lockRow, sql, type JsonBatch, type Sql } from "kiosk/sql";
import { CustomerGroup } from "../models/customer-group";
import { Customer } from "../models/customer";
import { addMembers, existingCustomers, removeAllMembers, removeMembers, setCustomerGroups } from "../lib/group-members";
import { listGroupCustomers, listGroups, type ListGroupCustomersQuery, type ListGroupsQuery } from "../lib/group-lists";

export interface CustomerGroupInput {
  name: string;
  metadata?: Record<string, unknown> | null;
}

/**
 * Customer groups, as Medusa v1 keeps them: unique live names, soft deletion,
 * members added and removed in batches. Every change of a group, its members
 * included, runs with the group's row locked, so racing batches take turns.
 */
export default class CustomerGroupService {
  private readonly unitOfWork: UnitOfWork;

  constructor({ unitOfWork }: KioskServices) {
    this.unitOfWork = unitOfWork;
  }

  list(query: ListGroupsQuery): Promise<[CustomerGroup[], number]> {
    return this.unitOfWork.read((manager) => listGroups(manager, query));
  }

  retrieve(id: string): Promise<CustomerGroup> {
    return this.unitOfWork.read((manager) => this.live(manager, id));
  }

  /** The group's customers (404 for an unknown group), searched with `q`. */
  listCustomers(id: string, query: ListGroupCustomersQuery): Promise<[Customer[], number]> {
    return this.unitOfWork.read(async (manager) => {
      await this.live(manager, id);
      return listGroupCustomers(manager, id, query);
    });
  }

  create(input: CustomerGroupInput): Promise<CustomerGroup> {
    return this.unitOfWork.run(async (tx) => {
      await this.assertNameFree(tx.manager, input.name);
      const group = tx.manager.create(CustomerGroup, { metadata: null, deleted_at: null, ...input });
      // A concurrent create of the same name fails here on the partial unique index (409 duplicate_error).
      await insertAll(tx.manager, CustomerGroup, [group]);
      tx.emit("customer-group.created", { id: group.id });
      return this.live(tx.manager, group.id);
    });
  }

  update(id: string, input: Partial<CustomerGroupInput>): Promise<CustomerGroup> {
    return this.unitOfWork.run(async (tx) => {
      const group = await this.lock(tx.manager, id);
      if (input.name !== undefined && input.name !== group.name) await this.assertNameFree(tx.manager, input.name, id);
      const { metadata, ...fields } = input;
      const changes = { ...fields, metadata: mergeMetadata(group.metadata, metadata), updated_at: new Date() };
      await tx.manager.update(CustomerGroup, { id }, changes as never);
      tx.emit("customer-group.updated", { id });
      return this.live(tx.manager, id);
    });
  }

  /** Soft-deletes a group and lets its customers go. */
  delete(id: string): Promise<void> {
    return this.unitOfWork.run(async (tx) => {
      await this.lock(tx.manager, id);
      const now = new Date();
      await tx.manager.update(CustomerGroup, { id }, { deleted_at: now, updated_at: now });
      await removeAllMembers(tx.manager, id);
      tx.emit("customer-group.deleted", { id });
    });
  }

  /** Adds customers to a group (an unknown one is a 404 and nothing changes); members already in it stay. */
  addCustomers(id: string, customerIds: string[]): Promise<CustomerGroup> {
    return this.changeMembers(id, async (manager) => addMembers(manager, id, await existingCustomers(manager, customerIds)));
  }

  /** Removes customers from a group; ids not in it are ignored, as in Medusa v1. */
  removeCustomers(id: string, customerIds: string[]): Promise<CustomerGroup> {
    return this.changeMembers(id, (manager) => removeMembers(manager, id, [...new Set(customerIds)]));
  }

  /**
   * Makes a customer's groups exactly these (`POST /admin/customers/:id { groups }`), in the
   * caller's transaction; an unknown or deleted group is a 404 and nothing changes.
   */
  async setGroupsOf(manager: EntityManager, customerId: string, groupIds: string[]): Promise<void> {
    const unique = [...new Set(groupIds)];
    const found = unique.length ? await manager.find(CustomerGroup, { where: { id: In(unique), deleted_at: IsNull() }, select: { id: true } }) : [];
    const missing = unique.find((g) => !found.some((f) => f.id === g));
    if (missing) throw new NotFoundError(`Customer group with id ${missing} was not found`, "customer_group_not_found");
    await setCustomerGroups(manager, customerId, unique);
  }

  /** The live groups of these ids (unknown or deleted ones left out), for views that show groups. */
  liveGroups(ids: string[]): Promise<CustomerGroup[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.unitOfWork.read((manager) => manager.find(CustomerGroup, { where: { id: In(ids), deleted_at: IsNull() }, order: { name: "ASC", id: "ASC" } }));
  }

  /**
   * Read part: a subquery of the ids of a customer's live groups, for another module's
   * statement (`priceListService.pricesInForce`), so pricing stays one statement.
   */
  groupIdsSql(customerId: string): Sql {
    return sql`SELECT m."customer_group_id" FROM "customer_group_customers" m JOIN "customer_group" cg ON cg."id" = m."customer_group_id" WHERE m."customer_id" = ${customerId} AND cg."deleted_at" IS NULL`;
  }

  /**
   * Read part (see `JsonBatch`): adds to the caller's batch the live groups of the
   * customers `customerIds` picks (a subquery over the caller's own tables, such as
   * `sql\`SELECT "customer_id" FROM "cart" WHERE "id" = ${id}\``). Call `batch.run()`,
   * then the function returned for each customer's group ids.
   */
  readGroupIds(batch: JsonBatch, customerIds: Sql): () => Map<string, string[]> {
    const members = batch.plain<{ customer_id: string; customer_group_id: string }>(
      "customer_group_customers",
      ["customer_id", "customer_group_id"],
      sql`t."customer_id" IN (${customerIds}) AND t."customer_group_id" IN (SELECT "id" FROM "customer_group" WHERE "deleted_at" IS NULL)`,
    );
    return () => {
      const byCustomer = new Map<string, string[]>();
      for (const m of members.rows) byCustomer.set(m.customer_id, [...(byCustomer.get(m.customer_id) ?? []), m.customer_group_id]);
      return byCustomer;
    };
  }

  private changeMembers(id: string, change: (manager: EntityManager) => Promise<void>): Promise<CustomerGroup> {
    return this.unitOfWork.run(async (tx) => {
      await this.lock(tx.manager, id);
      await change(tx.manager);
      tx.emit("customer-group.updated", { id });
      return this.live(tx.manager, id);
    });
  }

  private async assertNameFree(manager: EntityManager, name: string, except?: string): Promise<void> {
    const where = { name, deleted_at: IsNull(), ...(except ? { id: Not(except) } : {}) };
    if (await manager.existsBy(CustomerGroup, where)) {
      throw new ConflictError(`A customer group with the name ${name} already exists`, "duplicate_error");
    }
  }

  private async live(manager: EntityManager, id: string): Promise<CustomerGroup> {
    const group = await manager.findOneBy(CustomerGroup, { id, deleted_at: IsNull() });
    if (!group) throw new NotFoundError(`Customer group with id ${id} was not found`);
    return group;
  }

  /** Locks a live group for the rest of the transaction (404 when there is none). */
  private async lock(manager: EntityManager, id: string): Promise<CustomerGroup> {
    const group = await lockRow(manager, CustomerGroup, id);
    if (!group || group.deleted_at) throw new NotFoundError(`Customer group with id ${id} was not found`);
    return group;
  }
}
