import {
  Brackets,
  ConflictError,
  hashPassword,
  Not,
  NotFoundError,
  UnauthorizedError,
  verifyPassword,
  type TokenVersionCache,
  type KioskServices,
  type UnitOfWork,
} from "kiosk";
import { containsPattern, customFieldFilters, mergeMetadata } from "kiosk";
import { Customer } from "../models/customer";

export interface CreateCustomerInput {
  email: string;
  /** With a password the customer has an account and can sign in; without, it is a guest. */
  password?: string;
  first_name?: string | null;
  last_name?: string | null;
  phone?: string | null;
  metadata?: Record<string, unknown> | null;
}

export type UpdateCustomerInput = Partial<CreateCustomerInput> & {
  /** The customer's groups, exactly (`customerGroupService.setGroupsOf`). */
  groups?: { id: string }[];
};

export const CUSTOMER_ORDER_FIELDS = ["created_at", "updated_at", "email", "first_name", "last_name"] as const;

export interface ListCustomersQuery {
  q?: string;
  offset: number;
  limit: number;
  /** A field of `CUSTOMER_ORDER_FIELDS`, `-` first for descending. */
  order?: string;
  /** `groups` adds each customer's live groups. */
  expand?: string;
}

/** Whether `?expand=` asks for the customer's groups. */
export function expandsGroups(expand: string | undefined): boolean {
  return !!expand?.split(",").some((part) => part.trim() === "groups");
}

/** Compared against when the email is unknown, so a wrong email costs as long as a wrong password. */
let dummyHash: Promise<string> | undefined;


/**
 * Store customers: sign-up, sign-in, profile updates and the admin's list.
 * Emails are stored lower-cased and register once; the password hash never leaves.
 * A password change or `revokeTokens` raises the customer's token version, so
 * every token signed before it is refused; this process forgets what it cached of
 * the customer at once, other processes within `auth.accountCacheTtl`.
 */
export default class CustomerService {
  private readonly unitOfWork: UnitOfWork;
  private readonly tokenVersionCache: TokenVersionCache;

  constructor(private readonly cradle: KioskServices) {
    this.unitOfWork = cradle.unitOfWork;
    this.tokenVersionCache = cradle.tokenVersionCache;
  }

  async list(query: ListCustomersQuery): Promise<[Customer[], number]> {
    const desc = query.order?.startsWith("-") ?? false;
    const field = query.order?.replace(/^-/, "") ?? "created_at";
    if (!(CUSTOMER_ORDER_FIELDS as readonly string[]).includes(field)) throw new Error(`cannot order customers by ${field}`);
    return this.unitOfWork.run((tx) => {
      const qb = tx.manager.createQueryBuilder(Customer, "customer");
      if (query.q) {
        const q = containsPattern(query.q.toLowerCase());
        qb.where(
          new Brackets((w) => {
            for (const column of ["email", "first_name", "last_name", "phone"]) {
              w.orWhere(`LOWER(customer.${column}) LIKE :q ESCAPE '\\'`, { q });
            }
          }),
        );
      }
      if (expandsGroups(query.expand)) qb.leftJoinAndSelect("customer.groups", "grp", "grp.deleted_at IS NULL");
      for (const [column, value] of Object.entries(customFieldFilters("customer", query))) {
        qb.andWhere(`customer.${column} = :${column}`, { [column]: value });
      }
      return qb
        .orderBy(`customer.${field}`, desc ? "DESC" : "ASC")
        .addOrderBy("customer.id", desc ? "DESC" : "ASC")
        .skip(query.offset)
        .take(query.limit)
        .getManyAndCount();
    });
  }

  /** A customer; with `addresses`, its `shipping_addresses` too (oldest first); with `groups`, its live groups. */
  retrieve(id: string, options: { addresses?: boolean; groups?: boolean } = {}): Promise<Customer> {
    return this.unitOfWork.run(async (tx) => {
      const qb = tx.manager.createQueryBuilder(Customer, "customer").where("customer.id = :id", { id });
      if (options.addresses) {
        qb.leftJoinAndSelect("customer.shipping_addresses", "address")
          .orderBy("address.created_at", "ASC")
          .addOrderBy("address.id", "ASC");
      }
      if (options.groups) qb.leftJoinAndSelect("customer.groups", "grp", "grp.deleted_at IS NULL");
      const customer = await qb.getOne();
      if (!customer) throw new NotFoundError(`Customer with id ${id} was not found`);
      return customer;
    });
  }

  /** Whether a customer with an account (not a guest) has this email. */
  async hasAccount(email: string): Promise<boolean> {
    const found = await this.unitOfWork.run((tx) => tx.manager.findOneBy(Customer, { email: email.toLowerCase() }));
    return !!found?.has_account;
  }

  /**
   * Creates a customer. An email registers once (409 `duplicate_error`), except that
   * signing up with a password claims the guest customer of the same email, as in Medusa.
   */
  async create(input: CreateCustomerInput): Promise<Customer> {
    const email = input.email.toLowerCase();
    const { password, metadata, ...fields } = input;
    // Hashed before the transaction opens: it is slow, and keeps the transaction free of waits.
    const passwordHash = password ? await hashPassword(password) : null;
    return this.unitOfWork.run(async (tx) => {
      const existing = await tx.manager.findOneBy(Customer, { email });
      if (existing && (existing.has_account || !password)) {
        throw new ConflictError(`A customer with the email ${email} already has an account`, "duplicate_error");
      }
      const customer = existing ?? tx.manager.create(Customer, { metadata: null });
      Object.assign(customer, fields, {
        email,
        metadata: mergeMetadata(customer.metadata, metadata),
        has_account: !!password,
        password_hash: passwordHash,
      });
      const saved = await tx.manager.save(customer);
      tx.emit(existing ? "customer.updated" : "customer.created", { id: saved.id });
      return this.retrieve(saved.id, { addresses: true });
    });
  }

  /**
   * Updates a customer; a new email must be free (409), a new password gives the
   * customer an account and revokes every token the customer holds.
   */
  async update(id: string, input: UpdateCustomerInput): Promise<Customer> {
    const { password, metadata, email, groups, ...fields } = input;
    const passwordHash = password ? await hashPassword(password) : undefined;
    const updated = await this.unitOfWork.run(async (tx) => {
      const customer = await tx.manager.findOneBy(Customer, { id });
      if (!customer) throw new NotFoundError(`Customer with id ${id} was not found`);
      if (email !== undefined) {
        const lower = email.toLowerCase();
        if (await tx.manager.existsBy(Customer, { email: lower, id: Not(id) })) {
          throw new ConflictError(`A customer with the email ${lower} already exists`, "duplicate_error");
        }
        customer.email = lower;
      }
      Object.assign(customer, fields, { metadata: mergeMetadata(customer.metadata, metadata) });
      if (passwordHash) Object.assign(customer, { password_hash: passwordHash, has_account: true });
      await tx.manager.save(customer);
      if (passwordHash) await tx.manager.increment(Customer, { id }, "token_version", 1);
      if (groups) await this.cradle.customerGroupService.setGroupsOf(tx.manager, id, groups.map((g) => g.id));
      tx.emit("customer.updated", { id });
      return this.retrieve(id, { addresses: true, groups: !!groups });
    });
    if (passwordHash) this.tokenVersionCache.forget("customer", id);
    return updated;
  }

  /** Deletes a customer and its addresses (orders keep their own copy of the email). */
  async delete(id: string): Promise<void> {
    await this.unitOfWork.run(async (tx) => {
      const { affected } = await tx.manager.delete(Customer, { id });
      if (!affected) throw new NotFoundError(`Customer with id ${id} was not found`);
      tx.emit("customer.deleted", { id });
    });
    this.tokenVersionCache.forget("customer", id);
  }

  /** Signs the customer out everywhere: every token (and session cookie) issued so far is refused. */
  async revokeTokens(id: string): Promise<void> {
    await this.unitOfWork.run(async (tx) => {
      const { affected } = await tx.manager.increment(Customer, { id }, "token_version", 1);
      if (!affected) throw new NotFoundError(`Customer with id ${id} was not found`);
    });
    this.tokenVersionCache.forget("customer", id);
  }

  /** The token version of a customer with an account, for checking tokens; undefined for a guest or a deleted customer. */
  async tokenVersion(id: string): Promise<number | undefined> {
    const row = await this.unitOfWork.read((manager) =>
      manager
        .createQueryBuilder(Customer, "customer")
        .select("customer.token_version", "version")
        .where("customer.id = :id AND customer.has_account = :account", { id, account: true })
        .getRawOne<{ version: number | string }>(),
    );
    return row ? Number(row.version) : undefined;
  }

  /**
   * The customer with an account, this email and this password, and the token
   * version to sign its token with; one 401 for a wrong email or password alike.
   */
  async signIn(email: string, password: string): Promise<{ customer: Customer; tokenVersion: number }> {
    const found = await this.unitOfWork.read((manager) =>
      manager
        .createQueryBuilder(Customer, "customer")
        .addSelect(["customer.password_hash", "customer.token_version"])
        .where("customer.email = :email", { email: email.toLowerCase() })
        .getOne(),
    );
    const stored = found?.has_account ? found.password_hash : await (dummyHash ??= hashPassword("not-a-password"));
    const matches = await verifyPassword(password, stored);
    if (!found?.has_account || !matches) {
      throw new UnauthorizedError("Wrong email or password", "invalid_credentials");
    }
    return { customer: await this.retrieve(found.id, { addresses: true }), tokenVersion: found.token_version };
  }

  /** The customer with an account, this email and this password; one 401 for a wrong email or password alike. */
  async authenticate(email: string, password: string): Promise<Customer> {
    return (await this.signIn(email, password)).customer;
  }
}
